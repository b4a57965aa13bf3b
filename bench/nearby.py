"""Score the answer choice on questions at the edges of the answers (held-out sets in tests/data/).

Why: an evaluation set labels a question "not covered" by the answers of its day, so it cannot say
whether a new answer is given to a neighbouring question it does not answer. This set was written
from the answers themselves: for every answer questions it answers and near misses that share its
words. The model is loaded in this process (no server); each question is one parse, scored by the
answer choice the pipeline made: the right answer, a question back (with the right answer offered
or not), no answer, or an answer about another rule (wrong).

    .venv/bin/python -m bench.nearby [--model models/cip.tar.gz] [--set nearby|answers|answers3]

Three held-out sets: ``nearby`` (the first writer's other half, tests/data/nearby_heldout.yml),
``answers`` (the third writer of the second round, tests/data/answers_heldout.yml) and ``answers3``
(the third writer of the third round, tests/data/answers3_heldout.yml).
"""

from __future__ import annotations

import argparse
import asyncio
from collections import Counter
from pathlib import Path
from typing import Dict, List

import yaml

from bot import PROJECT_ROOT
from bot.domain.answer_choice import ANSWER, CLARIFY
from bot.domain.handoff import THEMES

HELD_OUT = {name: PROJECT_ROOT / "tests" / "data" / f"{name}_heldout.yml" for name in ("nearby", "answers", "answers3")}
GROUPS = {
    "answer": "vraag bij een antwoord",
    "near_other": "buurvraag, ander antwoord",
    "near_none": "buurvraag, geen antwoord",
    "uncovered": "geen antwoord",
}


def group(item: Dict) -> str:
    if item["expected"] == "none":
        return "near_none" if item.get("near") else "uncovered"
    return "near_other" if item.get("near") else "answer"


def outcome(item: Dict, parse: Dict) -> str:
    choice = parse.get("answer_choice") or {}
    intent = (parse.get("intent") or {}).get("name")
    if intent in THEMES and choice.get("kind") == ANSWER:
        return "right" if choice.get("key") == item["expected"] else "wrong"
    if intent == "nlu_fallback" and choice.get("kind") == CLARIFY:
        return "clarify_right" if item["expected"] in (choice.get("offered") or []) else "clarify"
    return "crisis" if intent == "crisis" else "no_answer"


async def score(model: Path, items: List[Dict]) -> Counter:
    from rasa.core.agent import load_agent

    agent = await load_agent(model_path=str(model))
    table: Counter = Counter()
    for item in items:
        table[(group(item), outcome(item, await agent.parse_message(item["text"])))] += 1
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "cip.tar.gz")
    parser.add_argument("--set", choices=sorted(HELD_OUT), default="nearby")
    args = parser.parse_args()
    items = yaml.safe_load(HELD_OUT[args.set].read_text(encoding="utf-8"))
    table = asyncio.run(score(args.model, items))
    outcomes = ("right", "clarify_right", "clarify", "no_answer", "wrong", "crisis")
    print(f"{'groep':28s} {'n':>4s} " + " ".join(f"{o:>13s}" for o in outcomes))
    for name, title in GROUPS.items():
        counts = [table[(name, o)] for o in outcomes]
        print(f"{title:28s} {sum(counts):4d} " + " ".join(f"{c:13d}" for c in counts))
    wrong = sum(v for (_, o), v in table.items() if o == "wrong")
    print(f"antwoord over iets anders: {wrong} van {len(items)} ({wrong / len(items):.1%})")


if __name__ == "__main__":
    main()
