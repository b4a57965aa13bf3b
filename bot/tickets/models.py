"""Tables of the handoff: a ticket per request for a contact person, its history, the mail outbox.

All times are stored as UTC without a zone (SQLite keeps no zones); bot.tickets.clock converts."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

OPEN, TAKEN, CLOSED = "open", "taken", "closed"
REMINDER, ESCALATION = "reminder", "escalation"


class Ticket(Base):
    __tablename__ = "tickets"

    id = Column(Integer, primary_key=True)
    # One submitted form gives one ticket: a repeated or retried submission finds this key.
    submission_key = Column(String(64), nullable=False, unique=True)
    created_at = Column(DateTime, nullable=False)
    due_at = Column(DateTime, nullable=False, index=True)
    status = Column(String(10), nullable=False, default=OPEN, index=True)
    contact_id = Column(String(32), nullable=False, index=True)
    municipality = Column(String(80), nullable=False)
    theme = Column(String(20), nullable=False)
    role = Column(String(30), nullable=False)
    question = Column(Text, nullable=False)
    summary = Column(Text)
    consent = Column(Boolean, nullable=False)
    requester_name = Column(String(100), nullable=False)
    requester_contact = Column(String(200), nullable=False)
    taken_at = Column(DateTime)
    closed_at = Column(DateTime)
    # Random (bot/tickets/reference.py); empty for tickets made before it existed, which keep
    # their sequential reference
    public_reference = Column(String(16), unique=True, index=True)
    # ISO code of the language the user wrote in when not Dutch (bot/domain/language.py), else None
    language = Column(String(2))
    # keyed hash of the client's address (bot/domain/client_address.py), for the limit of tickets
    # per client; emptied by `cip retention run` after CLIENT_KEY_DAYS
    client_key = Column(String(32), index=True)

    events = relationship(
        "TicketEvent", back_populates="ticket", order_by="TicketEvent.id", cascade="all, delete-orphan"
    )
    reminders = relationship("TicketReminder", order_by="TicketReminder.id", cascade="all, delete-orphan")

    @property
    def escalated(self) -> bool:
        """Whether the coordinator was told that nobody took the ticket in time (bot/tickets/reminders.py)."""
        return any(reminder.kind == ESCALATION for reminder in self.reminders)

    @property
    def reference(self) -> str:
        """What the user and contact person call the ticket, e.g. CIP-7K4M-Q9TX (CIP-2026-000123
        for a ticket made before references were random)."""
        return self.public_reference or f"CIP-{self.created_at.year}-{self.id:06d}"


class TicketEvent(Base):
    """The audit trail: created, notified, taken, noted, closed; by whom and when."""

    __tablename__ = "ticket_events"

    id = Column(Integer, primary_key=True)
    ticket_id = Column(Integer, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(20), nullable=False)
    actor = Column(String(64), nullable=False)
    at = Column(DateTime, nullable=False)
    note = Column(Text)

    ticket = relationship("Ticket", back_populates="events")


class OutboxMail(Base):
    """A notification waiting to be sent; kept until the SMTP server accepted it."""

    __tablename__ = "outbox"

    id = Column(Integer, primary_key=True)
    ticket_id = Column(Integer, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False, index=True)
    recipient = Column(String(200), nullable=False)
    subject = Column(String(200), nullable=False)
    body = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False)
    attempts = Column(Integer, nullable=False, default=0)
    last_error = Column(String(300))
    sent_at = Column(DateTime, index=True)


class TicketReminder(Base):
    """A reminder that was sent for a ticket nobody took: one row per ticket and kind, so that two
    processes running the reminder job at the same moment cannot both send it (the second insert
    fails on the unique key and that process skips the ticket)."""

    __tablename__ = "ticket_reminders"
    __table_args__ = (UniqueConstraint("ticket_id", "kind", name="uq_ticket_reminders_ticket_kind"),)

    id = Column(Integer, primary_key=True)
    ticket_id = Column(Integer, ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False)
    kind = Column(String(12), nullable=False)  # REMINDER (contact person) or ESCALATION (coordinator)
    at = Column(DateTime, nullable=False)
