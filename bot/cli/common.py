"""What the command groups share: the error for the user, the database session, a ticket by reference."""

from __future__ import annotations

from bot.storage.db import session  # noqa: F401  (re-exported for the command modules)
from bot.tickets.service import find_ticket


class CliError(Exception):
    """A message for the user of the CLI; the command exits with status 1."""


def ticket_of(db, reference: str):
    ticket = find_ticket(db, reference)
    if ticket is None:
        raise CliError(f"geen ticket met referentie {reference!r} (vorm: CIP-7K4M-Q9TX)")
    return ticket
