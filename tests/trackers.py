"""Conversations in a real tracker store for the retention and erasure tests: endpoints.yml for the
test's database (SQLite or PostgreSQL), the store Rasa makes from it, and conversations saved by
that store the way Rasa saves them, turn by turn, with timestamps in the past."""

from __future__ import annotations

import asyncio
import time
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.conftest import ROOT

DAY = 86400


def write_endpoints(database_url: str, folder: Path) -> Path:
    """endpoints.yml with the erasable tracker store: a SQLite file of its own in `folder`, or the
    test's PostgreSQL database (conversations and tickets on one server, as in production)."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        options = f'  dialect: "sqlite"\n  db: "{folder / "tracker.db"}"\n'
    else:
        options = (
            f'  dialect: "postgresql"\n  url: "{url.host}"\n  port: {url.port or 5432}\n'
            f'  db: "{url.database}"\n  username: "{url.username}"\n  password: "{url.password}"\n'
        )
    path = folder / "endpoints.yml"
    path.write_text(f"tracker_store:\n  type: bot.tracker_store.ErasableSQLTrackerStore\n{options}", encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def _domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain"))


def tracker_store(endpoints: Path):
    """The tracker store Rasa makes from `endpoints` (as `rasa run --endpoints` does)."""
    from rasa.core.tracker_store import create_tracker_store
    from rasa.core.utils import AvailableEndpoints

    return create_tracker_store(AvailableEndpoints.read_endpoints(str(endpoints)).tracker_store, _domain())


def save_turns(store, sender: str, texts: list, days_ago: float, events_after: list = ()) -> None:
    """One session of `sender` in which the user said `texts`, the last `days_ago` days ago, saved
    turn by turn like Rasa does (a new session after the conversation's earlier ones)."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

    async def run():
        at = time.time() - days_ago * DAY - len(texts)
        tracker = await store.retrieve(sender) or store.init_tracker(sender)
        tracker.update(ActionExecuted("action_session_start", timestamp=at))
        tracker.update(SessionStarted(timestamp=at))
        tracker.update(ActionExecuted("action_listen", timestamp=at))
        for text in texts:
            at += 1
            tracker.update(UserUttered(text, intent={"name": "greet", "confidence": 1.0}, timestamp=at))
            tracker.update(ActionExecuted("utter_greet", timestamp=at))
            tracker.update(BotUttered("Hallo!", timestamp=at))
            tracker.update(ActionExecuted("action_listen", timestamp=at))
            await store.save(tracker)
        for event in events_after:
            event.timestamp = at
            tracker.update(event)
        await store.save(tracker)

    asyncio.run(run())


def stored_rows(endpoints: Path, sender: str) -> list:
    """The stored `data` of every event of `sender`, read straight from the table."""
    from bot.tracker_store import EVENTS, tracker_engine

    engine = tracker_engine(endpoints)
    if engine is None:
        return []
    with engine.connect() as connection:
        rows = list(connection.execute(sa.select(EVENTS.c.data).where(EVENTS.c.sender_id == sender)).scalars())
    engine.dispose()
    return rows
