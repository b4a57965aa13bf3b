"""Rasa NLU component: a message with a ticket reference (CIP-2026-000123) asks for the status of
that ticket. A classifier cannot learn every number, so the pattern decides; the crisis safety
net still runs after it and wins."""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.domain.handoff import find_reference
from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent

STATUS_INTENT = "ticket_status"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ReferenceIntent(StatelessComponent, IntentClassifier):
    """Sets the intent `ticket_status` when the text holds a ticket reference."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if find_reference(message.get(TEXT) or "") is None:
                continue
            set_intent(message, STATUS_INTENT, 1.0)
        return messages
