"""Recall of the de-identification (bot/unanswered/deidentify.py) on the invented messages of
tests/data/deidentify_messages.yml (and the 30 held-out ones of deidentify_heldout.yml), where every piece of personal data is marked [value](TAG).

A piece counts as removed when none of its own words (three characters or more, not a word such as
"het" or "college" that names no one) is left in the de-identified text. Prints the recall over all
pieces, per tag, and the pieces that were left (they are invented). Run:
    .venv/bin/python -m bench.deidentify"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.region import load_region
from bot.unanswered.deidentify import deidentify

MESSAGES = PROJECT_ROOT / "tests" / "data" / "deidentify_messages.yml"
# written after the rules were settled, never used to change them
HELD_OUT = PROJECT_ROOT / "tests" / "data" / "deidentify_heldout.yml"
MARKED = re.compile(r"\[([^\]]+)\]\(([A-Z-]+)\)")
ANNOTATION = re.compile(r"\[([^\]]+)\](?:\{[^}]*\}|\([^)]*\))")
NAMING_NOTHING = frozenset(
    "het van den der ter basisschool college lyceum obs cbs ikc montessorischool sint gmail hotmail ziggo".split()
)


def load(path: Path = MESSAGES) -> list[tuple[str, list[tuple[str, str]]]]:
    """(plain text, [(value, tag), ...]) per message."""
    messages = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [(MARKED.sub(r"\1", marked), MARKED.findall(marked)) for marked in messages]


def leaked(value: str, output: str) -> bool:
    words = [w for w in re.findall(r"\w+", value) if len(w) >= 3 and w.lower() not in NAMING_NOTHING]
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", output, re.IGNORECASE) for w in words)


def measure(messages) -> tuple[Counter, Counter, list]:
    total, missed, left = Counter(), Counter(), []
    region = load_region()
    for text, spans in messages:
        output = deidentify(text, region)
        for value, tag in spans:
            total[tag] += 1
            if leaked(value, output):
                missed[tag] += 1
                left.append((tag, value, output))
    return total, missed, left


def training_questions() -> list[str]:
    """The questions of the three themes and the uncovered subjects in data/nlu: almost none holds
    personal data, so what the rules change there is mostly removed for nothing."""
    questions = []
    for name in ("absence", "privacy", "routes", "not_covered", "answer_choice"):
        for item in yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / f"{name}.yml").read_text(encoding="utf-8"))["nlu"]:
            for line in (item.get("examples") or "").splitlines():
                text = ANNOTATION.sub(lambda m: m.group(1), line.strip().removeprefix("- ").strip())
                if text:
                    questions.append(text)
    return questions


def main() -> None:
    for path in (MESSAGES, HELD_OUT):
        messages = load(path)
        total, missed, left = measure(messages)
        pieces, caught = sum(total.values()), sum(total.values()) - sum(missed.values())
        print(
            f"{path.name}: {len(messages)} berichten, {pieces} persoonsgegevens, verwijderd: {caught} "
            f"(recall {caught / pieces:.1%})"
        )
        for tag in sorted(total):
            print(f"  {tag:10} {total[tag] - missed[tag]:4} van {total[tag]:4}")
        for tag, value, output in left:
            print(f"  blijft staan ({tag}): {value!r} in {output!r}")
    region, questions = load_region(), training_questions()
    changed = sum(deidentify(q, region) != q for q in questions)
    print(
        f"data/nlu: {changed} van {len(questions)} vragen veranderd ({changed / len(questions):.1%}; te veel weggehaald)"
    )


if __name__ == "__main__":
    main()
