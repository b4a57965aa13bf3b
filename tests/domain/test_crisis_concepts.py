"""Crisis by concepts on the project's own crisis set: messages written from real people's point
of view (third person, teenagers' shorthand, a crisis at the end of a long question, sextortion,
weapons, other languages) and hard negatives that share words or subjects with a crisis."""

from __future__ import annotations

import pytest

from bench.crisis_set import score
from bot.domain.safety import CrisisKind, detect_crisis, names_danger
from tests.helpers.project import ROOT, load_yaml

OWN = load_yaml(ROOT / "tests" / "data" / "crisis_own.yml")
HELD_OUT = load_yaml(ROOT / "tests" / "data" / "crisis_heldout.yml")
# Floors for the held-out part, which nobody tuned to (bench/RESULTS.md): measured 83 % recall and
# 1 false alarm in 92 after the second round, which added 41 harder messages (first round's part
# unchanged at 48/55, second round's 32/41, was 18/41); a change that generalises worse fails here.
HELD_OUT_MIN_RECALL = 0.80
HELD_OUT_MAX_FALSE_ALARMS = 0.02


def _kind(text):
    kind = detect_crisis(text)
    return None if kind is None else kind.value


@pytest.mark.parametrize("item", OWN["messages"], ids=[m["text"][:60] for m in OWN["messages"]])
def test_every_crisis_message_of_the_own_set_gets_the_crisis_answer_with_its_kind(item):
    assert detect_crisis(item["text"]) == CrisisKind(item["kind"])


@pytest.mark.parametrize("item", OWN["negatives"], ids=[m["text"][:60] for m in OWN["negatives"]])
def test_no_hard_negative_of_the_own_set_raises_an_alarm(item):
    assert detect_crisis(item["text"]) is None


def test_the_own_set_has_enough_messages_of_every_kind_and_language():
    messages = OWN["messages"] + HELD_OUT["messages"]
    assert len(messages) >= 150 and len(OWN["negatives"] + HELD_OUT["negatives"]) >= 150
    assert {m["kind"] for m in messages} == {"suicide", "abuse", "danger"}
    assert {"nl", "en", "tr", "ar", "pl", "uk"} <= {m["lang"] for m in messages}
    texts = [m["text"] for m in messages]
    assert len(set(texts)) == len(texts)


def test_held_out_messages_are_caught_as_well_as_the_floor_says(capsys):
    table = score(HELD_OUT, _kind)
    hits, total = table["recall"]["all"]
    alarms, negatives = table["false alarms"]["all"]
    with capsys.disabled():
        print(f"\nheld-out crisis set: recall {hits}/{total}, false alarms {alarms}/{negatives}")
    assert hits / total >= HELD_OUT_MIN_RECALL
    assert alarms / negatives <= HELD_OUT_MAX_FALSE_ALARMS


@pytest.mark.parametrize(
    "text",
    [
        "dat huiswerk vermoordt me",
        "ik ben doodmoe",
        "ik ga dood van het lachen",
        "hij slaat de les over",
        "de school was gesloten door een bommelding",
        "he has a bruise from the football match",
    ],
)
def test_idioms_are_no_crisis(text):
    assert detect_crisis(text) is None


def test_a_lesson_or_talk_about_the_subject_is_no_crisis():
    assert detect_crisis("mijn dochter houdt een spreekbeurt over huiselijk geweld") is None
    assert detect_crisis("lesmateriaal over zelfmoordpreventie voor groep 8") is None


def test_a_question_about_the_procedure_is_no_crisis_but_a_case_that_happened_is():
    assert detect_crisis("wat moet ik doen als een leerling vertelt dat hij thuis geslagen wordt") is None
    assert detect_crisis("wat zegt de meldcode als een kind wordt mishandeld") is None
    assert detect_crisis("wat moet ik doen, een leerling vertelde vandaag dat hij thuis geslagen wordt") is not None
    assert detect_crisis("wat moet ik doen als mijn vader me weer slaat") is not None


def test_concepts_must_meet_in_one_sentence():
    # "vader" in one sentence and "geslagen" about a ball in the next is no abuse
    assert detect_crisis("Mijn vader brengt hem. Hij heeft de bal hard geslagen bij honkbal.") is None
    assert detect_crisis("Vraag over verlof. Mijn vader heeft me gisteren geslagen.") == CrisisKind.ABUSE


def test_no_hard_negative_lets_the_classifier_raise_an_alarm():
    assert [m["text"] for m in OWN["negatives"] if names_danger(m["text"])] == []


def test_only_a_message_naming_some_danger_lets_the_classifier_raise_an_alarm():
    assert names_danger("het gaat helemaal mis hier, help")
    assert names_danger("ik ben bang dat het uit de hand loopt")
    assert not names_danger("mag de moeder het rapport van haar zoon inzien")
    assert not names_danger("mijn vader wil het verlof aanvragen")
    assert not names_danger("de juf dreigt met nablijven")
    assert not names_danger("mag mijn zoon van 16 als slager met messen werken")
