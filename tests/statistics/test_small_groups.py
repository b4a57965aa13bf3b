"""No combination of filters reveals a single conversation, also not by subtracting figures.

A scripted set of base cells (week, municipality, theme, topic, role, outcome) with counts from 1
to 9; for every combination of the filters (each: none or any value in the set) and both periods:
- every figure is 0, "< 5" or at least 5;
- a small cell (fewer than 5 conversations) made one smaller or one larger, staying between 1 and
  4, changes no figure of any combination. So no figure, and no sum or difference of figures, can
  depend on how many conversations a small group holds (this is what subtracting totals would need).
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta

import pytest

from bot.statistics.counting import Key
from bot.statistics.export import lines, tables
from bot.statistics.margins import MARGINS
from bot.statistics.report import Filters, Period, report
from bot.statistics.table import COUNTS, WEEKS, add_counts
from bot.storage.db import engine, upgrade

MONDAYS = [date(2026, 1, 26) + timedelta(weeks=n) for n in range(3)]  # the third is in February
MUNICIPALITIES = ("Aalten", "Winterswijk")
TOPICS = ("absence/holiday_leave", "absence/truancy", "privacy/consent_age")
ROLES = ("ouder", "leerkracht")
OUTCOMES = ("answered", "ticket_created")


def scripted() -> dict:
    """{Key: conversations}: a spread of small and large cells, days spread over each week."""
    cells = {}
    counts = itertools.cycle([1, 6, 2, 9, 3, 5, 4, 7, 1, 2])
    for week, municipality, topic, role, outcome in itertools.product(MONDAYS, MUNICIPALITIES, TOPICS, ROLES, OUTCOMES):
        day = week + timedelta(days=len(cells) % 7)
        cells[Key(day, outcome, municipality, topic.split("/")[0], topic, role)] = next(counts)
    return cells


def every_figure(url: str) -> dict:
    """What every filter combination shows, per period kind: {(kind, filters): [lines]}."""
    shown = {}
    with engine(url).connect() as connection:
        for kind in ("week", "month"):
            period = Period.around(kind, MONDAYS[0], MONDAYS[-1], MONDAYS[-1])
            for values in itertools.product(
                (None, *MUNICIPALITIES), (None, "absence", "privacy"), (None, *TOPICS), (None, *ROLES)
            ):
                filters = Filters(*values)
                result = report(connection, period, filters, str)
                shown[(kind, filters)] = [list(lines(table))[1:] for table in tables(result)]
    return shown


def write(url: str, cells: dict) -> None:
    with engine(url).begin() as connection:
        connection.execute(COUNTS.delete())
        connection.execute(WEEKS.delete())
        connection.execute(MARGINS.delete())
        add_counts(connection, Counter(cells))


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('small') / 'cip.db'}"
    upgrade(url)
    return url


def test_every_figure_is_zero_less_than_five_or_at_least_five(url):
    write(url, scripted())
    seen = set()
    for shown in every_figure(url).values():
        for line in itertools.chain.from_iterable(shown):
            for cell in line[1:]:
                seen.add(cell)
                assert cell == "< 5" or int(cell) == 0 or int(cell) >= 5, line
    assert {"< 5", "0"} < seen and len(seen) > 10  # the set has small, empty and many large figures


def test_the_size_of_a_small_group_changes_no_figure_of_any_filter_combination(url):
    cells = scripted()
    write(url, cells)
    baseline = every_figure(url)
    small = [key for key, count in cells.items() if count < 5]
    changed = [(small[0], -1), (small[1], +1), (small[len(small) // 2], -1), (small[-1], +1)]
    for key, step in changed:
        if not 1 <= cells[key] + step <= 4:
            step = -step
        write(url, {**cells, key: cells[key] + step})
        assert every_figure(url) == baseline, key


def test_a_group_reaching_five_is_shown_so_the_test_above_can_fail(url):
    cells = scripted()
    write(url, cells)
    baseline = every_figure(url)
    key = next(key for key, count in cells.items() if count == 4)
    write(url, {**cells, key: 5})
    assert every_figure(url) != baseline
