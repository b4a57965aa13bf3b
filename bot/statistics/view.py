"""What the inbox page and `cip stats` both do: check the filters against the region and the
answers, and gather the report and the live ticket figures in one database session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Optional

from sqlalchemy.orm import Session

from bot.domain.answer_choice import answers
from bot.domain.handoff import ROLES, THEMES
from bot.region.model import Region
from bot.statistics.live_tickets import LiveTickets, live_tickets
from bot.statistics.report import ROLE_TEXT, Filters, Period, Report, report, theme_text
from bot.tickets.clock import DUTCH


@dataclass(frozen=True)
class Statistics:
    report: Report
    live: LiveTickets


@lru_cache(maxsize=1)
def titles() -> dict:
    """Every answer key's Dutch title, read once (answers() parses the answer files each call)."""
    return {key: answer.title for key, answer in sorted(answers().items())}


def choices(region: Region) -> dict:
    """The values each filter accepts, with their Dutch names."""
    return {
        "municipality": {name: name for name in region.municipality_names},
        "theme": {theme: theme_text(theme) for theme in THEMES},
        "topic": titles(),
        "role": {role: ROLE_TEXT[role] for role in ROLES},
    }


def checked_filters(region: Region, **chosen: Optional[str]) -> Filters:
    """Filters from user input; an unknown value is a ValueError naming what is allowed."""
    allowed = choices(region)
    for name, value in chosen.items():
        if value and value not in allowed[name]:
            raise ValueError(f"onbekende waarde {value!r}; kies uit: {', '.join(allowed[name])}")
    return Filters(**{name: value or None for name, value in chosen.items()})


def gather(db: Session, period: Period, filters: Filters, now: datetime) -> Statistics:
    return Statistics(
        report(db.connection(), period, filters, lambda key: titles().get(key, key)),
        live_tickets(db, period, filters, now),
    )


def dutch_today() -> date:
    return datetime.now(DUTCH).date()


def period_from(kind: str, start: Optional[str], end: Optional[str], today: date) -> Period:
    """The period of a --from/--to (or van/tot) pair of ISO dates ('2026-01-31')."""
    try:
        first = date.fromisoformat(start) if start else None
        last = date.fromisoformat(end) if end else None
    except ValueError:
        raise ValueError("een datum schrijf je als JJJJ-MM-DD, bijvoorbeeld 2026-01-31") from None
    return Period.around(kind or "week", first, last, today)
