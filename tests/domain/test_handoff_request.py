"""A request for a person is found in the user's words, also with a story, and the story becomes
the ticket's question so that the form does not ask it again."""

from __future__ import annotations

import pytest

from bot.domain.handoff import prefilled_slots
from bot.domain.handoff_request import asks_for_person, question_in_request


@pytest.mark.parametrize(
    "text",
    [
        "kan iemand mij terugbellen over de aanvraag voor verlof",
        "ik wil graag iemand spreken, mijn zoon zit al weken thuis en school doet niks",
        "liever iemand aan de telefoon dan deze chat",
        "kunnen jullie mij even bellen? het gaat over de tlv",
        "graag contact met mij opnemen over mijn dochter",
        "ik wil met een medewerker praten",
        "ik heb een tolk nodig",
        "bel me aub terug",
        "kan de jeugdarts mij morgen even bellen, het is dringend",
        "is er een meneer of mevrouw met wie we kunnen spreken over het dossier",
        "jeugdteam aalten spreken",
        "terugbellen",
    ],
)
def test_a_request_for_a_person_is_found(text):
    assert asks_for_person(text)


@pytest.mark.parametrize(
    "text",
    [
        "moet ik de leerplichtambtenaar bellen?",
        "mag de school mij bellen over verzuim zonder toestemming",
        "wie is de contactpersoon op school voor passend onderwijs",
        "hoe lang duurt een aanvraag voor jeugdhulp",
        "mijn zoon wil niet naar school",
        "de mentor plant een gesprek met iemand van het swv, moet ik erbij zijn",
    ],
)
def test_a_question_that_mentions_calling_is_not_a_request(text):
    assert not asks_for_person(text)


def test_the_story_of_a_request_becomes_the_question_and_a_bare_request_asks_it():
    assert question_in_request("kan iemand me bellen over het verlof voor de bruiloft van mijn zus") is not None
    assert question_in_request("bel me aub ff over de tlv") is not None
    assert question_in_request("ik wil iemand spreken") is None
    assert question_in_request("kunt u mij bellen alstublieft") is None


def test_the_form_gets_the_question_and_the_theme_of_the_answer_that_fits():
    text = "kan iemand mij terugbellen over het verlof voor de bruiloft van mijn zus"
    slots = prefilled_slots(text, {"kind": "answer", "key": "absence/special_leave"})
    assert slots == {"handoff_question": text, "handoff_theme": "absence"}
    # two themes in the offered answers: the form asks the theme
    both = prefilled_slots(text, {"kind": "clarify", "offered": ["absence/special_leave", "privacy/inzage"]})
    assert both == {"handoff_question": text}
    assert prefilled_slots("ik wil iemand spreken", {"kind": "answer", "key": "route/opp"}) == {}
