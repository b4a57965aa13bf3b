"""The weekly figures without filters, held back below 5 in advance (`statistics_margins`, made by
migration 0010): per week and outcome, the total and the total per municipality, theme, topic and
role, each the sum of the weekly cells of at least 5 conversations, with a mark when cells of fewer
were left out.

Why: a page without filters (the default, and the one a coordinator opens first) groups every
weekly cell of the period five times. A busy region's year has some 60,000 of them, and grouping
them took most of the page's time (bench/RESULTS.md); this table has a few hundred rows per week.
It holds exactly what bot/statistics/report.py would compute from the weekly cells (the "< 5" rule
applied per cell, not per margin), so no figure changes and no figure shows fewer than 5.

Kept up to date by recomputing the weeks that a write to the weekly cells touched, in the same
transaction (bot/statistics/table.py); on PostgreSQL the writers take a transaction lock first, so
that two processes writing at once never recompute a week from a view without the other's counts."""

from __future__ import annotations

from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.tickets.models import Base

SMALL = 5
DIMENSIONS = ("municipality", "theme", "topic", "role")
TOTAL = ""  # the dimension of the total per week and outcome
LOCK = 17_000_017  # PostgreSQL advisory lock of the writers of the statistics

MARGINS = sa.Table(
    "statistics_margins",
    Base.metadata,
    sa.Column("week", sa.Date, primary_key=True),
    sa.Column("outcome", sa.String(30), primary_key=True),
    sa.Column("dimension", sa.String(20), primary_key=True),
    sa.Column("value", sa.String(80), primary_key=True),
    sa.Column("shown", sa.Integer, nullable=False),
    sa.Column("small", sa.Integer, nullable=False),
    sqlite_with_rowid=False,
)


def shown_and_small(count: sa.ColumnElement) -> tuple:
    """The sum of the cells of at least SMALL conversations, and 1 when there were smaller ones."""
    return (
        sa.func.sum(sa.case((count >= SMALL, count), else_=0)),
        sa.func.max(sa.case((count < SMALL, 1), else_=0)),
    )


def lock_writers(connection: Connection) -> None:
    """On PostgreSQL, wait until no other transaction writes statistics (held until commit).
    SQLite needs nothing: it lets one writer at a time."""
    if connection.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(LOCK)))


def recompute(connection: Connection, weeks_table: sa.Table, weeks: Iterable) -> None:
    """The margins of these weeks, computed again from the weekly cells."""
    weeks = sorted(set(weeks))
    if not weeks:
        return
    connection.execute(MARGINS.delete().where(MARGINS.c.week.in_(weeks)))
    for dimension in (TOTAL, *DIMENSIONS):
        value = weeks_table.c[dimension] if dimension else sa.literal(TOTAL)
        query = (
            sa.select(
                weeks_table.c.week,
                weeks_table.c.outcome,
                sa.literal(dimension),
                value,
                *shown_and_small(weeks_table.c.count),
            )
            .where(weeks_table.c.week.in_(weeks))
            .group_by(weeks_table.c.week, weeks_table.c.outcome, *([value] if dimension else []))
        )
        connection.execute(MARGINS.insert().from_select([c.name for c in MARGINS.c], query))


def grouped_margins(column: str, first, last) -> sa.Select:
    """(value of `column`, outcome, shown, small) over the weeks from `first` to `last`, for the
    report without filters; `column` is 'week' or one of DIMENSIONS."""
    dimension = TOTAL if column == "week" else column
    value = MARGINS.c.week if column == "week" else MARGINS.c.value
    return (
        sa.select(value, MARGINS.c.outcome, sa.func.sum(MARGINS.c.shown), sa.func.max(MARGINS.c.small))
        .where(MARGINS.c.dimension == dimension, MARGINS.c.week >= first, MARGINS.c.week <= last)
        .group_by(value, MARGINS.c.outcome)
    )
