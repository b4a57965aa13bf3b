"""Rasa NLU component: the answer is given only when it fits the message (bot.domain.answer_choice).

It runs after the answer ranking (``AnswerRanker``), the FallbackClassifier and the theme fix. For a question on a
theme, or one the classifier was unsure of or found outside what it covers, it decides: answer,
ask back once ("Bedoel je ...?"), or say honestly that it has no answer. The latter two become
``nlu_fallback`` with the decision in the parse result (``answer_choice``), which the fallback
action reads; an answer keeps (or gets) its theme intent, so the theme's rule gives it.
"""

from __future__ import annotations

from typing import List, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.domain.answer_choice import ANSWER, NOT_COVERED, Choice, Thresholds, choose
from bot.domain.crisis_model import CRISIS_INTENT
from bot.domain.handoff import THEMES
from bot.domain.handoff_request import REQUEST_HUMAN
from bot.domain.local_doors import names_only_a_place
from bot.rasa_plugins.nlu.fallback_intent import UNKNOWN_WORDS, classified, set_fallback, set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent
from bot.region import load_region

RESPONSE_SELECTOR_KEY = "response_selector"
CHOICE_KEY = "answer_choice"
NOT_COVERED_INTENT = "not_covered"
OUT_OF_SCOPE_INTENT = "out_of_scope"
MUNICIPALITY_INTENT = "inform_municipality"
KEPT_INTENTS = (CRISIS_INTENT, REQUEST_HUMAN)  # never overruled by an answer


def ranking(message: Message) -> List[Tuple[str, float]]:
    """The answers ranked for the message, as (key, confidence), best first."""
    selector = (message.get(RESPONSE_SELECTOR_KEY) or {}).get("default") or {}
    return [
        (r.get("intent_response_key"), float(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0))
        for r in selector.get("ranking") or []
        if r.get("intent_response_key")
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class AnswerChoice(StatelessComponent, IntentClassifier):
    """Answer, clarification or honest non-answer for every question on the themes."""

    def __init__(self, limits: Thresholds = Thresholds()) -> None:
        self.limits = limits

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            answers_ranked = ranking(message)
            if message.get(UNKNOWN_WORDS) or not answers_ranked:
                continue
            decisive, choice = self.choice(message, answers_ranked)
            # kept for every message: the handoff takes its theme from it
            message.set(CHOICE_KEY, choice.as_dict(), add_to_output=True)
            if not decisive:
                continue
            if choice.kind == ANSWER:
                set_intent(message, choice.key.split("/")[0], 1.0)
            else:
                set_fallback(message, (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0)
        return messages

    def choice(self, message: Message, answers_ranked: List[Tuple[str, float]]) -> Tuple[bool, Choice]:
        """(whether the choice decides the reply, the choice). It decides for a question on a
        theme, one the classifier found outside the themes but near them (a subject it names),
        and one the classifier was unsure of; and an answer the ranking is sure of when the
        classifier is less sure of another intent and not sure enough to answer by the same measure
        ("de school gaat mijn zoon verwijderen": DIET 0.71 ``erase_conversation``; "wis deze chat":
        0.91, kept), except a crisis or a request for a person. A question that names a place is
        not the naming of a municipality ("huiswerkbegeleiding in Winterswijk?": DIET learned
        ``inform_municipality`` from place names alone): it is chosen for like an unsure one."""
        intent, intent_confidence = (
            classified(message).get(key) for key in (INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY)
        )
        text = message.get(TEXT) or ""
        if intent in THEMES:
            return True, choose(text, answers_ranked, self.limits)
        unsure = (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == DEFAULT_NLU_FALLBACK_INTENT_NAME
        if unsure or intent in (NOT_COVERED_INTENT, OUT_OF_SCOPE_INTENT):
            near = choose(text, answers_ranked, self.limits, answerable=False)
            if intent == NOT_COVERED_INTENT or (intent == OUT_OF_SCOPE_INTENT and near.subject):
                return True, near
            if unsure:
                return near.kind != NOT_COVERED or bool(near.subject), near
        if intent == MUNICIPALITY_INTENT and not names_only_a_place(load_region(), text):
            return True, choose(text, answers_ranked, self.limits, answerable=False)
        choice = choose(text, answers_ranked, self.limits)
        other = float(intent_confidence or 0.0)
        surer = choice.kind == ANSWER and answers_ranked[0][1] > other and other < self.limits.answer
        return surer and intent not in KEPT_INTENTS, choice
