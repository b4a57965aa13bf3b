"""Rasa NLU component: the crisis safety net on top of the classifier.

It runs last in the pipeline. When ``bot.domain.safety`` sees acute danger, the message's intent
becomes ``crisis`` with full confidence, whatever the classifier or the fallback said. A crisis
that only the classifier or the learned crisis model (``CrisisClassifier``) sees counts too, also
when the fallback took its place. A long message the learned model is sure is no crisis
(``bot.domain.safety.overruled``) is none, whatever the patterns or the classifier say: its
ordinary answer, with the safety line when the signs of danger call for one. Every
``crisis`` message gets a ``crisis_kind`` entity, so the answer can lead with the right number.

A message that is no crisis but shows a sign of danger (``bot.domain.safety.danger_sign``: a
danger word, or a ``crisis`` the classifier ranks high enough) gets the key ``danger_sign`` in its
parse result: the NLG (``bot.rasa_plugins.nlg``) then closes the ordinary answer with a safety line.
"""

from __future__ import annotations

from typing import List, Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.domain.crisis_model import CRISIS_INTENT
from bot.domain.safety import CrisisKind, danger_sign, detect_crisis, learned_crisis, names_danger, overruled
from bot.rasa_plugins.nlu.crisis_classifier import CRISIS_PROBABILITY
from bot.rasa_plugins.nlu.fallback_intent import (
    UNKNOWN_WORDS,
    classified,
    set_fallback,
    set_intent,
    set_message_entities,
)
from bot.rasa_plugins.nlu.language import OTHER_LANGUAGE
from bot.rasa_plugins.nlu.stateless import StatelessComponent

CRISIS_ENTITY = "crisis_kind"
CLASSIFIER_CONFIDENCE = 0.5
CLASSIFIER_MIN_WORDS = 5
DANGER_SIGN = "danger_sign"  # key in the parse result: the kind of safety line the answer ends with


def classifier_sees_crisis(message: Message) -> bool:
    """A crisis the patterns do not see but the classifier does (also under a nlu_fallback).

    A missed crisis is the one mistake that must not happen: a threshold of 0.9, chosen on the
    dev split, missed real ones on the final third of the evaluation set. But the classifier also
    takes short form answers ("ik ben de moeder", a name) for a crisis, which would stop the
    handoff form; so it counts from half confidence, in a message of several words it knows. And
    it learned family words from its examples ("moeder", "vader": false alarms on ordinary
    questions), so it counts only when the message names some danger (``names_danger``)."""
    intent = classified(message)
    if intent.get(INTENT_NAME_KEY) != CRISIS_INTENT or message.get(UNKNOWN_WORDS):
        return False
    text = message.get(TEXT) or ""
    sure = (intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= CLASSIFIER_CONFIDENCE
    return sure and len(text.split()) >= CLASSIFIER_MIN_WORDS and names_danger(text)


def sign_of_danger(message: Message) -> Optional[CrisisKind]:
    """The kind of safety line for a message that is no crisis (``danger_sign``), with the
    classifier's confidence for ``crisis`` when it knows the words and the language."""
    trusted = not message.get(UNKNOWN_WORDS) and (message.get(INTENT) or {}).get(INTENT_NAME_KEY) != OTHER_LANGUAGE
    ranking = message.get(INTENT_RANKING_KEY) or []
    confidence = max(
        [
            entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0
            for entry in ranking
            if entry.get(INTENT_NAME_KEY) == CRISIS_INTENT
        ],
        default=0.0,
    )
    return danger_sign(message.get(TEXT), confidence if trusted else 0.0, model_probability(message))


def model_probability(message: Message) -> float:
    """The learned crisis model's probability (``CrisisClassifier``), 0 when it did not run."""
    return message.get(CRISIS_PROBABILITY) or 0.0


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisSafetyNet(StatelessComponent, IntentClassifier):
    """Overrides the predicted intent with ``crisis`` when the safety patterns match."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process_one(message)
        return messages

    @staticmethod
    def _process_one(message: Message) -> None:
        sure_of_no_crisis = overruled(message.get(TEXT), message.get(CRISIS_PROBABILITY))
        kind = None if sure_of_no_crisis else detect_crisis(message.get(TEXT))
        if kind is not None:
            set_intent(message, CRISIS_INTENT, 1.0)
        elif not sure_of_no_crisis and (
            classifier_sees_crisis(message) or learned_crisis(message.get(TEXT), model_probability(message))
        ):
            set_intent(message, CRISIS_INTENT, 1.0)
            kind = CrisisKind.GENERAL
        else:
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == CRISIS_INTENT:
                # a crisis that does not count: unclear, so a form takes the answer and goes on
                set_fallback(message, (message.get(INTENT) or {}).get(PREDICTED_CONFIDENCE_KEY) or 0.0)
            sign = sign_of_danger(message)
            if sign is not None:
                message.set(DANGER_SIGN, sign.value, add_to_output=True)
            return
        set_message_entities(message, {CRISIS_ENTITY: kind.value}, "CrisisSafetyNet")
