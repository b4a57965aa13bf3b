"""Writes the part of the Rasa domain that comes from the region file, so that the assistant can
give the central phone number even when the action server is down (then only the Rasa server,
with its domain, can answer). Generated at set-up; never edit the output by hand."""
from __future__ import annotations

from pathlib import Path

import yaml

from bot import PROJECT_ROOT
from bot.region.model import Region

OUTPUT = PROJECT_ROOT / "domain" / "region.generated.yml"


def domain_for(region: Region) -> dict:
    unavailable = (
        "Het lukt me nu niet om je vraag door te zetten. Er is niets bewaard.\n"
        f"Bel het Centraal Informatiepunt {region.name}: {region.phone}, of mail naar {region.email}.\n"
        "Is er direct gevaar? Bel 112."
    )
    return {"version": "3.1", "responses": {"utter_service_unavailable": [{"text": unavailable}]}}


def write_domain(region: Region, path: Path = OUTPUT) -> Path:
    header = "# Gemaakt uit region/region.yml door `cip region build`: niet met de hand aanpassen.\n"
    path.write_text(header + yaml.safe_dump(domain_for(region), allow_unicode=True, sort_keys=False),
                    encoding="utf-8")
    return path
