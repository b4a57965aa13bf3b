"""Rasa NLU component: the learned crisis model (``bot.domain.crisis_model``) as a graph node.

It trains on the ``crisis`` examples of the NLU data and the crisis corpus (``data/crisis/``:
crisis messages and hard negatives of independent writers, in many languages) against every other
NLU example, and sets ``crisis_probability`` on each message; ``CrisisSafetyNet`` decides what it
means. The corpus is no Rasa training data: ``TrainedComponent`` puts its bytes in the node's
fingerprint.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.domain.crisis_model import CrisisModel, train_on
from bot.rasa_plugins.nlu.trained import TrainedComponent

CRISIS_PROBABILITY = "crisis_probability"  # key on the message, read by CrisisSafetyNet


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class CrisisClassifier(TrainedComponent):
    """Sets ``crisis_probability`` (0-1) on every message."""

    learned_type = CrisisModel
    stored_as = "2"  # the columns seen in training (bot.domain.text_features.Weighting)

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"corpus": "data/crisis"}

    def learn(self, training_data: TrainingData) -> CrisisModel:
        examples = ((example.get(INTENT), example.get(TEXT)) for example in training_data.intent_examples)
        return train_on(self.corpus_files(self.config), examples)

    def process(self, messages: List[Message]) -> List[Message]:
        texts = [message.get(TEXT) or "" for message in messages]
        for message, probability in zip(messages, self.learned.probabilities(texts)):
            message.set(CRISIS_PROBABILITY, probability)
        return messages
