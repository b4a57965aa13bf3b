"""The answer ranker as a Rasa graph node: trained on the retrieval intents, stored and loaded, and
its ranking where the answer choice and Rasa's retrieval actions read it."""

from __future__ import annotations

import pytest
from rasa.core.actions.action import ActionRetrieveResponse
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.answer_choice import ranking
from bot.rasa_plugins.nlu.answer_ranker import AnswerRanker
from bot.rasa_plugins.nlu.crisis_classifier import CrisisClassifier
from bot.rasa_plugins.nlu.trained import TrainedComponent

QUESTIONS = {
    "absence/holiday_leave": ["mag mijn kind buiten de schoolvakantie op vakantie", "verlof voor een reis aanvragen"],
    "privacy/inzage": ["mag ik het dossier van mijn kind inzien", "wat schrijft school over mijn zoon op"],
    "route/tlv": ["wat is een toelaatbaarheidsverklaring", "hoe kom je op het speciaal onderwijs"],
}


NEAR_MISS = "wat kost een vakantiereis naar turkije met de kinderen"  # near holiday leave, not answered by it


def _trained(storage_path, corpus):
    storage = LocalModelStorage(storage_path)
    resource = Resource("answer_ranker")
    examples = [Message.build(text, intent=key) for key, texts in QUESTIONS.items() for text in texts] + [
        Message.build("hallo", intent="greet")
    ]
    config = {"corpus": str(corpus)}
    AnswerRanker.create(config, storage, resource, None).train(TrainingData(examples))
    # loaded back as the Rasa server does, from the model storage
    return AnswerRanker.load(config, storage, resource, None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("answers")
    (folder / "near_misses.yml").write_text(f'near_misses:\n- {{text: "{NEAR_MISS}", near: absence/holiday_leave}}\n')
    return folder


@pytest.fixture(scope="module")
def ranker(tmp_path_factory, corpus):
    return _trained(tmp_path_factory.mktemp("model"), corpus)


def _parsed(ranker, text):
    message = Message(data={"text": text})
    ranker.process([message])
    return message


def test_the_answers_of_every_theme_are_ranked_and_no_other_intent(ranker):
    ranked = ranking(_parsed(ranker, "mag ik het dossier van mijn dochter inzien"))
    assert ranked[0][0] == "privacy/inzage"
    assert sorted(key for key, _ in ranked) == sorted(QUESTIONS)


def test_each_theme_s_retrieval_action_says_that_theme_s_first_answer(ranker):
    """As with a ResponseSelector per theme: Rasa's ``utter_absence`` reads the ``absence`` entry
    (and the processor names its answer in the intent's ``full_retrieval_intent_name``)."""
    parse_data = _parsed(ranker, "vakantie buiten de schoolvakantie").as_dict(only_output_properties=True)
    tracker = DialogueStateTracker.from_events("id", [UserUttered("x", parse_data=parse_data)])
    assert ActionRetrieveResponse("utter_absence").get_full_retrieval_name(tracker) == "utter_absence/holiday_leave"
    assert ActionRetrieveResponse("utter_route").get_full_retrieval_name(tracker) == "utter_route/tlv"
    selectors = parse_data["response_selector"]
    assert selectors["all_retrieval_intents"] == ["absence", "privacy", "route"]
    assert selectors["default"]["response"]["intent_response_key"] == "absence/holiday_leave"


def test_a_question_like_a_near_miss_of_the_corpus_gets_a_less_sure_answer(ranker, tmp_path):
    question = "hoeveel kost zo'n vakantiereis naar turkije eigenlijk"
    (tmp_path / "model").mkdir()
    without = _trained(tmp_path / "model", tmp_path / "no_corpus")
    sure_without = ranking(_parsed(without, question))[0][1]
    assert ranking(_parsed(ranker, question))[0][1] < sure_without
    # the questions the answers do cover keep their answer first
    assert ranking(_parsed(ranker, "mag mijn kind buiten de vakantie op reis"))[0][0] == "absence/holiday_leave"


@pytest.mark.parametrize("component", [AnswerRanker, CrisisClassifier])
def test_a_change_to_a_component_s_corpus_retrains_it(component, tmp_path):
    (tmp_path / "part.yml").write_text("near_misses: []\n")
    before = component.fingerprint_addon({"corpus": str(tmp_path)})
    (tmp_path / "part.yml").write_text("near_misses: [{text: iets anders}]\n")
    assert component.fingerprint_addon({"corpus": str(tmp_path)}) != before


@pytest.mark.parametrize("component", [AnswerRanker, CrisisClassifier])
def test_what_a_trained_component_stores_is_in_its_fingerprint(component):
    """Rasa reuses a cached node whatever its code: a new storage format must retrain it."""
    before = component.fingerprint_addon({})
    stored_as = component.stored_as
    try:
        component.stored_as = stored_as + "-next"
        assert component.fingerprint_addon({}) != before
    finally:
        component.stored_as = stored_as
    assert issubclass(component, TrainedComponent)
