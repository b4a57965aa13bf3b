"""Which "Meer hierover" part the user gets: the button's answer, or the last answer's."""

from __future__ import annotations

from bot.domain.more_parts import asks_for_more, key_of_button, last_answer_with_more, more_response


def _answer(key: str, more: bool) -> dict:
    buttons = [{"title": "Meer hierover", "payload": f'/more{{"answer_key": "{key}"}}'}] if more else []
    return {"event": "bot", "text": "...", "data": {"buttons": buttons}, "metadata": {"utter_action": f"utter_{key}"}}


def _user(text: str) -> dict:
    return {"event": "user", "text": text}


LOCAL_DOOR = {
    "event": "bot",
    "text": "In Winterswijk ...",
    "data": {},
    "metadata": {"utter_action": "utter_local_door"},
}


def test_the_button_names_its_answer():
    assert key_of_button('/more{"answer_key": "absence/holiday_leave"}') == "absence/holiday_leave"
    assert more_response("absence/holiday_leave") == "utter_absence/holiday_leave_more"


def test_other_payloads_name_no_answer():
    for payload in ("/request_human", '/choose_answer{"answer_key": "route/opp"}', "/more", "/more{kapot", "/more[1]"):
        assert key_of_button(payload) is None, payload


def test_meer_after_an_answer_gives_that_answers_rest_also_after_the_local_door():
    events = [_user("vakantie?"), _answer("absence/holiday_leave", more=True), LOCAL_DOOR, _user("meer")]
    assert last_answer_with_more(events) == "absence/holiday_leave"


def test_meer_after_an_answer_without_a_rest_gives_no_older_rest():
    events = [
        _answer("absence/holiday_leave", more=True),
        _user("en iets anders"),
        _answer("route/tell_story_once", more=False),
    ]
    assert last_answer_with_more(events) is None


def test_meer_after_the_rest_gives_nothing_more():
    events = [_answer("route/opp", more=True), _user("meer"), _answer("route/opp_more", more=False), _user("meer")]
    assert last_answer_with_more(events) is None


def test_meer_before_any_answer_gives_nothing():
    assert last_answer_with_more([_user("hallo"), {"event": "bot", "text": "Hoi", "metadata": {}}]) is None


def test_a_typed_request_for_more_is_a_short_fixed_phrase():
    for text in ("meer", "Meer hierover", "vertel meer", "Vertel me meer!", "meer info graag", "ga door", "en verder?"):
        assert asks_for_more(text), text
    for text in (
        "ik wil niet meer naar school",
        "meer dan 4 weken thuis",
        "ik wil niet meer leven",
        "hoe kom ik aan meer uitleg over de TLV",
    ):
        assert not asks_for_more(text), text
