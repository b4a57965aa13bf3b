"""Rasa NLU component: do not guess an answer the assistant is unsure of.

The FallbackClassifier only looks at the intent. For the three themes the intent is coarse
(``route``, ``privacy``, ``absence``) and the ResponseSelector picks the actual answer, so a
confident intent can still come with an unsure answer. This component turns such a message
into ``nlu_fallback``, so the assistant asks to rephrase instead of giving an unrelated rule.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.fallback_intent import set_fallback

RESPONSE_SELECTOR_KEY = "response_selector"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class UnsureAnswerFallback(GraphComponent, IntentClassifier):
    """Sets ``nlu_fallback`` when the selected answer's confidence is below ``threshold``."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.threshold = float(config["threshold"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "UnsureAnswerFallback":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            confidence = answer_confidence(message)
            if confidence is not None and confidence < self.threshold:
                set_fallback(message, self.threshold)
        return messages


def answer_confidence(message: Message) -> float | None:
    """Confidence of the answer chosen for the message's intent; None when it has none."""
    intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    selectors = message.get(RESPONSE_SELECTOR_KEY) or {}
    selected = selectors.get(intent) or selectors.get("default")
    if not intent or not selected or intent not in selectors.get("all_retrieval_intents", []):
        return None
    return selected.get("response", {}).get(PREDICTED_CONFIDENCE_KEY)
