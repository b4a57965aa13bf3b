"""Rasa NLU component: a request for a person starts the handoff, also when it names a subject.

"Kan iemand mij terugbellen over het verlof?" is classified as a question about leave; the user
asked for a person (bot.domain.handoff_request). It runs before the language and crisis
components, so acute danger still wins.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.domain.handoff_request import REQUEST_HUMAN, asks_for_person
from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class HandoffRequest(StatelessComponent, IntentClassifier):
    """Sets ``request_human`` when the user asks to be called, mailed or put through."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if asks_for_person(message.get(TEXT)):
                set_intent(message, REQUEST_HUMAN, 1.0)
        return messages
