"""The region's answers file as its maintainer uses it: a text of their own, a sentence for one
municipality, an answer switched off; every mistake refused with the file, the line and a Dutch
message, and then the previous answers stay (also after a restart)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.domain import plain_language
from bot.region import load_region
from bot.region.answers import (
    AnswersFileError,
    LiveLibrary,
    accepted_copy,
    domain_response_names,
    load_library,
    with_local_sentence,
)

MUNICIPALITIES = load_region().municipality_names
RESPONSES = {
    "utter_absence/leerplichtambtenaar": [
        {
            "text": "De leerplichtambtenaar controleert de leerplicht.\n\nMeer lezen bij [NJi](https://www.nji.nl)",
            "metadata": {"sources": ["https://www.nji.nl"]},
        }
    ],
    "utter_route/onderwijsconsulent": [{"text": "Onderwijsconsulenten helpen gratis."}],
    "utter_ask_gemeente": [
        {"condition": [{"type": "slot", "name": "form_language", "value": "en"}], "text": "In which municipality?"},
        {"text": "In welke gemeente woon je?"},
    ],
}
GOOD = """\
version: 1
answers:
  utter_absence/leerplichtambtenaar:
    text: |-
      In onze regio helpt de gemeente je bij vragen over school.

      Meer lezen bij [LerenWerkt](https://www.lerenwerkt.nu/scholen/)
    sources:
    - https://www.lerenwerkt.nu/scholen/
    local:
      Winterswijk:
        text: In Winterswijk kun je ook terecht bij het inloopspreekuur op het gemeentehuis.
        source: https://www.winterswijk.nl
  utter_route/onderwijsconsulent:
    off: true
  utter_ask_gemeente:
    text: In welke gemeente woon je, of in welke gemeente staat de school?
    sources: [https://www.aalten.nl]
"""


def write(tmp_path: Path, text: str, name: str = "answers.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(path: Path):
    return load_library(path, set(RESPONSES), MUNICIPALITIES)


def test_the_shipped_answers_file_fits_the_domain_and_the_region():
    assert load_library(None, domain_response_names(), MUNICIPALITIES).changes == {}


def test_no_answers_file_changes_nothing(tmp_path):
    assert load(tmp_path / "missing.yml").changes == {}


def test_a_maintainers_text_and_sources_replace_the_answer_but_not_its_other_language(tmp_path):
    changed = load(write(tmp_path, GOOD)).applied_to(RESPONSES)
    answer = changed["utter_absence/leerplichtambtenaar"][0]
    assert answer["text"].startswith("In onze regio helpt de gemeente je")
    assert answer["metadata"]["sources"] == ["https://www.lerenwerkt.nu/scholen/"]
    english, dutch = changed["utter_ask_gemeente"]
    assert english["text"] == "In which municipality?"
    assert dutch["text"].startswith("In welke gemeente woon je, of")
    assert changed["utter_route/onderwijsconsulent"] == RESPONSES["utter_route/onderwijsconsulent"]
    assert RESPONSES["utter_absence/leerplichtambtenaar"][0]["text"].startswith("De leerplichtambtenaar")


def test_the_local_sentence_is_only_for_its_municipality_and_stands_above_the_source(tmp_path):
    library = load(write(tmp_path, GOOD))
    sentence = library.local_sentence("utter_absence/leerplichtambtenaar", "Winterswijk")
    assert sentence.startswith("In Winterswijk kun je ook terecht")
    assert library.local_sentence("utter_absence/leerplichtambtenaar", "Aalten") is None
    assert library.local_sentence("utter_absence/leerplichtambtenaar", None) is None
    assert library.local_sentence("utter_route/onderwijsconsulent", "Winterswijk") is None
    text = RESPONSES["utter_absence/leerplichtambtenaar"][0]["text"]
    assert with_local_sentence(text, sentence) == (
        "De leerplichtambtenaar controleert de leerplicht.\n"
        + sentence
        + "\n\nMeer lezen bij [NJi](https://www.nji.nl)"
    )
    assert with_local_sentence("Zonder bron.", sentence) == "Zonder bron.\n" + sentence


def test_an_answer_switched_off(tmp_path):
    library = load(write(tmp_path, GOOD))
    assert library.is_off("utter_route/onderwijsconsulent")
    assert not library.is_off("utter_absence/leerplichtambtenaar") and not library.is_off("utter_greet")


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    "old, new, at, expected",
    [
        (
            "  utter_route/onderwijsconsulent:",
            "  utter_route/onderwijsconsulnt:",
            "onderwijsconsulnt",
            "onbekend antwoord utter_route/onderwijsconsulnt; bedoel je utter_route/onderwijsconsulent?",
        ),
        ("      Winterswijk:", "      Winterswyk:", "Winterswyk", "bedoel je Winterswijk?"),
        (
            "        text: In Winterswijk kun je ook terecht bij het inloopspreekuur op het gemeentehuis.",
            "        text: Kijk op www.winterswijk.nl voor het spreekuur.",
            "Kijk op",
            "link 'www.winterswijk.nl' werkt niet goed",
        ),
        (
            "    - https://www.lerenwerkt.nu/scholen/",
            "    - http://www.lerenwerkt.nu/scholen/",
            "http://",
            "webadres dat begint met https://",
        ),
        (
            "        source: https://www.winterswijk.nl",
            "        source: https://winterswijk",
            "source:",
            "geen werkend",
        ),
        ("    sources: [https://www.aalten.nl]\n", "", "utter_ask_gemeente", "bij text hoort ook sources"),
        ("    off: true", "    off: ja", "off:", "verwacht true of false"),
        (
            "    off: true",
            "    off: true\n    text: Toch een tekst.\n    sources: [https://www.nji.nl]",
            "off:",
            "uit staat",
        ),
        (
            "        source: https://www.winterswijk.nl",
            "        bron: https://www.winterswijk.nl",
            "bron:",
            "onbekend veld",
        ),
        ("    local:", "    local: [", "local: [", "geen geldige YAML"),
    ],
)
def test_a_mistake_is_refused_with_file_line_and_dutch_message(tmp_path, old, new, at, expected):
    assert old in GOOD, old
    text = GOOD.replace(old, new, 1)
    path = write(tmp_path, text)
    with pytest.raises(AnswersFileError) as error:
        load(path)
    assert str(error.value).startswith(f"Het antwoordenbestand {path} bevat")
    assert any(expected in p for p in error.value.problems), error.value.problems
    if "YAML" not in expected:  # a YAML error is at the place the parser gives up
        place = f"{path}:{line_of(text, at)}:"
        assert any(p.startswith(place) and expected in p for p in error.value.problems), (place, error.value.problems)


def test_a_text_that_is_not_b1_is_refused_with_what_the_b1_checker_says(tmp_path):
    long_text = "Dit antwoord is veel te lang voor een ouder op een telefoon. " * 8
    text = GOOD.replace("      In onze regio helpt de gemeente je bij vragen over school.", "      " + long_text)
    path = write(tmp_path, text)
    with pytest.raises(AnswersFileError) as error:
        load(path)
    said = plain_language.problems(long_text + "\n\nMeer lezen bij [LerenWerkt](https://www.lerenwerkt.nu/scholen/)")
    assert said
    assert f"{path}:{line_of(text, 'text: |-')}: answers.utter_absence/leerplichtambtenaar.text: {said[0]}" in (
        error.value.problems
    )


def test_the_running_assistant_takes_a_change_and_refuses_a_broken_one(tmp_path, caplog):
    path = write(tmp_path, GOOD)
    live = LiveLibrary(path, set(RESPONSES), lambda: MUNICIPALITIES)
    assert live.current().is_off("utter_route/onderwijsconsulent")

    edit(path, GOOD.replace("    off: true", "    off: false"))
    assert not live.current().is_off("utter_route/onderwijsconsulent")

    edit(path, GOOD.replace("      Winterswijk:", "      Winterswyk:"))
    assert not live.current().is_off("utter_route/onderwijsconsulent")  # the previous answers stay
    assert live.current().local_sentence("utter_absence/leerplichtambtenaar", "Winterswijk")
    assert f"{path}:" in caplog.text and "bedoel je Winterswijk?" in caplog.text
    assert "vorige antwoorden" in caplog.text


def test_after_a_restart_a_broken_file_gives_the_last_accepted_answers(tmp_path, caplog):
    path = write(tmp_path, GOOD)
    LiveLibrary(path, set(RESPONSES), lambda: MUNICIPALITIES)
    assert accepted_copy(path).read_text(encoding="utf-8") == GOOD
    edit(path, GOOD.replace("version: 1", "version: 2"))
    restarted = LiveLibrary(path, set(RESPONSES), lambda: MUNICIPALITIES)
    assert restarted.current().is_off("utter_route/onderwijsconsulent")
    assert f"{path}:1: version" in caplog.text


def test_without_any_accepted_file_a_broken_file_gives_the_domains_own_answers(tmp_path):
    path = write(tmp_path, "version: 1\nanswers:\n  utter_greet: {}\n")
    assert LiveLibrary(path, set(RESPONSES), lambda: MUNICIPALITIES).current().changes == {}


def test_removing_the_file_gives_the_domains_own_answers_again(tmp_path):
    path = write(tmp_path, GOOD)
    live = LiveLibrary(path, set(RESPONSES), lambda: MUNICIPALITIES)
    path.unlink()
    assert live.current().changes == {}
    assert not accepted_copy(path).exists()  # a restart does not bring the old changes back


def edit(path: Path, text: str) -> None:
    """Write `text` so that the file looks changed also within one clock tick."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
