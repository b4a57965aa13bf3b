"""The evaluation set of real-style questions stays what it was written as: frozen, and never
trained on (bench/eval/README.md). And its scorer reads the replies as a user does."""

from __future__ import annotations

import hashlib
import json
import re

import yaml

from bench import replies
from bench.eval_questions import score, summary
from bot.domain.safety import CrisisKind
from bot.domain.safety_lines import safety_line
from tests.helpers.project import ROOT, corpus_texts

EVAL = ROOT / "bench" / "eval"


def _fold(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def test_the_evaluation_files_have_their_frozen_hashes():
    for line in (EVAL / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split()
        assert hashlib.sha256((EVAL / name).read_bytes()).hexdigest() == digest, name


# Short questions that writers of the evaluation set wrote exactly as they already stood in the
# training data before the set was written (commit f0e6e34): not trained on it, just common.
ALREADY_TRAINED = {
    "verlof bruiloft broer",
    "hoi",
    "goedemiddag",
    "dank je wel",
    "meldcode stappen",
    "bewaartermijn leerlingdossier",
    "wat is passend onderwijs",
    "wat is een samenwerkingsverband",
    "wat is een opp",
    # the same for the second set (wave2-*), against the training data of commit 9cd73c4
    "bel me terug",
    "dank u wel",
    "goedemorgen",
    "help",
    "mijn vader slaat me",
    "wat is een swv",
    "wat is een thuiszitter",
}


def test_no_evaluation_message_is_in_the_training_data():
    evaluation = {
        _fold(json.loads(line)["text"])
        for name in (line.split()[1] for line in (EVAL / "SHA256SUMS").read_text().splitlines())
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    assert len(evaluation) > 2200
    trained = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            for line in (block.get("examples") or "").splitlines():
                plain = re.sub(r"\[([^\]]*)\]\{[^}]*\}|\[([^\]]*)\]\([^)]*\)", r"\1\2", line.lstrip("- "))
                trained.add(_fold(plain))
    trained |= {_fold(text) for text in corpus_texts()}
    assert evaluation & trained <= ALREADY_TRAINED


def test_a_reply_is_recognised_by_its_response_and_scored():
    leave = replies.kind_of_text(
        "Op vakantie buiten de schoolvakanties mag alleen met verlof van school. Dat heet vakantieverlof "
        "(artikel 11f van de Leerplichtwet)."
    )
    assert leave is None or leave == "absence/holiday_leave"
    holiday = next(t for k, t in _texts() if k == "absence/holiday_leave")
    kinds = replies.kinds([{"text": part} for part in holiday.split("\n\n")])
    assert kinds == ["absence/holiday_leave"]
    label = {"kind": "answer", "keys": ["absence/special_leave"]}
    assert score(label, kinds, []) == ("answer", "wrong")
    assert score({"kind": "answer", "keys": ["absence/holiday_leave"]}, kinds, []) == ("answer", "right")
    assert score({"kind": "not_covered"}, ["non_answer"], []) == ("not_covered", "right")
    assert score({"kind": "crisis"}, ["crisis"], []) == ("crisis", "right")
    assert score({"kind": "answer", "keys": ["route/opp"]}, ["crisis"], []) == ("answer", "false_alarm")


def _texts():
    for path in (ROOT / "domain").glob("*.yml"):
        for name, variations in (yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {}).items():
            for variation in variations:
                yield name[len("utter_") :], variation.get("text") or ""


def test_the_safety_line_is_a_kind_of_its_own_and_never_a_crisis_answer():
    line = safety_line(CrisisKind.ABUSE)
    holiday = next(t for k, t in _texts() if k == "absence/holiday_leave")
    # as the channel sends it: every paragraph a message, the line the last one
    kinds = replies.kinds([{"text": part} for part in f"{holiday}\n\n{line}".split("\n\n")])
    assert kinds == ["absence/holiday_leave", replies.SAFETY_LINE]
    # a text with buttons comes whole, the line at its end
    no_answer = next(t for k, t in _texts() if k == "no_answer")
    whole = replies.kinds([{"text": f"{no_answer}\n\n{safety_line(CrisisKind.GENERAL, 'en')}"}])
    assert whole == [replies.NON_ANSWER, replies.SAFETY_LINE]
    assert score({"kind": "crisis"}, kinds, []) == ("crisis", "safety_line")
    assert score({"kind": "crisis"}, ["non_answer"], []) == ("crisis", "wrong")
    assert score({"kind": "answer", "keys": ["absence/holiday_leave"]}, kinds, []) == ("answer", "right")


def test_the_headline_reports_the_line_apart_from_the_crisis_answer():
    table = {
        "crisis": {"right": 8, "safety_line": 1, "wrong": 1},
        "answer": {"right": 90, "false_alarm": 1, "wrong": 9},
    }
    figures = summary(table, {"answer": 3})
    assert figures["crisis_recall"] == 0.8 and figures["crisis_line_only"] == 0.1
    assert figures["safety_line"] == 0.03 and figures["false_alarm"] == 0.01
