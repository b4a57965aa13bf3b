"""Rasa NLU component: every answer ranked for the message by the answer model
(``bot.domain.answer_model``), in place of Rasa's ResponseSelectors.

It trains on the questions of the retrieval intents (``route/...``, ``privacy/...``,
``absence/...``) and writes its ranking where Rasa's ResponseSelectors write theirs: over all
answers under ``default`` (read by the theme fix, the answer choice, the evaluation and the
handoff) and each theme's answers under the theme's name (read by Rasa: the retrieval action
``utter_route`` says the first ``route`` answer, and the processor names it in the intent's
``full_retrieval_intent_name``). Why one linear model instead of four selectors: the module's docstring.

Questions on a neighbouring subject that no answer covers (``data/answers/``, near misses of
independent writers) count as questions without an answer here, and only here: as ``not_covered``
examples in the NLU data they made DIET take covered questions for uncovered ones.
"""

from __future__ import annotations

from itertools import chain
from typing import Any, Dict, List, Text

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.constants import (
    RESPONSE_SELECTOR_DEFAULT_INTENT,
    RESPONSE_SELECTOR_PREDICTION_KEY,
    RESPONSE_SELECTOR_RANKING_KEY,
    RESPONSE_SELECTOR_RETRIEVAL_INTENTS,
    RESPONSE_SELECTOR_UTTER_ACTION_KEY,
)
from rasa.shared.nlu.constants import INTENT, INTENT_RESPONSE_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.domain.answer_model import NONE, AnswerModel, Ranking
from bot.rasa_plugins.nlu.answer_choice import RESPONSE_SELECTOR_KEY
from bot.rasa_plugins.nlu.trained import TrainedComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class AnswerRanker(TrainedComponent, IntentClassifier):
    """Sets ``response_selector`` as a ResponseSelector over all answers would."""

    learned_type = AnswerModel

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # the intents whose questions no answer covers: they lower the answers' confidence;
        # strength: the inverse of the regularisation (higher: surer of the training questions);
        # corpus: questions near the answers that none of them covers (``near_misses``)
        return {"uncovered_intents": ["not_covered", "out_of_scope"], "strength": 30.0, "corpus": "data/answers"}

    def learn(self, training_data: TrainingData) -> AnswerModel:
        uncovered = set(self.config["uncovered_intents"])
        examples = (
            (example.get(INTENT_RESPONSE_KEY) or NONE, example.get(TEXT))
            for example in training_data.intent_examples
            if example.get(INTENT_RESPONSE_KEY) or example.get(INTENT) in uncovered
        )
        near_misses = (
            (NONE, item["text"])
            for path in self.corpus_files(self.config)
            for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("near_misses") or []
        )
        return AnswerModel.train(chain(examples, near_misses), strength=float(self.config["strength"]))

    def process(self, messages: List[Message]) -> List[Message]:
        rankings = self.learned.rankings([message.get(TEXT) or "" for message in messages])
        for message, ranking in zip(messages, rankings):
            selectors = {
                RESPONSE_SELECTOR_RETRIEVAL_INTENTS: self.learned.themes,
                RESPONSE_SELECTOR_DEFAULT_INTENT: _selected(ranking),
            }
            for theme in self.learned.themes:
                selectors[theme] = _selected([(key, p) for key, p in ranking if key.startswith(theme + "/")])
            message.set(RESPONSE_SELECTOR_KEY, selectors, add_to_output=True)
        return messages


def _selected(ranking: Ranking) -> Dict[Text, Any]:
    """A selector's entry: the first answer (with the response Rasa's retrieval action says) and the ranking."""
    key, confidence = ranking[0]
    return {
        RESPONSE_SELECTOR_PREDICTION_KEY: {
            INTENT_RESPONSE_KEY: key,
            PREDICTED_CONFIDENCE_KEY: confidence,
            RESPONSE_SELECTOR_UTTER_ACTION_KEY: f"utter_{key}",
        },
        RESPONSE_SELECTOR_RANKING_KEY: [{INTENT_RESPONSE_KEY: k, PREDICTED_CONFIDENCE_KEY: p} for k, p in ranking],
    }
