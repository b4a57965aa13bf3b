"""Retention: conversations and tickets are kept only as long as they are needed.

Rasa Open Source deletes nothing by itself, so `cip retention run` does it, daily from cron or a
systemd timer (docs/security-privacy.md):
- a conversation whose last event is older than CIP_RETENTION_DAYS (default 28) is deleted with
  every event of every session of it, from Rasa's SQL tracker store;
- a closed ticket, closed more than CIP_TICKET_RETENTION_DAYS (default 90) ago, loses the
  requester's name and contact, the question, the summary, the notes in its history and its mails.
  Municipality, theme, role, times and status stay for the coordinator's statistics;
- a ticket's client key (the hash the limit of tickets per client counts) is emptied after
  CLIENT_KEY_DAYS, closed or not;
- a de-identified question without an answer (bot/unanswered/) is deleted after 28 days, also
  when CIP_RETENTION_DAYS is longer.
Reports count things, never show them. The periods: bot/privacy/retention_periods.py, which the texts that
tell the user read too."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.rasa_plugins.tracker_store import EVENTS, delete_conversations, secure_delete
from bot.tickets.clock import utcnow
from bot.tickets.models import CLOSED, OutboxMail, Ticket, TicketEvent
from bot.tickets.service import CLIENT_KEY_DAYS

REMOVED = "(verwijderd)"
PERSONAL_FIELDS = ("requester_name", "requester_contact", "question")
BATCH = 200


def remove_old_conversations(
    engine: Engine, days: int, dry_run: bool = False, progress: Callable[[int, int], None] = lambda done, total: None
) -> tuple[int, int]:
    """Deletes the conversations whose last event is older than `days`; returns (conversations,
    events), counted but left alone when `dry_run`. Deletes in batches, each its own transaction,
    and calls `progress(done, total)` after each."""
    cutoff = time.time() - days * 86400
    stale = sa.select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(sa.func.max(EVENTS.c.timestamp) < cutoff)
    with engine.connect() as connection:
        senders = list(connection.execute(stale).scalars())
    events = 0
    for start in range(0, len(senders), BATCH):
        batch = senders[start : start + BATCH]
        with engine.begin() as connection:
            if dry_run:
                events += connection.execute(
                    sa.select(sa.func.count()).select_from(EVENTS).where(EVENTS.c.sender_id.in_(batch))
                ).scalar_one()
            else:
                events += delete_conversations(connection, batch)
        progress(start + len(batch), len(senders))
    return len(senders), events


@dataclass
class TicketsCleaned:
    tickets: int = 0
    notes: int = 0
    mails: int = 0


def clean_closed_tickets(db: Session, days: int, dry_run: bool = False) -> TicketsCleaned:
    """Removes the personal data of tickets closed more than `days` ago; a ticket already cleaned
    is not counted again."""
    has_notes = Ticket.events.any(TicketEvent.note.isnot(None))
    has_mails = sa.exists().where(OutboxMail.ticket_id == Ticket.id)
    personal = sa.or_(
        *(getattr(Ticket, name) != REMOVED for name in PERSONAL_FIELDS),
        Ticket.summary.isnot(None),
        has_notes,
        has_mails,
    )
    tickets = (
        db.execute(
            sa.select(Ticket).where(
                Ticket.status == CLOSED, Ticket.closed_at < utcnow() - timedelta(days=days), personal
            )
        )
        .scalars()
        .all()
    )
    cleaned = TicketsCleaned(tickets=len(tickets))
    secure_delete(db.connection())
    for ticket in tickets:
        notes = [event for event in ticket.events if event.note is not None]
        mails = db.execute(sa.select(OutboxMail).where(OutboxMail.ticket_id == ticket.id)).scalars().all()
        cleaned.notes += len(notes)
        cleaned.mails += len(mails)
        if dry_run:
            continue
        for name in PERSONAL_FIELDS:
            setattr(ticket, name, REMOVED)
        ticket.summary = None
        for event in notes:
            event.note = None
        for mail in mails:
            db.delete(mail)
    return cleaned


def forget_client_keys(db: Session, dry_run: bool = False) -> int:
    """Empties the client key of tickets older than CLIENT_KEY_DAYS; how many."""
    old = sa.and_(Ticket.client_key.isnot(None), Ticket.created_at < utcnow() - timedelta(days=CLIENT_KEY_DAYS))
    count = db.execute(sa.select(sa.func.count()).select_from(Ticket).where(old)).scalar_one()
    if not dry_run:
        db.execute(sa.update(Ticket).where(old).values(client_key=None))
    return count
