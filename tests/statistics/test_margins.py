"""The figures without filters (read from the margins table) are the ones the weekly cells give.

The weekly cells partition by municipality (unknown included), and "< 5" applies per cell, so the
figures without filters must equal the figures per municipality added up; they are computed from
the cells, the others from the margins. Checked after counts arrive in several writes (cells
growing past 5, a week written twice), on SQLite and PostgreSQL, and after migration 0010 filled
the margins of cells counted before it."""

from __future__ import annotations

import itertools
import random
import threading
import time
from collections import Counter
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from bot.statistics.counting import Key
from bot.statistics.report import Figure, Filters, Period, grouped
from bot.statistics.table import WEEKS, add_counts, monday
from bot.storage.db import engine, upgrade
from tests.helpers.project import postgres_database

FIRST = date(2026, 3, 2)
MUNICIPALITIES = ("", "Aalten", "Winterswijk")
TOPICS = ("absence/holiday_leave", "absence/truancy", "privacy/consent_age", "")
ROLES = ("", "ouder", "leerkracht")
OUTCOMES = ("conversation", "answered", "clarification", "ticket_created")
COLUMNS = ("week", "theme", "municipality", "role", "topic")


def batches(seed: int = 5) -> list:
    """Four writes of random cells over five weeks, counts of 1 to 4 each, so that many cells
    pass 5 only in a later write."""
    rng = random.Random(seed)
    cells = list(itertools.product(range(35), MUNICIPALITIES, TOPICS, ROLES, OUTCOMES))
    written = []
    for _ in range(4):
        batch = Counter()
        for day, municipality, topic, role, outcome in rng.sample(cells, 400):
            key = Key(FIRST + timedelta(days=day), outcome, municipality, topic.split("/")[0], topic, role)
            batch[key] = rng.randint(1, 4)
        written.append(batch)
    return written


def figures_both_ways(url: str, kind: str) -> tuple[dict, dict]:
    """Per column: the figures without filters, and the figures per municipality added up."""
    period = Period.around(kind, FIRST, FIRST + timedelta(weeks=4), FIRST)
    with engine(url).connect() as connection:
        plain = {column: grouped(connection, period, Filters(), column) for column in COLUMNS}
        added: dict = {column: {} for column in COLUMNS}
        for municipality, column in itertools.product(MUNICIPALITIES, COLUMNS):
            for key, figure in grouped(connection, period, Filters(municipality=municipality), column).items():
                added[column][key] = added[column].get(key, Figure()) + figure
    return plain, added


def test_the_figures_without_filters_match_the_cells_after_every_write(database_url):
    shown = set()
    for batch in batches():
        with engine(database_url).begin() as connection:
            add_counts(connection, batch)
        plain, added = figures_both_ways(database_url, "week")
        assert plain == added
        shown.update(str(figure) for figures in plain.values() for figure in figures.values())
    assert "< 5" in shown and len(shown) > 20  # small groups only, and many sums of large ones
    assert figures_both_ways(database_url, "month")[0] == figures_both_ways(database_url, "month")[1]


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request, tmp_path):
    """An empty database (no schema yet), on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cip.db'}"
        return
    yield from postgres_database()


def test_the_migration_fills_the_margins_of_the_cells_counted_before(empty_database):
    url = empty_database
    upgrade(url, "0009")
    cells = Counter()
    for batch in batches(seed=9):
        cells.update(batch)
    weekly = Counter()
    for key, count in cells.items():
        weekly[(monday(key.day), key.municipality, key.theme, key.topic, key.role, key.outcome)] += count
    names = ("week", "municipality", "theme", "topic", "role", "outcome")
    with engine(url).begin() as connection:
        rows = [dict(zip(names, cell), count=count) for cell, count in weekly.items()]
        connection.execute(sa.insert(WEEKS), rows)
    upgrade(url)
    plain, added = figures_both_ways(url, "week")
    assert plain == added and any(plain.values())


@pytest.mark.postgres
def test_two_writers_at_once_on_postgresql_both_count_and_the_margins_follow():
    """The Rasa process and the action server write counts of the same week at the same time: the
    second waits for the first (PostgreSQL sees no uncommitted rows of another writer)."""
    one, other = batches(seed=3)[:2]
    # other cells of the same weeks: the second writer finds no row of the first one locked
    first = Counter({key: n for key, n in one.items() if key.municipality != "Winterswijk"})
    second = Counter({key: n for key, n in other.items() if key.municipality == "Winterswijk"})
    for url in postgres_database():
        upgrade(url)
        holding = engine(url).connect()
        transaction = holding.begin()
        add_counts(holding, first)  # not committed yet
        errors = []

        def other_writer() -> None:
            try:
                with engine(url).begin() as connection:
                    add_counts(connection, second)
            except Exception as error:  # reported below, so the test fails with it
                errors.append(error)

        writer = threading.Thread(target=other_writer)
        writer.start()
        time.sleep(0.5)
        transaction.commit()
        holding.close()
        writer.join(timeout=30)
        assert errors == [] and not writer.is_alive()
        plain, added = figures_both_ways(url, "week")
        assert plain == added
        with engine(url).connect() as connection:
            counted = connection.execute(sa.select(sa.func.sum(WEEKS.c.count))).scalar()
        assert counted == sum(first.values()) + sum(second.values())
        engine(url).dispose()
