"""The 48-hour promise kept: a ticket nobody took is brought up again before it is late.

After 24 working hours the contact person gets a reminder; after 40 the region's coordinator gets
the ticket as well (a mail, and a mark in the inbox), so there are still 8 working hours to call
the family. Hours count on working days only (Monday to Friday, Dutch time): a ticket made on
Friday afternoon is not late on Monday morning. A contact person who does not work today (their
working_days in the region file) gets the reminder on their next working day, when they read it;
the coordinator's mail does not wait for them, that is what it is for.

Each reminder goes out once: its row in ticket_reminders has a unique key (ticket, kind), written
in the same transaction as its mail in the outbox. Two processes that run the job at the same
moment (two servers, or cron twice) both try the insert; the database lets one through and the
other skips the ticket. `cip tickets remind` runs the job (from cron, docs/handoff-and-web.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.region.model import Contact, Region
from bot.statistics.counting import ESCALATED, REMINDED
from bot.tickets.assign import WEEKDAYS
from bot.tickets.clock import DUTCH, dutch
from bot.tickets.mailer import where_to_read
from bot.tickets.models import ESCALATION, OPEN, REMINDER, OutboxMail, Ticket, TicketEvent, TicketReminder
from bot.tickets.service import count_ticket

REMINDER_HOURS, ESCALATION_HOURS = 24, 40
OFFICE_DAYS = WEEKDAYS[:5]


@dataclass
class Reminded:
    reminders: int = 0
    escalations: int = 0


def working_hours(start: datetime, end: datetime, days: tuple = OFFICE_DAYS) -> float:
    """Hours between two naive UTC moments that fall on `days` ('ma' ... 'zo') in Dutch time."""
    local_start, local_end = _local(start), _local(end)
    total = timedelta()
    day = local_start.date()
    while day <= local_end.date():
        if WEEKDAYS[day.weekday()] in days:
            begin = max(local_start, datetime.combine(day, time.min, DUTCH))
            finish = min(local_end, datetime.combine(day + timedelta(days=1), time.min, DUTCH))
            total += max(finish - begin, timedelta())
        day += timedelta(days=1)
    return total.total_seconds() / 3600


def send_reminders(db: Session, region: Region, now: datetime) -> Reminded:
    """Puts the reminders and escalations that are due at `now` (naive UTC) in the outbox."""
    done = Reminded()
    tickets = db.execute(select(Ticket).where(Ticket.status == OPEN).order_by(Ticket.id)).scalars().all()
    for ticket in tickets:
        hours = working_hours(ticket.created_at, now)
        contact = region.contact(ticket.contact_id)
        if hours >= ESCALATION_HOURS and _claim(db, ticket, ESCALATION, now):
            for coordinator in _coordinators(region, ticket):
                db.add(_mail(region, ticket, coordinator, now, escalation=True))
            done.escalations += 1
        present = contact is not None and WEEKDAYS[_local(now).weekday()] in contact.working_days
        if hours >= REMINDER_HOURS and present and _claim(db, ticket, REMINDER, now):
            db.add(_mail(region, ticket, contact, now, escalation=False))
            done.reminders += 1
    return done


def _claim(db: Session, ticket: Ticket, kind: str, now: datetime) -> bool:
    """Whether this process is the one that sends the reminder `kind` of `ticket`."""
    if any(reminder.kind == kind for reminder in ticket.reminders):
        return False
    try:
        with db.begin_nested():
            db.add(TicketReminder(ticket_id=ticket.id, kind=kind, at=now))
            db.flush()
    except IntegrityError:  # another process sent it in the meantime
        db.expire(ticket, ["reminders"])
        return False
    ticket.events.append(TicketEvent(kind=kind, actor="assistent", at=now))
    count_ticket(db, ticket, ESCALATED if kind == ESCALATION else REMINDED, now)  # the statistics show how often
    return True


def _coordinators(region: Region, ticket: Ticket) -> list[Contact]:
    """The coordinators who cover the ticket's municipality and theme, else every coordinator."""
    coordinators = [c for c in region.contacts if c.coordinator]
    return [c for c in coordinators if c.covers(ticket.municipality, ticket.theme)] or coordinators


def _mail(region: Region, ticket: Ticket, to: Contact, now: datetime, escalation: bool) -> OutboxMail:
    """Like the first notification, the mail names no person and quotes no question."""
    owner = region.contact(ticket.contact_id)
    if escalation:
        subject = f"Nog niet opgepakt: {ticket.reference} ({ticket.municipality})"
        lead = (
            f"De vraag {ticket.reference} voor {owner.name if owner else ticket.contact_id} is na "
            f"{ESCALATION_HOURS} werkuren nog niet opgepakt. Wil je zorgen dat iemand op tijd contact opneemt?"
        )
    else:
        subject = f"Herinnering: {ticket.reference} is nog niet opgepakt"
        lead = f"De vraag {ticket.reference} wacht al {REMINDER_HOURS} werkuren. Wil je hem oppakken?"
    body = (
        f"Beste {to.name},\n\n{lead}\n\n"
        f"Gemeente: {ticket.municipality}\n"
        f"Neem contact op vóór: {dutch(ticket.due_at)}\n\n"
        f"{where_to_read(ticket.reference, to.id)}\n"
    )
    return OutboxMail(ticket_id=ticket.id, recipient=to.email, subject=subject, body=body, created_at=now, attempts=0)


def _local(moment: datetime) -> datetime:
    return moment.replace(tzinfo=timezone.utc).astimezone(DUTCH)
