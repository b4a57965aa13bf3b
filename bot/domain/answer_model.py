"""Which answer fits a question: one linear model over all answers, on letters and words.

Why not Rasa's ResponseSelector: four of them (one over all answers for the theme, one per theme for
the answer) took 9 of the 12.5 minutes of a training on 2 cores, and this model, trained in seconds,
ranks the right answer first more often on every held-out set of independent writers
(bench/RESULTS.md, "one answer model"). Its confidences are a softmax over all answers, so a
theme's share is the sum of its answers' and no combination of selectors is needed.

Questions that no answer covers train a class of their own (``NONE``), which is left out of the
ranking: its share lowers the confidence of every answer for a question like them, so the answer
choice asks back or says it has no answer instead of answering a neighbouring rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import numpy as np
from sklearn.linear_model import LogisticRegression

from bot.domain.text_features import Weighting

FILE = "answer_model.npz"
NONE = ""  # the key of the questions no answer covers
Ranking = List[Tuple[str, float]]


@dataclass(frozen=True)
class AnswerModel:
    """``rankings(texts)``: for each text every answer key with its probability, best first (the
    probabilities add up to one minus the chance that no answer covers the text)."""

    weighting: Weighting
    keys: np.ndarray
    weights: np.ndarray
    intercepts: np.ndarray

    @classmethod
    def train(cls, examples: Iterable[Tuple[str, str]], strength: float = 30.0) -> "AnswerModel":
        """Fits on (answer key, question) pairs; ``NONE`` as the key of a question no answer covers."""
        pairs = list(examples)
        keys = np.array(sorted({key for key, _ in pairs}))
        weighting, features = Weighting.fit([text for _, text in pairs])
        labels = np.searchsorted(keys, [key for key, _ in pairs])
        fitted = LogisticRegression(C=strength, max_iter=3000).fit(features, labels)
        weights, intercepts = fitted.coef_, fitted.intercept_
        if len(keys) == 2:  # one row (the second key against the first): the same softmax with a zero row
            weights, intercepts = np.vstack([np.zeros_like(weights), weights]), np.array([0.0, intercepts[0]])
        return cls(weighting, keys, weights.astype(np.float32), intercepts.astype(np.float32))

    @cached_property
    def themes(self) -> List[str]:
        """The themes of the answers ("route" of "route/bullying"), sorted; worked out once."""
        return sorted({str(key).split("/")[0] for key in self.keys if key != NONE})

    def rankings(self, texts: Sequence[str]) -> List[Ranking]:
        scores = np.asarray(self.weighting.features(texts) @ self.weights.T) + self.intercepts
        scores = np.exp(scores - scores.max(axis=1, keepdims=True))
        probabilities = scores / scores.sum(axis=1, keepdims=True)
        return [
            [(str(self.keys[i]), float(row[i])) for i in np.argsort(-row, kind="stable") if self.keys[i] != NONE]
            for row in probabilities
        ]

    def save(self, directory: Path) -> None:
        np.savez_compressed(
            directory / FILE,
            **self.weighting.arrays(),
            keys=self.keys,
            weights=self.weights,
            intercepts=self.intercepts,
        )

    @classmethod
    def load(cls, directory: Path) -> "AnswerModel":
        with np.load(directory / FILE) as stored:
            return cls(Weighting.stored(stored), stored["keys"], stored["weights"], stored["intercepts"])
