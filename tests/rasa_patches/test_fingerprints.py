"""The content fingerprints of bot.rasa_patches.fingerprints: the same content gives the same
fingerprint, in every process; any change of a part gives another (their speed: bench/RESULTS.md)."""

import subprocess
import sys

import numpy as np
import scipy.sparse
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.features import Features

from bot.rasa_patches.fingerprints import features_fingerprint, token_fingerprint


def _token(**changes) -> Token:
    parts = {"text": "verlof", "start": 4, "end": 10, "lemma": "verlof", "data": {"pos": "NOUN"}}
    parts.update(changes)
    return Token(parts["text"], parts["start"], parts["end"], data=parts["data"], lemma=parts["lemma"])


def _sparse(values=(1, 2), columns=(0, 3), shape=(2, 5), dtype=np.int64, **changes) -> Features:
    matrix = scipy.sparse.coo_matrix((np.array(values, dtype=dtype), ([0, 1], list(columns))), shape=shape)
    parts = {"type": "sequence", "attribute": "text", "origin": "CountVectorsFeaturizer", **changes}
    return Features(matrix, parts["type"], parts["attribute"], parts["origin"])


def test_the_same_token_gives_the_same_fingerprint_and_any_change_another():
    same = token_fingerprint(_token())
    assert token_fingerprint(_token()) == same
    assert token_fingerprint(_token(data={"pos": "NOUN"})) == same
    changed = [
        _token(text="Verlof"),
        _token(start=5),
        _token(end=11),
        _token(lemma="verloven"),
        _token(data={"pos": "VERB"}),
        _token(data={}),
    ]
    assert len({token_fingerprint(t) for t in changed} | {same}) == len(changed) + 1


def test_the_same_features_give_the_same_fingerprint_and_any_change_another():
    same = features_fingerprint(_sparse())
    assert features_fingerprint(_sparse()) == same
    changed = [
        _sparse(values=(1, 3)),
        _sparse(columns=(0, 4)),
        _sparse(shape=(2, 6)),
        _sparse(dtype=np.float32),
        _sparse(type="sentence"),
        _sparse(attribute="response"),
        _sparse(origin="other"),
    ]
    assert len({features_fingerprint(f) for f in changed} | {same}) == len(changed) + 1


def test_dense_features_are_fingerprinted_by_their_values():
    def dense(values):
        return Features(np.array(values, dtype=np.float32), "sentence", "text", "SpacyFeaturizer")

    assert features_fingerprint(dense([[0.5, 1.0]])) == features_fingerprint(dense([[0.5, 1.0]]))
    assert features_fingerprint(dense([[0.5, 1.0]])) != features_fingerprint(dense([[0.5, 1.5]]))


def test_a_fingerprint_is_the_same_in_another_process():
    code = (
        "from tests.rasa_patches.test_fingerprints import _sparse, _token\n"
        "from bot.rasa_patches.fingerprints import features_fingerprint, token_fingerprint\n"
        "print(token_fingerprint(_token()), features_fingerprint(_sparse()))\n"
    )
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert other[-2:] == [token_fingerprint(_token()), features_fingerprint(_sparse())]
