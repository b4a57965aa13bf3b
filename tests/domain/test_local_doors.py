"""Which door a question for contact details asks for, and when a message does no more than name
a municipality (bot.domain.local_doors): the words decide, so no model is needed."""

from __future__ import annotations

import pytest

from bot.domain.local_doors import asked_doors, names_only_a_place
from bot.region import load_region


@pytest.mark.parametrize(
    "text, kinds",
    [
        ("wijkteam bellen", ("wijkteam",)),
        ("leerplicht nummer", ("leerplicht",)),
        ("Kunt u mij het telefoonnummer geven van het CJG in Oost Gelre?", ("wijkteam",)),
        ("ik zoek het zorgloket van de gemeente Winterswijk", ("wijkteam",)),
        ("hoe bereik ik de jeugdarts", ("jgz",)),
        ("contactpersoon swv oost gelre", ("swv_po", "swv_vo")),
    ],
)
def test_a_question_for_contact_details_names_the_door(text, kinds):
    assert asked_doors(text) == kinds


@pytest.mark.parametrize(
    "text",
    [
        "wat doet de leerplichtambtenaar",
        "mijn zoon spijbelt, gaat leerplicht ons een boete geven",
        "schoolbus bellen",
        "mag ik de leerplichtambtenaar zelf bellen of moet dat via de mentor",
        "de juf wil contact met het wijkteam opnemen over onze zoon, hij heeft al twee weken buikpijn voor school",
    ],
)
def test_a_door_without_a_question_for_its_contact_details_or_the_reverse_asks_no_door(text):
    assert asked_doors(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Winterswijk",
        "wij wonen in groenlo",
        "mijn kind gaat naar school in Aalten",
        "ik woon in Utrecht",
        "cjg winterswijk",
        "leerplicht aalten",
        "leerplichtambtenaar groenlo",
    ],
)
def test_a_message_that_only_names_where_the_user_lives_or_a_door_there(text):
    assert names_only_a_place(load_region(), text)


@pytest.mark.parametrize(
    "text",
    ["huiswerkbegeleiding in winterswijk?", "welke basisschool in groenlo is goed", "is er een moskee in Aalten"],
)
def test_a_question_that_names_a_place_is_more_than_a_place(text):
    assert not names_only_a_place(load_region(), text)
