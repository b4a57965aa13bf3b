"""The conversations a Rasa server process handled last, kept in memory between their messages.

Why: Rasa reads the whole conversation back from the database for every message (JSON of every
event, then every event applied to an empty tracker) and, before saving, counts the rows it holds.
In a 50-turn conversation that was a fifth of the server's time per message, growing with every
turn (bench/RESULTS.md). Kept here, a conversation costs one small query per message: it is used
again only when the database still holds exactly what this process saw (the same number of rows,
the same newest row and the same newest time), so a message handled by another worker or
replica, an erasure and the retention job are all noticed. Rows another process added are read
and applied on their own; anything else reads the whole conversation again.

Privacy: a kept conversation is forgotten when it is erased here, after IDLE_SECONDS without a
message (checked whenever the cache is used) and when more than MAX_CONVERSATIONS are kept."""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Optional, Tuple

import sqlalchemy as sa
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import Connection

MAX_CONVERSATIONS = 128
IDLE_SECONDS = 15 * 60

# (rows, newest id, newest time) of a conversation in the events table
Fingerprint = Tuple[int, Optional[int], Optional[float]]


@dataclass
class Held:
    tracker: DialogueStateTracker
    events: int  # len(tracker.events) when it matched the database
    fingerprint: Fingerprint
    trimmed: int  # the first events, whose user messages hold only what the database stores
    used: float  # time.monotonic() of the last use

    def unchanged(self) -> bool:
        """Whether the tracker still holds only what the database holds: a message that failed
        after reading it left events that were never saved."""
        return len(self.tracker.events) == self.events


class TrackerCache:
    def __init__(self, events: sa.Table) -> None:
        self.held: "OrderedDict[str, Held]" = OrderedDict()
        # as text: SQLAlchemy makes a cache key of a built query on every execution (twice a message)
        self._fingerprint_query = sa.text(
            f"SELECT count(id), max(id), max(timestamp) FROM {events.name} WHERE sender_id = :sender_id"
        )

    def fingerprint(self, connection: Connection, sender_id: str) -> Fingerprint:
        rows, newest, newest_time = connection.execute(self._fingerprint_query, {"sender_id": sender_id}).one()
        return rows, newest, newest_time

    def take(self, sender_id: str) -> Optional[Held]:
        """The kept conversation, if its tracker was not changed since it matched the database;
        it is no longer kept until `keep` is called again."""
        self._forget_idle()
        held = self.held.pop(sender_id, None)
        return held if held is not None and held.unchanged() else None

    def peek(self, tracker: DialogueStateTracker) -> Optional[Held]:
        """The kept entry of exactly this tracker object."""
        held = self.held.get(tracker.sender_id)
        return held if held is not None and held.tracker is tracker else None

    def keep(self, tracker: DialogueStateTracker, fingerprint: Fingerprint, trimmed: int) -> None:
        self.held.pop(tracker.sender_id, None)
        self.held[tracker.sender_id] = Held(tracker, len(tracker.events), fingerprint, trimmed, time.monotonic())
        while len(self.held) > MAX_CONVERSATIONS:
            self.held.popitem(last=False)

    def forget(self, sender_id: str) -> None:
        self.held.pop(sender_id, None)

    def _forget_idle(self) -> None:
        limit = time.monotonic() - IDLE_SECONDS
        while self.held and next(iter(self.held.values())).used < limit:
            self.held.popitem(last=False)
