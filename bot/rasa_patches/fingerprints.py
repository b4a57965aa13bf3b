"""Fingerprints of tokens and features made from their content in one hash, not one per part.

Why: after every step of a training Rasa 3.6 fingerprints the step's output for its cache; for
the NLU steps that output is all training messages with their tokens and features. Rasa hashes
each token's text, position, lemma and data apart and then the list of those hashes, and writes
each sparse feature matrix out as text ("(i,j)  v" per value) before hashing it: in a full
training of this project more than a minute (profiled with py-spy; bench/RESULTS.md, stop 19).

How: a token is one hash of its parts as sorted JSON; a sparse matrix one hash of its shape, its
type and the bytes of its rows, columns and values. Still a function of the content alone, the
same in every process, and a change of any part changes it (tests/rasa_patches/test_fingerprints.py);
the values differ from Rasa's, so the first training after the patches were installed or removed
does not reuse Rasa's cache.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.features import Features


def token_fingerprint(self: Token) -> str:
    """One hash of the token's text, start, end, lemma and data."""
    parts = [self.text, self.start, self.end, self.lemma, self.data]
    return hashlib.md5(json.dumps(parts, sort_keys=True, default=str).encode("utf-8")).hexdigest()  # nosec


def features_fingerprint(self: Features) -> str:
    """One hash of the features' kind and values; computed once, as Rasa's."""
    if self._cached_fingerprint is None:
        digest = hashlib.md5(f"{self.type}\0{self.origin}\0{self.attribute}\0".encode("utf-8"))  # nosec
        matrix = self.features
        if self.is_dense():
            values = np.ascontiguousarray(matrix)
            digest.update(f"dense{values.shape}{values.dtype}".encode())
            digest.update(values.tobytes())
        else:
            coo = matrix.tocoo()
            digest.update(f"sparse{coo.shape}{coo.dtype}".encode())
            for array in (coo.row, coo.col, coo.data):
                digest.update(np.ascontiguousarray(array).tobytes())
        self._cached_fingerprint = digest.hexdigest()
    return self._cached_fingerprint


def apply() -> None:
    Token.fingerprint = token_fingerprint
    Features.fingerprint = features_fingerprint
