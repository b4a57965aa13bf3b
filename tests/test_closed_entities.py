"""Role, school type and age by fixed phrases (bot/nlu/closed_entities.py), with the words of the
real training data: the role is only the user's own, an age only a number said as an age."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.closed_entities import ClosedClassEntityExtractor, ClosedClassMatcher, words_from

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def training_data():
    return load_data(str(ROOT / "data" / "nlu"))


@pytest.fixture(scope="module")
def matcher(training_data):
    return ClosedClassMatcher(words_from(training_data))


def found(matcher, text):
    return [(e["entity"], e["value"]) for e in matcher.entities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ik ben juf van groep 3, wat moet ik doen", [("rol", "leerkracht")]),
        ("Ik ben de moeder van Sem", [("rol", "ouder")]),
        ("wij zijn ouders van een meisje", [("rol", "ouder")]),
        ("ik ben pleegmoeder", [("rol", "ouder")]),
        ("wat moet ik als mentor doen bij verzuim", [("rol", "mentor")]),
        ("ik ben ib'er op een basisschool", [("rol", "intern_begeleider"), ("schooltype", "po")]),
        ("leerkracht", [("rol", "leerkracht")]),  # the answer to the form's question
        # mentioned, not the user's own role
        ("de juf belde de jeugdarts over mijn dochter", []),
        ("als de mentor belt, wat moet ik dan zeggen", []),
        ("mijn vader slaat mij", []),
    ],
)
def test_the_role_is_the_users_own(matcher, text, expected):
    assert found(matcher, text) == expected


def test_a_teacher_mentioning_a_father_is_a_teacher(matcher):
    assert found(matcher, "ik ben leerkracht, een vader vraagt vakantieverlof aan") == [("rol", "leerkracht")]


@pytest.mark.parametrize(
    "text, age",
    [
        ("mijn zoon van 13 is geschorst", "13"),
        ("hij is 16, mag hij stoppen", "16"),
        ("ik ben 15 en spijbel", "15"),
        ("mijn kleuter is net 4 geworden", "4"),
        ("14", "14"),
        ("14 jaar", "14"),
        ("hij is al 17", "17"),
        ("nu hij 10 is moet hij naar de jeugdarts", "10"),
        ("een 15-jarige leerling", "15"),
    ],
)
def test_a_number_said_as_an_age_is_the_age(matcher, text, age):
    assert found(matcher, text) == [("leeftijd", age)]


@pytest.mark.parametrize(
    "text",
    [
        "hij heeft 12 uur gemist in 4 weken",
        "zij zit in groep 8",
        "vrijstelling op grond van 5 onder a",
        "hij zit al 2 jaar thuis",
        "de school is open van 8 tot 15",
        "ben er om 8:30",
        "tot zijn 18e",
    ],
)
def test_other_numbers_are_no_age(matcher, text):
    assert [e for e in matcher.entities(text) if e["entity"] == "leeftijd"] == []


def test_school_types_come_out_canonical(matcher):
    assert found(matcher, "mijn dochter gaat naar de middelbare school") == [("schooltype", "vo")]
    assert found(matcher, "zit op het speciaal onderwijs") == [("schooltype", "so")]


def test_the_component_keeps_its_words_in_the_model(training_data, tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("closed_entities")
    context = ExecutionContext(graph_schema=None, model_id="test")
    ClosedClassEntityExtractor.create({}, storage, resource, context).train(training_data)
    loaded = ClosedClassEntityExtractor.load({}, storage, resource, context)
    message = Message({"text": "ik ben docent, een leerling van 17 zit op de havo"})
    loaded.process([message])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [
        ("rol", "leerkracht"),
        ("leeftijd", "17"),
        ("schooltype", "vo"),
    ]
