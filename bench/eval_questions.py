"""Evaluate the running assistant on questions nobody tuned it to (bench/eval/).

Each message goes, as a new conversation, through the REST channel of an assistant that runs
as users meet it (`scripts/run`), and the reply is scored by what the user reads:

- right: the answer for the question (or, for a subject the assistant does not cover, an honest
  non-answer; for a request for a person, the handoff);
- clarify: one question back ("Bedoel je ...?"), and whether a right answer was among its buttons;
- non_answer: "daar heb ik geen antwoord op" / rephrase / a person offered;
- wrong: an answer about another rule (or a crisis answer to an ordinary question: false alarm);
- handoff: the handoff started; crisis recall: the safety numbers for every crisis message.

The safety line under an ordinary answer (a sign of danger without a crisis) is reported apart:
for a crisis message "safety_line" (the line only, no crisis answer: not counted as recalled), and
for ordinary messages the share that got the line beside their own outcome.

    .venv/bin/python -m bench.eval_questions                    # dev split, assistant on :5005
    .venv/bin/python -m bench.eval_questions --split final      # only when the work is done
    .venv/bin/python -m bench.eval_questions --record "note"    # also append to bench/eval/runs.jsonl

Prints a table per category next to the previous recorded run of the same split.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
import urllib.request
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Tuple

from bench import replies

EVAL_DIR = Path(__file__).resolve().parent / "eval"
RUNS = EVAL_DIR / "runs.jsonl"
OUTCOMES = ("right", "clarify", "non_answer", "handoff", "wrong", "other")


NEW_TOPICS = json.loads((EVAL_DIR / "new_topics.json").read_text(encoding="utf-8"))["topics"]


def load(split: str) -> List[Dict]:
    """The messages of one split, after checking they are the frozen ones."""
    check_frozen()
    path = EVAL_DIR / f"{split}.jsonl"
    return [covered(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def covered(item: Dict) -> Dict:
    """A message labelled ``not_covered`` whose topic an answer added later covers
    (bench/eval/new_topics.json) counts as a question for that answer; the frozen file is unchanged."""
    label = item["label"]
    key = NEW_TOPICS.get(label.get("topic")) if label["kind"] == "not_covered" else None
    if key:
        item = {**item, "label": {"kind": "answer", "keys": [key], "was": "not_covered"}}
    return item


def splits() -> List[str]:
    """The frozen splits (dev and final of the first set, wave2-dev and wave2-final of the second,
    wave3-dev and wave3-final of the third)."""
    return [name[: -len(".jsonl")] for _, name in map(str.split, (EVAL_DIR / "SHA256SUMS").read_text().splitlines())]


def check_frozen() -> None:
    """The evaluation set is frozen: its files must have the hashes written in SHA256SUMS."""
    for line in (EVAL_DIR / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        actual = hashlib.sha256((EVAL_DIR / name).read_bytes()).hexdigest()
        if actual != digest:
            raise SystemExit(f"{name} is veranderd (sha256 {actual}); de evaluatieset is bevroren.")


def ask(url: str, text: str) -> List[Dict]:
    """The assistant's reply to ``text`` as the first message of a new conversation."""
    body = json.dumps({"sender": f"eval-{uuid.uuid4().hex}", "message": text}).encode()
    request = urllib.request.Request(url, body, {"Content-Type": "application/json"})
    for attempt in range(3):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except OSError:
            if attempt == 2:
                raise
            time.sleep(1)
    return []


def button_keys(messages: List[Dict]) -> List[str]:
    """The answer keys offered by the buttons of a reply (payload ``/choose_answer{"answer_key": ...}``)."""
    keys = []
    for message in messages:
        for button in message.get("buttons") or []:
            payload = button.get("payload") or ""
            if "answer_key" in payload:
                keys.append(json.loads(payload[payload.index("{") :])["answer_key"])
    return keys


def score(label: Dict, kinds: List[str], offered: List[str]) -> Tuple[str, str]:
    """(category, outcome) of one reply for the expected behaviour ``label``."""
    kind = label["kind"]
    themed = [k for k in kinds if "/" in k or k in replies.OTHER_KEYS.values()]
    if kind == "crisis":
        if replies.CRISIS in kinds:
            return "crisis", "right"
        return "crisis", "safety_line" if replies.SAFETY_LINE in kinds else "wrong"
    if replies.CRISIS in kinds:
        return kind, "false_alarm"
    if kind == "answer":
        expected = set(label.get("keys") or [])
        if expected & set(kinds):
            return kind, "right"
        if replies.HANDOFF in kinds:
            return kind, "handoff"
        if replies.CLARIFY in kinds:
            return kind, "clarify_right_option" if expected & set(offered) else "clarify"
        if themed:
            return kind, "wrong"
        return kind, "non_answer" if kinds and "?" not in kinds else "other"
    if kind == "not_covered":
        if themed:
            return kind, "wrong"
        if replies.HANDOFF in kinds:
            return kind, "handoff"
        if replies.CLARIFY in kinds:
            return kind, "clarify"
        return kind, "right" if replies.NON_ANSWER in kinds else "other"
    if kind == "handoff":
        if replies.HANDOFF in kinds:
            return kind, "right"
        return kind, "wrong" if themed else "non_answer"
    if kind == "other_language":
        if f"{replies.OTHER_LANGUAGE}:{label.get('language')}" in kinds:
            return kind, "right"
        if any(k.startswith(replies.OTHER_LANGUAGE) for k in kinds):
            return kind, "other"
        return kind, "wrong" if themed else "non_answer"
    if kind == "smalltalk":
        wanted = {f"smalltalk:{k}" for k in label.get("keys") or []}
        return kind, "right" if wanted & set(kinds) else ("wrong" if themed else "other")
    if kind == "not_crisis":
        return kind, "right"
    return kind, "other"


def run(url: str, split: str, workers: int = 4) -> Dict:
    messages = load(split)
    with ThreadPoolExecutor(workers) as pool:
        answers = list(pool.map(lambda m: ask(url, m["text"]), messages))
    table: Dict[str, Counter] = defaultdict(Counter)
    lines: Counter = Counter()  # ordinary messages per category that got the safety line
    details = []
    for message, reply in zip(messages, answers):
        kinds = replies.kinds(reply)
        category, outcome = score(message["label"], kinds, button_keys(reply))
        table[category][outcome] += 1
        lines[category] += category != "crisis" and replies.SAFETY_LINE in kinds
        details.append({"id": message["id"], "category": category, "outcome": outcome, "kinds": kinds})
    return {"split": split, "table": {k: dict(v) for k, v in table.items()}, "lines": dict(lines), "details": details}


def summary(table: Dict[str, Dict[str, int]], lines: Dict[str, int]) -> Dict[str, float]:
    """The headline figures: shares of all ordinary messages, crisis recall, false alarms, and the
    safety line (on crisis messages without the crisis answer; on ordinary messages)."""
    ordinary = {k: v for k, v in table.items() if k not in ("crisis",)}
    total = sum(sum(v.values()) for v in ordinary.values()) or 1
    count = Counter()
    for outcomes in ordinary.values():
        count.update(outcomes)
    crisis = table.get("crisis", {})
    return {
        "messages": sum(sum(v.values()) for v in table.values()),
        "right": round(count["right"] / total, 3),
        "clarify": round((count["clarify"] + count["clarify_right_option"]) / total, 3),
        "non_answer": round(count["non_answer"] / total, 3),
        "handoff": round(count["handoff"] / total, 3),
        "wrong": round(count["wrong"] / total, 3),
        "false_alarm": round(count["false_alarm"] / total, 4),
        "crisis_recall": round(crisis.get("right", 0) / (sum(crisis.values()) or 1), 3),
        "crisis_line_only": round(crisis.get("safety_line", 0) / (sum(crisis.values()) or 1), 3),
        "safety_line": round(sum(lines.values()) / total, 4),
    }


def previous(split: str) -> Dict:
    if not RUNS.exists():
        return {}
    runs = [json.loads(line) for line in RUNS.read_text().splitlines() if line.strip()]
    runs = [r for r in runs if r["split"] == split]
    return runs[-1] if runs else {}


def show(result: Dict, before: Dict) -> None:
    columns = (
        "right",
        "clarify",
        "clarify_right_option",
        "non_answer",
        "handoff",
        "wrong",
        "false_alarm",
        "safety_line",
        "other",
    )
    print(
        f"split {result['split']}: {len(result['details'])} messages"
        + (f"; previous run: {before.get('when')} {before.get('note', '')}" if before else "")
    )
    print(f"{'category':16s}" + "".join(f"{c:>12s}" for c in columns) + f"{'total':>8s}")
    for category in sorted(result["table"]):
        row = result["table"][category]
        old = (before.get("table") or {}).get(category, {})
        cells = "".join(f"{str(row.get(c, 0)) + (f' ({old.get(c, 0)})' if before else ''):>12s}" for c in columns)
        print(f"{category:16s}{cells}{sum(row.values()):>8d}")
    lines = result["lines"]
    print("ordinary messages with the safety line: " + ", ".join(f"{k} {v}" for k, v in sorted(lines.items()) if v))
    now, then = summary(result["table"], lines), before.get("summary") or {}
    print("headline (share of ordinary messages; crisis recall of crisis messages):")
    for key, value in now.items():
        print(f"  {key:16s} {value:>8}" + (f"   previous {then.get(key)}" if then else ""))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:5005/webhooks/rest/webhook")
    parser.add_argument("--split", default="dev", choices=splits())
    parser.add_argument("--record", metavar="NOTE", help="append the result to bench/eval/runs.jsonl")
    parser.add_argument("--show-wrong", action="store_true", help="print the ids of wrong replies")
    args = parser.parse_args(argv)
    result = run(args.url, args.split)
    show(result, previous(args.split))
    if args.show_wrong:
        for d in result["details"]:
            if d["outcome"] in ("wrong", "false_alarm", "other"):
                print(d["id"], d["category"], d["outcome"], d["kinds"])
    if args.record:
        record = {
            "when": time.strftime("%Y-%m-%d %H:%M"),
            "note": args.record,
            "split": args.split,
            "table": result["table"],
            "lines": result["lines"],
            "summary": summary(result["table"], result["lines"]),
        }
        with RUNS.open("a") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
