"""A Rasa process that keeps the conversations it handled (bot/tracker_cache.py) gives the same
conversation as reading it from the database, also when two processes take turns, when another
process erased it, when a message failed before it was saved and when a new session starts.
Each store object below is one Rasa worker; a fresh store reads the database as Rasa does.
SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import itertools

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
from rasa.shared.core.trackers import EventVerbosity

from bot import tracker_cache
from bot.tracker_store import delete_conversations, tracker_engine
from tests.trackers import stored_rows, tracker_store, write_endpoints

PARSE = {
    "intent": {"name": "absence", "confidence": 0.9},
    "entities": [],
    "intent_ranking": [{"name": "absence", "confidence": 0.9}],
    "response_selector": {
        "default": {
            "response": {"intent_response_key": "absence/holiday_leave"},
            "ranking": [{"intent_response_key": "absence/holiday_leave"}],
        }
    },
}
counter = itertools.count()


def turn(tracker, text: str) -> None:
    """What the processor adds for one message: the user's message, a slot, the answer, listening."""
    tracker.update(UserUttered(text, intent=PARSE["intent"], entities=[], parse_data={**PARSE, "text": text}))
    tracker.update(SlotSet("gemeente", f"gemeente {next(counter)}"))
    tracker.update(ActionExecuted("utter_absence"))
    tracker.update(BotUttered(f"antwoord op {text}"))
    tracker.update(ActionExecuted("action_listen"))


def seen(tracker) -> dict:
    """Everything of a conversation the policies and actions see."""
    return {
        "state": tracker.current_state(EventVerbosity.ALL),
        "slots": {name: slot.value for name, slot in tracker.slots.items()},
    }


@pytest.fixture
def endpoints(database_url, tmp_path):
    return write_endpoints(database_url, tmp_path)


def read_fresh(endpoints, sender: str):
    return asyncio.run(tracker_store(endpoints).retrieve(sender))


def start(store, sender: str):
    async def run():
        tracker = store.init_tracker(sender)
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
            tracker.update(event)
        await store.save(tracker)

    asyncio.run(run())


def message(store, sender: str, text: str, save: bool = True):
    async def run():
        tracker = await store.retrieve(sender)
        turn(tracker, text)
        if save:
            await store.save(tracker)
        return tracker

    return asyncio.run(run())


def test_two_workers_taking_turns_see_what_the_database_holds(endpoints):
    workers = [tracker_store(endpoints), tracker_store(endpoints)]
    start(workers[0], "ouder")
    for number in range(8):
        worker = workers[number % 3 % 2]  # worker 0, 1, 0, 0, 1, 0, ...
        message(worker, "ouder", f"vraag {number}")
        assert seen(asyncio.run(worker.retrieve("ouder"))) == seen(read_fresh(endpoints, "ouder"))
    # every event stored once: 3 of the session start, 5 per message
    assert len(stored_rows(endpoints, "ouder")) == 3 + 8 * 5
    users = [e for e in read_fresh(endpoints, "ouder").events if isinstance(e, UserUttered)]
    assert [u.text for u in users] == [f"vraag {n}" for n in range(8)]
    # what the worker hands out holds what the database stores of a message: no rankings
    assert all(
        "intent_ranking" not in u.parse_data
        for u in asyncio.run(workers[0].retrieve("ouder")).events
        if isinstance(u, UserUttered)
    )


def test_a_conversation_erased_by_another_process_is_gone(endpoints):
    worker = tracker_store(endpoints)
    start(worker, "ouder")
    message(worker, "ouder", "mijn naam is Sam")
    engine = tracker_engine(endpoints)
    with engine.begin() as connection:
        delete_conversations(connection, ["ouder"])
    engine.dispose()
    assert asyncio.run(worker.retrieve("ouder")) is None
    # the same sender starts again: the new conversation, without the old message
    start(worker, "ouder")
    message(worker, "ouder", "nieuwe vraag")
    texts = [e.text for e in asyncio.run(worker.retrieve("ouder")).events if isinstance(e, UserUttered)]
    assert texts == ["nieuwe vraag"]


def test_a_message_that_failed_before_it_was_saved_is_not_kept(endpoints):
    worker = tracker_store(endpoints)
    start(worker, "ouder")
    message(worker, "ouder", "eerste vraag")
    message(worker, "ouder", "mislukte vraag", save=False)
    tracker = asyncio.run(worker.retrieve("ouder"))
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["eerste vraag"]
    assert seen(tracker) == seen(read_fresh(endpoints, "ouder"))


def test_a_new_session_is_read_from_its_start(endpoints):
    worker = tracker_store(endpoints)
    start(worker, "ouder")
    message(worker, "ouder", "oude vraag")

    async def new_session():
        tracker = await worker.retrieve("ouder")
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
            tracker.update(event)
        turn(tracker, "nieuwe vraag")
        await worker.save(tracker)

    asyncio.run(new_session())
    tracker = asyncio.run(worker.retrieve("ouder"))
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["nieuwe vraag"]
    assert seen(tracker) == seen(read_fresh(endpoints, "ouder"))


def test_kept_conversations_are_forgotten_when_idle_or_too_many(endpoints, monkeypatch):
    worker = tracker_store(endpoints)
    for sender in ("a", "b", "c"):
        start(worker, sender)
        message(worker, sender, "vraag")
    assert list(worker.cache.held) == ["a", "b", "c"]
    monkeypatch.setattr(tracker_cache, "MAX_CONVERSATIONS", 2)
    message(worker, "a", "nog een vraag")
    assert list(worker.cache.held) == ["c", "a"]
    monkeypatch.setattr(tracker_cache, "IDLE_SECONDS", 0)
    asyncio.run(worker.retrieve("c"))
    assert list(worker.cache.held) == ["c"]
