"""Score the crisis safety net (bot.domain.safety, no classifier), alone and with the learned crisis
model (bot.domain.crisis_model, trained here as ``rasa train`` trains it), on the crisis sets.

Seventeen parts, reported apart: the part the concepts were tuned on in the first two rounds
(data/crisis/own.yml), the tuning two thirds of the independent writer's batch 3 (the same file,
``batch: 3``; the coordinator keeps its other third), the writers of rounds 4 to 10
(data/crisis/round4.yml ... round10.yml: the model trains on them, the concepts were not tuned to
them), and eight held-out parts that nobody looked at while tuning or trained on:
tests/data/crisis_heldout.yml and one writer of each of rounds 4 to 10
(tests/data/crisis_heldout_round4.yml ... _round10.yml). Per language and per kind:
recall (a crisis answer for a crisis message), the kind that leads the answer, and false alarms
on hard negatives (ordinary questions with crisis-like words). Beside each figure, in brackets:
the same with the safety line counted (a crisis answer or a line under the ordinary answer,
``bot.domain.safety.danger_sign``); and how often ordinary questions (the NLU examples of all
other intents, data/nlu and the held-out tests/nlu) get a line or a crisis answer.

    .venv/bin/python -m bench.crisis_set
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

from bot.domain.crisis_model import CrisisModel, train_on
from bot.domain.safety import CrisisKind, danger_sign, detect_crisis, learned_crisis, overruled
from bot.rasa_plugins.nlu.examples import examples_by_intent

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "crisis"
OWN = CORPUS / "own.yml"
ROUNDS = (4, 5, 6, 7, 8, 9, 10)
# writers per round in the corpus, and which writer of the round was held out
_WRITERS = {
    4: ("three", "fourth"),
    5: ("two", "third"),
    6: ("three", "fourth"),
    7: ("two", "third"),
    8: ("two", "third"),
    9: ("three", "fourth"),
    10: ("three", "fourth"),
}
HELD_OUT = ROOT / "tests" / "data" / "crisis_heldout.yml"
HELD_OUT_ROUNDS = {number: ROOT / "tests" / "data" / f"crisis_heldout_round{number}.yml" for number in ROUNDS}
HELD_OUT_4, HELD_OUT_5, HELD_OUT_6, HELD_OUT_7, HELD_OUT_8, HELD_OUT_9, HELD_OUT_10 = HELD_OUT_ROUNDS.values()


def _read(path: Path) -> Dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_parts() -> Dict[str, Dict]:
    """The seventeen parts by name: own rounds 1-2, batch 3 of the independent writer, the corpus of
    rounds 4 to 10, and the eight held-out parts."""
    own = _read(OWN)

    def batch(third: bool) -> Dict:
        return {key: [m for m in own[key] if (m.get("batch") == 3) == third] for key in ("messages", "negatives")}

    parts = {
        "tuning, rounds 1-2 (data/crisis/own.yml)": batch(False),
        "tuning, batch 3 of the independent writer (own.yml, batch: 3)": batch(True),
    }
    for number in ROUNDS:
        name = f"round{number}.yml"
        parts[
            f"round {number}, {_WRITERS[number][0]} writers: the model's corpus, not tuned on (data/crisis/{name})"
        ] = _read(CORPUS / name)
    parts["held-out (crisis_heldout.yml)"] = _read(HELD_OUT)
    for number, path in HELD_OUT_ROUNDS.items():
        parts[f"held-out, round {number}'s {_WRITERS[number][1]} writer ({path.name})"] = _read(path)
    return parts


def trained_model() -> CrisisModel:
    """The learned crisis model as ``rasa train`` makes it: the corpus and the NLU examples."""
    by_intent = examples_by_intent(sorted((ROOT / "data" / "nlu").glob("*.yml")))
    return train_on(CORPUS.glob("*.yml"), ((intent, text) for intent, texts in by_intent.items() for text in texts))


def score(data: Dict, detect: Callable[[str], Optional[str]]) -> Dict[str, Dict[str, List[int]]]:
    """Counts [hits, total] of recall per language and kind, right kind, and false alarms per language."""
    table: Dict[str, Dict[str, List[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for item in data["messages"]:
        kind = detect(item["text"])
        for key in (item["lang"], item["kind"], "all"):
            table["recall"][key][0] += kind is not None
            table["recall"][key][1] += 1
        table["right kind"]["all"][0] += kind is not None and kind == item["kind"]
        table["right kind"]["all"][1] += 1
    for item in data["negatives"]:
        alarm = detect(item["text"]) is not None
        for key in (item["lang"], "all"):
            table["false alarms"][key][0] += alarm
            table["false alarms"][key][1] += 1
    return table


def detectors(model: Optional[CrisisModel]) -> Dict[str, Callable[[str], Optional[str]]]:
    """``crisis``: the crisis kind or None; ``line``: the crisis kind, or ``line`` when only the
    safety line comes; with ``model``, its probability counts as in the crisis net."""

    def probability(text: str) -> Optional[float]:
        return model.probability(text) if model is not None else None

    def crisis(text: str) -> Optional[str]:
        known = probability(text)
        if overruled(text, known):
            return None
        kind = detect_crisis(text)
        if kind is None and learned_crisis(text, known or 0.0):
            kind = CrisisKind.GENERAL
        return None if kind is None else kind.value

    def line(text: str) -> Optional[str]:
        return crisis(text) or (
            "line" if danger_sign(text, model_probability=probability(text) or 0.0) is not None else None
        )

    return {"crisis": crisis, "line": line}


def ordinary_examples() -> Dict[str, List[str]]:
    """The NLU examples of every intent but ``crisis``, per source."""
    return {
        source: [
            text
            for intent, texts in examples_by_intent(sorted((ROOT / source).glob("*.yml"))).items()
            if intent != "crisis"
            for text in texts
        ]
        for source in ("data/nlu", "tests/nlu")
    }


def _cells(table: Dict, with_line: Dict, measure: str) -> str:
    return ", ".join(
        f"{key} {hit}/{total} ({100 * hit / total:.0f} %) [{with_line[measure][key][0]}]"
        for key, (hit, total) in table[measure].items()
    )


def main() -> None:
    print("[in brackets: a crisis answer or the safety line]")
    for name, detect in (
        ("the net alone", detectors(None)),
        ("the net and the learned model", detectors(trained_model())),
    ):
        print(f"######## {name}")
        for part, data in load_parts().items():
            table, with_line = score(data, detect["crisis"]), score(data, detect["line"])
            print(f"== {part}")
            for measure in table:
                print(f"  {measure}: {_cells(table, with_line, measure)}")
        for source, texts in ordinary_examples().items():
            alarms = sum(detect["crisis"](t) is not None for t in texts)
            lines = sum(detect["line"](t) == "line" for t in texts)
            share = f"{100 * lines / len(texts):.1f} %"
            print(f"== ordinary NLU examples ({source}): {len(texts)}; crisis answer {alarms}, line {lines} ({share})")


if __name__ == "__main__":
    main()
