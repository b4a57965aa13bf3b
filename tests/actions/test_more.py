"""The action behind "Meer hierover" and a typed "meer", with real Tracker objects."""

from __future__ import annotations

import asyncio

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.more import ActionMore

OPP = {
    "event": "bot",
    "data": {"buttons": [{"title": "Meer hierover", "payload": '/more{"answer_key": "route/opp"}'}]},
    "metadata": {"utter_action": "utter_route/opp"},
}


def _say(events, entities=()):
    tracker = Tracker(
        sender_id="test",
        slots={},
        latest_message={"intent": {"name": "more"}, "entities": list(entities), "text": "meer"},
        events=list(events),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )
    dispatcher = CollectingDispatcher()
    asyncio.run(ActionMore().run(dispatcher, tracker, {}))
    return [m["response"] for m in dispatcher.messages]


def test_typed_meer_after_an_answer_gives_its_rest():
    assert _say([OPP, {"event": "user", "text": "meer"}]) == ["utter_route/opp_more"]


def test_the_button_gives_the_rest_of_the_answer_it_belongs_to():
    entity = {"entity": "answer_key", "value": "route/opp"}
    assert _say([{"event": "user", "text": "hallo"}], [entity]) == ["utter_route/opp_more"]


def test_no_rest_or_an_unknown_answer_is_said_honestly():
    assert _say([{"event": "user", "text": "meer"}]) == ["utter_no_further_part"]
    assert _say([], [{"entity": "answer_key", "value": "route/bestaat_niet"}]) == ["utter_no_further_part"]
    assert _say([], [{"entity": "answer_key", "value": "route/tell_story_once"}]) == ["utter_no_further_part"]
