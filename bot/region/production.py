"""Production mode refuses the example region: with CIP_PRODUCTION=1 no server starts while the
region file still holds example.org addresses or says it is the example region, because users
would be sent to made-up contact persons, numbers and addresses. Every such place is named with
the file and line, in Dutch, with what to change."""

from __future__ import annotations

import re
from pathlib import Path

from bot.region.loader import RegionFileError, dotted, line_number, line_of, read_yaml, region_path
from bot.settings import Settings, settings

EXAMPLE_ADDRESS = re.compile(r"\bexample\.(?:org|com|net)\b", re.IGNORECASE)  # RFC 2606


class ExampleRegionError(RegionFileError):
    """Production mode with example data in the region file."""

    what = "Productiemodus (CIP_PRODUCTION=1), maar het regiobestand"


def example_data(path: Path | None = None) -> list[str]:
    """Every place in the region file that is example data, as Dutch lines with file and line."""
    path = Path(path or region_path())
    document = read_yaml(path)
    problems = [
        f"{path}:{line_of(document, where)}: {dotted(where)}: {value!r} is een voorbeeldadres; vul het echte adres in"
        for where, value in _strings(document, [])
        if EXAMPLE_ADDRESS.search(value)
    ]
    if (document.get("region") or {}).get("example"):
        problems.append(
            f"{path}:{line_of(document, ['region', 'example'])}: region.example: dit is nog de voorbeeldregio; "
            "vervang de verzonnen contactpersonen en telefoonnummers en haal dan example: true weg"
        )
    return sorted(problems, key=line_number)


def refuse_example_region(path: Path | None = None, environment: Settings = settings) -> None:
    """Raises ExampleRegionError in production mode when the region file holds example data."""
    if not environment.production:
        return
    problems = example_data(path)
    if problems:
        raise ExampleRegionError(Path(path or region_path()), problems)


def _strings(node, where: list):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, [*where, key])
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, [*where, i])
    elif isinstance(node, str):
        yield where, node
