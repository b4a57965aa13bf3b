"""Rasa NLU component: a message in another language gets an answer in that language.

A parent who writes in English, Turkish, Arabic, Polish, Ukrainian or German is told what this assistant
is and is offered a call-back (bot.domain.language decides the language). The intent becomes
``other_language`` with a ``language`` entity, which also fills the ``user_language`` slot, so the
crisis answer and the handoff's questions come in that language too. The crisis component runs
after this one and wins.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.domain.language import DUTCH, detect_language
from bot.rasa_plugins.nlu.fallback_intent import set_intent, set_message_entities
from bot.rasa_plugins.nlu.stateless import StatelessComponent

OTHER_LANGUAGE = "other_language"
LANGUAGE_ENTITY = "language"
# The handoff's questions come in English for every other language (the contact person calls
# back in English or with an interpreter): one variation per response instead of five.
FORM_LANGUAGE_ENTITY = "form_language"
FORM_LANGUAGE = "en"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class LanguageDetector(StatelessComponent, IntentClassifier):
    """Sets ``other_language`` and a ``language`` entity for a message not in Dutch."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if text.startswith("/"):
                continue
            language = detect_language(text)
            if language == DUTCH:
                continue
            set_intent(message, OTHER_LANGUAGE, 1.0)
            set_message_entities(
                message, {LANGUAGE_ENTITY: language, FORM_LANGUAGE_ENTITY: FORM_LANGUAGE}, "LanguageDetector"
            )
        return messages
