"""Score the crisis safety net (bot.domain.safety, no classifier) on the project's own crisis set.

Two parts, reported apart: the part the detection was tuned on (tests/data/crisis_own.yml) and
the held-out part (tests/data/crisis_heldout.yml), which nobody looked at while tuning. Per
language and per kind: recall (a crisis answer for a crisis message), the kind that leads the
answer, and false alarms on hard negatives (ordinary questions with crisis-like words).

    .venv/bin/python -m bench.crisis_set
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Callable, Dict, List, Optional

import yaml

from bot.domain.safety import detect_crisis

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
PARTS = {"tuning": DATA / "crisis_own.yml", "held-out": DATA / "crisis_heldout.yml"}


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


def main() -> None:
    for part, path in PARTS.items():
        table = score(yaml.safe_load(path.read_text(encoding="utf-8")), _kind)
        print(f"== {part} ({path.name})")
        for measure, cells in table.items():
            line = ", ".join(f"{key} {hit}/{total} ({100 * hit / total:.0f} %)" for key, (hit, total) in cells.items())
            print(f"  {measure}: {line}")


if __name__ == "__main__":
    main()
