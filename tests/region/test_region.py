"""The region file: the shipped example loads; every mistake a maintainer can make is reported
with the file, the line and a Dutch message; municipality names are found despite typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.region import RegionFileError, find_municipality, load_region
from bot.region.loader import DEFAULT_PATH

REGION = load_region()


def test_the_example_region_serves_three_real_municipalities_with_fictional_contacts():
    assert REGION.served_list() == "Aalten, Oost Gelre en Winterswijk"
    assert all(c.email.endswith("@example.org") for c in REGION.contacts)
    assert REGION.response_hours == 48


def broken(tmp_path: Path, old: str, new: str, count: int = 1) -> list[str]:
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path = tmp_path / "region.yml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    with pytest.raises(RegionFileError) as error:
        load_region(path)
    return error.value.problems


def line_of(text: str) -> int:
    return next(n for n, line in enumerate(DEFAULT_PATH.read_text(encoding="utf-8").splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            "    email: anna.devries@example.org",
            "    emial: anna.devries@example.org",
            "onbekend veld (tikfout?): emial; bedoel je email?",
        ),
        ("    email: anna.devries@example.org", "    email: anna.devries(at)example.org", "e-mailadres zoals"),
        (
            "    municipalities: [Aalten, Winterswijk]",
            "    municipalities: [Aalten, Winterswyk]",
            "'Winterswyk' is niet toegestaan",
        ),
        ("    themes: [absence]", "    themes: [verzuim]", "'verzuim' is niet toegestaan"),
        ('  phone: "0543-000000"', '  phone: "bel ons"', "telefoonnummer zoals"),
        ("    working_days: [ma, di, do]", "    working_days: [maandag]", "'maandag' is niet toegestaan"),
    ],
)
def test_a_typo_is_reported_with_file_line_and_dutch_message(tmp_path, old, new, expected):
    problems = broken(tmp_path, old, new)
    place = f"{tmp_path / 'region.yml'}:{line_of(old.strip())}:"
    assert any(p.startswith(place) and expected in p for p in problems), problems


def test_a_missing_required_field_is_reported(tmp_path):
    problems = broken(tmp_path, "    role: leerplichtambtenaar\n", "")
    assert any("verplicht veld ontbreekt: role" in p for p in problems), problems


def test_a_municipality_without_anyone_for_a_theme_is_reported(tmp_path):
    problems = broken(
        tmp_path,
        "    municipalities: [Aalten, Oost Gelre, Winterswijk]",
        "    municipalities: [Aalten, Winterswijk]",
        count=2,
    )
    assert any("niemand neemt vragen over absence aan voor Oost Gelre" in p for p in problems), problems


def test_a_duplicate_contact_id_is_reported(tmp_path):
    assert any("'anna' staat ook bij" in p for p in broken(tmp_path, "  - id: bram", "  - id: anna"))


def test_broken_yaml_is_reported_with_its_line(tmp_path):
    problems = broken(tmp_path, "    themes: [route, privacy]\n", "    themes: [route, privacy\n")
    assert "geen geldige YAML" in problems[0] and ":" in problems[0]


def test_a_missing_file_is_reported(tmp_path):
    with pytest.raises(RegionFileError, match="kan het bestand niet lezen"):
        load_region(tmp_path / "nergens.yml")


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("Winterswijk", "Winterswijk"),
        ("winterwijk", "Winterswijk"),
        ("ik woon in winterswyk", "Winterswijk"),
        ("oost gelre", "Oost Gelre"),
        ("OOSTGELRE", "Oost Gelre"),
        ("groenlo", "Oost Gelre"),
        ("aalten", "Aalten"),
        ("Dinxperlo", "Aalten"),
        ("Oost-Gelre", "Oost Gelre"),
        ("ik woon in Zieuwent", "Oost Gelre"),
        ("Mariënvelde", "Oost Gelre"),
        ("wij wonen in lievelde", "Oost Gelre"),
        ("meddo", "Winterswijk"),
        ("in Brinkheurne", "Winterswijk"),
        ("IJzerlo", "Aalten"),
        ("De Heurne", "Aalten"),
        ("Altena", None),
        ("Utrecht", None),
        ("ja", None),
        ("", None),
        ("mijn kind miste veel lessen", None),  # Miste (Winterswijk) is no alias: it is also a verb
    ],
)
def test_municipality_names_are_found_with_typos_and_without_capitals(typed, expected):
    assert find_municipality(REGION, typed) == expected


def test_an_edited_region_file_is_used_from_the_next_load_and_a_broken_edit_is_reported(tmp_path):
    path = tmp_path / "region.yml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    assert load_region(path).response_hours == 48
    assert load_region(path) is load_region(path)  # unchanged: not read again
    path.write_text(text.replace("response_hours: 48", "response_hours: 24"), encoding="utf-8")
    assert load_region(path).response_hours == 24
    path.write_text(text.replace("response_hours: 48", "response_hours: twee dagen"), encoding="utf-8")
    with pytest.raises(RegionFileError):
        load_region(path)
    path.unlink()
    with pytest.raises(RegionFileError, match="kan het bestand niet lezen"):
        load_region(path)


def test_the_example_region_names_its_doorstroompunt_and_vo_samenwerkingsverband_with_sources():
    from bot.domain.local_doors import describe_doors

    for municipality in REGION.municipalities.values():
        assert municipality.doors["rmc"].url == "https://www.lerenwerkt.nu"
        assert municipality.doors["swv_vo"].url == "https://www.swvslingeberkel.nl"
        assert all(door.source for door in municipality.doors.values()), municipality.name
    assert "Doorstroompunt (RMC): LerenWerkt" in describe_doors(REGION, "Oost Gelre", ("rmc",))


def test_the_rmc_door_is_optional(tmp_path):
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    start = text.index("      rmc:\n")
    end = text.index("\n\n", start)
    path = tmp_path / "region.yml"
    path.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    region = load_region(path)
    from bot.domain.local_doors import describe_doors

    assert "rmc" not in region.municipalities["Aalten"].doors
    assert describe_doors(region, "Aalten", ("rmc",)) is None
    assert "Leerplicht" in describe_doors(region, "Aalten")
