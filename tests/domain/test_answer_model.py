"""The answer model: which answer fits a question (the Rasa component around it:
tests/rasa_plugins/test_answer_ranker.py)."""

from __future__ import annotations

import pytest

from bot.domain.answer_model import NONE, AnswerModel

EXAMPLES = [
    ("absence/holiday_leave", "mag ik mijn kind buiten de schoolvakantie mee op vakantie nemen"),
    ("absence/holiday_leave", "vrij vragen voor een reis naar familie in het buitenland"),
    ("absence/holiday_leave", "verlof aanvragen voor vakantie buiten de vakanties"),
    ("absence/leerplicht_age", "tot welke leeftijd is mijn kind leerplichtig"),
    ("absence/leerplicht_age", "vanaf wanneer moet een kind naar school"),
    ("absence/leerplicht_age", "hoe oud moet je zijn om niet meer leerplichtig te zijn"),
    ("privacy/inzage", "mag ik het dossier van mijn kind inzien"),
    ("privacy/inzage", "ik wil lezen wat school over mijn zoon heeft opgeschreven"),
    ("privacy/inzage", "recht op inzage in het leerlingdossier"),
]


@pytest.fixture(scope="module")
def model():
    return AnswerModel.train(EXAMPLES)


def test_a_question_in_other_words_and_with_typos_gets_its_answer_first(model):
    assert model.rankings(["mag ik het dosier van mijn dochter lezen"])[0][0][0] == "privacy/inzage"
    assert model.rankings(["vakantie aanvragen buiten de schoolvakanties"])[0][0][0] == "absence/holiday_leave"


def test_every_answer_is_ranked_best_first_and_the_chances_add_up_to_one(model):
    ranking = model.rankings(["tot hoe oud leerplichtig"])[0]
    assert sorted(key for key, _ in ranking) == ["absence/holiday_leave", "absence/leerplicht_age", "privacy/inzage"]
    assert [p for _, p in ranking] == sorted((p for _, p in ranking), reverse=True)
    assert sum(p for _, p in ranking) == pytest.approx(1.0)


def test_a_message_of_unseen_words_is_no_sure_answer(model):
    assert model.rankings(["qwpz lrrrm"])[0][0][1] < 0.5


def test_the_stored_model_ranks_as_the_trained_one(model, tmp_path):
    model.save(tmp_path)
    texts = ["mag ik het dossier inzien", "verlof voor een bruiloft", ""]
    assert AnswerModel.load(tmp_path).rankings(texts) == model.rankings(texts)


def test_two_answers_are_ranked_as_well_as_many():
    two = AnswerModel.train([pair for pair in EXAMPLES if not pair[0].startswith("privacy")])
    ranking = two.rankings(["vanaf welke leeftijd leerplichtig"])[0]
    assert ranking[0][0] == "absence/leerplicht_age" and sum(p for _, p in ranking) == pytest.approx(1.0)


def test_the_questions_no_answer_covers_lower_the_answers_but_are_never_ranked():
    uncovered = [(NONE, text) for text in ("hoe vraag ik een parkeervergunning aan", "wat voor weer wordt het morgen")]
    with_uncovered = AnswerModel.train(EXAMPLES + uncovered)
    ranking = with_uncovered.rankings(["hoe vraag ik een vergunning aan voor parkeren"])[0]
    assert NONE not in [key for key, _ in ranking] and len(ranking) == 3
    assert sum(p for _, p in ranking) < 0.5
