"""Handoff tickets in a real database (SQLite and PostgreSQL): one per submission, the right
contact person, a history of who did what, and only the owner (or a coordinator) may change it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.tickets.models import CLOSED, OPEN, TAKEN, OutboxMail, Ticket
from bot.tickets.reference import parse
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
    assert reference == stored.public_reference and len(reference) == 13


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


@pytest.mark.parametrize("typed", ["{r}", "{r_lower_spaced}", "hoe staat het met {r}?", "{r_glued}"])
def test_a_reference_is_found_however_it_is_typed(database_url, typed):
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request())
    r = ticket.reference
    with session(database_url) as db:
        found = find_ticket(
            db, typed.format(r=r, r_lower_spaced=r.lower().replace("-", " "), r_glued=r.replace("-", ""))
        )
        assert found.id == ticket.id
        assert find_ticket(db, "CIP-2026-999999") is None and find_ticket(db, "CIP-ZZZZ-ZZZ9") is None


def test_references_are_random_and_readable_over_the_phone(database_url):
    """Sequential references (CIP-2026-000001, -000002) let anyone with one ask about the next."""
    with session(database_url) as db:
        references = [
            create_ticket(db, REGION, request(key=f"k{i}", contact=f"o{i}@example.org"))[0].reference for i in range(20)
        ]
    assert all(re.fullmatch(r"CIP-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", r) for r in references), references
    assert len(set(references)) == 20 and len({r[4:6] for r in references}) > 1
    with session(database_url) as db:
        ids = {find_ticket(db, r).id for r in references}
        # the sequential form of a new ticket is no way in
        assert all(find_ticket(db, f"CIP-{utcnow().year}-{i:06d}") is None for i in ids)


def test_a_lookalike_character_still_finds_the_ticket():
    assert parse("cip-dk4m-lq9t") == parse("CIP-0K4M-1Q9T") == parse("CIP-OK4M-IQ9T") == ("new", "CIP-DK4M-LQ9T")
    assert parse("is het CIP open voor ouders?") is None  # words after CIP are no reference


def test_an_old_sequential_reference_keeps_working(database_url):
    """Tickets made before references were random keep theirs (migration 0003 leaves them empty)."""
    with session(database_url) as db:
        ticket, _ = create_ticket(db, REGION, request())
        ticket.public_reference = None
        db.flush()
        old = f"CIP-{ticket.created_at.year}-{ticket.id:06d}"
        assert ticket.reference == old
    with session(database_url) as db:
        assert find_ticket(db, old).id == find_ticket(db, f"cip {ticket.created_at.year} {ticket.id}").id == ticket.id
        assert find_ticket(db, f"CIP-{ticket.created_at.year - 1}-{ticket.id:06d}") is None


def test_one_client_cannot_fill_the_inboxes_with_new_conversations_and_addresses(database_url):
    """Before: a script could make a ticket per new conversation with a new e-mail address, without end."""
    from bot.tickets.service import MAX_TICKETS_PER_CLIENT_PER_DAY, QuotaReached

    with session(database_url) as db:
        for n in range(MAX_TICKETS_PER_CLIENT_PER_DAY):
            create_ticket(db, REGION, request(key=f"s{n}", contact=f"ouder{n}@example.org", client_key="a" * 32))
    with session(database_url) as db, pytest.raises(QuotaReached):
        create_ticket(db, REGION, request(key="one-more", contact="nog1@example.org", client_key="a" * 32))
    with session(database_url) as db:  # another client, and one without a key, are not held up
        create_ticket(db, REGION, request(key="other", contact="nog2@example.org", client_key="b" * 32))
        create_ticket(db, REGION, request(key="no-key", contact="nog3@example.org"))


def test_the_client_key_is_forgotten_after_two_days(database_url):
    from bot.privacy.retention import forget_client_keys

    with session(database_url) as db:
        old, _ = create_ticket(db, REGION, request(key="old", client_key="a" * 32))
        old.created_at = utcnow() - timedelta(days=3)
        create_ticket(db, REGION, request(key="new", contact="ander@example.org", client_key="b" * 32))
    with session(database_url) as db:
        assert forget_client_keys(db, dry_run=True) == 1
        assert forget_client_keys(db) == 1
    with session(database_url) as db:
        keys = dict(db.execute(select(Ticket.submission_key, Ticket.client_key)).all())
    assert keys == {"old": None, "new": "b" * 32}
