"""The learned crisis model, trained here from the project's corpus as ``rasa train`` trains it:
with the crisis net it reaches a writer nobody trained or tuned on, it leaves ordinary questions and
short answers to the hand-off form alone, and it reads every script."""

from __future__ import annotations

import pytest

from bench.crisis_set import (
    HELD_OUT_4,
    HELD_OUT_5,
    HELD_OUT_6,
    HELD_OUT_7,
    HELD_OUT_8,
    HELD_OUT_9,
    HELD_OUT_10,
    detectors,
    ordinary_examples,
    score,
    trained_model,
)
from bot.domain.crisis_model import CrisisModel
from bot.domain.safety import learned_crisis
from bot.domain.text_features import prepare
from tests.helpers.project import load_yaml

# The held-out writers (bench/RESULTS.md, "the learned crisis model" and "round 5"): round 4's
# fourth, the net alone 72 of 150, with the model 126 (false alarms on that writer's hard
# negatives 17 -> 20 of 99); round 5's third, the net alone 65, with the model 134 (16 -> 23 of 100);
# round 6's fourth (stop 16, with rounds 4-6 trained on), the net alone 76 of 140, with the model 127
# (12 -> 14 of 120); round 7's third (stop 17, rounds 4-7 trained on), with the model 118 of 140,
# false alarms 21 of 119 (before round 7 was trained on: 116, 23); round 8's third (stop 18, rounds
# 4-8 trained on, strength 100), 86 of 98, false alarms 9 of 69 (before round 8: 85, 9); round 9's
# fourth (stop 19, rounds 4-9 trained on), 44 of 44, false alarms 8 of 89 (before round 9: 44, 13);
# round 10's fourth (stop 20, rounds 4-10 trained on), 38 of 40, false alarms 8 of 90 with the model
# overruling the net (before round 10 and the overrule: 38, 13).
HELD_OUT_FLOORS = {
    HELD_OUT_4: (0.80, 0.26),
    HELD_OUT_5: (0.85, 0.27),
    HELD_OUT_6: (0.86, 0.16),
    HELD_OUT_7: (0.82, 0.20),
    HELD_OUT_8: (0.84, 0.16),
    HELD_OUT_9: (0.93, 0.13),
    HELD_OUT_10: (0.92, 0.12),
}  # least recall, most false alarms


@pytest.fixture(scope="module")
def model() -> CrisisModel:
    return trained_model()


@pytest.mark.parametrize("held_out", sorted(HELD_OUT_FLOORS), ids=lambda path: path.stem)
def test_the_model_adds_the_crisis_messages_of_a_writer_nobody_trained_on(model, held_out, capsys):
    min_recall, max_false_alarms = HELD_OUT_FLOORS[held_out]
    data = load_yaml(held_out)
    alone, both = score(data, detectors(None)["crisis"]), score(data, detectors(model)["crisis"])
    hits, total = both["recall"]["all"]
    alarms, negatives = both["false alarms"]["all"]
    with capsys.disabled():
        print(
            f"\n{held_out.stem}: recall {alone['recall']['all'][0]} -> {hits} of {total}, false alarms {alarms}/{negatives}"
        )
    assert hits > alone["recall"]["all"][0]
    assert hits / total >= min_recall
    assert alarms / negatives <= max_false_alarms


def test_no_ordinary_question_of_the_held_out_nlu_set_becomes_a_crisis(model):
    texts = ordinary_examples()["tests/nlu"]
    alarms = [t for t, p in zip(texts, model.probabilities(texts)) if learned_crisis(t, p)]
    assert alarms == []


@pytest.mark.parametrize(
    "text",
    [
        "bel me maar morgen tussen 9 en 10",
        "mijn vrouw is er overdag, vraag naar haar",
        "ik ben haar stiefvader",
        "hij is net 13 geworden",
        "ze zit in de brugklas",
        "ik heb vandaag geen tijd meer",
        "graag na half vier, dan zijn de kinderen uit school",
    ],
)
def test_an_answer_to_the_hand_off_form_is_no_crisis(model, text):
    assert not learned_crisis(text, model.probability(text))


@pytest.mark.parametrize(
    "text",
    [
        "ik ga dood van verveling met dat huiswerk",
        "we maken een spreekbeurt over huiselijk geweld, waar vind ik informatie",
        "wat moet ik doen als een leerling vertelt dat ze thuis geslagen wordt",
    ],
)
def test_a_lesson_an_idiom_or_a_procedure_stays_no_crisis_whatever_the_model_says(text):
    assert not learned_crisis(text, 1.0)


def test_the_stored_model_decides_as_the_trained_one(model, tmp_path):
    model.save(tmp_path)
    texts = ["ik wil er niet meer zijn, niemand zal me missen", "hoeveel dagen verlof mag ik vragen"]
    assert CrisisModel.load(tmp_path).probabilities(texts) == pytest.approx(model.probabilities(texts), abs=1e-6)


def test_letters_of_every_script_are_kept():
    assert prepare("Мама, помоги!") == "мама помоги"
    assert prepare("أبي يضربني") == "ابي يضربني"  # the hamza is a mark, as accents are
    assert prepare("ŞİDDET, çok korkuyorum") == "siddet cok korkuyorum"
