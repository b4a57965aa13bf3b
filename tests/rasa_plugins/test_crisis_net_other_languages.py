"""A crisis written in English or another language gets the crisis answer, not the other-language
reply: the language component runs first and sets ``other_language``, the crisis net after it wins
(issue 15, section 4: English crises from expats and teenagers got the other-language reply)."""

from __future__ import annotations

import pytest
import yaml
from rasa.shared.nlu.training_data.message import Message

from bot.domain.language import ANSWERED
from bot.rasa_plugins.nlu.crisis_net import CrisisSafetyNet
from bot.rasa_plugins.nlu.language import LanguageDetector
from tests.helpers.project import ROOT


def _through_language_and_crisis(text: str) -> Message:
    message = Message(
        data={
            "text": text,
            "intent": {"name": "nlu_fallback", "confidence": 0.4},
            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.4}],
            "entities": [],
        }
    )
    LanguageDetector.create({}, None, None, None).process([message])
    CrisisSafetyNet.create({}, None, None, None).process([message])
    return message


def _entity(message: Message, name: str) -> list:
    return [e["value"] for e in message.get("entities") if e["entity"] == name]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("honestly nobody would notice if I was gone", "suicide"),
        ("how many pills does it take to not wake up", "suicide"),
        ("someone is blackmailing my daughter, he has her nude photos and will put them online", "abuse"),
        ("a boy in my class said he will bring his dads gun to school and shoot everyone", "danger"),
        ("I am a teaching assistant, a pupil told me his stepmother burns him", "abuse"),
        ("mój mąż jest pijany i agresywny, dzieci są w domu", "abuse"),
        ("aabbahay wuu garaacaa hooyaday iyo carruurta", "abuse"),
        ("mein Vater hat meine kleine Schwester geschlagen und ich traue mich nicht nach Hause", "abuse"),
    ],
)
def test_a_crisis_in_another_language_gets_the_crisis_answer_with_its_kind(text, kind):
    message = _through_language_and_crisis(text)
    assert message.get("intent")["name"] == "crisis"
    assert kind in _entity(message, "crisis_kind")


@pytest.mark.parametrize(
    "text",
    [
        "I am a new teacher, can you explain the reporting code in English, no specific case",
        "a ball hit a child in PE today, do I need to tell the parents",
        "nude pictures are going around in my sons class, what is the school policy",
    ],
)
def test_an_ordinary_question_in_english_keeps_the_other_language_reply(text):
    message = _through_language_and_crisis(text)
    assert message.get("intent")["name"] == "other_language"
    assert _entity(message, "language") == ["en"]


def test_a_question_in_german_gets_the_german_reply_and_every_answered_language_has_one():
    """Parents from across the border (Suderwick, Bocholt) write in German: they are answered in it."""
    message = _through_language_and_crisis("Guten Tag, darf mein Sohn für eine Hochzeit zwei Tage frei bekommen?")
    assert message.get("intent")["name"] == "other_language"
    assert _entity(message, "language") == ["de"]
    domain = yaml.safe_load((ROOT / "domain" / "languages.yml").read_text(encoding="utf-8"))
    assert set(domain["slots"]["user_language"]["values"]) == set(ANSWERED)
    replies = domain["responses"]["utter_other_language"]
    assert {c["value"] for r in replies for c in r.get("condition") or []} == set(ANSWERED) - {"en"}
