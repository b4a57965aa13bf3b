"""Erasing everything about one conversation or one ticket, for the maintainer (`cip erase`): when a
parent asks by phone or mail to be forgotten, or a ticket must go with its conversation.

A conversation and the tickets it made are linked by the `handoff_reference` slot event that
action_create_ticket stores in the conversation, so both are found without an extra table. (A user
who erases their conversation in the chat keeps their ticket: bot/tracker_store.py.)"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.tickets.models import OutboxMail, Ticket
from bot.tickets.service import find_ticket
from bot.tracker_store import delete_conversations, references_of, secure_delete, senders_of


@dataclass
class Erased:
    conversations: int = 0
    events: int = 0
    tickets: int = 0
    history: int = 0
    mails: int = 0


def erase_sender(tracker: Engine | None, db: Session, sender_id: str) -> Erased:
    """The conversation of `sender_id` and every ticket it made, with their history and mails."""
    references = []
    if tracker is not None:
        with tracker.begin() as connection:
            references = references_of(connection, sender_id)
    erased = Erased()
    for reference in references:
        ticket = find_ticket(db, reference)
        if ticket is not None:
            _erase_ticket(db, ticket, erased)
    _erase_conversations(tracker, [sender_id], erased)
    return erased


def erase_ticket(tracker: Engine | None, db: Session, ticket: Ticket) -> Erased:
    """The ticket with its history and mails, and the conversation that made it."""
    senders = []
    if tracker is not None:
        with tracker.begin() as connection:
            senders = senders_of(connection, ticket.reference)
    erased = Erased()
    _erase_ticket(db, ticket, erased)
    _erase_conversations(tracker, senders, erased)
    return erased


def _erase_ticket(db: Session, ticket: Ticket, erased: Erased) -> None:
    """Deleted (flushed) before the conversation, so a failure here leaves the link to find it."""
    secure_delete(db.connection())
    erased.mails += db.execute(sa.delete(OutboxMail).where(OutboxMail.ticket_id == ticket.id)).rowcount
    erased.history += len(ticket.events)
    erased.tickets += 1
    db.delete(ticket)
    db.flush()


def _erase_conversations(tracker: Engine | None, senders: list, erased: Erased) -> None:
    if tracker is None or not senders:
        return
    with tracker.begin() as connection:
        events = delete_conversations(connection, senders)
    erased.events += events
    erased.conversations += len(senders) if events else 0
