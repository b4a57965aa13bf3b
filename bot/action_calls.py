"""The JSON of a custom action call, made once per event instead of once per call.

Why: for every custom action Rasa 3.6 sends the action server the whole conversation: it turns
every event into a dict and encodes the lot as JSON, at the end of a 50-turn conversation 370
events and 160 kB, 1.2 ms per call (bench/RESULTS.md). Events of earlier turns do not change any
more, so here the dict and the JSON of each are kept on the event the first time it is sent
after its turn ("sealed": older than the latest user message); the events of the current turn
are encoded fresh, and a user message again when the tracker store has trimmed its NLU result
since (bot/tracker_store.py).
The request carries the same JSON object as Rasa's, with the events as its tracker's last key
(tests/test_action_calls.py): the call's dict holds Rasa's content, and the session that posts it
(Rasa's, with another JSON encoder: bot/kept_connections.py) takes the kept text instead of encoding the dict again.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Text, Tuple

from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

_RASA_FORMAT = RemoteAction._action_call_format
_KEPT = "_cip_encoded"


class ActionCall(dict):
    """Rasa's action call (the same keys and values) and its JSON text."""

    def __init__(self, content: Dict[Text, Any], text: str) -> None:
        super().__init__(content)
        self.text = text


def _encoded(event: Event, sealed: bool) -> Tuple[Dict[Text, Any], str]:
    """The event's dict and JSON, kept on a sealed event. A user message's NLU result is the one
    part that changes later (the tracker store trims it, replacing the dict): kept with the very
    dict it was made from, the text is made again when that was replaced."""
    source = getattr(event, "parse_data", None)
    kept = event.__dict__.get(_KEPT)
    if kept is not None and kept[0] is source:
        return kept[1], kept[2]
    as_dict = event.as_dict()
    text = json.dumps(as_dict)
    if sealed:
        event.__dict__[_KEPT] = (source, as_dict, text)
    return as_dict, text


def _events(tracker: DialogueStateTracker) -> List[Tuple[Dict[Text, Any], str]]:
    """Dict and JSON of every event, as `current_state(EventVerbosity.ALL)` lists them."""
    events = list(tracker.events)
    latest_user = max((i for i, event in enumerate(events) if isinstance(event, UserUttered)), default=-1)
    return [_encoded(event, sealed=i < latest_user) for i, event in enumerate(events)]


def action_call_format(self: RemoteAction, tracker: DialogueStateTracker, domain) -> Dict[Text, Any]:
    """`RemoteAction._action_call_format` with the JSON made from each event's kept text."""
    if type(tracker) is not DialogueStateTracker:
        return _RASA_FORMAT(self, tracker, domain)
    events = _events(tracker)
    state = tracker.current_state(EventVerbosity.NONE)
    del state["events"]
    content = _RASA_FORMAT(self, _WithoutEvents(tracker, state), domain)
    state_text = json.dumps(state)
    state["events"] = [as_dict for as_dict, _ in events]
    others = json.dumps({key: value for key, value in content.items() if key != "tracker"})
    # {"tracker": {the state, "events": [...]}, the other keys}: both texts are JSON objects
    events_text = "[" + ", ".join(text for _, text in events) + "]"
    return ActionCall(content, '{"tracker": ' + state_text[:-1] + ', "events": ' + events_text + "}, " + others[1:])


class _WithoutEvents:
    """The tracker as `_action_call_format` reads it, with its state already made."""

    def __init__(self, tracker: DialogueStateTracker, state: Dict[Text, Any]) -> None:
        self.sender_id, self._state = tracker.sender_id, state

    def current_state(self, verbosity: EventVerbosity) -> Dict[Text, Any]:
        return self._state


def serialize(value: Any) -> str:
    """aiohttp's JSON encoder for Rasa's requests: the kept text of an action call."""
    return value.text if isinstance(value, ActionCall) else json.dumps(value)


def apply() -> None:
    """Install the replacement (idempotent); `serialize` is the JSON encoder of the session
    bot/kept_connections.py makes."""
    RemoteAction._action_call_format = action_call_format
