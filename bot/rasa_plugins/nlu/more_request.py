"""Rasa NLU component: a message that only asks for more ("meer", "vertel meer") gets the intent
``more``, whose rule gives the rest of the last answer (bot.domain.more_parts)."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.domain.more_parts import MORE_INTENT, asks_for_more
from bot.rasa_plugins.nlu.phrase_intent import PhraseIntent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class MoreRequest(PhraseIntent):
    """Sets the intent `more` when the whole message asks for more."""

    intent = MORE_INTENT
    matches = staticmethod(asks_for_more)
