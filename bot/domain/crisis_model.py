"""A learned second opinion on acute danger: letter and word n-grams, logistic regression.

Why: the crisis concepts (``crisis_concepts.py``) reach every message of the writers they were
tuned on and little more than half of the next writer's; each writer finds new words for the same
danger. A model of the letters and words of every crisis message written so far (in all languages
of the corpus) catches many of those unseen phrasings, and it is small: it trains in seconds, needs
no download, and its state is three arrays (no pickle). Figures: bench/RESULTS.md.

The features (``bot.domain.text_features``) are hashed, so the model keeps no vocabulary: the
columns it saw with their inverse document frequencies, the weights and the intercept are all it
stores.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import numpy as np
import yaml
from sklearn.linear_model import LogisticRegression

from bot.domain.text_features import Weighting

CRISIS_INTENT = "crisis"
FILE = "crisis_model.npz"


@dataclass(frozen=True)
class CrisisModel:
    """``probability(text)``: how likely ``text`` tells of acute danger, between 0 and 1."""

    weighting: Weighting
    weights: np.ndarray
    intercept: float

    @classmethod
    def train(cls, crisis: Sequence[str], ordinary: Sequence[str], strength: float = 100.0) -> "CrisisModel":
        """Fits on crisis messages against ordinary ones; both classes weigh the same in total.

        ``strength`` (the inverse of the regularisation) was chosen leaving one round of writers
        out at a time: with rounds 4 to 7, 30 caught more than 10 or 3 (bench/RESULTS.md, stop 16);
        with round 8 added, 100 caught 12 more of the left-out rounds' 1,669 crisis messages than
        30, with 3 more false alarms on their 1,259 hard negatives (300: 20 more, 4 more; stop 18)."""
        weighting, features = Weighting.fit(list(crisis) + list(ordinary))
        labels = np.array([1] * len(crisis) + [0] * len(ordinary))
        fitted = LogisticRegression(C=strength, class_weight="balanced", max_iter=3000)
        fitted.fit(features, labels)
        return cls(weighting, fitted.coef_.ravel().astype(np.float32), float(fitted.intercept_[0]))

    def probabilities(self, texts: Sequence[str]) -> List[float]:
        scores = self.weighting.features(texts) @ self.weights + self.intercept
        return [float(p) for p in 1.0 / (1.0 + np.exp(-scores))]

    def probability(self, text: str) -> float:
        return self.probabilities([text])[0]

    def save(self, directory: Path) -> None:
        np.savez_compressed(directory / FILE, **self.weighting.arrays(), weights=self.weights, intercept=self.intercept)

    @classmethod
    def load(cls, directory: Path) -> "CrisisModel":
        with np.load(directory / FILE) as stored:
            return cls(Weighting.stored(stored), stored["weights"], float(stored["intercept"]))


def train_on(corpus: Iterable[Path], examples: Iterable[Tuple[str, str]]) -> CrisisModel:
    """The model of the crisis corpus (files with ``messages`` and ``negatives``, each a list of
    ``{text: ...}``) and the NLU examples as (intent, text): ``crisis`` against all others."""
    crisis: List[str] = []
    ordinary: List[str] = []
    for path in sorted(corpus):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        crisis += [item["text"] for item in data.get("messages") or []]
        ordinary += [item["text"] for item in data.get("negatives") or []]
    for intent, text in examples:
        (crisis if intent == CRISIS_INTENT else ordinary).append(text)
    return CrisisModel.train(crisis, ordinary)
