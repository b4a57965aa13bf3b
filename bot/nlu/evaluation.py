"""Scoring the NLU on the held-out questions (tests/nlu), the same way in the test and the benchmark."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Tuple

from sklearn.metrics import f1_score

from bot.nlu.examples import examples_by_intent

HELD_OUT = Path(__file__).resolve().parents[2] / "tests" / "nlu"


def predicted_intent(result: dict) -> str:
    """The full retrieval intent (``absence/rmc``) where the answer selector chose one of the
    intent's answers, else the intent: what the user is answered with."""
    intent = result["intent"]["name"]
    selector = (result.get("response_selector") or {}).get("default") or {}
    key = (selector.get("response") or {}).get("intent_response_key")
    if key and key.split("/")[0] == intent:
        return key
    return intent


def held_out_scores(parse: Callable[[str], dict]) -> Tuple[float, int, List[str]]:
    """(macro-F1, number of examples, "text: expected X, got Y" for every miss) over tests/nlu."""
    gold, predicted, wrong = [], [], []
    for intent, texts in examples_by_intent(sorted(HELD_OUT.glob("*.yml"))).items():
        for text in texts:
            guess = predicted_intent(parse(text))
            gold.append(intent)
            predicted.append(guess)
            if guess != intent:
                wrong.append(f"{text!r}: expected {intent}, got {guess}")
    macro_f1 = f1_score(gold, predicted, average="macro", labels=sorted(set(gold)), zero_division=0)
    return macro_f1, len(gold), wrong
