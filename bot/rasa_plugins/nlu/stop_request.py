"""Rasa NLU component: a message that only says to stop ("stop", "laat maar") gets the intent
``stop``, whose rules stop a form (nothing of the handoff is stored) or say that nothing is going
on (bot.domain.stop_request)."""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.domain.stop_request import STOP_INTENT, asks_to_stop
from bot.rasa_plugins.nlu.phrase_intent import PhraseIntent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class StopRequest(PhraseIntent):
    """Sets the intent `stop` when the whole message says to stop."""

    intent = STOP_INTENT
    matches = staticmethod(asks_to_stop)
