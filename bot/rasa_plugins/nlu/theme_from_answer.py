"""Rasa NLU component: the chosen answer decides the theme when DIET and the answer ranking disagree.

The three themes are retrieval intents (``route``, ``privacy``, ``absence``): DIET picks the
coarse theme and ``AnswerRanker`` ranks the answers of all three, whose first answer can belong to
another theme than DIET's first ("Op welke dag start de leerplicht?": DIET leans to ``privacy``
because privacy questions mention leerplicht too, the ranking puts ``absence/leerplicht_age`` first).
Rasa would then say the ranked answer under the wrong theme label, so the local door and a
handoff would be about the wrong theme. On our held-out questions the fine-grained ranking is
the better judge (docs/pipeline.md), so its theme wins; the answer gate after this component
still turns an unsure answer into ``nlu_fallback``.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.answer_choice import RESPONSE_SELECTOR_KEY
from bot.rasa_plugins.nlu.fallback_intent import set_intent
from bot.rasa_plugins.nlu.stateless import StatelessComponent


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ThemeFromAnswer(StatelessComponent, IntentClassifier):
    """Sets the theme intent to the theme of the selected answer."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            theme, confidence = answer_theme(message)
            if theme is not None:
                set_intent(message, theme, confidence)
        return messages


def answer_theme(message: Message) -> tuple[str | None, float]:
    """(theme, answer confidence) when the selected answer belongs to another theme than the
    intent; (None, 0.0) when they agree or the intent is not a theme."""
    intent = (message.get(INTENT) or {}).get(INTENT_NAME_KEY)
    selectors = message.get(RESPONSE_SELECTOR_KEY) or {}
    themes = selectors.get("all_retrieval_intents") or []
    response = (selectors.get("default") or {}).get("response") or {}
    key = response.get("intent_response_key") or ""
    theme = key.split("/")[0]
    if intent not in themes or theme not in themes or theme == intent:
        return None, 0.0
    return theme, float(response.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
