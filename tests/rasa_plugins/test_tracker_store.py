"""What the tracker store keeps of a user message: enough for the next turns and for the contact
person's summary, not the classifier's rankings; the conversation read back works as before.
SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json

from rasa.shared.core.events import ActionExecuted, UserUttered

from bot.domain.handoff import summary
from tests.helpers.trackers import stored_rows, tracker_store, write_endpoints

PARSE = {
    "intent": {"name": "absence", "confidence": 0.93},
    "entities": [{"entity": "gemeente", "value": "Aalten", "start": 18, "end": 24}],
    "intent_ranking": [{"name": "absence", "confidence": 0.93}, {"name": "route", "confidence": 0.04}],
    "response_selector": {
        "default": {
            "response": {
                "intent_response_key": "absence/holiday_leave",
                "responses": [{"text": "Vakantie buiten de schoolvakanties ..."}],
            },
            "ranking": [{"intent_response_key": "absence/holiday_leave", "confidence": 0.9}],
        }
    },
    "text_tokens": [[0, 3]],
}


def _message(text: str) -> UserUttered:
    return UserUttered(text, intent=PARSE["intent"], entities=PARSE["entities"], parse_data=dict(PARSE))


def test_a_user_message_is_stored_without_rankings_and_read_back_whole(database_url, tmp_path):
    endpoints = write_endpoints(database_url, tmp_path)
    store = tracker_store(endpoints)
    first, second = _message("Vakantie in Aalten?"), _message("Vakantie in Aalten?")

    async def run():
        tracker = store.init_tracker("ouder-1")
        for message in (first, second):
            tracker.update(message)
            tracker.update(ActionExecuted("utter_absence"))
            await store.save(tracker)
        return tracker, await tracker_store(endpoints).retrieve("ouder-1")  # as another process reads it

    in_memory, read_back = asyncio.run(run())

    stored = [
        json.loads(row)["parse_data"]
        for row in stored_rows(tmp_path / "endpoints.yml", "ouder-1")
        if json.loads(row)["event"] == "user"
    ]
    assert len(stored) == 2
    for parse_data in stored:
        assert set(parse_data) == {"intent", "entities", "text", "message_id", "metadata", "response_selector"}
        assert parse_data["intent"]["name"] == "absence" and parse_data["entities"][0]["value"] == "Aalten"
        # of the answer selection only the chosen answer, no answer texts or rankings
        assert parse_data["response_selector"] == {
            "default": {"response": {"intent_response_key": "absence/holiday_leave"}}
        }
    # The tracker that was saved still has its full results (both equal messages).
    assert all("response_selector" in m.parse_data for m in (first, second))
    assert in_memory.latest_message.parse_data["intent_ranking"] == PARSE["intent_ranking"]
    # Read back: the same messages, intents and entities, as the policies see them.
    users = [e for e in read_back.events if isinstance(e, UserUttered)]
    assert [(u.text, u.intent_name, u.entities) for u in users] == [(first.text, "absence", PARSE["entities"])] * 2
    assert read_back.past_states(store.domain) == in_memory.past_states(store.domain)
    # The contact person's summary, made from the conversation read back, names the answers given.
    assert summary([e.as_dict() for e in read_back.events]).startswith(
        "Onderwerpen: Vakantie buiten de schoolvakantie\n"
    )
