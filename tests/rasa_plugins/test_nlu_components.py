"""The project's own Rasa NLU components on real Rasa Message objects."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.answer_choice import AnswerChoice
from bot.rasa_plugins.nlu.crisis_net import CrisisSafetyNet
from bot.rasa_plugins.nlu.theme_from_answer import ThemeFromAnswer


def _message(
    text: str,
    intent: str,
    confidence: float = 0.9,
    answer_confidence: float | None = None,
    answer: str = "absence/rmc",
    runner_up: tuple = ("absence/kwalificatieplicht", 0.02),
):
    data = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": [{"name": intent, "confidence": confidence}],
        "entities": [],
    }
    if answer_confidence is not None:
        data["response_selector"] = {
            "all_retrieval_intents": ["route", "privacy", "absence"],
            "default": {
                "response": {
                    "confidence": answer_confidence,
                    "intent_response_key": answer,
                    "utter_action": f"utter_{answer}",
                },
                "ranking": [
                    {"confidence": answer_confidence, "intent_response_key": answer},
                    {"confidence": runner_up[1], "intent_response_key": runner_up[0]},
                ],
            },
        }
    return Message(data=data)


def _crisis_net():
    return CrisisSafetyNet.create({}, None, None, None)


def test_safety_net_overrides_a_confident_wrong_intent():
    message = _message("mijn vader slaat me elke dag", "absence", confidence=0.97)
    _crisis_net().process([message])
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "crisis"
    kinds = [e["value"] for e in message.get("entities") if e["entity"] == "crisis_kind"]
    assert kinds == ["abuse"]


def test_safety_net_overrides_the_fallback():
    message = _message("ik wil niet meer leven", "nlu_fallback", confidence=0.5)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "crisis"
    assert message.get("entities")[-1]["value"] == "suicide"


def test_classifier_crisis_without_pattern_gets_the_general_kind():
    message = _message("het gaat echt helemaal mis hier", "crisis", confidence=0.8)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "crisis"
    assert message.get("entities")[-1]["value"] == "general"


def test_a_classifier_crisis_on_words_it_never_saw_is_no_alarm():
    # the vocabulary gate made it a fallback: the classifier guesses on words it never saw
    message = _message("Marieke Bakkenes", "crisis", confidence=0.6)
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.0})
    message.set("intent_ranking", [{"name": "nlu_fallback", "confidence": 0.0}, {"name": "crisis", "confidence": 0.6}])
    message.set("unknown_words", True)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "nlu_fallback" and message.get("entities") == []


def test_a_short_form_answer_the_classifier_takes_for_a_crisis_is_no_alarm():
    # "ik ben de moeder" answers the handoff form's question who you are
    message = _message("ik ben de moeder", "crisis", confidence=0.9)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "nlu_fallback" and message.get("entities") == []


def test_a_classifier_crisis_on_a_question_with_family_words_only_is_no_alarm():
    # the classifier learned "moeder" and "vader" from its crisis examples; nothing here is danger
    message = _message("mag de vader zonder gezag het rapport van zijn dochter inzien", "crisis", confidence=0.8)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "nlu_fallback" and message.get("entities") == []


def test_a_classifier_crisis_under_the_fallback_still_counts():
    message = _message("het gaat echt helemaal mis hier", "crisis", confidence=0.55)
    message.set("intent", {"name": "nlu_fallback", "confidence": 0.6})
    message.set("intent_ranking", [{"name": "nlu_fallback", "confidence": 0.6}, {"name": "crisis", "confidence": 0.55}])
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "crisis"
    assert message.get("entities")[-1]["value"] == "general"


def test_ordinary_question_is_left_alone():
    message = _message("hoeveel dagen vakantieverlof mag ik vragen", "absence", confidence=0.9)
    _crisis_net().process([message])
    assert message.get("intent")["name"] == "absence"
    assert message.get("entities") == []


def _choice(message):
    return AnswerChoice.create({}, None, None, None).process([message])[0]


def test_an_unsure_answer_becomes_a_fallback_with_the_choice_for_the_fallback_action():
    message = _choice(
        _message(
            "wat moet ik doen met de rmc",
            "absence",
            answer_confidence=0.3,
            runner_up=("absence/kwalificatieplicht", 0.25),
        )
    )
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("answer_choice")["kind"] == "clarify"
    assert message.get("answer_choice")["offered"][0] == "absence/rmc"


def test_a_sure_answer_that_fits_is_kept():
    message = _choice(_message("wat doet het rmc", "absence", answer_confidence=0.95))
    assert message.get("intent")["name"] == "absence"
    assert message.get("answer_choice") == {"kind": "answer", "key": "absence/rmc", "offered": [], "subject": None}


def test_a_sure_answer_about_another_subject_is_not_given_only_offered():
    # none of the answer's words is in the message: a question back ("Bedoel je ...?" with
    # "Iets anders"), never the answer itself
    message = _choice(
        _message(
            "mijn dochter wordt gepest, wat nu", "absence", answer_confidence=0.95, answer="absence/school_refusal"
        )
    )
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("answer_choice")["kind"] == "clarify"


def test_a_sure_answer_about_a_subject_no_answer_covers_becomes_an_honest_no_answer():
    message = _choice(
        _message(
            "mijn zoon vapet elke pauze, wat nu", "absence", answer_confidence=0.95, answer="absence/school_refusal"
        )
    )
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.get("answer_choice")["kind"] == "not_covered"


def test_other_intents_keep_their_intent():
    message = _choice(_message("hallo", "greet", answer_confidence=0.1))
    assert message.get("intent")["name"] == "greet"


def _theme_from_answer(message):
    return ThemeFromAnswer.create({}, None, None, None).process([message])[0]


def test_the_chosen_answer_decides_the_theme_when_diet_disagrees():
    message = _theme_from_answer(
        _message(
            "op welke dag start de leerplicht",
            "privacy",
            confidence=1.0,
            answer_confidence=0.7,
            answer="absence/leerplicht_age",
        )
    )
    assert message.get("intent") == {"name": "absence", "confidence": 0.7}
    assert [r["name"] for r in message.get("intent_ranking")] == ["absence", "privacy"]
    # and the answer choice then judges that answer's own confidence
    assert _choice(message).get("intent")["name"] == "nlu_fallback"


def test_agreeing_theme_and_other_intents_are_left_alone():
    agree = _theme_from_answer(_message("wat is rmc", "absence", answer_confidence=0.9))
    greet = _theme_from_answer(_message("hallo", "greet", answer_confidence=0.9, answer="privacy/inzage"))
    assert agree.get("intent") == {"name": "absence", "confidence": 0.9}
    assert greet.get("intent") == {"name": "greet", "confidence": 0.9}


def _trained_vocabulary_gate(tmp_path):
    from rasa.engine.storage.local_model_storage import LocalModelStorage
    from rasa.engine.storage.resource import Resource
    from rasa.shared.nlu.training_data.training_data import TrainingData

    from bot.rasa_plugins.nlu.vocabulary_gate import UnknownWordsFallback

    storage = LocalModelStorage(tmp_path)
    resource = Resource("vocabulary_gate")
    examples = [
        Message(data={"text": "tot wanneer is mijn kind leerplichtig", "intent": "absence"}),
        Message(data={"text": "mag school met het wijkteam praten", "intent": "privacy"}),
    ]
    UnknownWordsFallback.create({}, storage, resource, None).train(TrainingData(examples))
    # Load it back as the Rasa server does, from the model storage.
    return UnknownWordsFallback.load({}, storage, resource, None)


def test_gibberish_becomes_fallback_after_training(tmp_path):
    gate = _trained_vocabulary_gate(tmp_path)
    message = _message("qwpz lrrrm xkcd", "goodbye", confidence=0.94)
    gate.process([message])
    assert message.get("intent")["name"] == "nlu_fallback"


def test_known_words_and_small_typos_pass(tmp_path):
    gate = _trained_vocabulary_gate(tmp_path)
    for text in ("is mijn kind leerplichtig", "mag school met het wijktaem praten", "14"):
        message = _message(text, "absence")
        gate.process([message])
        assert message.get("intent")["name"] == "absence", text


@pytest.mark.parametrize(
    "intent, answered",
    [("erase_conversation", True), ("crisis", False), ("request_human", False)],
)
def test_an_answer_surer_than_another_unsure_intent_is_given_but_never_over_a_crisis_or_a_person(intent, answered):
    """DIET took "verwijderen" for deleting the conversation (0.71); the answer ranking was surer of the
    answer about a pupil sent away from school, whose anchor words are in the message."""
    text = "de school gaat mijn zoon verwijderen, welke regels gelden daarvoor"
    message = _message(text, intent, confidence=0.71, answer="route/expulsion", answer_confidence=0.9)
    AnswerChoice().process([message])
    assert message.get("answer_choice")["key"] == "route/expulsion"
    assert message.get("intent")["name"] == ("route" if answered else intent)


def test_an_intent_the_classifier_is_sure_of_keeps_its_place_before_a_surer_answer():
    """ "wis deze chat": DIET 0.91 ``erase_conversation``, the answer about chat data 0.98: the user
    asked to erase, not how chats are kept."""
    message = _message(
        "wis deze chat", "erase_conversation", confidence=0.91, answer="privacy/chat_data", answer_confidence=0.98
    )
    AnswerChoice().process([message])
    assert message.get("answer_choice")["kind"] == "answer"  # the answer would have been given
    assert message.get("intent")["name"] == "erase_conversation"
