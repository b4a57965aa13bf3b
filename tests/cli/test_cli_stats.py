"""`cip stats`: the coordinator's figures in the terminal and as CSV, with filters and periods,
small groups as "< 5", and a clear message for a wrong value."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date

import pytest

from bot.statistics.counting import Key
from bot.statistics.table import add_counts
from bot.storage.db import engine, upgrade
from tests.helpers.cli import cip

TUESDAY = date(2026, 3, 3)


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli-stats') / 'cip.db'}"
    upgrade(url)
    with engine(url).begin() as connection:
        add_counts(
            connection,
            Counter(
                {
                    Key(TUESDAY, "conversation"): 9,
                    Key(TUESDAY, "answered", "Aalten", "absence", "absence/holiday_leave", "ouder"): 7,
                    Key(TUESDAY, "answered", "Winterswijk", "absence", "absence/holiday_leave", "ouder"): 3,
                    Key(date(2026, 3, 10), "crisis"): 2,
                }
            ),
        )
    return url


def test_weeks_in_the_terminal_with_small_groups_as_less_than_five(url):
    done = cip("stats", "--from", "2026-03-02", "--to", "2026-03-15", database_url=url)
    assert done.returncode == 0, done.stderr
    assert "2 maart 2026 tot en met 15 maart 2026" in done.stdout
    week10 = next(line for line in done.stdout.splitlines() if line.startswith("week 10"))
    assert week10.split()[4:7] == ["9", "7", "0"]
    week11 = next(line for line in done.stdout.splitlines() if line.startswith("week 11"))
    assert "< 5" in week11


def test_csv_per_month_filtered_by_municipality(url):
    done = cip(
        "stats",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--period",
        "month",
        "--gemeente",
        "Winterswijk",
        "--csv",
        database_url=url,
    )
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout), delimiter=";"))
    assert rows[0] == ["Statistieken Centraal Informatiepunt", "2 maart 2026 tot en met 29 maart 2026"]
    start = rows.index(["Gesprekken per periode"])
    assert rows[start + 1][:3] == ["Periode", "Gesprekken", "Vragen beantwoord"]
    assert rows[start + 2][:3] == ["maart 2026", "0", "< 5"]


def test_a_wrong_value_says_what_is_allowed(url):
    done = cip("stats", "--role", "directeur", database_url=url)
    assert done.returncode == 1
    assert "onbekende waarde 'directeur'" in done.stderr and "intern_begeleider" in done.stderr
