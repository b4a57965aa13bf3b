"""Base of the NLU components whose intent a fixed phrase decides ("meer", "laat maar"): the whole
message is the phrase, so a pattern is surer than a classifier, whose confidence for a two-word
message moves with every retraining. The crisis safety net still runs after them and wins."""

from __future__ import annotations

from typing import Callable, ClassVar, List

from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent


class PhraseIntent(StatelessComponent, IntentClassifier):
    """Sets ``intent`` when ``matches`` finds the whole message one of its phrases."""

    intent: ClassVar[str]
    matches: ClassVar[Callable[[str], bool]]

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if type(self).matches(message.get(TEXT) or ""):
                set_intent(message, self.intent, 1.0)
        return messages
