"""Scoring the NLU on the held-out questions (tests/nlu), the same way in the test and the benchmark."""

from __future__ import annotations

from typing import Callable, List, Tuple

from sklearn.metrics import f1_score

from bot import PROJECT_ROOT
from bot.rasa_plugins.nlu.examples import examples_by_intent

HELD_OUT = PROJECT_ROOT / "tests" / "nlu"


def predicted_intent(result: dict, gated: bool = True) -> str:
    """The full retrieval intent (``absence/rmc``) where the answer selector chose one of the
    intent's answers, else the intent: what the user is answered with. ``gated=False``: what the
    classifier chose before the answer choice turned an unsure answer into a clarification
    (``nlu_fallback``), the figure to compare with runs before the answer choice existed."""
    intent = result["intent"]["name"]
    if not gated and intent == "nlu_fallback":
        ranked = [r["name"] for r in result.get("intent_ranking") or [] if r["name"] != "nlu_fallback"]
        intent = ranked[0] if ranked else intent
    selector = (result.get("response_selector") or {}).get("default") or {}
    key = (selector.get("response") or {}).get("intent_response_key")
    if key and key.split("/")[0] == intent:
        return key
    return intent


def held_out_scores(parse: Callable[[str], dict], gated: bool = True) -> Tuple[float, int, List[str]]:
    """(macro-F1, number of examples, "text: expected X, got Y" for every miss) over tests/nlu."""
    gold, predicted, wrong = [], [], []
    for intent, texts in examples_by_intent(sorted(HELD_OUT.glob("*.yml"))).items():
        for text in texts:
            guess = predicted_intent(parse(text), gated)
            gold.append(intent)
            predicted.append(guess)
            if guess != intent:
                wrong.append(f"{text!r}: expected {intent}, got {guess}")
    macro_f1 = f1_score(gold, predicted, average="macro", labels=sorted(set(gold)), zero_division=0)
    return macro_f1, len(gold), wrong
