"""Rasa's SQL tracker store that can forget a conversation, and the way to reach the same `events`
table from outside Rasa (retention and `cip erase`).

Why a subclass: saving inserts every event of the in-memory tracker beyond those stored, so rows
that an action deletes during a turn come back when the turn is saved. The store is the one place
where a deletion sticks: when the turn being saved said `utter_conversation_erased` (the answer to a yes on
"verwijder mijn gesprek", data/rules/erasure.yml), `save()` deletes every stored event of the
conversation, of all its sessions, and stores nothing of that turn. The next message finds no
conversation and starts a new session, as for a new user. A response (not a custom action) is the
signal because Rasa logs a custom action as executed even when the action server failed.

It also stores less of each user message: the intent, the entities, the text and its id, and of
the answer selection only which answer was chosen (the handoff's summary names it for the contact
person, bot/domain/handoff.py); not the classifier's rankings and the answers it weighed (about 85 % of a
stored user message). The policies and actions use only what is kept, and only the current
message's full result, which stays in memory for its turn. A smaller row is also a faster one to
read back (bench/RESULTS.md).

And it keeps the conversations this process handled last in memory (bot/rasa_patches/tracker_cache.py), so that
a message does not read the whole conversation back from the database, and knows how many of a
tracker's events are stored instead of counting them before each save; a conversation that changed
in the database in the meantime is read as Rasa reads it.

And it counts, for the coordinator's statistics, what each saved turn's new events were
(bot/statistics/counting.py: answer, clarification, handoff ...; no text, no sender id), into the
aggregate table of the project's database, written every few seconds (bot/statistics/recorder.py).

Configured in endpoints.yml as `type: bot.rasa_plugins.tracker_store.ErasableSQLTrackerStore` with the options of
Rasa's `type: SQL` (dialect, url = the host, port, db, username, password). Rasa falls back to an
in-memory store with only a warning when the class cannot be imported, so tests/privacy/test_erasure.py
loads endpoints.yml the way Rasa does and checks the class."""

from __future__ import annotations

import itertools
import json
import logging
import os
import warnings
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot import PROJECT_ROOT
from bot.storage.private_files import private_sqlite_file

# Importing Rasa's table warns that it uses SQLAlchemy 1.4 APIs: Rasa's concern, not the CLI user's.
with warnings.catch_warnings(record=True):
    from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs, validate_port

from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, SlotSet, UserUttered, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from bot.rasa_patches.tracker_cache import Fingerprint, Held, TrackerCache
from bot.region import RegionFileError, load_region
from bot.statistics.counting import turn_counts
from bot.statistics.recorder import PendingCounts
from bot.storage.db import engine as project_engine

log = logging.getLogger(__name__)

ERASED_RESPONSE = "utter_conversation_erased"
# What is stored of a user message's NLU result (Rasa's UserUttered.parse_data).
KEPT_PARSE_DATA = ("intent", "entities", "text", "message_id", "metadata")
# Set by action_create_ticket: the link between a conversation and the ticket it made.
REFERENCE_SLOT = "handoff_reference"
EVENTS = SQLTrackerStore.SQLEvent.__table__
SQL_TYPES = {"sql", f"{__name__}.ErasableSQLTrackerStore".lower()}


class TrackerStoreError(Exception):
    """endpoints.yml names no SQL tracker store this project can reach."""


class ErasableSQLTrackerStore(SQLTrackerStore):
    """Rasa's SQL tracker store; stores the lean form of user messages; a turn that erased the
    conversation deletes it instead of saving."""

    def __init__(self, *args, **kwargs) -> None:
        if kwargs.get("dialect", "sqlite") == "sqlite":  # whole conversations: readable by the owner only
            private_sqlite_file(kwargs.get("db") or "rasa.db")
        super().__init__(*args, **kwargs)
        # A failed statement's error (which Rasa logs) shows no values: they hold message text.
        self.engine.hide_parameters = True
        self.cache = TrackerCache(EVENTS)
        self.statistics = PendingCounts(project_engine)
        try:
            self.municipalities = frozenset(load_region().municipality_names)
        except RegionFileError:  # the statistics then say "onbekend"; scripts/run checks the file first
            self.municipalities = frozenset()

    def _event_query(self, session, sender_id: str, fetch_events_from_all_sessions: bool):
        """Rasa's query (the conversation's events in order, of its latest session or all), for
        the stored `data` only: Rasa reads nothing else of a row, and building a full ORM object
        per event took about a tenth of the time per message in a 50-turn conversation."""
        query = super()._event_query(session, sender_id, fetch_events_from_all_sessions)
        return query.with_entities(self.SQLEvent.data)

    async def retrieve(self, sender_id: str) -> Optional[DialogueStateTracker]:
        """The conversation's latest session, from this process's memory when the database still
        holds what it saw (bot/rasa_patches/tracker_cache.py), else as Rasa reads it."""
        held = self.cache.take(sender_id)
        with self.session_scope() as session:
            connection = session.connection()
            fingerprint = self.cache.fingerprint(connection, sender_id)
            if not fingerprint[0]:
                return None
            tracker = held and self._brought_up_to_date(connection, held, fingerprint)
        if tracker is None:
            # read after the fingerprint: a change in between shows as a different one next time
            tracker = await super().retrieve(sender_id)
            if tracker is None:
                return None
        else:
            trim_parse_data(itertools.islice(tracker.events, held.trimmed, None))
        self.cache.keep(tracker, fingerprint, trimmed=len(tracker.events))
        return tracker

    @staticmethod
    def _brought_up_to_date(
        connection: Connection, held: Held, fingerprint: Fingerprint
    ) -> Optional[DialogueStateTracker]:
        """The kept tracker, with the rows another process added since applied to it; None when
        the database changed otherwise (rows deleted, a new session)."""
        if fingerprint == held.fingerprint:
            return held.tracker
        rows, newest, newest_time = held.fingerprint
        added = connection.execute(
            sa.select(EVENTS.c.id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
            .where(EVENTS.c.sender_id == held.tracker.sender_id, EVENTS.c.id > newest)
            .order_by(EVENTS.c.id)
        ).all()
        if (
            not added
            or (rows + len(added), added[-1].id) != fingerprint[:2]
            or max(newest_time, *(row.timestamp for row in added)) != fingerprint[2]
            or any(row.type_name == SessionStarted.type_name for row in added)
        ):
            return None
        for event in deserialise_events([json.loads(row.data) for row in added]):
            held.tracker.update(event)
        return held.tracker

    async def save(self, tracker: DialogueStateTracker) -> None:
        if erasure_requested(tracker):
            with self.session_scope() as session:
                deleted = delete_conversations(session.connection(), [tracker.sender_id])
                session.commit()
            self.cache.forget(tracker.sender_id)
            log.info("Gesprek verwijderd op verzoek van de gebruiker (%d gebeurtenissen).", deleted)
            return
        held = self.cache.peek(tracker)
        # of a tracker this process read, the events before `trimmed` were handed out trimmed
        with parse_data_trimmed(itertools.islice(tracker.events, held.trimmed if held else 0, None)):
            await self.stream_events(tracker)
            stored = self._insert_new_events(tracker, held)
        events = list(tracker.events)
        self.statistics.add(turn_counts(events, stored, self.municipalities))

    def _insert_new_events(self, tracker: DialogueStateTracker, held: Optional[Held]) -> int:
        """Rasa's `save`: a row per event of the tracker that the database does not hold yet, with
        the same columns. Which those are, Rasa finds by counting the stored rows; for the tracker
        this process read, it knows. One INSERT for all rows (Rasa's ORM sends one per row).
        Returns how many events were stored before."""
        with self.session_scope() as session:
            stored = held.events if held else self._event_query(session, tracker.sender_id, False).count()
            new_events = list(itertools.islice(tracker.events, stored, None))
            connection = session.connection()
            if new_events:
                connection.execute(EVENTS.insert(), [_row(tracker.sender_id, event) for event in new_events])
            fingerprint = self.cache.fingerprint(connection, tracker.sender_id)
            session.commit()
        if any(isinstance(event, SessionStarted) for event in new_events):
            # Rasa reads a conversation back from its latest session on; this tracker holds more
            self.cache.forget(tracker.sender_id)
        else:
            self.cache.keep(tracker, fingerprint, trimmed=held.trimmed if held else 0)
        return stored


def _row(sender_id: str, event: Event) -> dict:
    """Rasa's row for an event (the columns its `save` fills)."""
    data = event.as_dict()
    return {
        "sender_id": sender_id,
        "type_name": event.type_name,
        "timestamp": data.get("timestamp"),
        "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
        "action_name": data.get("name"),
        "data": json.dumps(data),
    }


def kept_parse_data(parse_data: dict) -> dict:
    """What is stored of a user message's NLU result: KEPT_PARSE_DATA, and of the answer selectors
    only the key of the chosen answer ("absence/holiday_leave"), without texts and rankings: the
    combined choice (``default``) where there is one, else each selector's."""
    kept = {key: value for key, value in parse_data.items() if key in KEPT_PARSE_DATA}
    chosen = {}
    selectors = parse_data.get("response_selector") or {}
    if "default" in selectors:
        selectors = {"default": selectors["default"]}
    for name, selected in selectors.items():
        key = ((selected.get("response") or {}) if isinstance(selected, dict) else {}).get("intent_response_key")
        if key:
            chosen[name] = {"response": {"intent_response_key": key}}
    if chosen:
        kept["response_selector"] = chosen
    return kept


def trim_parse_data(events: Iterable[Event]) -> None:
    """Leaves only what kept_parse_data keeps in these user messages, for good."""
    for event in events:
        if isinstance(event, UserUttered):
            event.parse_data = kept_parse_data(event.parse_data)


@contextmanager
def parse_data_trimmed(events: Iterable[Event]):
    """Within the block, the user messages among these events carry only what kept_parse_data
    keeps; afterwards the full results again (the tracker may still be used after it was saved)."""
    full = []  # (event, parse data) pairs: equal messages are distinct events
    for event in events:
        if not isinstance(event, UserUttered):
            continue
        kept = kept_parse_data(event.parse_data)
        if kept != event.parse_data:
            full.append((event, event.parse_data))
            event.parse_data = kept
    try:
        yield
    finally:
        for event, parse_data in full:
            event.parse_data = parse_data


def erasure_requested(tracker: DialogueStateTracker) -> bool:
    """Whether the assistant confirmed an erasure in this tracker; only the turn that did it can
    hold the event, because that turn is never stored."""
    return any(
        isinstance(event, ActionExecuted) and event.action_name == ERASED_RESPONSE for event in reversed(tracker.events)
    )


def delete_conversations(connection: Connection, sender_ids: Iterable[str]) -> int:
    """Deletes every stored event of these conversations; returns how many."""
    secure_delete(connection)
    return connection.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(list(sender_ids)))).rowcount


def secure_delete(connection: Connection) -> None:
    """On SQLite, deleted and overwritten content is zeroed on disk instead of left in free space
    of the file. (PostgreSQL's VACUUM, run by autovacuum, frees deleted rows.)"""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA secure_delete = ON")


def references_of(connection: Connection, sender_id: str) -> list[str]:
    """The references of the tickets this conversation made."""
    rows = connection.execute(
        sa.select(EVENTS.c.data).where(
            EVENTS.c.sender_id == sender_id,
            EVENTS.c.type_name == SlotSet.type_name,
            EVENTS.c.data.contains(REFERENCE_SLOT),
        )
    )
    return sorted({value for (data,) in rows if (value := _reference(data))})


def senders_of(connection: Connection, reference: str) -> list[str]:
    """The conversations that made the ticket with this reference (normally one)."""
    rows = connection.execute(
        sa.select(EVENTS.c.sender_id, EVENTS.c.data).where(
            EVENTS.c.type_name == SlotSet.type_name, EVENTS.c.data.contains(reference)
        )
    )
    return sorted({sender for sender, data in rows if _reference(data) == reference})


def _reference(data: str) -> str | None:
    event = json.loads(data)
    return event.get("value") if event.get("name") == REFERENCE_SLOT else None


def tracker_engine(endpoints: str | Path | None = None) -> Engine | None:
    """An engine on the SQL tracker store that endpoints.yml (default: the project's) names, read
    with Rasa's own reader, so `${VARIABLE}` values from the environment work as in Rasa. None
    when no conversation was ever stored (no events table, or no SQLite file yet: it is not made).
    A relative SQLite path counts from the project root, where scripts/run starts Rasa."""
    from rasa.utils.endpoints import read_endpoint_config

    path = Path(endpoints) if endpoints else PROJECT_ROOT / "endpoints.yml"
    if not path.is_file():
        raise TrackerStoreError(f"{path} bestaat niet")
    # endpoints.yml also names the action server's secret (${CIP_ACTION_SECRET}), which Rasa's
    # reader requires to be set; `cip erase` and `cip retention run` read only the tracker store
    secret_variable, had_secret = "CIP_ACTION_SECRET", "CIP_ACTION_SECRET" in os.environ
    os.environ.setdefault(secret_variable, "-")
    try:
        config = read_endpoint_config(str(path), "tracker_store")
    finally:
        if not had_secret:
            del os.environ[secret_variable]
    if config is None or str(config.type).lower() not in SQL_TYPES:
        raise TrackerStoreError(
            f"{path} noemt geen SQL tracker store (type: {config and config.type}); "
            "bewaartermijnen en verwijderen werken alleen met de SQL tracker store"
        )
    options = config.kwargs
    dialect, db = options.get("dialect", "sqlite"), options.get("db", "rasa.db")
    if dialect == "sqlite":
        file = Path(db) if Path(db).is_absolute() else PROJECT_ROOT / db
        if not file.is_file():
            return None
        db = str(file)
    url = SQLTrackerStore.get_db_url(
        dialect,
        config.url,
        validate_port(options.get("port")),
        db,
        options.get("username"),
        options.get("password"),
        query=options.get("query"),
    )
    engine = sa.create_engine(url, future=True, hide_parameters=True, **create_engine_kwargs(url))
    if not sa.inspect(engine).has_table(EVENTS.name):
        engine.dispose()
        return None
    return engine
