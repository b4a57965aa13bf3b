"""Who takes a new question: the rules of the mission in one pure function, testable alone.

1. A user who already has an open ticket gets the same contact person again ("degene die
   aanneemt blijft contactpersoon").
2. Otherwise the contact persons for the municipality and theme; regional coordinators only when
   no one else covers it.
3. Of those, the one with the fewest open tickets; on a tie the one who works today."""

from __future__ import annotations

from datetime import date

from bot.region.model import Contact, Region

WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


def choose_contact(
    region: Region,
    municipality: str,
    theme: str,
    open_counts: dict,
    today: date,
    previous_contact_id: str | None = None,
) -> Contact:
    previous = region.contact(previous_contact_id) if previous_contact_id else None
    if previous is not None:
        return previous
    fitting = [c for c in region.contacts if c.covers(municipality, theme)]
    candidates = [c for c in fitting if not c.coordinator] or fitting
    if not candidates:
        raise LookupError(f"geen contactpersoon voor {theme} in {municipality}")
    weekday = WEEKDAYS[today.weekday()]
    return min(candidates, key=lambda c: (open_counts.get(c.id, 0), weekday not in c.working_days, c.id))
