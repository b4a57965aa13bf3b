"""Handoff tickets: made once per submitted form, followed up by the contact person.

Functions take a SQLAlchemy session so the caller decides the unit of work; a ticket, its first
event and its notification are written in one transaction, so no half-written ticket can exist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta, timezone

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.region.model import Contact, Region
from bot.statistics.counting import TAKEN_LATE, TAKEN_ON_TIME, TICKET_CREATED, Key, dutch_day
from bot.statistics.table import add_counts
from bot.tickets.assign import choose_contact
from bot.tickets.clock import dutch, utcnow
from bot.tickets.mailer import where_to_read
from bot.tickets.models import CLOSED, OPEN, TAKEN, OutboxMail, Ticket, TicketEvent
from bot.tickets.reference import new_reference, parse

STATUS_TEXT = {OPEN: "ontvangen, nog niet opgepakt", TAKEN: "in behandeling", CLOSED: "afgerond"}
THEME_TEXT = {"route": "hulp en ondersteuning", "privacy": "privacy", "absence": "leerplicht en verzuim"}
EVENT_TEXT = {
    "created": "aangemaakt",
    "notified": "gemaild",
    "taken": "opgepakt",
    "noted": "notitie",
    "closed": "afgerond",
    "reminder": "herinnering gestuurd",
    "escalation": "naar coördinator",
}


@dataclass(frozen=True)
class HandoffRequest:
    """What the handoff form collected. `summary` is only filled when the user consented."""

    submission_key: str
    municipality: str
    theme: str
    role: str
    question: str
    name: str
    contact: str
    consent: bool
    summary: str | None = None
    earlier_in_conversation: int = 0  # tickets this conversation made before
    language: str | None = None  # the user's language when not Dutch (call back in English or with an interpreter)
    client_key: str | None = None  # the channel's key of the user's address (bot/domain/client_address.py)


MAX_TICKETS_PER_CONVERSATION = 3
MAX_TICKETS_PER_CONTACT_PER_DAY = 3
# A school or a town hall shares one address among many people: generous, but a script stops here.
MAX_TICKETS_PER_CLIENT_PER_DAY = 10
CLIENT_KEY_DAYS = 2  # how long a ticket keeps its client key (one day is counted)


class QuotaReached(Exception):
    """A new ticket over the quota: a script must not fill every contact person's inbox through
    the form. The user is given the central phone number instead."""


class NotAllowed(Exception):
    """A contact person tried to change a ticket that is not theirs."""


def create_ticket(db: Session, region: Region, request: HandoffRequest) -> tuple[Ticket, bool]:
    """The ticket for this submission and whether it is new; a repeated submission returns the first."""
    existing = db.execute(select(Ticket).where(Ticket.submission_key == request.submission_key)).scalar_one_or_none()
    if existing is not None:
        return existing, False
    now = utcnow()
    if (
        request.earlier_in_conversation >= MAX_TICKETS_PER_CONVERSATION
        or _tickets_since(db, Ticket.requester_contact == request.contact, now) >= MAX_TICKETS_PER_CONTACT_PER_DAY
        or (
            request.client_key is not None
            and _tickets_since(db, Ticket.client_key == request.client_key, now) >= MAX_TICKETS_PER_CLIENT_PER_DAY
        )
    ):
        raise QuotaReached()
    contact = choose_contact(
        region,
        request.municipality,
        request.theme,
        _open_counts(db),
        now.date(),
        _previous_contact(db, request.contact),
    )
    ticket = Ticket(
        submission_key=request.submission_key,
        created_at=now,
        due_at=now + timedelta(hours=region.response_hours),
        status=OPEN,
        contact_id=contact.id,
        municipality=request.municipality,
        theme=request.theme,
        role=request.role,
        question=request.question,
        summary=request.summary if request.consent else None,
        language=request.language,
        client_key=request.client_key,
        consent=request.consent,
        requester_name=request.name,
        requester_contact=request.contact,
        public_reference=_unused_reference(db),
    )
    try:
        with db.begin_nested():
            db.add(ticket)
            db.flush()
    except IntegrityError:  # the same submission was stored by a parallel retry in the meantime
        return db.execute(select(Ticket).where(Ticket.submission_key == request.submission_key)).scalar_one(), False
    ticket.events.append(TicketEvent(kind="created", actor="assistent", at=now))
    db.add(_notification(region, ticket, contact, now))
    count_ticket(db, ticket, TICKET_CREATED, now)
    return ticket, True


def count_ticket(db: Session, ticket: Ticket, outcome: str, now) -> None:
    """The ticket in the coordinator's statistics, in the same transaction (bot/statistics/): its
    municipality, theme and role, never its reference, so the count outlives the ticket."""
    day = dutch_day(now.replace(tzinfo=timezone.utc).timestamp())
    add_counts(db.connection(), [Key(day, outcome, ticket.municipality, ticket.theme, "", ticket.role)])


def _tickets_since(db: Session, same_requester, now) -> int:
    """Tickets of the last day for which `same_requester` (a condition on Ticket) holds."""
    return db.execute(
        select(func.count()).select_from(Ticket).where(same_requester, Ticket.created_at >= now - timedelta(days=1))
    ).scalar_one()


def _unused_reference(db: Session) -> str:
    """A random reference no ticket has yet (a clash is a one in a trillion event, but cheap to rule out)."""
    while True:
        reference = new_reference()
        if db.execute(select(Ticket.id).where(Ticket.public_reference == reference)).first() is None:
            return reference


def _open_counts(db: Session) -> dict:
    rows = db.execute(
        select(Ticket.contact_id, func.count()).where(Ticket.status != CLOSED).group_by(Ticket.contact_id)
    )
    return dict(rows.all())


def _previous_contact(db: Session, requester_contact: str) -> str | None:
    return db.execute(
        select(Ticket.contact_id)
        .where(Ticket.requester_contact == requester_contact, Ticket.status != CLOSED)
        .order_by(Ticket.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def _notification(region: Region, ticket: Ticket, contact: Contact, now) -> OutboxMail:
    """The mail to the contact person. It names no person and quotes no question: mail is not
    where personal data belongs; the contact person reads the ticket in the inbox (or the CLI)."""
    body = (
        f"Beste {contact.name},\n\n"
        f"Er is een nieuwe vraag voor je bij het Centraal Informatiepunt {region.name}.\n\n"
        f"Referentie: {ticket.reference}\n"
        f"Gemeente: {ticket.municipality}\n"
        f"Onderwerp: {THEME_TEXT.get(ticket.theme, ticket.theme)}\n"
        f"Neem contact op vóór: {dutch(ticket.due_at)}\n\n"
        f"{where_to_read(ticket.reference, contact.id)}\n"
    )
    return OutboxMail(
        ticket_id=ticket.id,
        recipient=contact.email,
        created_at=now,
        attempts=0,
        subject=f"Nieuwe vraag {ticket.reference} ({ticket.municipality}, "
        f"{THEME_TEXT.get(ticket.theme, ticket.theme)})",
        body=body,
    )


def find_ticket(db: Session, reference: str) -> Ticket | None:
    """The ticket a reference like 'CIP-7K4M-Q9TX' (also 'cip 7k4m q9tx') or an old one like
    'CIP-2026-000123' (also 'cip 2026 123') points to. An old reference finds only a ticket that
    has no random one: the sequential numbers of newer tickets must not be a way in."""
    parsed = parse(reference)
    if parsed is None:
        return None
    kind, value = parsed
    if kind == "new":
        return db.execute(select(Ticket).where(Ticket.public_reference == value)).scalar_one_or_none()
    year, number = value
    ticket = db.get(Ticket, number)
    if ticket is None or ticket.public_reference is not None or ticket.created_at.year != year:
        return None
    return ticket


def list_tickets(db: Session, contact: Contact | None = None, include_closed: bool = False) -> list[Ticket]:
    """Open tickets first due first; only the contact person's own unless they coordinate."""
    query = select(Ticket).order_by(Ticket.due_at)
    if not include_closed:
        query = query.where(Ticket.status != CLOSED)
    if contact is not None and not contact.coordinator:  # the rule of may_handle, as a query
        query = query.where(Ticket.contact_id == contact.id)
    return list(db.execute(query).scalars())


def may_handle(ticket: Ticket, contact: Contact) -> bool:
    """The one permission rule: a contact person sees and changes own tickets, a coordinator all."""
    return contact.coordinator or ticket.contact_id == contact.id


def _change(db: Session, ticket: Ticket, actor: Contact, kind: str, note: str | None = None) -> None:
    if not may_handle(ticket, actor):
        raise NotAllowed(f"{ticket.reference} is niet jouw ticket")
    now = utcnow()
    if ticket.status == OPEN and kind in ("taken", "closed"):  # the first contact: within the promised time?
        count_ticket(db, ticket, TAKEN_ON_TIME if now <= ticket.due_at else TAKEN_LATE, now)
    if kind == "taken":
        ticket.status, ticket.taken_at = TAKEN, now
    elif kind == "closed":
        ticket.status, ticket.closed_at = CLOSED, now
    ticket.events.append(TicketEvent(kind=kind, actor=actor.id, at=now, note=note))


def take(db: Session, ticket: Ticket, actor: Contact) -> None:
    if ticket.status == CLOSED:
        raise NotAllowed(f"{ticket.reference} is al afgerond")
    _change(db, ticket, actor, "taken")


def add_note(db: Session, ticket: Ticket, actor: Contact, note: str) -> None:
    if not note.strip():
        raise ValueError("een notitie mag niet leeg zijn")
    _change(db, ticket, actor, "noted", note.strip())


def close(db: Session, ticket: Ticket, actor: Contact, note: str | None = None) -> None:
    if ticket.status == CLOSED:
        raise NotAllowed(f"{ticket.reference} is al afgerond")
    _change(db, ticket, actor, "closed", note)


def is_overdue(ticket: Ticket) -> bool:
    return ticket.status == OPEN and ticket.due_at < utcnow()
