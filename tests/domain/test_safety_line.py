"""The safety line under an ordinary answer: a message that shows a sign of danger but is no crisis
gets one short line with the numbers that fit the sign, in the user's language; a lesson, a
procedure question or an idiom gets none (issue 15, section 4)."""

from __future__ import annotations

import re

import pytest

from bench.crisis_set import ordinary_examples
from bot.domain.plain_language import problems
from bot.domain.safety import MODEL_SIGN, SIGN_AGREEMENT, SIGN_CONFIDENCE, CrisisKind, danger_sign, detect_crisis
from bot.domain.safety_lines import all_lines, safety_line
from tests.helpers.project import ROOT, load_yaml

OWN = load_yaml(ROOT / "data" / "crisis" / "own.yml")
PROBE = load_yaml(ROOT / "tests" / "data" / "safety_probe.yml")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("niemand geeft om mij, ook niet op school", CrisisKind.SUICIDE),
        ("het maakt toch niemand iets uit wat er met mij gebeurt", CrisisKind.SUICIDE),
        ("ik voel me thuis niet veilig", CrisisKind.GENERAL),
        ("ik ben bang voor thuis, kan ik na school ergens anders heen", CrisisKind.GENERAL),
        ("i don't feel safe at home", CrisisKind.GENERAL),
        ("honestly I don't see a future for myself", CrisisKind.GENERAL),
    ],
)
def test_a_veiled_message_that_is_no_crisis_gets_the_line_that_fits(text, kind):
    assert detect_crisis(text) is None
    assert danger_sign(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "ik geef morgen een les over kindermishandeling, is er lesmateriaal",
        "wat zegt de meldcode over huiselijk geweld",
        "we maken een werkstuk over huiselijk geweld, waar vind ik cijfers",
    ],
)
def test_a_lesson_or_a_procedure_question_gets_no_line_whatever_the_classifier_says(text):
    assert danger_sign(text) is None
    assert danger_sign(text, crisis_confidence=0.95) is None


@pytest.mark.parametrize(
    "text",
    [
        "mijn zoon voelt zich niet veilig in de klas door pesten, wat kan school doen",
        "hoe lang mag een kind alleen thuis blijven na school",
        "mijn dochter schreeuwt thuis als ze huiswerk moet maken, is dat adhd",
    ],
)
def test_an_ordinary_question_near_the_subject_gets_no_line_from_its_words(text):
    assert danger_sign(text) is None


def test_the_classifiers_crisis_gives_the_line_only_from_its_level_in_a_real_sentence():
    text = "ik heb het gevoel dat ik er beter niet kan zijn"
    assert danger_sign(text) is None
    assert danger_sign(text, SIGN_CONFIDENCE, SIGN_AGREEMENT) == CrisisKind.GENERAL
    assert danger_sign(text, SIGN_CONFIDENCE - 0.01, SIGN_AGREEMENT) is None
    assert danger_sign(text, 0.99, SIGN_AGREEMENT - 0.01) is None  # the learned model does not agree
    assert danger_sign(text, 0.0, MODEL_SIGN) == CrisisKind.GENERAL  # the learned model alone
    assert danger_sign("ik ben de moeder", 0.99, 0.99) is None  # a short form answer


@pytest.mark.parametrize(
    "text",
    [
        "de juf dreigt met nablijven als hij zijn huiswerk vergeet",  # a danger word its own words make harmless
        "mijn ex dreigt met een advocaat als ik de kinderen van school haal",
        "ik ga dood van het lachen om de schoolfoto",  # an idiom
        "wat moet ik doen als een leerling vertelt dat ze thuis geslagen wordt",  # a procedure
    ],
)
def test_no_line_where_the_crisis_net_sees_something_harmless_whatever_the_classifier_says(text):
    assert danger_sign(text, crisis_confidence=0.95) is None


def test_few_hard_negatives_and_hardly_any_ordinary_question_get_the_line_from_their_words():
    negatives = [m["text"] for m in OWN["negatives"] + PROBE["negatives"] if detect_crisis(m["text"]) is None]
    lines = [text for text in negatives if danger_sign(text) is not None]
    assert len(lines) <= 0.01 * len(negatives), lines  # measured 1 of 336 (bench/RESULTS.md)
    ordinary = [text for texts in ordinary_examples().values() for text in texts]
    assert sum(danger_sign(text) is not None for text in ordinary) <= 0.005 * len(ordinary)  # measured 2 of 3126


def test_the_probe_gets_the_crisis_answer_or_the_line_from_its_words_alone():
    # without the classifier: 10 crisis answers and 4 lines of 25 (with it, 23: bench/RESULTS.md)
    hits = [m["text"] for m in PROBE["messages"] if detect_crisis(m["text"]) or danger_sign(m["text"])]
    assert len(hits) >= 14


def _words(line: str) -> int:
    return len(line.split())


@pytest.mark.parametrize("kind", [CrisisKind.ABUSE, CrisisKind.SUICIDE, CrisisKind.GENERAL, CrisisKind.DANGER])
def test_the_dutch_line_is_short_and_names_the_numbers_that_fit(kind):
    line = safety_line(kind)
    assert _words(line) <= 30 and "112" in line
    assert ("0800-2000" in line) == (kind != CrisisKind.SUICIDE)
    assert ("113" in line) == (kind != CrisisKind.ABUSE)
    assert not re.search(r"\b(u|uw)\b", line)  # the user is "je"


@pytest.mark.parametrize("kind", [CrisisKind.ABUSE, CrisisKind.SUICIDE, CrisisKind.GENERAL])
def test_the_dutch_line_is_b1(kind):
    # Veilig Thuis is not explained in brackets: the line says what it is for, in 30 words at most
    assert [p for p in problems(safety_line(kind)) if not p.startswith("'Veilig Thuis'")] == []


def test_the_help_that_fits_comes_first():
    assert safety_line(CrisisKind.SUICIDE).startswith("Denk je aan zelfdoding?")
    assert safety_line(CrisisKind.ABUSE).startswith("Is er nu gevaar? Bel 112.")


def test_another_language_gets_its_own_line_with_the_same_numbers():
    english = safety_line(CrisisKind.GENERAL, "en")
    assert english.startswith("Is anyone in danger now? Call 112.")
    for language in ("en", "tr", "ar", "pl", "uk", "de"):
        line = safety_line(CrisisKind.GENERAL, language)
        assert line != safety_line(CrisisKind.GENERAL) and all(n in line for n in ("112", "0800-2000", "113"))
    assert safety_line(CrisisKind.ABUSE, "so") == safety_line(CrisisKind.ABUSE)  # no translation: Dutch


def test_a_reply_that_names_a_number_already_gets_only_the_rest():
    assert safety_line(CrisisKind.GENERAL, given="Bel 112. Veilig Thuis: 0800-2000.") == safety_line(
        CrisisKind.SUICIDE, given="112"
    )
    assert safety_line(CrisisKind.SUICIDE, given="bel 113 of 0800-0113") == "Is er nu gevaar? Bel 112."
    assert safety_line(CrisisKind.ABUSE, given="112 ... 0800-2000") == ""
    assert safety_line(CrisisKind.ABUSE, given="artikel 1120 en 0800-1129") == safety_line(CrisisKind.ABUSE)
    assert safety_line(CrisisKind.SUICIDE, given="112") in all_lines() and "" not in all_lines()
