"""The tickets' figures of this moment, read from the tickets table: open and overdue now per
contact person (workload), and the median time until a ticket was taken.

Why from the tickets table and not the aggregates: "open now" changes without any event to count.
These figures are not held back below 5: the coordinator may read every ticket in the inbox
anyway. The median is, below 5 tickets, because one ticket's time is not a statistic."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.statistics.margins import SMALL
from bot.statistics.report import Filters, Period
from bot.tickets.models import CLOSED, OPEN, Ticket


@dataclass(frozen=True)
class Workload:
    contact_id: str
    open: int
    overdue: int


@dataclass(frozen=True)
class LiveTickets:
    workload: list
    taken: int  # tickets created in the period and taken (or closed) since
    median_hours: Optional[float]  # None below SMALL tickets

    @property
    def open(self) -> int:
        return sum(w.open for w in self.workload)

    @property
    def overdue(self) -> int:
        return sum(w.overdue for w in self.workload)


def _matching(filters: Filters) -> list:
    chosen = {"municipality": filters.municipality, "theme": filters.theme, "role": filters.role}
    return [getattr(Ticket, name) == value for name, value in chosen.items() if value is not None]


def live_tickets(db: Session, period: Period, filters: Filters, now: datetime) -> LiveTickets:
    """Per contact person the open (not closed) and overdue (not taken, past due) tickets; the
    median time until taken of the tickets created in the period (a topic filter does not apply:
    tickets have a theme, not a topic)."""
    overdue = sa.func.sum(sa.case(((Ticket.status == OPEN) & (Ticket.due_at < now), 1), else_=0))
    rows = db.execute(
        sa.select(Ticket.contact_id, sa.func.count(), overdue)
        .where(Ticket.status != CLOSED, *_matching(filters))
        .group_by(Ticket.contact_id)
        .order_by(Ticket.contact_id)
    ).all()
    first = datetime.combine(period.first, datetime.min.time())
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time())
    taken_at = sa.func.coalesce(Ticket.taken_at, Ticket.closed_at)
    times = db.execute(
        sa.select(Ticket.created_at, taken_at).where(
            Ticket.created_at >= first, Ticket.created_at < end, taken_at.isnot(None), *_matching(filters)
        )
    ).all()
    hours = [(taken - created).total_seconds() / 3600 for created, taken in times]
    return LiveTickets(
        [Workload(contact, count, int(late or 0)) for contact, count, late in rows],
        len(hours),
        statistics.median(hours) if len(hours) >= SMALL else None,
    )
