"""A `cip web` server whose database holds counts of this week, for the statistics page's tests
over HTTP and in the browser."""

from __future__ import annotations

from collections import Counter

from bot.statistics.counting import Key
from bot.statistics.table import add_counts
from bot.statistics.view import dutch_today
from bot.storage.db import engine
from tests.helpers.inbox_web import inbox_server


def counts_of_this_week() -> Counter:
    today = dutch_today()
    return Counter(
        {
            Key(today, "conversation"): 14,
            Key(today, "answered", "Winterswijk", "absence", "absence/holiday_leave", "ouder"): 6,
            Key(today, "answered", "Aalten", "privacy", "privacy/consent_age", "leerkracht"): 2,
            Key(today, "handoff_completed", "Oost Gelre", "route", "", "ouder"): 5,
            Key(today, "crisis"): 1,
            Key(today, "ticket_created", "Oost Gelre", "route", "", "ouder"): 5,
            Key(today, "taken_on_time", "Oost Gelre", "route", "", "ouder"): 5,
        }
    )


def statistics_server(workdir):
    url = f"sqlite:///{workdir / 'cip.db'}"
    server = inbox_server(workdir, url)
    with engine(url).begin() as connection:
        add_counts(connection, counts_of_this_week())
    return server
