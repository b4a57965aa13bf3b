"""Rasa NLU component: keeps the questions the assistant could not answer, de-identified, so the
region's maintainer sees what to add next (bot/unanswered/, the page /inbox/onbeantwoord).

It runs last, after the crisis net, so it sees the final intent: a message that ends as
``nlu_fallback`` after the answer choice asked back ("Bedoel je ...?") or said it has no answer
on a subject it names. A crisis message never ends as ``nlu_fallback``, so it is never stored;
nor is what has less than three words besides the tags (a form's answer: a name, an address). Off unless CIP_RECORD_UNANSWERED=1
(scripts/run): tests, training and set-ups without the project's database store nothing. The text
is de-identified before it is written and is never logged; a database error is logged by its
type only, and the user gets the reply all the same."""

from __future__ import annotations

import logging
from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from sqlalchemy.exc import SQLAlchemyError

from bot.domain.answer_choice import CLARIFY, NOT_COVERED
from bot.rasa_plugins.nlu.answer_choice import CHOICE_KEY
from bot.rasa_plugins.nlu.stateless import StatelessComponent
from bot.settings import settings
from bot.tickets.clock import utcnow
from bot.unanswered.models import CLARIFIED, NOT_ANSWERED

log = logging.getLogger(__name__)


def outcome(message: Message) -> str | None:
    """CLARIFIED or NOT_ANSWERED when the reply to this message is a question back or an honest
    non-answer, else None."""
    if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME:
        return None
    choice = message.get(CHOICE_KEY) or {}
    if choice.get("kind") == CLARIFY and choice.get("offered"):
        return CLARIFIED
    if choice.get("kind") == NOT_COVERED and choice.get("subject"):
        return NOT_ANSWERED
    return None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class UnansweredRecorder(StatelessComponent):
    """Stores the de-identified text of the messages `outcome` picks, when switched on."""

    def process(self, messages: List[Message]) -> List[Message]:
        if not settings.record_unanswered:
            return messages
        picked = [(m.get(TEXT), kind) for m in messages if (kind := outcome(m)) is not None]
        if picked:
            _store(picked)
        return messages


def _store(picked: list) -> None:
    from bot.storage.db import session
    from bot.unanswered.store import record

    try:
        with session(settings.database_url) as db:
            for text, kind in picked:
                record(db, text, kind, utcnow())
    except SQLAlchemyError as error:
        log.error("onbeantwoorde vraag niet opgeslagen: %s", type(error).__name__)
