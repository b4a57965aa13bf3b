"""The shipped example region: its made-up people, numbers and addresses say "(voorbeeld)" where a
user reads them, and production mode refuses to start with it, naming every place to change."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from bot.domain.chat_message import unavailable_message
from bot.domain.local_doors import describe_doors
from bot.region import Door, load_region
from bot.region.loader import DEFAULT_PATH
from bot.region.production import ExampleRegionError, example_data, refuse_example_region
from bot.region.rasa_domain import domain_for
from bot.settings import Settings

EXAMPLE = load_region()
PRODUCTION = Settings({"CIP_PRODUCTION": "1"})


def real_region(tmp_path: Path) -> Path:
    """The example file as a region would fill it in: real addresses, no example flag."""
    text = DEFAULT_PATH.read_text(encoding="utf-8").replace("example.org", "oostachterhoek.nl")
    path = tmp_path / "region.yml"
    path.write_text(re.sub(r"(?m)^  example: true\n", "", text), encoding="utf-8")
    return path


def test_the_example_region_marks_made_up_numbers_and_people_where_users_read_them():
    assert EXAMPLE.example
    assert "0543-000000 (voorbeeld)" in unavailable_message(EXAMPLE)
    assert "informatiepunt@example.org (voorbeeld)" in unavailable_message(EXAMPLE)
    said = domain_for(EXAMPLE, environ={})["responses"]["utter_service_unavailable"][0]["text"]
    assert "0543-000000 (voorbeeld)" in said
    assert EXAMPLE.shown(EXAMPLE.contact("anna").name) == "Anna de Vries (voorbeeld)"


def test_a_door_phone_number_is_marked_only_in_the_example_region():
    aalten = EXAMPLE.municipalities["Aalten"]
    with_phone = replace(
        aalten, doors={**aalten.doors, "leerplicht": Door(name="Leerplicht Aalten", phone="0543-111111")}
    )
    example = replace(EXAMPLE, municipalities={**EXAMPLE.municipalities, "Aalten": with_phone})
    assert "Leerplicht Aalten (0543-111111 (voorbeeld))" in describe_doors(example, "Aalten", ("leerplicht",))
    real = replace(example, example=False)
    assert "Leerplicht Aalten (0543-111111)" in describe_doors(real, "Aalten", ("leerplicht",))


def test_a_real_region_shows_its_data_unmarked(tmp_path):
    region = load_region(real_region(tmp_path))
    assert not region.example
    assert region.shown("0543-000000") == "0543-000000"
    assert "(voorbeeld)" not in unavailable_message(region)


def test_production_refuses_the_example_region_naming_each_line_to_change():
    with pytest.raises(ExampleRegionError) as error:
        refuse_example_region(DEFAULT_PATH, PRODUCTION)
    text = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()
    problems = error.value.problems
    assert str(error.value).startswith("Productiemodus (CIP_PRODUCTION=1), maar het regiobestand")
    example_lines = [n for n, line in enumerate(text, 1) if "example.org" in line and not line.lstrip().startswith("#")]
    for number in example_lines:
        assert any(p.startswith(f"{DEFAULT_PATH}:{number}:") and "voorbeeldadres" in p for p in problems), number
    flag = next(n for n, line in enumerate(text, 1) if line.strip() == "example: true")
    assert any(p.startswith(f"{DEFAULT_PATH}:{flag}: region.example:") for p in problems), problems
    assert len(problems) == len(example_lines) + 1  # comments that mention example.org are not data


def test_outside_production_the_example_region_starts():
    refuse_example_region(DEFAULT_PATH, Settings({}))
    assert example_data(DEFAULT_PATH)  # but the data is still there to report


def test_production_starts_with_a_real_region(tmp_path):
    refuse_example_region(real_region(tmp_path), PRODUCTION)


def test_one_address_left_is_enough_to_refuse(tmp_path):
    path = real_region(tmp_path)
    path.write_text(
        path.read_text(encoding="utf-8").replace("dewi.bakker@oostachterhoek.nl", "dewi@example.com"), encoding="utf-8"
    )
    with pytest.raises(ExampleRegionError) as error:
        refuse_example_region(path, PRODUCTION)
    assert len(error.value.problems) == 1 and "contacts[3].email: 'dewi@example.com'" in error.value.problems[0]
