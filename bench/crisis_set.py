"""Score the crisis safety net (bot.domain.safety, no classifier) on the project's own crisis set.

Three parts, reported apart: the part the detection was tuned on in the first two rounds
(tests/data/crisis_own.yml), the tuning two thirds of the independent writer's batch 3 (the same
file, ``batch: 3``; the coordinator keeps its other third) and the held-out part
(tests/data/crisis_heldout.yml), which nobody looked at while tuning. Per language and per kind:
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

from bot.domain.safety import danger_sign, detect_crisis
from bot.rasa_plugins.nlu.examples import examples_by_intent

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
OWN, HELD_OUT = DATA / "crisis_own.yml", DATA / "crisis_heldout.yml"


def load_parts() -> Dict[str, Dict]:
    """The three parts by name: own rounds 1-2, batch 3 of the independent writer, held-out."""
    own = yaml.safe_load(OWN.read_text(encoding="utf-8"))

    def batch(third: bool) -> Dict:
        return {key: [m for m in own[key] if (m.get("batch") == 3) == third] for key in ("messages", "negatives")}

    return {
        "tuning, rounds 1-2 (crisis_own.yml)": batch(False),
        "tuning, batch 3 of the independent writer (crisis_own.yml, batch: 3)": batch(True),
        "held-out (crisis_heldout.yml)": yaml.safe_load(HELD_OUT.read_text(encoding="utf-8")),
    }


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


def _kind(text: str) -> Optional[str]:
    kind = detect_crisis(text)
    return None if kind is None else kind.value


def _kind_or_line(text: str) -> Optional[str]:
    """The crisis kind, or ``line`` when only the safety line comes."""
    return _kind(text) or ("line" if danger_sign(text) is not None else None)


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
    for part, data in load_parts().items():
        table, with_line = score(data, _kind), score(data, _kind_or_line)
        print(f"== {part}")
        for measure in table:
            print(f"  {measure}: {_cells(table, with_line, measure)}")
    for source, texts in ordinary_examples().items():
        alarms = sum(_kind(t) is not None for t in texts)
        lines = sum(_kind(t) is None and danger_sign(t) is not None for t in texts)
        share = f"{100 * lines / len(texts):.1f} %"
        print(f"== ordinary NLU examples ({source}): {len(texts)}; crisis answer {alarms}, line {lines} ({share})")


if __name__ == "__main__":
    main()
