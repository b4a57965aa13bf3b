"""Rasa NLU component: one answer ranking over the three themes, from one ResponseSelector per theme.

config.yml trains a ResponseSelector over all answers (Rasa puts its result under ``default``)
and one per retrieval intent (``route``, ``privacy``, ``absence``: under the theme's name). The
theme's chance is the confidence the selector over all answers gives the theme's answers together
(DIET's theme intent was wrong too often: "met wie op school praat ik eerst" is ``privacy`` to
it); the answer's chance within the theme comes from the theme's selector. This component
replaces ``default`` with the combined ranking (``bot.domain.answer_choice.combined_ranking``;
why per theme: its docstring), which the components after it read (theme fix, answer choice,
evaluation, handoff). The retrieval action ``utter_<theme>`` still reads its own theme's
selector, whose first answer is the combined first answer of that theme.
"""

from __future__ import annotations

from typing import Dict, List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import PREDICTED_CONFIDENCE_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.domain.answer_choice import combined_ranking
from bot.domain.handoff import THEMES
from bot.rasa_plugins.nlu.answer_choice import RESPONSE_SELECTOR_KEY
from bot.rasa_plugins.nlu.stateless import StatelessComponent

COMBINED = "default"
KEY = "intent_response_key"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class ThemeAnswers(StatelessComponent, IntentClassifier):
    """Writes the combined ranking of the per-theme ResponseSelectors under ``default``."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            selectors = message.get(RESPONSE_SELECTOR_KEY) or {}
            per_theme = {theme: selectors[theme] for theme in THEMES if theme in selectors}
            if per_theme:
                selectors[COMBINED] = combined(message, per_theme)
                message.set(RESPONSE_SELECTOR_KEY, selectors, add_to_output=True)
        return messages


def combined(message: Message, per_theme: Dict[str, dict]) -> dict:
    """The new ``default`` entry: the combined ranking, and the first answer with its texts (from
    its theme's selector) and its combined confidence."""
    theme_confidence: Dict[str, float] = {}
    for entry in ((message.get(RESPONSE_SELECTOR_KEY) or {}).get(COMBINED) or {}).get("ranking") or []:
        theme = (entry.get(KEY) or "").split("/")[0]
        theme_confidence[theme] = theme_confidence.get(theme, 0.0) + float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
    ranking = combined_ranking(
        theme_confidence,
        {
            theme: [(r[KEY], float(r.get(PREDICTED_CONFIDENCE_KEY) or 0.0)) for r in result.get("ranking") or []]
            for theme, result in per_theme.items()
        },
    )
    if not ranking:
        return {"response": {}, "ranking": []}
    top_key, top_confidence = ranking[0]
    response = dict(per_theme[top_key.split("/")[0]].get("response") or {})
    response[PREDICTED_CONFIDENCE_KEY] = top_confidence
    return {
        "response": response,
        "ranking": [{KEY: key, PREDICTED_CONFIDENCE_KEY: confidence} for key, confidence in ranking],
    }
