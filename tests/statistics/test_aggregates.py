"""The aggregate table filled the way it is in production: scripted conversations saved turn by
turn by the project's tracker store, tickets made and taken by the ticket service; then the
coordinator's figures checked against what was scripted, on SQLite and PostgreSQL. And the
retention purge of conversations and tickets leaves those figures as they were."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest

from bot.privacy.retention import clean_closed_tickets, remove_old_conversations
from bot.rasa_plugins.tracker_store import tracker_engine
from bot.region import load_region
from bot.statistics.export import lines, tables
from bot.statistics.report import Filters, Period
from bot.statistics.view import gather
from bot.storage.db import session
from bot.tickets.service import HandoffRequest, close, create_ticket, take
from tests.helpers.statistics_data import answered, handed_off, unclear
from tests.helpers.trackers import tracker_store, write_endpoints

REGION = load_region()
MONDAY = date(2026, 1, 5)
TODAY = date(2026, 1, 20)


def scripted_conversations() -> list:
    return (
        [answered("2026-01-06", "absence/holiday_leave", "Winterswijk", "ouder", twice=i == 0) for i in range(6)]
        + [answered("2026-01-07", "privacy/consent_age", "Aalten", "leerkracht") for _ in range(2)]
        + [handed_off("2026-01-08", "Oost Gelre", "ouder", "route") for _ in range(5)]
        + [unclear("2026-01-09", "utter_crisis")]
        + [unclear("2026-01-13", "utter_other_language") for _ in range(7)]
        + [unclear("2026-01-14", "utter_no_answer") for _ in range(3)]
    )


def save_conversations(store, conversations: list) -> None:
    async def run():
        for number, conversation in enumerate(conversations):
            tracker = store.init_tracker(f"gesprek-{number}")
            for turn in conversation:
                for event in turn:
                    tracker.update(event)
                await store.save(tracker)

    asyncio.run(run())
    store.statistics.flush()


def make_tickets(database_url: str, monkeypatch) -> None:
    """11 tickets on Tuesday 6 January: 6 taken the next day (on time), 5 after four days (late);
    all closed the day after."""
    clock = {"now": datetime(2026, 1, 6, 9)}
    monkeypatch.setattr("bot.tickets.service.utcnow", lambda: clock["now"])
    coordinator = next(c for c in REGION.contacts if c.coordinator)
    for number in range(11):
        clock["now"] = datetime(2026, 1, 6, 9)
        with session(database_url) as db:
            ticket, _ = create_ticket(db, REGION, _request(number))
            clock["now"] += timedelta(days=1 if number < 6 else 4)
            take(db, ticket, coordinator)
            clock["now"] += timedelta(days=1)
            close(db, ticket, coordinator)


def _request(number: int) -> HandoffRequest:
    return HandoffRequest(
        submission_key=f"k{number}",
        municipality="Winterswijk",
        theme="privacy",
        role="ouder",
        question="Mag school met het wijkteam praten?",
        name="Sam",
        contact=f"ouder{number}@example.org",
        consent=True,
    )


def figures(database_url: str, kind: str = "week", **filters) -> dict:
    """Every table of the report as {title: [lines]}."""
    period = Period.around(kind, MONDAY, MONDAY + timedelta(days=13), TODAY)
    with session(database_url) as db:
        result = gather(db, period, Filters(**filters), datetime(2026, 1, 20, 12))
    return {table.title: list(lines(table)) for table in tables(result.report)}


@pytest.fixture
def filled(database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    endpoints = write_endpoints(database_url, tmp_path)
    save_conversations(tracker_store(endpoints), scripted_conversations())
    make_tickets(database_url, monkeypatch)
    return database_url, endpoints


HEADER = [
    "Periode",
    "Gesprekken",
    "Vragen beantwoord",
    "Vraag teruggesteld",
    "Geen antwoord",
    "Doorverwijzing gestart",
    "Doorverwijzing afgerond",
    "Crisisantwoord",
    "Andere taal",
]


def test_the_figures_are_the_scripted_conversations_and_tickets(filled):
    database_url, _ = filled
    shown = figures(database_url)
    assert shown["Gesprekken per periode"] == [
        HEADER,
        ["week 2 (5 jan.)", "14", "6", "0", "0", "5", "5", "< 5", "0"],
        ["week 3 (12 jan.)", "10", "0", "0", "< 5", "0", "0", "0", "7"],
    ]
    assert shown["Per thema"][1:] == [
        ["hulp en ondersteuning", "0", "0", "0", "0", "0", "5", "0", "0"],
        ["leerplicht en verzuim", "0", "6", "0", "0", "0", "0", "0", "0"],
        ["onbekend", "24", "0", "0", "< 5", "5", "0", "< 5", "7"],
        ["privacy", "0", "< 5", "0", "0", "0", "0", "0", "0"],
    ]
    assert shown["Tickets per periode"] == [
        ["Periode", "Tickets gemaakt", "Binnen 48 uur opgepakt", "Later opgepakt"]
        + ["Herinnering na 24 werkuren", "Na 40 werkuren naar de coördinator"],
        ["week 2 (5 jan.)", "11", "6", "5", "0", "0"],
        ["week 3 (12 jan.)", "0", "0", "0", "0", "0"],
    ]
    month = figures(database_url, "month")["Gesprekken per periode"]
    assert month[1:] == [["januari 2026", "24", "6", "0", "< 5", "5", "5", "< 5", "7"]]


def test_a_filter_shows_only_its_groups_and_small_ones_as_less_than_five(filled):
    database_url, _ = filled
    aalten = figures(database_url, municipality="Aalten")
    assert aalten["Per onderwerp"][1:] == [["Wie geeft toestemming bij welke leeftijd", "< 5"]]
    assert aalten["Gesprekken per periode"][1][2] == "< 5"
    winterswijk = figures(database_url, municipality="Winterswijk", topic="absence/holiday_leave")
    assert winterswijk["Gesprekken per periode"][1][2] == "6"


def test_the_retention_purge_leaves_the_statistics_as_they_were(filled):
    database_url, endpoints = filled
    before = figures(database_url)
    conversations, _events = remove_old_conversations(tracker_engine(endpoints), days=28)
    assert conversations == len(scripted_conversations())
    with session(database_url) as db:
        assert clean_closed_tickets(db, days=0).tickets == 11
    assert figures(database_url) == before
