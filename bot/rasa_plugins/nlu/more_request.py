"""Rasa NLU component: a message that only asks for more ("meer", "vertel meer") gets the intent
``more``, whose rule gives the rest of the last answer (bot.domain.more_parts). A fixed phrase, so
the pattern decides; the crisis safety net still runs after it and wins."""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.domain.more_parts import MORE_INTENT, asks_for_more
from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class MoreRequest(StatelessComponent, IntentClassifier):
    """Sets the intent `more` when the whole message asks for more."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if asks_for_more(message.get(TEXT) or ""):
                set_intent(message, MORE_INTENT, 1.0)
        return messages
