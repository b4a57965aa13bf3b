"""The batched count vectors of bot.rasa_patches.count_vectors are Rasa's own, value by value (their
speed: bench/RESULTS.md)."""

from typing import Dict, List, Tuple

import numpy as np
import pytest
from rasa.engine import validation
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ACTION_NAME, ACTION_TEXT, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_patches import count_vectors

TRAINING = [
    ("mag ik verlof aanvragen voor een bruiloft", "verlof"),
    ("mijn zoon is ziek, hoe meld ik hem af", "ziekmelden"),
    ("wie is de leerplichtambtenaar in Aalten?", "leerplicht"),
    ("mag school mijn gegevens delen met het wijkteam", "privacy"),
    ("12 dagen verzuim, wat nu", "leerplicht"),
]
# unseen words, a number, one word, an empty text; _messages adds one with only an action text
ASKED = ["hoeveel dagen verlof mag ik vragen voor mijn dochter", "kan de school 2 weken verlof geven", "hallo", ""]


def _messages(texts: List[str]) -> List[Message]:
    return [Message(data={TEXT: text}) for text in texts] + [Message(data={ACTION_TEXT: "Bedoel je verlof?"})]


def _featurizer(tmp_path, config: Dict) -> CountVectorsFeaturizer:
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    training = TrainingData(
        [Message(data={TEXT: text, INTENT: intent}) for text, intent in TRAINING]
        + [Message(data={ACTION_NAME: "utter_verlof"}), Message(data={ACTION_TEXT: "Verlof vraag je aan bij school."})]
    )
    tokenizer.process_training_data(training)
    featurizer = CountVectorsFeaturizer.create(
        {**CountVectorsFeaturizer.get_default_config(), **config},
        LocalModelStorage(tmp_path),
        Resource("cv"),
        ExecutionContext(None),
    )
    featurizer.train(training)
    return featurizer, tokenizer


def _features(messages: List[Message]) -> List[List[Tuple]]:
    """Per message, every feature as (attribute, type, origin, shape, rows, columns, values)."""
    return [
        [
            (
                f.attribute,
                f.type,
                f.origin,
                f.features.shape,
                *(np.asarray(a).tolist() for a in (f.features.row, f.features.col, f.features.data)),
            )
            for f in message.features
        ]
        for message in messages
    ]


@pytest.mark.parametrize(
    "config",
    [{}, {"analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4, "max_features": 3000}],
    ids=["words", "letter n-grams"],
)
def test_messages_featurized_together_get_the_features_rasa_gives_each_alone(tmp_path, config):
    featurizer, tokenizer = _featurizer(tmp_path, config)
    alone, together = _messages(ASKED), _messages(ASKED)
    tokenizer.process(alone)
    tokenizer.process(together)
    for message in alone:
        count_vectors._RASA_PROCESS(featurizer, [message])
    count_vectors.process(featurizer, together)
    assert _features(together) == _features(alone)
    assert any(_features(together))  # something was featurized
    assert {f[0] for f in _features(together)[-1]} == {ACTION_TEXT}  # only the attribute it has


def test_rasas_graph_validation_accepts_the_replacement(monkeypatch):
    monkeypatch.setattr(CountVectorsFeaturizer, "process", count_vectors.process)
    params, _ = validation._get_parameter_information(CountVectorsFeaturizer, "process")
    assert validation._required_args(params) == {"messages"}
