"""The coordinator's figures from the aggregate table, the same for the inbox page, the CSV and
`cip stats`: per week or month, filtered by municipality, theme, topic and role.

Small numbers: a figure is the sum of "base cells", one per week, municipality, theme, topic, role
and outcome (each a number of distinct conversations, bot/statistics/counting.py). A base cell
with fewer than 5 conversations is left out of every figure, on every page, for every filter; a
figure made only of such cells reads "< 5". We chose this over complementary suppression (hiding
extra cells per table so a hidden one cannot be worked out from its row's total): that protects one
table, but the same cell appears in other tables and under other filters, and a total on one page
minus the figures of another page would still give it away. Because a left-out cell is in no
figure at all, no sum or difference of figures, whatever the filters, contains it. Weeks are the
smallest unit, and a month is the weeks whose Thursday falls in it (as ISO week numbering does), so
a month is always a sum of whole weeks and a week view cannot be subtracted from a month view to
isolate a few days; --from and --to are widened to whole weeks (or months) for the same reason.
The price: figures are lower than the true counts where many small groups exist (the page says so).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from bot.statistics.counting import CONVERSATION_OUTCOMES, TAKEN_LATE, TAKEN_ON_TIME, TICKET_OUTCOMES
from bot.statistics.margins import grouped_margins, shown_and_small
from bot.statistics.table import WEEKS, monday
from bot.tickets.service import THEME_TEXT

WEEK, MONTH = "week", "month"
MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
MONTHS_SHORT = ("jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec.")
OUTCOME_TEXT = {
    "conversation": "Gesprekken",
    "answered": "Vragen beantwoord",
    "clarification": "Vraag teruggesteld",
    "no_answer": "Geen antwoord",
    "handoff_started": "Doorverwijzing gestart",
    "handoff_completed": "Doorverwijzing afgerond",
    "crisis": "Crisisantwoord",
    "other_language": "Andere taal",
    "ticket_created": "Tickets gemaakt",
    "taken_on_time": "Binnen 48 uur opgepakt",
    "taken_late": "Later opgepakt",
    "reminded": "Herinnering na 24 werkuren",
    "escalated": "Na 40 werkuren naar de coördinator",
}
ROLE_TEXT = {
    "ouder": "ouder",
    "leerkracht": "leerkracht",
    "mentor": "mentor",
    "intern_begeleider": "intern begeleider",
    "zorgcoordinator": "zorgcoördinator",
    "leerling": "leerling",
    "anders": "anders",
}
UNKNOWN = "onbekend"


@dataclass(frozen=True)
class Filters:
    municipality: Optional[str] = None
    theme: Optional[str] = None
    topic: Optional[str] = None
    role: Optional[str] = None

    def where(self) -> list:
        chosen = {"municipality": self.municipality, "theme": self.theme, "topic": self.topic, "role": self.role}
        return [WEEKS.c[name] == value for name, value in chosen.items() if value is not None]


def dutch_date(day: date) -> str:
    """'5 januari 2026'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_of(week: date) -> tuple[int, int]:
    """The month a week belongs to: the one of its Thursday."""
    thursday = week + timedelta(days=3)
    return thursday.year, thursday.month


def weeks_of_month(day: date) -> tuple[date, date]:
    """The first and last Monday of the weeks that belong to the month of `day`."""
    first = monday(day.replace(day=1))
    if month_of(first) != (day.year, day.month):
        first += timedelta(weeks=1)
    last = first
    while month_of(last + timedelta(weeks=1)) == (day.year, day.month):
        last += timedelta(weeks=1)
    return first, last


@dataclass(frozen=True)
class Period:
    """Whole weeks from `first` (a Monday) to `last` (a Monday), shown per week or per month."""

    kind: str
    first: date
    last: date

    @classmethod
    def around(cls, kind: str, start: Optional[date], end: Optional[date], today: date) -> "Period":
        """The period asked for, widened to whole weeks (and whole months for a month view); by
        default the last 12 weeks or the last 12 months up to today."""
        if kind not in (WEEK, MONTH):
            raise ValueError(f"periode moet {WEEK} of {MONTH} zijn, niet {kind!r}")
        end = end or today
        if start is None:
            year, month = divmod(end.year * 12 + end.month - 12, 12)  # eleven months before end's month
            start = end - timedelta(weeks=11) if kind == WEEK else date(year, month + 1, 1)
        if start > end:
            raise ValueError("de begindatum ligt na de einddatum")
        if kind == WEEK:
            return cls(kind, monday(start), monday(end))
        return cls(kind, weeks_of_month(start)[0], weeks_of_month(end)[1])

    @property
    def end(self) -> date:
        """The last day (a Sunday)."""
        return self.last + timedelta(days=6)

    def bucket(self, week: date) -> str:
        """The label of the week's column, 'week 10 (2 mrt.)', or of its month, 'maart 2026'."""
        if self.kind == MONTH:
            year, month = month_of(week)
            return f"{MONTHS[month - 1]} {year}"
        return f"week {week.isocalendar()[1]} ({week.day} {MONTHS_SHORT[week.month - 1]})"

    def bucket_of(self, week) -> str:
        """bucket() of a week as the database gives it (a date; SQLite may give its text)."""
        return self.bucket(week if isinstance(week, date) else date.fromisoformat(week))

    def buckets(self) -> list[str]:
        labels, week = [], self.first
        while week <= self.last:
            if not labels or labels[-1] != self.bucket(week):
                labels.append(self.bucket(week))
            week += timedelta(weeks=1)
        return labels

    def text(self) -> str:
        return f"{dutch_date(self.first)} tot en met {dutch_date(self.end)}"


@dataclass(frozen=True)
class Figure:
    """A shown number: the sum of the base cells with at least 5 conversations; `small` when
    there were also cells with fewer (left out)."""

    value: int = 0
    small: bool = False

    def __str__(self) -> str:
        return "< 5" if self.value == 0 and self.small else str(self.value)

    def __add__(self, other: "Figure") -> "Figure":
        return Figure(self.value + other.value, self.small or other.small)


Row = dict  # outcome -> Figure


@dataclass
class Table:
    """Rows (a label each) by outcome columns."""

    title: str
    dimension: str
    outcomes: tuple
    rows: dict = field(default_factory=dict)

    def figure(self, label: str, outcome: str) -> Figure:
        return self.rows.get(label, {}).get(outcome, Figure())


@dataclass
class Report:
    period: Period
    filters: Filters
    over_time: Table
    tables: list
    tickets_over_time: Table

    def on_time_share(self, label: str) -> Optional[int]:
        """The share (percent) of tickets contacted within the promised time among those shown."""
        on_time = self.tickets_over_time.figure(label, TAKEN_ON_TIME).value
        late = self.tickets_over_time.figure(label, TAKEN_LATE).value
        return round(100 * on_time / (on_time + late)) if on_time + late else None


def grouped(connection: Connection, period: Period, filters: Filters, column: str) -> dict:
    """{(value of `column`, outcome): Figure} within the period and filters. A base cell is a row
    of the weekly table; only those of at least SMALL conversations are added up, the others only
    mark the figure as having small groups. Without filters the same sums come from the margins
    table (bot/statistics/margins.py), which holds them per week."""
    if filters == Filters():
        query = grouped_margins(column, period.first, period.last)
    else:
        value = WEEKS.c[column]
        query = (
            sa.select(value, WEEKS.c.outcome, *shown_and_small(WEEKS.c.count))
            .where(WEEKS.c.week >= period.first, WEEKS.c.week <= period.last, *filters.where())
            .group_by(value, WEEKS.c.outcome)
        )
    return {
        (key, outcome): Figure(int(shown or 0), bool(small)) for key, outcome, shown, small in connection.execute(query)
    }


def table(title: str, dimension: str, figures: dict, label: Callable[[str], str], outcomes: tuple) -> Table:
    """The figures of these outcomes per label (values with the same label, such as the weeks of a
    month, added up)."""
    rows: dict = defaultdict(lambda: {outcome: Figure() for outcome in outcomes})
    for (value, outcome), figure in figures.items():
        if outcome in outcomes:
            row = rows[label(value)]
            row[outcome] = row[outcome] + figure
    return Table(title, dimension, outcomes, {name: rows[name] for name in sorted(rows)})


def report(connection: Connection, period: Period, filters: Filters, topic_title: Callable[[str], str]) -> Report:
    by = {column: grouped(connection, period, filters, column) for column in ("week", "theme", "municipality", "role")}
    topics = {key: figure for key, figure in grouped(connection, period, filters, "topic").items() if key[0]}
    over_time = table("Gesprekken per periode", "Periode", by["week"], period.bucket_of, CONVERSATION_OUTCOMES)
    tickets = table("Tickets per periode", "Periode", by["week"], period.bucket_of, TICKET_OUTCOMES)
    for periodic in (over_time, tickets):  # every period, also one without any figure
        periodic.rows = {
            label: periodic.rows.get(label, {o: Figure() for o in periodic.outcomes}) for label in period.buckets()
        }
    municipality = lambda value: value or UNKNOWN  # noqa: E731
    tables = [
        table("Per thema", "Thema", by["theme"], theme_text, CONVERSATION_OUTCOMES),
        table("Per gemeente", "Gemeente", by["municipality"], municipality, CONVERSATION_OUTCOMES),
        table("Per rol", "Rol", by["role"], lambda value: ROLE_TEXT.get(value, UNKNOWN), CONVERSATION_OUTCOMES),
        table("Per onderwerp", "Onderwerp", topics, topic_title, ("answered",)),
        table("Tickets per gemeente", "Gemeente", by["municipality"], municipality, TICKET_OUTCOMES),
        table("Tickets per thema", "Thema", by["theme"], theme_text, TICKET_OUTCOMES),
    ]
    return Report(period, filters, over_time, tables, tickets)


def theme_text(theme: str) -> str:
    return THEME_TEXT.get(theme, UNKNOWN)
