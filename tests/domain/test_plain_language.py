"""Every answer at B1 (issue 16): at most 80 words, short sentences, "je", terms explained the
first time, links that show the source's name; a longer subject has a "Meer hierover" part that
keeps the same rules. The rules themselves are checked on made-up texts that break them."""

from __future__ import annotations

import pytest

from bot.domain.more_parts import BUTTON_TITLE, SUFFIX, key_of_button
from bot.domain.plain_language import glossary, problems, sentences, words
from tests.helpers.project import ROOT, is_dutch, load_yaml

# The crisis answer gives every safety number at once, whole: it has its own tests and is not cut.
NOT_CHECKED = {"crisis.yml"}


def _responses() -> dict:
    found = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        if path.name not in NOT_CHECKED:
            found.update((load_yaml(path) or {}).get("responses") or {})
    return found


RESPONSES = _responses()


def _is_answer(name: str, variations: list) -> bool:
    """An answer: a theme's answer (or its further part), or any response that names sources."""
    return "/" in name or any((v.get("metadata") or {}).get("sources") for v in variations)


ANSWERS = [
    (name, v)
    for name, variations in RESPONSES.items()
    if _is_answer(name, variations)
    for v in variations
    if "text" in v and is_dutch(v)
]


def _short_part(name: str) -> str:
    """The text a user saw right before a "Meer hierover" part (its answer's short part)."""
    return RESPONSES[name[: -len(SUFFIX)]][0]["text"] if name.endswith(SUFFIX) else ""


def test_the_check_sees_every_answer():
    themes = {name.split("/")[0] for name, _ in ANSWERS if "/" in name}
    assert themes >= {"utter_route", "utter_privacy", "utter_absence"}
    assert len(ANSWERS) >= 39


@pytest.mark.parametrize("name, variation", ANSWERS, ids=[name for name, _ in ANSWERS])
def test_every_answer_is_plain_dutch(name, variation):
    assert problems(variation["text"], before=_short_part(name)) == []


def test_a_long_answer_has_its_further_part_and_a_button_to_it():
    buttons = {
        name: key_of_button(button["payload"])
        for name, variations in RESPONSES.items()
        for v in variations
        for button in v.get("buttons") or []
        if button.get("title") == BUTTON_TITLE
    }
    assert len(buttons) >= 25
    for name, key in buttons.items():
        assert name == f"utter_{key}", (name, key)
        assert f"utter_{key}{SUFFIX}" in RESPONSES, name
    further = [name for name in RESPONSES if name.endswith(SUFFIX)]
    assert sorted(further) == sorted(f"{name}{SUFFIX}" for name in buttons)


def test_every_part_names_its_source_by_name():
    for name, variation in ANSWERS:
        sources = (variation.get("metadata") or {}).get("sources")
        if sources:
            assert f"]({sources[0]})" in variation["text"].split("Meer lezen bij [")[-1], name


# --- the rules, on texts that break them ---------------------------------------------------


def test_an_answer_that_keeps_the_rules_has_no_problems():
    text = (
        "Een toelaatbaarheidsverklaring (TLV) is nodig voor het speciaal onderwijs.\n"
        "- Het schoolbestuur vraagt de TLV aan.\n"
        "- Volgende stap: praat met de school.\n\n"
        "Meer lezen bij [Onderwijsconsulenten](https://onderwijsconsulenten.nl/advies/)"
    )
    assert problems(text) == []


def test_more_than_80_words_is_too_long():
    text = " ".join(["Je kind gaat naar school."] * 17)  # 85 words, 5 a sentence
    assert [p for p in problems(text) if "85 woorden" in p]
    assert problems(" ".join(["Je kind gaat naar school."] * 16)) == []


def test_the_more_reading_line_is_not_counted():
    text = " ".join(["Je kind gaat naar school."] * 16) + "\n\nMeer lezen bij [NJi](https://www.nji.nl/a)"
    assert problems(text) == []


def test_long_sentences_are_too_long_on_average():
    text = "Je kind mag buiten de schoolvakanties alleen op vakantie als de directeur van de school daar vooraf verlof voor geeft."
    assert [p for p in problems(text) if "gemiddeld" in p]


def test_every_list_item_is_a_sentence():
    text = "De regels:\n- maximaal 1 keer per schooljaar;\n- maximaal 10 dagen;\n1. niet in de eerste 2 weken"
    assert sentences(text) == [
        "De regels:",
        "maximaal 1 keer per schooljaar;",
        "maximaal 10 dagen;",
        "niet in de eerste 2 weken",
    ]
    assert words("- maximaal 10 dagen") == ["maximaal", "10", "dagen"]


@pytest.mark.parametrize("text", ["Kunt u de school bellen?", "Vraag het aan uw school.", "U mag dit inzien."])
def test_the_user_is_never_u(text):
    assert [p for p in problems(text) if "met u" in p]


@pytest.mark.parametrize(
    "text",
    [
        "De school vraagt een TLV aan.",
        "DUO geeft de melding door.",
        "Bel het wijkteam van je gemeente.",
        "De leerplichtambtenaar belt je op.",
        "Je kunt ook advies vragen aan Veilig Thuis.",
        "Het SWV beslist. Dat duurt even. Een samenwerkingsverband (SWV) is een groep scholen.",
    ],
)
def test_a_term_not_explained_where_it_is_first_used_is_named(text):
    found = problems(text)
    assert [p for p in found if "wordt niet uitgelegd" in p], found


@pytest.mark.parametrize(
    "text",
    [
        "De school vraagt een TLV (toelaatbaarheidsverklaring) aan.",
        "De school vraagt een toelaatbaarheidsverklaring (TLV) aan.",
        "Dan belt de leerplichtambtenaar: die let op of kinderen naar school gaan.",
        "Een beschikking is een besluit van de gemeente.",
        "De gemeente beslist met een beschikking. Dat is een besluit over jeugdhulp.",
        "Dan kan je kind naar Halt. Halt is een straf van maximaal 20 uur.",
        "Het wijkteam, dat is de hulp van de gemeente in de buurt, helpt je.",
    ],
)
def test_a_term_explained_where_it_is_first_used_is_fine(text):
    assert problems(text) == []


def test_a_term_explained_in_the_short_part_counts_in_the_further_part():
    short = "Het wijkteam (hulp van de gemeente in de buurt) helpt je."
    assert problems("Bel het wijkteam.", before=short) == []
    assert problems("Bel het wijkteam.") != []


def test_a_raw_url_is_named_and_a_named_link_is_fine():
    assert [p for p in problems("Meer lezen: https://www.halt.nl/verwijzers/") if "Kale link" in p]
    assert [p for p in problems("Kijk op www.halt.nl voor meer.") if "Kale link" in p]
    assert problems("Meer lezen bij [Halt](https://www.halt.nl/verwijzers/)") == []


def test_the_glossary_has_the_terms_the_answers_use_and_an_explanation_for_each():
    terms = {t.term for t in glossary()}
    assert {"TLV", "OPP", "SWV", "DUO", "wijkteam", "CJG", "GGD", "JGZ", "leerplichtambtenaar", "RMC", "IB"} <= terms
    assert {"zorgcoördinator", "Veilig Thuis", "meldcode", "AVG", "beschikking", "samenwerkingsverband"} <= terms
    assert {"Halt", "proces-verbaal"} <= terms
    assert all(t.explanation for t in glossary())
