"""The crisis net marks a message that shows a sign of danger but is no crisis (``danger_sign`` in
the parse result, for the safety line); a crisis gets the crisis intent and no mark."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.crisis_classifier import CRISIS_PROBABILITY
from bot.rasa_plugins.nlu.crisis_net import CRISIS_ENTITY, DANGER_SIGN, CrisisSafetyNet
from tests.helpers.project import ROOT, load_yaml


def _through_the_net(text: str, intent: str = "nlu_fallback", crisis: float = 0.0, model: float = 0.0) -> Message:
    ranking = [{"name": intent, "confidence": max(0.4, crisis)}] + (
        [{"name": "crisis", "confidence": crisis}] if intent != "crisis" else []
    )
    message = Message(
        data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []},
        output_properties={"text", "intent", "intent_ranking", "entities"},
    )
    message.set(CRISIS_PROBABILITY, model)
    CrisisSafetyNet.create({}, None, None, None).process([message])
    return message


def test_a_veiled_message_is_marked_with_its_kind_and_keeps_its_intent():
    message = _through_the_net("niemand geeft om mij, ook niet op school")
    assert message.get(DANGER_SIGN) == "suicide"
    assert message.get("intent")["name"] == "nlu_fallback"
    assert message.as_dict(only_output_properties=True)[DANGER_SIGN] == "suicide"  # reaches the NLG


def test_a_crisis_gets_the_crisis_answer_and_no_mark():
    message = _through_the_net("mijn vader slaat me elke avond")
    assert message.get("intent")["name"] == "crisis" and message.get(DANGER_SIGN) is None


def test_the_classifiers_crisis_below_the_crisis_level_marks_a_sentence_without_danger_words():
    text = "ik heb het gevoel dat ik er beter niet kan zijn"
    assert _through_the_net(text, crisis=0.45, model=0.35).get(DANGER_SIGN) == "general"
    assert _through_the_net(text, crisis=0.1, model=0.35).get(DANGER_SIGN) is None
    assert _through_the_net(text, crisis=0.45, model=0.1).get(DANGER_SIGN) is None  # the model disagrees


def test_the_classifier_counts_not_for_another_language():
    assert _through_the_net("my son wants to change school, he says", "other_language", 0.9).get(DANGER_SIGN) is None


def test_a_lesson_is_not_marked():
    assert _through_the_net("ik geef een les over kindermishandeling in groep 8", crisis=0.8).get(DANGER_SIGN) is None


def test_the_probe_through_the_model_gets_the_crisis_answer_or_the_line(parse):
    # measured 23 of 25 (stop 13: 10 crisis answers, 13 lines; stop 14: 23, of which 21 without the
    # classifier, whose line now needs the learned model's agreement) and no line on its 25
    # near-misses (bench/RESULTS.md)
    probe = load_yaml(ROOT / "tests" / "data" / "safety_probe.yml")
    results = {m["text"]: parse(m["text"]) for m in probe["messages"] + probe["negatives"]}
    reached = [t for t in (m["text"] for m in probe["messages"]) if _crisis_or_line(results[t])]
    assert len(reached) >= 21
    assert [m["text"] for m in probe["negatives"] if results[m["text"]].get(DANGER_SIGN)] == []


def _crisis_or_line(result: dict) -> bool:
    return result["intent"]["name"] == "crisis" or bool(result.get(DANGER_SIGN))


# words the concepts do not know, told as a story: only the model can see the danger in it
STORY = "ik weet niet meer wat ik moet doen, hij is weer zo en wij zitten nu boven"


def test_a_story_the_model_is_sure_of_gets_the_crisis_answer_with_all_numbers():
    message = _through_the_net(STORY, model=0.9)
    assert message.get("intent")["name"] == "crisis"
    assert [e["value"] for e in message.get("entities") if e["entity"] == CRISIS_ENTITY] == ["general"]


def test_a_story_the_model_doubts_gets_its_reply_and_the_line():
    message = _through_the_net(STORY, model=0.6)
    assert message.get("intent")["name"] == "nlu_fallback" and message.get(DANGER_SIGN) == "general"


def test_a_story_the_model_finds_ordinary_gets_nothing():
    message = _through_the_net(STORY, model=0.1)
    assert message.get("intent")["name"] == "nlu_fallback" and message.get(DANGER_SIGN) is None


def test_a_short_answer_is_no_crisis_however_sure_the_model_is():
    assert _through_the_net("ik ben zijn vader", model=0.99).get("intent")["name"] == "nlu_fallback"


def test_a_long_message_the_learned_model_is_sure_of_is_no_crisis():
    text = "mijn zoon zei tegen de juf dat hij klappen krijgt, maar dat ging over een spelletje op zijn telefoon"
    assert _through_the_net(text, intent="crisis", crisis=0.9, model=0.01).get("intent")["name"] != "crisis"
    crisis = "mijn vader slaat me elke avond met de riem als hij gedronken heeft"
    assert _through_the_net(crisis, model=0.3).get("intent")["name"] == "crisis"


def test_bullying_the_model_is_sure_of_gets_no_crisis_answer_and_no_line():
    message = _through_the_net(
        "mijn kind wordt op school gepest en geschopt door klasgenoten, wie kan helpen", model=0.001
    )
    assert message.get("intent")["name"] != "crisis" and message.get(DANGER_SIGN) is None


def test_a_short_message_stays_the_nets_whatever_the_model_says():
    assert _through_the_net("ik werd verkracht", model=0.001).get("intent")["name"] == "crisis"


def test_without_the_learned_model_the_net_is_not_overruled():
    message = Message(
        data={"text": "mijn vader slaat me elke avond met de riem als hij gedronken heeft", "entities": []}
    )
    CrisisSafetyNet.create({}, None, None, None).process([message])
    assert message.get("intent")["name"] == "crisis"
