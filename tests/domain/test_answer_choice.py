"""The answer choice: an answer only when it fits the message; else one question back, or an
honest "no answer" that names the subject. Pure logic, no model: the ranking is given."""

from __future__ import annotations

import pytest
import yaml

from bot.domain.answer_choice import ANSWER, CLARIFY, NOT_COVERED, answers, choose, title
from bot.domain.fallback import fallback_reply
from bot.domain.more_parts import SUFFIX
from tests.helpers.project import ROOT


def test_every_answer_of_the_domain_has_a_title_and_anchors():
    responses = {}
    for path in (ROOT / "domain").glob("*.yml"):
        responses.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    known = answers()
    # every answer, not its "Meer hierover" part (utter_<key>_more)
    assert set(known) == {name[len("utter_") :] for name in responses if "/" in name and not name.endswith(SUFFIX)}
    for key, answer in known.items():
        assert answer.anchors, key
        assert 0 < len(answer.title.split()) <= 6, key


def test_a_sure_answer_whose_words_are_in_the_message_is_given():
    choice = choose(
        "mogen we een week eerder op vakantie", [("absence/holiday_leave", 0.92), ("absence/luxe_verzuim", 0.05)]
    )
    assert (choice.kind, choice.key) == (ANSWER, "absence/holiday_leave")


def test_a_sure_answer_about_another_subject_is_not_given():
    # the classifier ranks youth *health* care first for a waiting list of mental health care
    choice = choose(
        "hoe lang is de wachtlijst voor de jeugd-ggz psycholoog",
        [("route/jgz", 0.9), ("route/youth_care_access", 0.05)],
    )
    assert choice.kind != ANSWER


def test_a_named_subject_without_an_answer_is_said_back():
    choice = choose(
        "mijn dochter vapet elke dag in de pauze, wat kan ik doen",
        [("absence/school_refusal", 0.7), ("route/worried_at_school", 0.2)],
    )
    assert choice.kind == NOT_COVERED and choice.subject == "drugs en alcohol"


def test_two_close_answers_become_one_question_back_with_at_most_three_options():
    choice = choose(
        "wij willen op vakantie en er is ook een bruiloft in de familie, mag dat?",
        [
            ("absence/holiday_leave", 0.45),
            ("absence/special_leave", 0.4),
            ("absence/luxe_verzuim", 0.1),
            ("absence/consequences", 0.05),
        ],
    )
    assert choice.kind == CLARIFY
    assert choice.offered[:2] == ["absence/holiday_leave", "absence/special_leave"]
    assert len(choice.offered) <= 3


def test_nothing_that_fits_is_an_honest_no_answer():
    choice = choose("wat kost een paspoort", [("privacy/inzage", 0.2), ("route/swv", 0.15)])
    assert choice.kind == NOT_COVERED and choice.subject is None
    outside = choose("wat kost een paspoort", [("privacy/inzage", 0.6)], answerable=False)
    assert outside.kind == NOT_COVERED


def test_a_theme_question_in_words_no_answer_knows_gets_the_likeliest_answers_offered():
    # "verlof" alone names neither a holiday nor a wedding: both anchors miss it
    choice = choose(
        "verlof aanvragen",
        [("absence/special_leave", 0.69), ("absence/holiday_leave", 0.21), ("absence/religious_holiday", 0.03)],
    )
    assert (choice.kind, choice.offered) == (CLARIFY, ["absence/special_leave", "absence/holiday_leave"])


def test_a_question_back_with_one_fitting_answer_also_offers_the_likeliest_ones():
    # "ziek" fits reporting ill (and "wintersport" holiday leave, too unlikely to offer); the
    # ranking's first, skipping school for a holiday, has no anchor word here
    choice = choose(
        "we gaan op wintersport en mijn moeder zegt dat ik tegen de juf moet zeggen dat ik ziek ben",
        [
            ("absence/luxe_verzuim", 0.3),
            ("absence/report_ill", 0.25),
            ("route/worried_at_school", 0.12),
            ("absence/holiday_leave", 0.04),
        ],
    )
    assert choice.kind == CLARIFY
    assert choice.offered == ["absence/report_ill", "absence/luxe_verzuim", "route/worried_at_school"]


def test_outside_the_themes_an_answer_is_only_offered_not_given():
    choice = choose("mogen we eerder op vakantie", [("absence/holiday_leave", 0.95)], answerable=False)
    assert (choice.kind, choice.offered) == (CLARIFY, ["absence/holiday_leave"])


def test_the_clarification_has_a_button_per_answer_and_something_else():
    reply = fallback_reply(
        [{"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}}],
        {"kind": CLARIFY, "offered": ["absence/holiday_leave", "absence/special_leave"]},
    )
    assert reply.response == "utter_clarify"
    assert [b["title"] for b in reply.buttons] == [
        title("absence/holiday_leave"),
        title("absence/special_leave"),
        "Iets anders",
    ]
    assert reply.buttons[0]["payload"] == '/choose_answer{"answer_key": "absence/holiday_leave"}'


@pytest.mark.parametrize(
    "subject, response", [("drugs en alcohol", "utter_not_covered_subject"), (None, "utter_no_answer")]
)
def test_no_answer_names_the_subject_when_it_can(subject, response):
    reply = fallback_reply(
        [{"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}}],
        {"kind": NOT_COVERED, "subject": subject},
    )
    assert reply.response == response
    assert reply.values == ({"subject": subject} if subject else {})


def test_a_second_unclear_message_in_a_row_gets_a_person_not_another_question():
    unclear = {"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}}
    reply = fallback_reply([unclear, {"event": "bot"}, unclear], {"kind": CLARIFY, "offered": ["route/opp"]})
    assert reply.response == "utter_offer_human"


def test_an_answer_the_region_switched_off_is_never_offered():
    unclear = [{"event": "user", "parse_data": {"intent": {"name": "nlu_fallback"}}}]
    choice = {"kind": CLARIFY, "offered": ["absence/holiday_leave", "absence/special_leave"]}
    reply = fallback_reply(unclear, choice, lambda key: key == "absence/holiday_leave")
    assert [b["title"] for b in reply.buttons] == [title("absence/special_leave"), "Iets anders"]
    assert fallback_reply(unclear, choice, lambda key: True).response == "utter_no_answer"
