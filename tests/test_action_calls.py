"""bot.action_calls sends the action server what Rasa sends, after every event of the test
conversations, while the tracker store trims the results of earlier messages as it does."""

import copy
import json

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.events import UserUttered

from bot import action_calls
from bot.tracker_store import trim_parse_data
from tests.conftest import ROOT
from tests.test_tracker_speedups import CONVERSATIONS, domain, grown

ENDPOINT = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml")).action


def with_full_results(events):
    """Copies of the conversation's events, the user messages with what the NLU gives besides
    intent and entities."""
    for event in copy.deepcopy(events):
        if isinstance(event, UserUttered):
            event.parse_data = {
                **event.parse_data,
                "intent_ranking": [event.intent],
                "response_selector": {
                    "default": {"response": {"intent_response_key": "x/y"}, "ranking": [{"confidence": 0.5}]}
                },
            }
        yield event


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
@pytest.mark.parametrize("action", ["action_local_door", "validate_handoff_form"])
def test_the_action_server_gets_what_rasa_sends(name, action):
    remote = RemoteAction(action, ENDPOINT)
    trimmed = 0
    for tracker in grown(list(with_full_results(CONVERSATIONS[name]))):
        ours = action_calls.action_call_format(remote, tracker, domain())
        rasas = action_calls._RASA_FORMAT(remote, tracker, domain())
        assert json.loads(action_calls.serialize(ours)) == json.loads(json.dumps(rasas))
        assert dict(ours) == rasas
        if isinstance(tracker.events[-1], UserUttered):
            # the next message reads the conversation back with the earlier results trimmed
            trim_parse_data(list(tracker.events)[trimmed:-1])
            trimmed = len(tracker.events) - 1
    assert ("domain" in rasas) == (action == "validate_handoff_form")


def test_other_requests_are_encoded_as_before():
    assert action_calls.serialize({"a": [1, "é"]}) == json.dumps({"a": [1, "é"]})


def test_the_current_message_is_sent_as_it_is_now():
    """Within its turn a message's NLU result may still change in place (Rasa adds to it)."""
    remote = RemoteAction("action_local_door", ENDPOINT)
    tracker = list(grown(CONVERSATIONS["a form runs, is interrupted and runs again"]))[-1]
    tracker.update(UserUttered("nog een vraag", {"name": "greet", "confidence": 1.0}, parse_data={"entities": []}))
    action_calls.action_call_format(remote, tracker, domain())
    tracker.latest_message.parse_data["entities"].append({"entity": "gemeente", "value": "Aalten"})
    sent = json.loads(action_calls.serialize(action_calls.action_call_format(remote, tracker, domain())))
    assert sent["tracker"]["events"][-1]["parse_data"]["entities"] == [{"entity": "gemeente", "value": "Aalten"}]
