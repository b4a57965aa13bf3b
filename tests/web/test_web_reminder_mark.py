"""A ticket that went to the coordinator after 40 working hours says so in the inbox; one that did
not, does not (against the real `cip web` server)."""

from __future__ import annotations

from datetime import timedelta

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.tickets.reminders import send_reminders
from bot.tickets.service import HandoffRequest, create_ticket
from tests.helpers.inbox_web import Client, inbox_server

MARK = "Na 40 werkuren niet opgepakt: gemeld aan de coördinator"


def test_the_escalated_ticket_is_marked_in_the_inbox(tmp_path):
    server = inbox_server(tmp_path, f"sqlite:///{tmp_path / 'cip.db'}")
    try:
        references = []
        with session(server.database_url) as db:
            for key, age in (("old", 10), ("new", 0)):
                request = HandoffRequest(key, "Aalten", "privacy", "ouder", "Mag school dit delen?", "Sanne", key, True)
                ticket, _ = create_ticket(db, load_region(), request)
                ticket.created_at = utcnow() - timedelta(days=age)
                references.append(ticket.reference)
        with session(server.database_url) as db:
            assert send_reminders(db, load_region(), utcnow()).escalations == 1
        coordinator = Client(server.base)
        coordinator.log_in("coordinator")
        page = coordinator.get("/inbox/").body
        assert page.count(MARK) == 1
        old, new = (page.index(reference) for reference in references)
        assert old < page.index(MARK) < new  # due first, so listed first: the mark is on the old one
    finally:
        server.stop()
