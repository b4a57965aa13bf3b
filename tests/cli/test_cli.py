"""The `cip` command as contact persons and maintainers use it: installed with the project, Dutch
output, a non-zero exit and a clear message on every mistake."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.service import HandoffRequest, create_ticket
from tests.helpers.cli import cip


@pytest.fixture
def ticket_reference(database_url):
    with session(database_url) as db:
        ticket, _ = create_ticket(
            db,
            load_region(),
            HandoffRequest(
                submission_key="cli",
                municipality="Aalten",
                theme="absence",
                role="ouder",
                question="Mag ik verlof voor een bruiloft?",
                name="Noor",
                contact="06-12345678",
                consent=False,
            ),
        )
        return ticket.reference


def test_region_check_says_the_example_file_is_correct(database_url):
    result = cip("region", "check", database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert "Regiobestand in orde" in result.stdout and "Aalten, Oost Gelre en Winterswijk" in result.stdout


def test_region_check_of_a_broken_file_fails_with_the_line(database_url, tmp_path):
    bad = tmp_path / "region.yml"
    bad.write_text(
        Path("region/region.yml").read_text(encoding="utf-8").replace("themes: [absence]", "themes: [verzuim]"),
        encoding="utf-8",
    )
    result = cip("region", "check", "--file", str(bad), database_url=database_url)
    assert result.returncode == 1
    assert f"{bad}:" in result.stderr and "'verzuim' is niet toegestaan" in result.stderr


def test_region_check_checks_the_answers_file_with_file_and_line(database_url, tmp_path):
    answers = tmp_path / "answers.yml"
    answers.write_text(
        "version: 1\nanswers:\n  utter_absence/leerplichtambtenaar:\n    local:\n      Winterswyk:\n"
        "        text: In Winterswijk kun je ook naar het spreekuur.\n        source: https://www.winterswijk.nl\n",
        encoding="utf-8",
    )
    result = cip("region", "check", "--answers", str(answers), database_url=database_url)
    assert result.returncode == 1
    assert f"Fout: Het antwoordenbestand {answers} bevat 1 fout(en)" in result.stderr
    assert f"{answers}:5: answers.utter_absence/leerplichtambtenaar.local.Winterswyk" in result.stderr
    assert "bedoel je Winterswijk?" in result.stderr
    answers.write_text(answers.read_text(encoding="utf-8").replace("Winterswyk", "Winterswijk"), encoding="utf-8")
    result = cip("region", "check", "--answers", str(answers), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert "Antwoordenbestand in orde" in result.stdout and "1 lokale zin(nen)" in result.stdout


def test_production_mode_refuses_the_example_region(database_url):
    result = cip("region", "check", database_url=database_url, CIP_PRODUCTION="1")
    assert result.returncode == 1
    assert "Productiemodus (CIP_PRODUCTION=1)" in result.stderr and "voorbeeldadres" in result.stderr
    started = cip("actions", "--port", "1", database_url=database_url, CIP_PRODUCTION="1")
    assert started.returncode == 1 and "example: true weg" in started.stderr


def test_a_contact_person_lists_shows_takes_notes_and_closes_their_ticket(database_url, ticket_reference):
    listed = cip("tickets", "list", "--as", "bram", database_url=database_url)
    assert ticket_reference in listed.stdout and "ontvangen, nog niet opgepakt" in listed.stdout
    shown = cip("tickets", "show", ticket_reference, "--as", "bram", database_url=database_url)
    assert "Mag ik verlof voor een bruiloft?" in shown.stdout and "06-12345678" in shown.stdout
    assert "(geen toestemming gegeven)" in shown.stdout
    for args in (("take",), ("note", "Moeder gebeld"), ("close",)):
        result = cip("tickets", args[0], ticket_reference, *args[1:], "--as", "bram", database_url=database_url)
        assert result.returncode == 0, result.stderr
    history = cip("tickets", "show", ticket_reference, "--as", "bram", database_url=database_url).stdout
    assert "afgerond" in history and "notitie     door bram: Moeder gebeld" in history
    assert ticket_reference not in cip("tickets", "list", "--as", "bram", database_url=database_url).stdout
    assert ticket_reference in cip("tickets", "list", "--all", "--as", "bram", database_url=database_url).stdout


def test_another_contact_person_cannot_see_or_change_the_ticket(database_url, ticket_reference):
    assert ticket_reference not in cip("tickets", "list", "--as", "anna", database_url=database_url).stdout
    for command in ("show", "take", "close"):
        result = cip("tickets", command, ticket_reference, "--as", "anna", database_url=database_url)
        assert result.returncode == 1 and "niet jouw ticket" in result.stderr
        assert "Noor" not in result.stdout + result.stderr


def test_mistakes_get_a_dutch_message(database_url, ticket_reference):
    unknown = cip("tickets", "list", "--as", "nobody", database_url=database_url)
    assert unknown.returncode == 1 and "onbekende contactpersoon 'nobody'" in unknown.stderr
    missing = cip("tickets", "show", "CIP-2026-999999", "--as", "bram", database_url=database_url)
    assert missing.returncode == 1 and "geen ticket met referentie" in missing.stderr


def test_outbox_send_without_smtp_says_what_to_set(database_url, ticket_reference):
    result = cip("outbox", "send", database_url=database_url, CIP_SMTP_HOST="")
    assert result.returncode == 1 and "CIP_SMTP_HOST" in result.stderr and "Nog wachtend: 1" in result.stdout
