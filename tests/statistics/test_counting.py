"""What a conversation counts for, turn by turn as the tracker store saves it: each outcome (and
topic) once per conversation, with the municipality, role and theme it named; nothing from free
text that is not a known value."""

from __future__ import annotations

from datetime import date

from bot.statistics.counting import Key, turn_counts
from tests.helpers.statistics_data import answered, at, bot, handed_off, slot, start, turns_of, unclear, user

MUNICIPALITIES = ("Aalten", "Oost Gelre", "Winterswijk")


def counted(conversation: list) -> list:
    keys = []
    for first_new, events in turns_of(conversation):
        keys += turn_counts(events, first_new, MUNICIPALITIES)
    return keys


def test_an_answer_asked_twice_counts_once_with_the_known_municipality_and_role():
    keys = counted(answered("2026-01-06", "absence/holiday_leave", "Winterswijk", "ouder", twice=True))
    day = date(2026, 1, 6)
    assert keys == [
        Key(day, "conversation"),
        Key(day, "answered", "Winterswijk", "absence", "absence/holiday_leave", "ouder"),
    ]


def test_a_handoff_counts_started_and_completed_with_its_theme():
    keys = counted(handed_off("2026-01-07", "Aalten", "leerkracht", "privacy"))
    day = date(2026, 1, 7)
    assert keys == [
        Key(day, "conversation"),
        Key(day, "handoff_started"),
        Key(day, "handoff_completed", "Aalten", "privacy", "", "leerkracht"),
    ]


def test_clarification_no_answer_crisis_and_other_language_each_count_once():
    keys = counted(
        unclear("2026-01-08", "utter_clarify", "utter_no_answer", "utter_offer_human", "utter_crisis", "utter_crisis")
        + [user(at("2026-01-08")) + bot(at("2026-01-08"), "utter_other_language")]
    )
    assert [k.outcome for k in keys] == ["conversation", "clarification", "no_answer", "crisis", "other_language"]


def test_a_question_outside_the_themes_counts_as_without_an_answer():
    for response in ("utter_out_of_scope", "utter_default"):
        keys = counted(unclear("2026-01-08", response))
        assert [k.outcome for k in keys] == ["conversation", "no_answer"]


def test_the_day_is_the_dutch_day_and_a_new_session_counts_again():
    late = at("2026-01-08", 0) - 1800  # 23:30 Dutch time on the 7th is 22:30 UTC
    conversation = [start(late), user(late) + bot(late, "utter_crisis")]
    again = at("2026-01-08")
    conversation += [start(again), user(again) + bot(again, "utter_crisis")]
    keys = counted(conversation)
    assert [(k.day, k.outcome) for k in keys] == [
        (date(2026, 1, 7), "conversation"),
        (date(2026, 1, 7), "crisis"),
        (date(2026, 1, 8), "conversation"),
        (date(2026, 1, 8), "crisis"),
    ]


def test_a_municipality_or_role_that_is_not_a_known_value_is_never_stored():
    time = at("2026-01-09")
    conversation = [
        start(time),
        user(time) + slot(time, "gemeente", "Jan Jansen, Dorpsstraat 1") + slot(time, "rol", "mijn naam is Els"),
        user(time) + bot(time, "utter_privacy/consent_age"),
    ]
    (_, answer) = counted(conversation)
    assert (answer.municipality, answer.role, answer.topic) == ("", "", "privacy/consent_age")
