"""Time in one place: stored as naive UTC, shown to Dutch users in Dutch local time."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

DUTCH = ZoneInfo("Europe/Amsterdam")
_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def dutch(moment: datetime) -> str:
    """'dinsdag 24-11-2026 om 14:05' in Dutch time."""
    local = moment.replace(tzinfo=timezone.utc).astimezone(DUTCH)
    return f"{_DAYS[local.weekday()]} {local:%d-%m-%Y} om {local:%H:%M}"
