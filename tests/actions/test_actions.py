"""Every custom action, run with Rasa SDK's CollectingDispatcher and real Tracker objects."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.age_check import ActionAgeCheckResult, ValidateAgeCheckForm
from actions.fallback import ActionFallback
from bot.domain.compulsory import age_check_response, parse_age


def _user(intent: str, text: str = "...") -> dict:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}


def _tracker(events=(), slots=None, latest_intent="nlu_fallback") -> Tracker:
    return Tracker(
        sender_id="test",
        slots=slots or {},
        latest_message={"intent": {"name": latest_intent}, "text": "..."},
        events=list(events),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def _run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return dispatcher.messages, events


def test_first_unclear_message_asks_to_rephrase():
    messages, events = _run(ActionFallback(), _tracker([_user("greet"), _user("nlu_fallback")]))
    assert [m["response"] for m in messages] == ["utter_ask_rephrase"]
    assert events == []


def test_second_unclear_message_in_a_row_offers_a_person():
    history = [_user("absence"), _user("nlu_fallback"), {"event": "bot"}, _user("nlu_fallback")]
    messages, _ = _run(ActionFallback(), _tracker(history))
    assert [m["response"] for m in messages] == ["utter_offer_human"]


def test_the_question_back_leaves_out_an_answer_the_region_switched_off(tmp_path, monkeypatch):
    answers = tmp_path / "answers.yml"
    answers.write_text("version: 1\nanswers:\n  utter_absence/holiday_leave:\n    off: true\n", encoding="utf-8")
    monkeypatch.setenv("CIP_ANSWERS_FILE", str(answers))
    tracker = _tracker([_user("nlu_fallback")])
    tracker.latest_message["answer_choice"] = {
        "kind": "clarify",
        "offered": ["absence/holiday_leave", "absence/special_leave"],
    }
    messages, _ = _run(ActionFallback(), tracker)
    assert [b["payload"] for b in messages[0]["buttons"]] == [
        '/choose_answer{"answer_key": "absence/special_leave"}',
        "/something_else",
    ]


def test_understood_message_in_between_starts_counting_again():
    history = [_user("nlu_fallback"), _user("privacy"), _user("nlu_fallback")]
    messages, _ = _run(ActionFallback(), _tracker(history))
    assert [m["response"] for m in messages] == ["utter_ask_rephrase"]


@pytest.mark.parametrize(
    "typed, slot",
    [("14", 14.0), ("hij is 14 jaar", 14.0), ("veertien", 14.0), ("Zestien jaar", 16.0), (17.0, 17.0)],
)
def test_age_form_accepts_an_age(typed, slot):
    dispatcher = CollectingDispatcher()
    result = ValidateAgeCheckForm().validate_leeftijd(typed, dispatcher, _tracker(), {})
    assert result == {"leeftijd": slot}
    assert dispatcher.messages == []


@pytest.mark.parametrize("typed", ["geen idee", "", "120", "-3", "14 of 15", "🙂", 3.5, None])
def test_age_form_rejects_anything_else_with_a_dutch_example(typed):
    dispatcher = CollectingDispatcher()
    result = ValidateAgeCheckForm().validate_leeftijd(typed, dispatcher, _tracker(), {})
    assert result == {"leeftijd": None}
    assert [m["response"] for m in dispatcher.messages] == ["utter_invalid_leeftijd"]


@pytest.mark.parametrize(
    "age, response",
    [
        (4, "utter_age_before_leerplicht"),
        (5, "utter_age_leerplicht"),
        (15, "utter_age_leerplicht"),
        (16, "utter_age_leerplicht_or_kwalificatieplicht"),
        (17, "utter_age_kwalificatieplicht"),
        (18, "utter_age_rmc"),
        (22, "utter_age_rmc"),
        (23, "utter_age_none"),
    ],
)
def test_age_check_result_names_the_duty_for_the_age(age, response):
    messages, events = _run(ActionAgeCheckResult(), _tracker(slots={"leeftijd": float(age)}))
    assert [(m["response"], m.get("leeftijd")) for m in messages] == [(response, age)]
    assert events == []
    assert age_check_response(age) == response


def test_age_check_result_without_age_asks_for_it():
    messages, _ = _run(ActionAgeCheckResult(), _tracker(slots={"leeftijd": None}))
    assert [m["response"] for m in messages] == ["utter_ask_leeftijd"]


def test_parse_age_handles_words_and_rejects_ambiguity():
    assert parse_age("mijn kind is twaalf") == 12
    assert parse_age("twaalf of dertien") is None
    assert parse_age(True) is None
