"""Counts kept in memory and written every few seconds: nothing is written before that, all of it
after, and a database without the table costs a warning, never a failed conversation."""

from __future__ import annotations

import logging
import multiprocessing
from datetime import date

import sqlalchemy as sa

from bot.statistics.counting import Key
from bot.statistics.recorder import PendingCounts
from bot.statistics.table import WEEKS
from bot.storage.db import engine, upgrade

KEY = Key(date(2026, 3, 3), "answered", "Aalten", "absence", "absence/holiday_leave", "ouder")


def stored(url: str) -> list:
    with engine(url).connect() as connection:
        return [tuple(row) for row in connection.execute(sa.select(WEEKS.c.week, WEEKS.c.outcome, WEEKS.c.count))]


def test_counts_are_written_together_once_the_interval_has_passed(tmp_path):
    url = f"sqlite:///{tmp_path / 'cip.db'}"
    upgrade(url)
    recorder = PendingCounts(lambda: engine(url), flush_seconds=3600)
    recorder.add([KEY, KEY])
    recorder.add([KEY])
    assert stored(url) == []
    recorder.flush()
    recorder.flush()  # nothing left: nothing counted twice
    assert stored(url) == [(date(2026, 3, 2), "answered", 3)]
    eager = PendingCounts(lambda: engine(url), flush_seconds=0)
    eager.add([KEY])
    assert stored(url) == [(date(2026, 3, 2), "answered", 4)]


def test_a_database_without_the_table_gives_a_warning_and_no_error(tmp_path, caplog):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    recorder = PendingCounts(lambda: engine(url), flush_seconds=0)
    with caplog.at_level(logging.WARNING, logger="bot.statistics.recorder"):
        recorder.add([KEY])
        recorder.add([KEY])
    assert [r.getMessage() for r in caplog.records] == [
        "statistieken niet opgeslagen: de database mist de tabel (cip db upgrade)"
    ] * 2
    assert "Aalten" not in caplog.text


def test_a_worker_process_that_ends_writes_what_it_counted(tmp_path):
    """Rasa's workers are multiprocessing processes: they end without running atexit handlers."""
    url = f"sqlite:///{tmp_path / 'cip.db'}"
    upgrade(url)
    engine(url).dispose()  # a forked process opens its own connections

    def worker() -> None:
        PendingCounts(lambda: engine(url), flush_seconds=3600).add([KEY, KEY])

    process = multiprocessing.get_context("fork").Process(target=worker)
    process.start()
    process.join(timeout=60)
    assert process.exitcode == 0
    assert stored(url) == [(date(2026, 3, 2), "answered", 2)]
