"""The count-vector features of many messages made with two vectorizer calls per attribute, not two
per message.

Why: Rasa 3.6's CountVectorsFeaturizer asks scikit-learn for the features of each message on its
own, twice (the tokens, and the tokens joined as a sentence), for every attribute (text, response,
action text and name). Most of a call is its fixed cost, so featurizing the training data took more
than a minute of a full training (the letter n-grams 65 s, the words 21 s; bench/RESULTS.md), and
a retraining of one component that needs the features pays it again.

How: the tokens of all messages go to the vectorizer in one list, the joined sentences in a
second, and the rows are handed back to each message: a row of a matrix of many messages is the
matrix scikit-learn gives that message alone (each row is counted on its own). A message without
tokens for an attribute gets no features for it, as in Rasa. The same features as Rasa's, checked
value by value in tests/rasa_patches/test_count_vectors.py.
"""

from __future__ import annotations

from typing import List, Optional, Text, Tuple

import scipy.sparse
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer, logger
from rasa.shared.nlu.training_data.message import Message

_RASA_PROCESS = CountVectorsFeaturizer.process

Rows = List[Optional[scipy.sparse.coo_matrix]]


def _features(vectorizer, attribute: Text, all_tokens: List[List[Text]]) -> Tuple[Rows, Rows]:
    """Sequence and sentence features of every message's tokens (None for a message without)."""
    sequence: Rows = [None] * len(all_tokens)
    sentence: Rows = [None] * len(all_tokens)
    present = [i for i, tokens in enumerate(all_tokens) if tokens]
    if not present:
        return sequence, sentence
    tokens = [token for i in present for token in all_tokens[i]]
    matrix = vectorizer.transform(tokens).tocsr()
    sentences = None
    if attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
        sentences = vectorizer.transform([" ".join(all_tokens[i]) for i in present]).tocsr()
    start = 0
    for row, i in enumerate(present):
        end = start + len(all_tokens[i])
        part = matrix[start:end]
        part.sort_indices()
        sequence[i] = part.tocoo()
        if sentences is not None:
            one = sentences[row : row + 1]
            one.sort_indices()
            sentence[i] = one.tocoo()
        start = end
    return sequence, sentence


def process(self, messages: List[Message]) -> List[Message]:
    """Rasa's ``process`` with the vectorizer called once per attribute for all ``messages``.

    ``self`` has no annotation: Rasa's graph validation would take an annotated one for an input."""
    if self.vectorizers is None:
        logger.error(
            "There is no trained CountVectorizer: component is either not trained or didn't receive enough training data"
        )
        return messages
    for attribute in self._attributes:
        vectorizer = self.vectorizers.get(attribute)
        if not vectorizer:
            continue  # Rasa adds nothing either: its features are [None], [None]
        all_tokens = [self._get_processed_message_tokens_by_attribute(message, attribute) for message in messages]
        sequence, sentence = _features(vectorizer, attribute, all_tokens)
        for message, sequence_features, sentence_features in zip(messages, sequence, sentence):
            self.add_features_to_message(sequence_features, sentence_features, attribute, message)
    return messages


def apply() -> None:
    CountVectorsFeaturizer.process = process
