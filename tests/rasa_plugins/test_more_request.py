"""The NLU component that turns a typed "meer" into the intent `more`, and nothing else."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.more_request import MoreRequest


def _intent_after(text: str, intent: str = "nlu_fallback") -> str:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.4}, "intent_ranking": []})
    MoreRequest.create({}, None, None, None).process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize("text", ["meer", "Meer hierover", "vertel meer", "Vertel me meer!", "ga door", "en verder?"])
def test_a_request_for_more_gets_the_intent_more(text):
    assert _intent_after(text) == "more"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("ik wil niet meer naar school", "absence"),
        ("mijn kind is meer dan 4 weken thuis", "absence"),
        ("ik wil niet meer leven", "crisis"),
        ("meer weten over de leerplicht van mijn zoon", "absence"),
    ],
)
def test_a_question_with_the_word_meer_keeps_its_intent(text, intent):
    assert _intent_after(text, intent) == intent
