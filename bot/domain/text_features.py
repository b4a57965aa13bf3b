"""A message as hashed letter and word n-grams, weighted by rarity: the features of the learned models.

Why these: letter n-grams of 2-5 match a word with a typo, a missing space or another ending
("leerplig", "thuiszitten"), word pairs keep what a phrase means ("niet veilig"), and both work in
every script (Arabic, Cyrillic, Ge'ez) with no tokenizer or download. Why hashed: a model keeps no
vocabulary, only the columns it saw in training (``Weighting``): two small arrays, no pickle.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Dict, Mapping, Sequence, Tuple

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

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


def counts(texts: Sequence[str]) -> sparse.csr_matrix:
    """The n-gram counts of each text, damped: a word said three times is not three times the meaning."""
    prepared = [prepare(t) for t in texts]
    found = sparse.hstack([v.transform(prepared) for v in _VECTORIZERS]).tocsr()
    found.data = 1.0 + np.log(found.data)
    return found


@dataclass(frozen=True)
class Weighting:
    """The columns seen in training and their inverse document frequency (rare n-grams weigh more).

    An n-gram never seen in training has no weight in a model, but it still counts in the length
    of the message's vector, with the weight of the rarest n-gram: a message of mostly unknown
    n-grams is far from every training message, and a model's probabilities say so.
    """

    columns: np.ndarray
    idf: np.ndarray
    unseen_idf: float

    @classmethod
    def fit(cls, texts: Sequence[str]) -> Tuple["Weighting", sparse.csr_matrix]:
        """The weighting of ``texts`` and their features."""
        found = counts(texts)
        documents = np.asarray((found > 0).sum(axis=0)).ravel()
        columns = np.flatnonzero(documents)
        idf = (np.log((1 + found.shape[0]) / (1 + documents[columns])) + 1.0).astype(np.float32)
        weighting = cls(columns, idf, float(np.log(1 + found.shape[0]) + 1.0))
        return weighting, weighting._weighted(found)

    def arrays(self) -> Dict[str, np.ndarray]:
        """What a model stores of its weighting (with ``np.savez``; read back by ``stored``)."""
        return {"columns": self.columns, "idf": self.idf, "unseen_idf": np.asarray(self.unseen_idf)}

    @classmethod
    def stored(cls, arrays: Mapping[str, np.ndarray]) -> "Weighting":
        return cls(arrays["columns"], arrays["idf"], float(arrays["unseen_idf"]))

    def features(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """One row per text, unit length; n-grams not seen in training are left out."""
        return self._weighted(counts(texts))

    def _weighted(self, found: sparse.csr_matrix) -> sparse.csr_matrix:
        seen = found[:, self.columns]
        weighted = seen.multiply(self.idf).tocsr()
        unseen_squares = _row_squares(found) - _row_squares(seen)
        length = np.sqrt(_row_squares(weighted) + np.maximum(unseen_squares, 0.0) * self.unseen_idf**2)
        return sparse.diags(1.0 / np.where(length > 0, length, 1.0)) @ weighted


def _row_squares(matrix: sparse.spmatrix) -> np.ndarray:
    return np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
