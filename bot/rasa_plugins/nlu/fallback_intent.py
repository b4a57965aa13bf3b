"""Overriding a message's intent: ``nlu_fallback`` the way Rasa's FallbackClassifier does it, and
any other intent that one of our components decides (crisis, ticket status, a theme)."""

from __future__ import annotations

from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message


def set_fallback(message: Message, confidence: float) -> None:
    """Make ``nlu_fallback`` the message's intent and put it first in the ranking."""
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, fallback, add_to_output=True)
    ranking = message.get(INTENT_RANKING_KEY) or []
    message.set(INTENT_RANKING_KEY, [fallback] + ranking, add_to_output=True)


def classified(message: Message) -> dict:
    """The classifier's own intent with its confidence: under a ``nlu_fallback`` (set by Rasa's
    FallbackClassifier or one of our components) the one it ranked first; {} when there is none."""
    for entry in message.get(INTENT_RANKING_KEY) or [message.get(INTENT) or {}]:
        if entry.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME:
            return entry
    return {}


def set_intent(message: Message, name: str, confidence: float) -> None:
    """Make ``name`` the message's intent, first in the ranking and listed there only once."""
    chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen] + ranking, add_to_output=True)


# Set (not in the parse result) on a message the vocabulary gate found made of unknown words, so
# that later components leave its nlu_fallback alone.
UNKNOWN_WORDS = "unknown_words"


def set_message_entities(message: Message, values: dict, extractor: str) -> None:
    """Entities that say something about the whole message (``crisis_kind``, ``language``): each
    of ``values`` (type -> value) replaces an earlier one of its type and spans the whole text."""
    end = len(message.get(TEXT) or "")
    entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) not in values]
    entities.extend(
        {
            ENTITY_ATTRIBUTE_TYPE: kind,
            ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: 0,
            ENTITY_ATTRIBUTE_END: end,
            EXTRACTOR: extractor,
        }
        for kind, value in values.items()
    )
    message.set(ENTITIES, entities, add_to_output=True)
