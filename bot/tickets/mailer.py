"""Sends the stored notifications. A mail that fails stays in the outbox and is tried again on the
next run (after every new ticket, and with `cip outbox send`), so no ticket goes unnoticed.

SMTP is configured by environment: CIP_SMTP_HOST (no host: mails wait in the outbox),
CIP_SMTP_PORT (25), CIP_SMTP_FROM, CIP_SMTP_USER / CIP_SMTP_PASSWORD, CIP_SMTP_STARTTLS=1. The
mail links to the ticket's page in the web inbox when CIP_WEB_BASE_URL says where contact persons
reach the web server (`where_to_read`)."""

from __future__ import annotations

import logging
import os
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.tickets.clock import utcnow
from bot.tickets.models import OutboxMail, TicketEvent

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 20
BASE_URL_VARIABLE = "CIP_WEB_BASE_URL"


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    sender: str = "informatiepunt@example.org"
    user: str | None = None
    password: str | None = None
    starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def from_environment(cls) -> "SmtpSettings | None":
        host = os.environ.get("CIP_SMTP_HOST")
        if not host:
            return None
        return cls(
            host=host,
            port=int(os.environ.get("CIP_SMTP_PORT", "25")),
            sender=os.environ.get("CIP_SMTP_FROM", cls.sender),
            user=os.environ.get("CIP_SMTP_USER"),
            password=os.environ.get("CIP_SMTP_PASSWORD"),
            starttls=os.environ.get("CIP_SMTP_STARTTLS") == "1",
        )


def where_to_read(reference: str, contact_id: str) -> str:
    """The line of a notification that says where the contact person reads the ticket: its page in
    the web inbox (behind the log-in, which returns there) when CIP_WEB_BASE_URL is the public
    http(s) address of `cip web`, otherwise the `cip` command, for whoever works on the server.
    The line holds the reference only, nothing about the person who asked."""
    base = (os.environ.get(BASE_URL_VARIABLE) or "").strip().rstrip("/")
    if base.startswith(("https://", "http://")):
        return f"Bekijk de vraag in de inbox: {base}/inbox/tickets/{reference}"
    if base:
        log.warning("%s is geen http(s)-adres; de melding noemt de cip-opdracht", BASE_URL_VARIABLE)
    return f"Bekijk de vraag met: cip tickets show {reference} --as {contact_id}"


def pending(db: Session) -> list[OutboxMail]:
    """The mails to try now. On PostgreSQL each stays locked until the round's transaction ends, and
    a round skips the mails another round is sending (the action server's outbox thread, `cip
    outbox send`, a second action server), so none goes out twice. SQLite has no row locks (it is
    the one-machine set-up; there two rounds at the same moment could still both send a mail)."""
    return list(
        db.execute(
            select(OutboxMail)
            .where(OutboxMail.sent_at.is_(None), OutboxMail.attempts < MAX_ATTEMPTS)
            .order_by(OutboxMail.id)
            .with_for_update(skip_locked=True)
        ).scalars()
    )


def send_pending(db: Session, settings: SmtpSettings | None) -> tuple[int, int]:
    """Tries every waiting mail once; returns (sent, still waiting)."""
    mails = pending(db)
    if settings is None:
        if mails:
            log.warning("%d melding(en) wachten in de outbox: CIP_SMTP_HOST is niet ingesteld", len(mails))
        return 0, len(mails)
    sent = 0
    for mail in mails:
        mail.attempts += 1
        try:
            _deliver(settings, mail)
        except (OSError, smtplib.SMTPException) as error:
            mail.last_error = f"{type(error).__name__}: {error}"[:300]
            log.warning("melding %s niet verstuurd (poging %d): %s", mail.id, mail.attempts, type(error).__name__)
            continue
        mail.sent_at = utcnow()
        mail.last_error = None
        db.add(TicketEvent(ticket_id=mail.ticket_id, kind="notified", actor="mail", at=mail.sent_at))
        sent += 1
    return sent, len(mails) - sent


def _deliver(settings: SmtpSettings, mail: OutboxMail) -> None:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = mail.recipient
    message["Subject"] = mail.subject
    message.set_content(mail.body)
    with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
        if settings.starttls:
            smtp.starttls()
        if settings.user:
            smtp.login(settings.user, settings.password or "")
        smtp.send_message(message)
