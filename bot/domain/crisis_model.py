"""A learned second opinion on acute danger: letter and word n-grams, logistic regression.

Why: the crisis concepts (``crisis_concepts.py``) reach every message of the writers they were
tuned on and little more than half of the next writer's; each writer finds new words for the same
danger. A model of the letters and words of every crisis message written so far (in all languages
of the corpus) catches many of those unseen phrasings, and it is small: it trains in seconds, needs
no download, and its state is three arrays (no pickle). Figures: bench/RESULTS.md.

The features are hashed, so the model keeps no vocabulary: the inverse document frequencies,
the weights and the intercept are all it stores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, List, Sequence, Tuple

import numpy as np
import yaml
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

CRISIS_INTENT = "crisis"
N_FEATURES = 2**18
_VECTORIZERS = (
    HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=N_FEATURES, alternate_sign=False, norm=None),
    HashingVectorizer(analyzer="word", ngram_range=(1, 2), n_features=N_FEATURES, alternate_sign=False, norm=None),
)
_NOT_A_LETTER = re.compile(r"[^\w']+|_")


def prepare(text: str) -> str:
    """Lower case without accents, letters of every script kept (Arabic, Cyrillic, Ge'ez)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").lower())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_A_LETTER.sub(" ", plain).strip()


def _counts(texts: Sequence[str]) -> sparse.csr_matrix:
    prepared = [prepare(t) for t in texts]
    counts = sparse.hstack([v.transform(prepared) for v in _VECTORIZERS]).tocsr()
    counts.data = 1.0 + np.log(counts.data)  # a word said three times is not three times the danger
    return counts


@dataclass(frozen=True)
class CrisisModel:
    """``probability(text)``: how likely ``text`` tells of acute danger, between 0 and 1."""

    idf: np.ndarray
    weights: np.ndarray
    intercept: float

    @classmethod
    def train(cls, crisis: Sequence[str], ordinary: Sequence[str], strength: float = 10.0) -> "CrisisModel":
        """Fits on crisis messages against ordinary ones; both classes weigh the same in total."""
        counts = _counts(list(crisis) + list(ordinary))
        documents = np.asarray((counts > 0).sum(axis=0)).ravel()
        idf = (np.log((1 + counts.shape[0]) / (1 + documents)) + 1.0).astype(np.float32)
        labels = np.array([1] * len(crisis) + [0] * len(ordinary))
        fitted = LogisticRegression(C=strength, class_weight="balanced", max_iter=3000)
        fitted.fit(normalize(counts.multiply(idf).tocsr()), labels)
        return cls(idf, fitted.coef_.ravel().astype(np.float32), float(fitted.intercept_[0]))

    def probabilities(self, texts: Sequence[str]) -> List[float]:
        features = normalize(_counts(texts).multiply(self.idf).tocsr())
        scores = features @ self.weights + self.intercept
        return [float(p) for p in 1.0 / (1.0 + np.exp(-scores))]

    def probability(self, text: str) -> float:
        return self.probabilities([text])[0]

    def save(self, directory: Path) -> None:
        np.savez_compressed(
            directory / "crisis_model.npz", idf=self.idf, weights=self.weights, intercept=self.intercept
        )

    @classmethod
    def load(cls, directory: Path) -> "CrisisModel":
        with np.load(directory / "crisis_model.npz") as stored:
            return cls(stored["idf"], stored["weights"], float(stored["intercept"]))


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
