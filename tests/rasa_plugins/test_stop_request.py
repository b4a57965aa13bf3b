"""The NLU component that turns a typed "laat maar" into the intent `stop`, and nothing else."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.stop_request import StopRequest


def _intent_after(text: str, intent: str = "nlu_fallback") -> str:
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.4}, "intent_ranking": []})
    StopRequest.create({}, None, None, None).process([message])
    return message.get("intent")["name"]


@pytest.mark.parametrize("text", ["laat maar", "Laat maar zitten.", "nee, ik wil stoppen", "STOP", "annuleren"])
def test_a_message_that_only_says_stop_gets_the_intent_stop(text):
    assert _intent_after(text) == "stop"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("laat maar zien of het voor mijn kind geldt", "age_check"),
        ("mijn zoon wil stoppen met school", "absence"),
        ("ik wil stoppen met leven", "crisis"),
    ],
)
def test_a_question_with_the_word_stop_keeps_its_intent(text, intent):
    assert _intent_after(text, intent) == intent
