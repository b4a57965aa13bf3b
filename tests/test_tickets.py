"""Handoff tickets in a real database (SQLite and PostgreSQL): one per submission, the right
contact person, a history of who did what, and only the owner (or a coordinator) may change it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.db import session
from bot.region import load_region
from bot.tickets.models import CLOSED, OPEN, TAKEN, OutboxMail, Ticket
from bot.tickets.service import (
    HandoffRequest,
    NotAllowed,
    add_note,
    close,
    create_ticket,
    find_ticket,
    list_tickets,
    take,
)

REGION = load_region()


def request(key="k1", municipality="Winterswijk", theme="privacy", contact="ouder@example.org", **extra):
    values = dict(
        submission_key=key,
        municipality=municipality,
        theme=theme,
        role="ouder",
        question="Mag school met het wijkteam praten?",
        name="Sam",
        contact=contact,
        consent=True,
        summary="privacy: mag school delen",
    )
    values.update(extra)
    return HandoffRequest(**values)


def test_a_ticket_is_stored_with_reference_due_time_history_and_a_waiting_mail(database_url):
    with session(database_url) as db:
        ticket, new = create_ticket(db, REGION, request())
        reference = ticket.reference
    assert new
    with session(database_url) as db:
        stored = find_ticket(db, reference)
        assert stored.status == OPEN
        assert stored.due_at - stored.created_at == timedelta(hours=48)
        assert [e.kind for e in stored.events] == ["created"]
        assert stored.question == "Mag school met het wijkteam praten?"
        mail = db.execute(select(OutboxMail)).scalar_one()
        contact = REGION.contact(stored.contact_id)
        assert mail.recipient == contact.email and reference in mail.subject
        assert "Sam" not in mail.body and "wijkteam praten" not in mail.body
    assert reference.startswith(f"CIP-{stored.created_at.year}-") and len(reference) == 15


def test_the_same_submission_twice_gives_one_ticket(database_url):
    with session(database_url) as db:
        first, _ = create_ticket(db, REGION, request(key="same"))
    with session(database_url) as db:
        again, new = create_ticket(db, REGION, request(key="same"))
    assert not new and again.id == first.id
    with session(database_url) as db:
        assert len(db.execute(select(Ticket)).scalars().all()) == 1
        assert len(db.execute(select(OutboxMail)).scalars().all()) == 1


def test_without_consent_the_ticket_keeps_no_summary(database_url):
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request(consent=False))
    with session(database_url) as db:
        assert find_ticket(db, ticket.reference).summary is None


def test_a_user_with_an_open_ticket_gets_the_same_contact_person_again(database_url):
    with session(database_url) as db:
        first, _ = create_ticket(db, REGION, request(key="a", contact="ouder@example.org"))
        for n in range(3):  # load the first contact person with other people's questions
            create_ticket(db, REGION, request(key=f"o{n}", contact=f"ander{n}@example.org"))
        second, _ = create_ticket(db, REGION, request(key="b", contact="ouder@example.org"))
    assert second.contact_id == first.contact_id


def test_new_questions_go_to_the_least_loaded_fitting_contact_person(database_url):
    with session(database_url) as db:
        owners = [
            create_ticket(db, REGION, request(key=f"k{n}", contact=f"p{n}@example.org"))[0].contact_id for n in range(4)
        ]
    # Winterswijk + privacy: anna and chantal fit (the coordinator only when no one else does).
    assert sorted(owners) == ["anna", "anna", "chantal", "chantal"]


def test_take_note_and_close_leave_a_history_by_whom(database_url):
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request())
        owner = REGION.contact(ticket.contact_id)
        take(db, ticket, owner)
        add_note(db, ticket, owner, "Gebeld, afspraak gemaakt")
        close(db, ticket, owner)
        reference = ticket.reference
    with session(database_url) as db:
        stored = find_ticket(db, reference)
        assert stored.status == CLOSED and stored.closed_at is not None
        assert [(e.kind, e.actor) for e in stored.events] == [
            ("created", "assistent"),
            ("taken", owner.id),
            ("noted", owner.id),
            ("closed", owner.id),
        ]
        assert stored.events[2].note == "Gebeld, afspraak gemaakt"


def test_another_contact_person_cannot_change_or_list_the_ticket(database_url):
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request(municipality="Aalten", theme="absence"))
        assert ticket.contact_id == "bram"
        anna = REGION.contact("anna")
        with pytest.raises(NotAllowed):
            take(db, ticket, anna)
        assert ticket.status == OPEN
        assert list_tickets(db, anna) == []
        assert [t.id for t in list_tickets(db, REGION.contact("coordinator"))] == [ticket.id]
        take(db, ticket, REGION.contact("coordinator"))
        assert ticket.status == TAKEN


@pytest.mark.parametrize("typed", ["CIP-{y}-{n:06d}", "cip {y} {n}", "hoe staat het met CIP-{y}-{n:06d}?"])
def test_a_reference_is_found_however_it_is_typed(database_url, typed):
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request())
    with session(database_url) as db:
        assert find_ticket(db, typed.format(y=ticket.created_at.year, n=ticket.id)).id == ticket.id
        assert find_ticket(db, f"CIP-{ticket.created_at.year - 1}-{ticket.id:06d}") is None
        assert find_ticket(db, "CIP-2026-999999") is None
