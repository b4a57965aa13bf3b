"""Overriding a message's intent: ``nlu_fallback`` the way Rasa's FallbackClassifier does it, and
any other intent that one of our components decides (crisis, ticket status, a theme)."""

from __future__ import annotations

from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message


def set_fallback(message: Message, confidence: float) -> None:
    """Make ``nlu_fallback`` the message's intent and put it first in the ranking."""
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME, PREDICTED_CONFIDENCE_KEY: confidence}
    message.set(INTENT, fallback, add_to_output=True)
    ranking = message.get(INTENT_RANKING_KEY) or []
    message.set(INTENT_RANKING_KEY, [fallback] + ranking, add_to_output=True)


def set_intent(message: Message, name: str, confidence: float) -> None:
    """Make ``name`` the message's intent, first in the ranking and listed there only once."""
    chosen = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: confidence}
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != name]
    message.set(INTENT, chosen, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [chosen] + ranking, add_to_output=True)


# Set (not in the parse result) on a message the vocabulary gate found made of unknown words, so
# that later components leave its nlu_fallback alone.
UNKNOWN_WORDS = "unknown_words"
