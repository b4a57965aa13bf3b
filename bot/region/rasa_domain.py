"""Writes the part of the Rasa domain that comes from the region's settings, so that the assistant
can say it with Rasa alone, also when the action server is down. Generated at set-up; never edit
the output by hand.

- The central phone number, from the region file.
- The retention periods (bot/privacy/retention_periods.py, CIP_RETENTION_DAYS and
  CIP_TICKET_RETENTION_DAYS), as the initial values of the slots `retention_days` and
  `ticket_retention_days`; the privacy answer about this chat (utter_privacy/chat_data) names them
  as {retention_days} and {ticket_retention_days}, which Rasa fills from the slots. Why slots
  written here, and not a fixed number with a test, or a custom action: a test only catches a
  changed default, not a region that sets the variable; and the answer is a retrieval answer that
  Rasa says itself, before any custom action of the turn runs. Written at set-up, the period in the
  answer is the one of the environment that `scripts/run` starts with: after changing it, run
  `scripts/run` again (or `cip region build` and `rasa train`, which then only updates the domain)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

import yaml

from bot import PROJECT_ROOT
from bot.privacy.retention_periods import DAYS_VARIABLE, TICKET_DAYS_VARIABLE, conversation_days, ticket_days
from bot.region.model import Region

OUTPUT = PROJECT_ROOT / "domain" / "region.generated.yml"


def domain_for(region: Region, environ: Mapping[str, str] = os.environ) -> dict:
    unavailable = (
        "Het lukt me nu niet om je vraag door te zetten. Er is niets bewaard.\n"
        f"Bel het Centraal Informatiepunt {region.name}: {region.shown(region.phone)}, "
        f"of mail naar {region.shown(region.email)}.\n"
        "Is er direct gevaar? Bel 112."
    )
    periods = {
        "retention_days": conversation_days(environ=environ),
        "ticket_retention_days": ticket_days(environ=environ),
    }
    return {
        "version": "3.1",
        "slots": {
            name: {
                "type": "text",
                "initial_value": str(days),
                "influence_conversation": False,
                "mappings": [{"type": "custom"}],
            }
            for name, days in periods.items()
        },
        "responses": {"utter_service_unavailable": [{"text": unavailable}]},
    }


def write_domain(region: Region, path: Path = OUTPUT) -> Path:
    header = (
        f"# Gemaakt uit region/region.yml en de bewaartermijnen ({DAYS_VARIABLE}, {TICKET_DAYS_VARIABLE})\n"
        "# door `cip region build`: niet met de hand aanpassen.\n"
    )
    path.write_text(header + yaml.safe_dump(domain_for(region), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
