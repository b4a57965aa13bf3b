"""A ticket nobody takes is brought up again: a reminder to the contact person after 24 working
hours, the coordinator after 40, each mailed once through the outbox to a real SMTP server, also
when two processes run the job at the same moment. The clock is given to the job (a fake now)."""

from __future__ import annotations

import os
import subprocess
import threading
import time
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from bot.region import load_region
from bot.storage.db import session, upgrade
from bot.tickets.clock import utcnow
from bot.tickets.mailer import SmtpSettings, send_pending
from bot.tickets.models import OutboxMail, TicketReminder
from bot.tickets.reminders import send_reminders, working_hours
from bot.tickets.service import HandoffRequest, create_ticket, find_ticket, take
from tests.helpers.launch import CIP
from tests.helpers.smtp import smtp_server

REGION = load_region()
# Monday 7 December 2026, 09:00 Dutch time (08:00 UTC)
MONDAY_9 = datetime(2026, 12, 7, 8, 0)


def new_ticket(url, created_at: datetime, municipality="Oost Gelre", theme="absence", key="r-1") -> str:
    with session(url) as db:
        ticket, _ = create_ticket(
            db,
            REGION,
            HandoffRequest(
                submission_key=key,
                municipality=municipality,
                theme=theme,
                role="ouder",
                question="Mijn zoon Daan gaat al weken niet naar school",
                name="Kim",
                contact=f"{key}@example.org",
                consent=True,
            ),
        )
        ticket.created_at = created_at
        return ticket.reference


def remind_and_send(url, port: int, now: datetime):
    with session(url) as db:
        done = send_reminders(db, REGION, now)
    with session(url) as db:
        send_pending(db, SmtpSettings(host="127.0.0.1", port=port))
    return done


def at(day: int, hour: int) -> datetime:
    """A moment in December 2026 in UTC, given in Dutch winter time."""
    return datetime(2026, 12, day, hour - 1, 0)


def test_hours_count_on_working_days_only():
    friday_15 = at(4, 15)
    assert working_hours(friday_15, at(4, 17)) == pytest.approx(2)
    # Friday 15:00 until Monday 15:00: 9 hours of Friday, none of the weekend, 15 of Monday
    assert working_hours(friday_15, at(7, 15)) == pytest.approx(24)
    assert working_hours(at(5, 10), at(6, 20)) == 0


def test_reminder_after_24_then_coordinator_after_40_working_hours_once_each(database_url):
    with smtp_server() as inbox:
        reference = new_ticket(database_url, MONDAY_9)
        mails = inbox.messages
        assert remind_and_send(database_url, inbox.port, at(8, 8)).reminders == 0  # 23 hours
        first = len(mails)  # the notification of the new ticket
        done = remind_and_send(database_url, inbox.port, at(8, 10))
        assert (done.reminders, done.escalations) == (1, 0)
        reminder = mails[first:]
        assert [m["To"] for m in reminder] == ["bram.jansen@example.org"]
        assert reminder[0]["Subject"] == f"Herinnering: {reference} is nog niet opgepakt"
        body = reminder[0].get_payload(decode=True).decode()
        assert "24 werkuren" in body and "Daan" not in body and "Kim" not in body
        assert remind_and_send(database_url, inbox.port, at(8, 12)).reminders == 0
        done = remind_and_send(database_url, inbox.port, at(9, 2))  # 41 hours
        assert (done.reminders, done.escalations) == (0, 1)
        escalation = mails[first + 1 :]
        assert [m["To"] for m in escalation] == ["dewi.bakker@example.org"]
        assert "Nog niet opgepakt" in escalation[0]["Subject"]
        assert "Bram Jansen" in escalation[0].get_payload(decode=True).decode()
        for hour in (3, 12, 23):
            again = remind_and_send(database_url, inbox.port, at(9, hour))
            assert (again.reminders, again.escalations) == (0, 0)
        assert len(mails) == first + 2
    with session(database_url) as db:
        assert find_ticket(db, reference).escalated


def test_a_ticket_taken_in_time_gets_no_reminder(database_url):
    with smtp_server() as inbox:
        reference = new_ticket(database_url, MONDAY_9)
        with session(database_url) as db:
            take(db, find_ticket(db, reference), REGION.contact("bram"))
        done = remind_and_send(database_url, inbox.port, at(10, 12))
        assert (done.reminders, done.escalations) == (0, 0)
        assert len(inbox.messages) == 1  # the notification of the new ticket only


def test_the_weekend_does_not_count_and_an_absent_contact_person_is_reminded_when_back(database_url):
    # Anna works ma di do; a ticket of Tuesday 9:00 reaches 24 working hours on Wednesday 9:00,
    # when she is not at work: the reminder waits until Thursday; the coordinator is not held up
    with smtp_server() as inbox:
        new_ticket(database_url, at(8, 9), municipality="Aalten", theme="route", key="anna-1")
        assert remind_and_send(database_url, inbox.port, at(9, 12)).reminders == 0
        assert remind_and_send(database_url, inbox.port, at(10, 8)).reminders == 1
        # a ticket of Friday 15:00: 24 working hours on Monday 15:00, not before
        new_ticket(database_url, at(4, 15), key="friday")
        with session(database_url) as db:
            assert send_reminders(db, REGION, at(7, 14)).reminders == 0


def test_two_processes_at_the_same_moment_send_each_reminder_once(database_url):
    """The first job has put its reminders in the outbox but not committed when the second job
    looks: the second sees no reminder yet, tries the same ones and must be stopped by the database
    (it waits for the first and then skips; SQLite may refuse it as locked instead)."""
    for number in range(5):
        new_ticket(database_url, MONDAY_9, key=f"par-{number}")
    first_done, let_first_commit = threading.Event(), threading.Event()
    results, errors = [], []

    def first():
        with session(database_url) as db:
            results.append(send_reminders(db, REGION, at(9, 12)))
            first_done.set()
            let_first_commit.wait(10)

    def second():
        first_done.wait(10)
        try:
            with session(database_url) as db:
                results.append(send_reminders(db, REGION, at(9, 12)))
        except OperationalError as error:  # SQLite: database is locked; the next cron run goes on
            errors.append(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_done.wait(10)
    time.sleep(0.5)  # the second job now waits for the first one's rows
    let_first_commit.set()
    for thread in threads:
        thread.join(30)
    with session(database_url) as db:
        rows = db.execute(select(TicketReminder.kind, func.count()).group_by(TicketReminder.kind)).all()
        mails = db.execute(select(func.count()).select_from(OutboxMail)).scalar_one()
    assert dict(rows) == {"reminder": 5, "escalation": 5}
    assert mails == 5 + 5 + 5  # the tickets' notifications, one reminder and one escalation each
    assert sum(r.reminders for r in results) == 5 and sum(r.escalations for r in results) == 5
    assert len(results) + len(errors) == 2


def test_cip_tickets_remind_sends_the_escalation_for_cron(tmp_path):
    """The command cron runs: with the real clock, a ticket of ten days ago goes to the coordinator
    (the contact person's reminder waits for their working day, so it depends on today)."""
    url = f"sqlite:///{tmp_path / 'cip.db'}"
    upgrade(url)
    reference = new_ticket(url, utcnow() - timedelta(days=10))
    with smtp_server() as inbox:
        env = {**os.environ, "DATABASE_URL": url, "CIP_SMTP_HOST": "127.0.0.1", "CIP_SMTP_PORT": str(inbox.port)}
        first = subprocess.run([CIP, "tickets", "remind"], capture_output=True, text=True, env=env, timeout=120)
        again = subprocess.run([CIP, "tickets", "remind"], capture_output=True, text=True, env=env, timeout=120)
        assert first.returncode == 0 and again.returncode == 0, first.stderr + again.stderr
        assert "Naar de coördinator: 1." in first.stdout and "Naar de coördinator: 0." in again.stdout
        assert [m["To"] for m in inbox.about(f"Nog niet opgepakt: {reference}")] == ["dewi.bakker@example.org"]


def test_the_statistics_count_each_reminder_and_escalation_once(database_url):
    """The coordinator sees how often the 48-hour promise needed a push (issue 17)."""
    from bot.statistics.table import COUNTS

    with smtp_server() as inbox:
        new_ticket(database_url, MONDAY_9)
        for now in (at(8, 10), at(8, 12), at(9, 2), at(9, 3)):
            remind_and_send(database_url, inbox.port, now)
    with session(database_url) as db:
        rows = db.execute(select(COUNTS.c.outcome, func.sum(COUNTS.c.count)).group_by(COUNTS.c.outcome)).all()
    counts = dict(rows)
    assert (counts.get("reminded"), counts.get("escalated")) == (1, 1)
