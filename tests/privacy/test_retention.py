"""`cip retention run` on real data, in SQLite and PostgreSQL: conversations saved by Rasa's own
tracker store and tickets made and closed by the ticket service, then the command as cron runs it."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import select

from bot.privacy.retention_periods import DEFAULT_DAYS, DEFAULT_TICKET_DAYS
from bot.region import load_region
from bot.region.rasa_domain import OUTPUT, domain_for
from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.tickets.models import OutboxMail, Ticket
from bot.tickets.service import HandoffRequest, add_note, close, create_ticket, find_ticket
from tests.helpers.cli import cip
from tests.helpers.project import ROOT
from tests.helpers.trackers import save_turns, stored_rows, tracker_store, write_endpoints

REGION = load_region()
WORDS = ("Mijn dochter Lotte wil niet naar school", "Kan de leerplichtambtenaar helpen?")


def test_idle_conversations_go_with_all_their_sessions_and_active_ones_stay(database_url, tmp_path):
    endpoints = write_endpoints(database_url, tmp_path)
    store = tracker_store(endpoints)
    save_turns(store, "idle", ["hallo"], days_ago=45)
    save_turns(store, "idle", list(WORDS), days_ago=30)
    save_turns(store, "recent", list(WORDS), days_ago=3)
    save_turns(store, "returning", list(WORDS), days_ago=60)
    save_turns(store, "returning", ["ik ben er weer"], days_ago=1)
    before = {s: len(stored_rows(endpoints, s)) for s in ("idle", "recent", "returning")}

    trial = cip("retention", "run", "--dry-run", "--endpoints", str(endpoints), database_url=database_url)
    assert trial.returncode == 0, trial.stderr
    assert f"Gesprekken gevonden (proefdraai, niets veranderd): 1 ({before['idle']} gebeurtenissen)" in trial.stdout
    assert {s: len(stored_rows(endpoints, s)) for s in before} == before

    result = cip("retention", "run", "--endpoints", str(endpoints), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert "ouder is dan 28 dagen" in result.stdout and "1 van 1" in result.stdout
    assert f"Gesprekken verwijderd: 1 ({before['idle']} gebeurtenissen)" in result.stdout
    assert not any(word in result.stdout + result.stderr for word in ("Lotte", "idle", "hallo"))
    assert stored_rows(endpoints, "idle") == []
    assert len(stored_rows(endpoints, "recent")) == before["recent"]
    assert len(stored_rows(endpoints, "returning")) == before["returning"]

    shorter = cip("retention", "run", "--endpoints", str(endpoints), database_url=database_url, CIP_RETENTION_DAYS="2")
    assert "Gesprekken verwijderd: 1" in shorter.stdout, shorter.stderr
    assert stored_rows(endpoints, "recent") == [] and stored_rows(endpoints, "returning")


def _ticket(db, key: str, closed_days_ago: float | None) -> str:
    """A ticket with a note and a waiting mail, closed `closed_days_ago` days ago (None: open)."""
    ticket, _ = create_ticket(
        db,
        REGION,
        HandoffRequest(
            submission_key=key,
            municipality="Aalten",
            theme="absence",
            role="ouder",
            question="Mijn zoon Daan (BSN 123456782) zit thuis",
            name="Marieke",
            contact="06-23456789",
            consent=True,
            summary="- Daan zit thuis",
        ),
    )
    owner = REGION.contact(ticket.contact_id)
    add_note(db, ticket, owner, "Moeder gebeld, Daan gaat naar de huisarts")
    if closed_days_ago is not None:
        close(db, ticket, owner, "Afgerond met moeder")
        ticket.closed_at = utcnow() - timedelta(days=closed_days_ago)
    return ticket.reference


def test_closed_tickets_lose_personal_data_after_the_period_and_keep_their_statistics(database_url, tmp_path):
    with session(database_url) as db:
        old = _ticket(db, "old", closed_days_ago=100)
        recent = _ticket(db, "recent", closed_days_ago=10)
        still_open = _ticket(db, "open", closed_days_ago=None)

    endpoints = write_endpoints(database_url, tmp_path)
    result = cip("retention", "run", "--endpoints", str(endpoints), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert "persoonsgegevens verwijderd: 1 tickets, 2 notities, 1 mails" in result.stdout
    assert "Daan" not in result.stdout

    with session(database_url) as db:
        cleaned = find_ticket(db, old)
        assert (cleaned.requester_name, cleaned.requester_contact, cleaned.question, cleaned.summary) == (
            "(verwijderd)",
            "(verwijderd)",
            "(verwijderd)",
            None,
        )
        assert [e.note for e in cleaned.events] == [None, None, None]
        assert [e.kind for e in cleaned.events] == ["created", "noted", "closed"]
        assert (cleaned.municipality, cleaned.theme, cleaned.role, cleaned.status) == (
            "Aalten",
            "absence",
            "ouder",
            "closed",
        )
        assert cleaned.created_at and cleaned.closed_at and cleaned.due_at
        mails = db.execute(select(OutboxMail.ticket_id)).scalars().all()
        assert cleaned.id not in mails and len(mails) == 2
        for kept in (recent, still_open):
            ticket = find_ticket(db, kept)
            assert ticket.requester_name == "Marieke" and "BSN" in ticket.question
            assert ticket.events[1].note.startswith("Moeder gebeld")

    again = cip(
        "retention", "run", "--endpoints", str(endpoints), database_url=database_url, CIP_TICKET_RETENTION_DAYS="5"
    )
    assert "persoonsgegevens verwijderd: 1 tickets, 2 notities, 1 mails" in again.stdout, again.stderr
    with session(database_url) as db:
        assert find_ticket(db, recent).requester_name == "(verwijderd)"
        assert db.execute(select(Ticket).where(Ticket.requester_name == "Marieke")).scalar_one().status == "open"


def test_a_period_of_zero_days_or_a_store_that_is_not_sql_is_refused(tmp_path):
    database_url = f"sqlite:///{tmp_path / 'cip.db'}"
    zero = cip("retention", "run", "--days", "0", database_url=database_url)
    assert zero.returncode == 1 and "minstens 1 dag" in zero.stderr
    memory = tmp_path / "endpoints.yml"
    memory.write_text("tracker_store:\n  type: redis\n  url: localhost\n", encoding="utf-8")
    for args in (("retention", "run"), ("erase", "--sender", "abc")):
        refused = cip(*args, "--endpoints", str(memory), database_url=database_url)
        assert refused.returncode == 1 and "geen SQL tracker store" in refused.stderr, refused.stderr


def _chat_data_answer(environ: dict) -> str:
    """The privacy answer about this chat as Rasa says it, with its "Meer hierover" part, with the
    domain that `cip region build` writes when it runs in `environ`."""
    domain = Domain.load([path for path in sorted((ROOT / "domain").glob("*.yml")) if path != OUTPUT])
    domain = domain.merge(Domain.from_dict(domain_for(REGION, environ)))
    nlg = TemplatedNaturalLanguageGenerator(domain.responses)
    tracker = DialogueStateTracker("parent", domain.slots)
    parts = ("utter_privacy/chat_data", "utter_privacy/chat_data_more")
    return "\n".join(asyncio.run(nlg.generate(part, tracker, "rest"))["text"] for part in parts)


def test_the_privacy_answer_names_the_periods_the_retention_job_uses():
    answer = _chat_data_answer({})
    assert f"Na {DEFAULT_DAYS} dagen zonder nieuw bericht wordt het automatisch verwijderd" in answer
    assert f"{DEFAULT_TICKET_DAYS} dagen nadat je vraag is afgerond" in answer
    assert 'Typ dan "verwijder mijn gesprek"' in answer
    region_setting = _chat_data_answer({"CIP_RETENTION_DAYS": "14", "CIP_TICKET_RETENTION_DAYS": "30"})
    assert "Na 14 dagen zonder nieuw bericht" in region_setting
    assert "30 dagen nadat je vraag is afgerond" in region_setting and "{" not in region_setting
