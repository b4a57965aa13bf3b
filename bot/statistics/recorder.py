"""Counts gathered in memory and written to the aggregate table every few seconds.

Why not one write per message: the tracker store counts in the Rasa process, on the path of every
message; adding a Key to a Counter costs microseconds, a database round trip far more (and
on SQLite a write lock the action server also needs for tickets). The price: counts of the last
FLUSH_SECONDS are lost when the process is killed (an orderly exit writes them, also of a Rasa
worker process, which multiprocessing ends without running atexit handlers). A failed write
drops its counts with a warning rather than letting memory grow or a conversation fail."""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from multiprocessing.util import Finalize
from typing import Callable, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.statistics.counting import Key
from bot.statistics.margins import MARGINS
from bot.statistics.table import add_counts

log = logging.getLogger(__name__)
FLUSH_SECONDS = 5.0


class PendingCounts:
    """Keys added by conversations, written in one statement when FLUSH_SECONDS have passed."""

    def __init__(self, engine: Callable[[], Engine], flush_seconds: float = FLUSH_SECONDS) -> None:
        self._engine = engine
        self._flush_seconds = flush_seconds
        self._pending: Counter = Counter()
        self._lock = threading.Lock()
        self._last_flush = time.monotonic()
        self._table_seen = False
        Finalize(None, self.flush, exitpriority=0)  # at exit, of the main process and of a worker

    def _table_ready(self, connection) -> bool:
        """Whether the database has the table (once seen, always). Without `cip db upgrade` each
        write (every FLUSH_SECONDS, not every message) drops its counts with a warning."""
        if not self._table_seen:
            self._table_seen = sa.inspect(connection).has_table(MARGINS.name)
            if not self._table_seen:
                log.warning("statistieken niet opgeslagen: de database mist de tabel (cip db upgrade)")
        return self._table_seen

    def add(self, keys: Iterable[Key]) -> None:
        with self._lock:
            self._pending.update(keys)
        if time.monotonic() - self._last_flush >= self._flush_seconds:
            self.flush()

    def flush(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, Counter()
            self._last_flush = time.monotonic()
        if not pending:
            return
        try:
            with self._engine().begin() as connection:
                if not self._table_ready(connection):
                    return
                add_counts(connection, pending)
        except SQLAlchemyError as error:
            log.warning("statistieken niet opgeslagen (%d cellen): %s", len(pending), type(error).__name__)
