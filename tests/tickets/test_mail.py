"""Notifications reach a real SMTP server (aiosmtpd on localhost); when the server is down the
mail waits in the outbox and goes out on the next try, and the ticket is never lost."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.mailer import SmtpSettings, send_pending
from bot.tickets.models import OutboxMail, Ticket
from bot.tickets.service import HandoffRequest, create_ticket
from tests.helpers.launch import free_port
from tests.helpers.smtp import SlowInbox, smtp_server

REGION = load_region()


@pytest.fixture
def inbox():
    with smtp_server() as running:
        yield running


def new_ticket(url, key="mail-1"):
    with session(url) as db:
        ticket, _ = create_ticket(
            db,
            REGION,
            HandoffRequest(
                submission_key=key,
                municipality="Oost Gelre",
                theme="absence",
                role="ouder",
                question="Mijn zoon gaat al weken niet naar school",
                name="Kim",
                contact="kim@example.org",
                consent=True,
                summary="absence",
            ),
        )
        return ticket.reference


def test_the_contact_person_receives_the_notification(database_url, inbox):
    reference = new_ticket(database_url)
    with session(database_url) as db:
        assert send_pending(db, SmtpSettings(host="127.0.0.1", port=inbox.port)) == (1, 0)
    assert len(inbox.messages) == 1
    mail = inbox.messages[0]
    assert mail["To"] == "bram.jansen@example.org"
    assert reference in mail["Subject"]
    body = mail.get_payload(decode=True).decode("utf-8")
    assert reference in body and "Oost Gelre" in body
    assert "Kim" not in body and "weken niet naar school" not in body
    with session(database_url) as db:
        ticket = db.execute(select(Ticket)).scalar_one()
        assert [e.kind for e in ticket.events] == ["created", "notified"]
        assert send_pending(db, SmtpSettings(host="127.0.0.1", port=inbox.port)) == (0, 0)
    assert len(inbox.messages) == 1


def _mail_body(database_url, inbox) -> tuple[str, str]:
    """(reference, lines of the body) of the notification of a new ticket, as the SMTP server got it."""
    reference = new_ticket(database_url)
    with session(database_url) as db:
        assert send_pending(db, SmtpSettings(host="127.0.0.1", port=inbox.port)) == (1, 0)
    return reference, inbox.messages[-1].get_payload(decode=True).decode("utf-8").splitlines()


def test_with_a_public_address_the_mail_links_to_the_ticket_in_the_inbox(database_url, inbox, monkeypatch):
    monkeypatch.setenv("CIP_WEB_BASE_URL", "https://informatiepunt.example.nl/")
    reference, lines = _mail_body(database_url, inbox)
    assert f"Bekijk de vraag in de inbox: https://informatiepunt.example.nl/inbox/tickets/{reference}" in lines
    body = "\n".join(lines)
    assert "cip tickets" not in body
    for personal in ("Kim", "kim@example.org", "weken niet naar school"):
        assert personal not in body


@pytest.mark.parametrize("value", [None, "informatiepunt.example.nl"], ids=["not-set", "not-an-address"])
def test_without_a_public_address_the_mail_names_the_cip_command(database_url, inbox, monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CIP_WEB_BASE_URL", raising=False)
    else:
        monkeypatch.setenv("CIP_WEB_BASE_URL", value)
    reference, lines = _mail_body(database_url, inbox)
    assert f"Bekijk de vraag met: cip tickets show {reference} --as bram" in lines
    assert not any("/inbox/" in line for line in lines)


def test_a_mail_failure_keeps_the_mail_and_it_goes_out_later(database_url, inbox):
    new_ticket(database_url)
    with session(database_url) as db:
        assert send_pending(db, SmtpSettings(host="127.0.0.1", port=free_port(), timeout=2)) == (0, 1)
    with session(database_url) as db:
        mail = db.execute(select(OutboxMail)).scalar_one()
        assert mail.sent_at is None and mail.attempts == 1 and "Connection" in mail.last_error
        assert db.execute(select(Ticket)).scalar_one().status == "open"
    with session(database_url) as db:
        assert send_pending(db, SmtpSettings(host="127.0.0.1", port=inbox.port)) == (1, 0)
    assert len(inbox.messages) == 1


def test_two_rounds_at_once_send_a_mail_once(database_url):
    """The action server's outbox thread and `cip outbox send` (or a second action server) send at
    the same moment: the mail the first round is sending is skipped by the second."""
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no row locks; it is the one-machine set-up")
    new_ticket(database_url)
    with smtp_server(SlowInbox()) as slow:
        settings = SmtpSettings(host="127.0.0.1", port=slow.port)

        def send_round():
            with session(database_url) as db:
                return send_pending(db, settings)

        first = ThreadPoolExecutor(max_workers=1).submit(send_round)
        time.sleep(0.3)  # the first round is handing its mail to the server
        second = send_round()
        assert (first.result(timeout=10), second) == ((1, 0), (0, 0))
        assert len(slow.messages) == 1


def test_without_smtp_settings_mails_wait_in_the_outbox(database_url):
    new_ticket(database_url)
    with session(database_url) as db:
        assert send_pending(db, None) == (0, 1)
