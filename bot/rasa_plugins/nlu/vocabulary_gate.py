"""Rasa NLU component: a message made of words the assistant never saw is not understood.

DIET gives confident predictions even for gibberish ("qwpz lrrrm" came out as ``goodbye``
with 94 % confidence). This component learns the vocabulary of the training data and turns a
message into ``nlu_fallback`` when too few of its words are known. A word with a small typo
counts as known when it is close to a known word, so "leerplicth" still passes.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.domain.safety import normalise
from bot.rasa_plugins.nlu.fallback_intent import UNKNOWN_WORDS, set_fallback
from bot.rasa_plugins.nlu.trained import TrainedComponent

VOCABULARY_FILE = "vocabulary.json"


def words(text: Optional[str]) -> List[str]:
    """The words of ``text`` that say something: letters only, two or more of them."""
    return [w for w in re.findall(r"[a-z]+", normalise(text or "")) if len(w) >= 2]


def known_share(
    text: Optional[str], vocabulary: FrozenSet[str], cutoff: float = 0.8, enough: Optional[float] = None
) -> Optional[float]:
    """Share of the words of ``text`` that are in (or close to a word of) ``vocabulary``. With
    ``enough``: once the words in the vocabulary itself make that share, it is returned without
    looking for close words (the slow part)."""
    found = words(text)
    if not found:
        return None
    exact = sum(1 for w in found if w in vocabulary)
    if enough is not None and exact / len(found) >= enough:
        return exact / len(found)
    by_length = _by_length(vocabulary)
    close = sum(1 for w in found if w not in vocabulary and _close_word(w, by_length, cutoff))
    return (exact + close) / len(found)


def _close_word(word: str, by_length: Dict[int, List[str]], cutoff: float) -> bool:
    """Whether a word of the vocabulary is at least ``cutoff`` similar (difflib's ratio) to
    ``word``, looking only at words of lengths that can be (2 * min / sum of the lengths)."""
    size = len(word)
    candidates = [
        w for length, ws in by_length.items() if 2.0 * min(size, length) / (size + length) >= cutoff for w in ws
    ]
    return bool(difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff))


@lru_cache(maxsize=4)
def _by_length(vocabulary: FrozenSet[str]) -> Dict[int, List[str]]:
    """The vocabulary by word length, in a fixed order."""
    grouped: Dict[int, List[str]] = {}
    for word in sorted(vocabulary):
        grouped.setdefault(len(word), []).append(word)
    return grouped


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class UnknownWordsFallback(TrainedComponent, IntentClassifier):
    """Sets ``nlu_fallback`` when fewer than ``min_known_share`` of the words are known."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"min_known_share": 0.5}

    def learn(self, training_data: TrainingData) -> FrozenSet[str]:
        return frozenset(w for example in training_data.intent_examples for w in words(example.get(TEXT)))

    @staticmethod
    def write(learned: FrozenSet[str], directory: Path) -> None:
        (directory / VOCABULARY_FILE).write_text(json.dumps(sorted(learned)))

    @classmethod
    def read(cls, directory: Path) -> FrozenSet[str]:
        return frozenset(json.loads((directory / VOCABULARY_FILE).read_text()))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            minimum = float(self.config["min_known_share"])
            share = known_share(message.get(TEXT), self.learned, enough=minimum)
            if share is not None and share < minimum:
                set_fallback(message, share)
                message.set(UNKNOWN_WORDS, True)
        return messages
