"""The learned crisis model in the pipeline: its probability makes a story a crisis or gives it the
safety line through the crisis net, never a short answer; a change to the corpus retrains it."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.crisis_classifier import CRISIS_PROBABILITY, CrisisClassifier
from bot.rasa_plugins.nlu.crisis_net import CRISIS_ENTITY, DANGER_SIGN, CrisisSafetyNet

# words the concepts do not know, told as a story: only the model can see the danger in it
STORY = "ik weet niet meer wat ik moet doen, hij is weer zo en wij zitten nu boven"


def _through_the_net(text: str, probability: float) -> Message:
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}]
    message = Message(
        data={"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []},
        output_properties={"text", "intent", "intent_ranking", "entities"},
    )
    message.set(CRISIS_PROBABILITY, probability)
    CrisisSafetyNet.create({}, None, None, None).process([message])
    return message


def test_a_story_the_model_is_sure_of_gets_the_crisis_answer_with_all_numbers():
    message = _through_the_net(STORY, 0.9)
    assert message.get("intent")["name"] == "crisis"
    assert [e["value"] for e in message.get("entities") if e["entity"] == CRISIS_ENTITY] == ["general"]


def test_a_story_the_model_doubts_gets_its_reply_and_the_line():
    message = _through_the_net(STORY, 0.6)
    assert message.get("intent")["name"] == "nlu_fallback" and message.get(DANGER_SIGN) == "general"


def test_a_story_the_model_finds_ordinary_gets_nothing():
    message = _through_the_net(STORY, 0.1)
    assert message.get("intent")["name"] == "nlu_fallback" and message.get(DANGER_SIGN) is None


def test_a_short_answer_is_no_crisis_however_sure_the_model_is():
    assert _through_the_net("ik ben zijn vader", 0.99).get("intent")["name"] == "nlu_fallback"


def test_a_change_to_the_corpus_changes_the_fingerprint(tmp_path):
    (tmp_path / "writer.yml").write_text('messages:\n- {text: "help"}\n', encoding="utf-8")
    before = CrisisClassifier.fingerprint_addon({"corpus": str(tmp_path)})
    (tmp_path / "writer.yml").write_text('messages:\n- {text: "help me"}\n', encoding="utf-8")
    assert CrisisClassifier.fingerprint_addon({"corpus": str(tmp_path)}) != before
