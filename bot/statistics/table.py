"""The aggregate tables (made by migration 0009): `statistics_counts`, one row per day,
municipality, theme, topic, role and outcome with a count, and `statistics_weeks`, the same per
week (the Monday of the ISO week); no text, no sender id, no ticket reference, so the retention
purge leaves them alone.

Why the weekly copy: the report works in whole weeks (bot/statistics/report.py), and grouping a
busy year's days into weeks on every page view cost more than the whole page may take
(bench/RESULTS.md); both are written in the same statement batch, so they never disagree. The
margins of the touched weeks follow in the same transaction (bot/statistics/margins.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.statistics.counting import Key
from bot.statistics.margins import lock_writers, recompute
from bot.tickets.models import Base

KEY = ("municipality", "theme", "topic", "role", "outcome")


def _counts(name: str, when: str) -> sa.Table:
    return sa.Table(
        name,
        Base.metadata,  # with the other tables, so that the migrations are checked against it
        sa.Column(when, sa.Date, primary_key=True),
        sa.Column("municipality", sa.String(80), primary_key=True),
        sa.Column("theme", sa.String(20), primary_key=True),
        sa.Column("topic", sa.String(80), primary_key=True),
        sa.Column("role", sa.String(30), primary_key=True),
        sa.Column("outcome", sa.String(30), primary_key=True),
        sa.Column("count", sa.Integer, nullable=False),
        sqlite_with_rowid=False,
    )


COUNTS = _counts("statistics_counts", "day")
WEEKS = _counts("statistics_weeks", "week")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def add_counts(connection: Connection, keys: Iterable[Key] | Counter) -> None:
    """Adds these cells (a Key per conversation, or a Counter of them) to both tables, one statement
    each: an insert that adds to the row when it exists, so two processes counting at once both count;
    then the margins of the weeks touched."""
    counts = keys if isinstance(keys, Counter) else Counter(keys)
    if not counts:
        return
    days: Counter = Counter()
    weeks: Counter = Counter()
    for key, number in counts.items():
        cell = tuple(getattr(key, name) for name in KEY)
        days[(key.day, *cell)] += number
        weeks[(monday(key.day), *cell)] += number
    lock_writers(connection)
    _add(connection, COUNTS, "day", days)
    _add(connection, WEEKS, "week", weeks)
    recompute(connection, WEEKS, {week for week, *_ in weeks})


def _add(connection: Connection, table: sa.Table, when: str, counts: Counter) -> None:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=[when, *KEY], set_={"count": table.c.count + statement.excluded.count}
    )
    names = (when, *KEY)
    connection.execute(statement, [{**dict(zip(names, cell)), "count": n} for cell, n in counts.items()])
