"""The aggregate table `statistics_counts` (made by migration 0006): one row per day, municipality,
theme, topic, role and outcome with a count; no text, no sender id, no ticket reference, so the
retention purge leaves it alone. `week` (the Monday of the day's ISO week) is stored beside the
day because the report works in whole weeks (bot/statistics/report.py)."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from bot.statistics.counting import Key

metadata = sa.MetaData()
COUNTS = sa.Table(
    "statistics_counts",
    metadata,
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("municipality", sa.String(80), primary_key=True),
    sa.Column("theme", sa.String(20), primary_key=True),
    sa.Column("topic", sa.String(80), primary_key=True),
    sa.Column("role", sa.String(30), primary_key=True),
    sa.Column("outcome", sa.String(30), primary_key=True),
    sa.Column("week", sa.Date, nullable=False, index=True),
    sa.Column("count", sa.Integer, nullable=False),
)
KEY_COLUMNS = ("day", "municipality", "theme", "topic", "role", "outcome")


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def add_counts(connection: Connection, keys: Iterable[Key] | Counter) -> None:
    """Adds these cells (a Key per conversation, or a Counter of them) in one statement: an insert
    that adds to the row when it exists, so two processes counting at once both count."""
    counts = keys if isinstance(keys, Counter) else Counter(keys)
    if not counts:
        return
    rows = [
        {
            "day": key.day,
            "municipality": key.municipality,
            "theme": key.theme,
            "topic": key.topic,
            "role": key.role,
            "outcome": key.outcome,
            "week": monday(key.day),
            "count": number,
        }
        for key, number in counts.items()
    ]
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(COUNTS)
    statement = statement.on_conflict_do_update(
        index_elements=list(KEY_COLUMNS), set_={"count": COUNTS.c.count + statement.excluded.count}
    )
    connection.execute(statement, rows)
