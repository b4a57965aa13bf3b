"""Rasa NLU component: the crisis safety net on top of the classifier.

It runs last in the pipeline. When ``bot.safety`` sees acute danger, the message's intent
becomes ``crisis`` with full confidence, whatever the classifier or the fallback said. Every
``crisis`` message gets a ``crisis_kind`` entity, so the answer can lead with the right number.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.fallback_intent import set_intent
from bot.safety import CrisisKind, detect_crisis

CRISIS_INTENT = "crisis"
CRISIS_ENTITY = "crisis_kind"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisSafetyNet(GraphComponent, IntentClassifier):
    """Overrides the predicted intent with ``crisis`` when the safety patterns match."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CrisisSafetyNet":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    @staticmethod
    def _process_one(message: Message) -> None:
        kind = detect_crisis(message.get(TEXT))
        if kind is not None:
            set_intent(message, CRISIS_INTENT, 1.0)
        elif (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == CRISIS_INTENT:
            kind = CrisisKind.GENERAL
        else:
            return
        text = message.get(TEXT) or ""
        entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != CRISIS_ENTITY]
        entities.append(
            {
                ENTITY_ATTRIBUTE_TYPE: CRISIS_ENTITY,
                ENTITY_ATTRIBUTE_VALUE: kind.value,
                ENTITY_ATTRIBUTE_START: 0,
                ENTITY_ATTRIBUTE_END: len(text),
                EXTRACTOR: "CrisisSafetyNet",
            }
        )
        message.set(ENTITIES, entities, add_to_output=True)
