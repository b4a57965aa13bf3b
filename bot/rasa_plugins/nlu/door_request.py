"""Rasa NLU component: a question for the contact details of a local door ("wijkteam bellen",
"leerplicht nummer Aalten") gets the intent ``inform_municipality``, whose action names the doors
asked for in the user's municipality, or asks which municipality. No answer explains a phone
number, so without this the question got "Bedoel je ...?" or no answer. It runs after the answer
choice and only changes a message that got no answer; the crisis net still runs after it and wins.
No intent of its own: a new intent in the domain changes what DIET learns (held-out macro-F1
0.922 -> 0.917, and "laat maar" fell below the fallback's threshold)."""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.domain.local_doors import asked_doors
from bot.rasa_plugins.nlu.answer_choice import MUNICIPALITY_INTENT
from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class DoorRequest(StatelessComponent, IntentClassifier):
    """Sets the intent `inform_municipality` on an unanswered question for a door's contact details."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
            if intent == DEFAULT_NLU_FALLBACK_INTENT_NAME and asked_doors(message.get(TEXT) or ""):
                set_intent(message, MUNICIPALITY_INTENT, 1.0)
        return messages
