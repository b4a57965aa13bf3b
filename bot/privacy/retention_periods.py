"""How long conversations and tickets are kept: one setting for the job that deletes and for every
text that tells the user, so that a region that changes it never shows a period that is not true.

Read by `cip retention run` (bot/privacy/retention.py), by `cip region build`, which writes the periods into
the assistant's domain for its privacy answer (bot/region/rasa_domain.py), and by the web server
for the widget's privacy notice (bot/web/settings.py). A module of its own, without Rasa or a
database, because the web server and the set-up only need these two numbers."""

from __future__ import annotations

import os
from typing import Mapping

from bot.settings import Settings

DEFAULT_DAYS, DEFAULT_TICKET_DAYS = 28, 90
# de-identified questions without an answer (bot/unanswered/): never longer, whatever is configured
UNANSWERED_DAYS = 28
DAYS_VARIABLE, TICKET_DAYS_VARIABLE = "CIP_RETENTION_DAYS", "CIP_TICKET_RETENTION_DAYS"


def conversation_days(value: int | None = None, environ: Mapping[str, str] = os.environ) -> int:
    """Days after the last message until a conversation is deleted."""
    return _days(value, Settings(environ).retention_days, DAYS_VARIABLE, DEFAULT_DAYS)


def ticket_days(value: int | None = None, environ: Mapping[str, str] = os.environ) -> int:
    """Days after a ticket is closed until its personal data is removed."""
    return _days(value, Settings(environ).ticket_retention_days, TICKET_DAYS_VARIABLE, DEFAULT_TICKET_DAYS)


def _days(value: int | None, configured: int | None, variable: str, default: int) -> int:
    """The number of days given on the command line, else in the environment, else the default;
    at least 1, so that a typo cannot delete today's conversations."""
    days = value if value is not None else configured if configured is not None else default
    if days < 1:
        raise ValueError(f"{variable} of de optie moet minstens 1 dag zijn, niet {days}")
    return days
