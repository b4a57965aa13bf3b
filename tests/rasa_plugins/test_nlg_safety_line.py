"""The NLG closes the reply to a message with a sign of danger (``danger_sign`` in its parse result,
set by the crisis net) with the safety line: once per user message, never on the crisis answer,
only the numbers the reply has not named, in the user's language, inside a form on its question."""

from __future__ import annotations

import asyncio

from rasa.core.nlg import NaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.domain.safety import CrisisKind
from bot.domain.safety_lines import safety_line

DOMAIN = Domain.from_dict(
    {
        "slots": {"user_language": {"type": "text", "mappings": [{"type": "custom"}]}},
        "forms": {"handoff_form": {"required_slots": []}},
        "responses": {
            "utter_no_answer": [
                {"text": "Daar heb ik geen antwoord op.", "buttons": [{"title": "Ja", "payload": "/x"}]}
            ],
            "utter_not_covered": [
                {"text": "Daar heb ik geen antwoord op. Is er nu gevaar? Bel 112. Veilig Thuis: 0800-2000."}
            ],
            "utter_not_a_municipality": [{"text": "Dat is geen gemeente van dit informatiepunt."}],
            "utter_ask_gemeente": [{"text": "In welke gemeente woon je?"}],
            "utter_crisis": [{"text": "Is er nu gevaar? Bel direct 112."}],
        },
    }
)


def _nlg() -> NaturalLanguageGenerator:
    nlg = NaturalLanguageGenerator.create(EndpointConfig(type="bot.rasa_plugins.nlg.RegionalAnswers"), None)
    nlg.responses = DOMAIN.responses
    return nlg


def _user(text: str, sign: str | None) -> UserUttered:
    parse_data = {"danger_sign": sign} if sign else {}
    return UserUttered(text, {"name": "nlu_fallback", "confidence": 0.4}, [], parse_data)


def _say(response: str, *events) -> str:
    tracker = DialogueStateTracker.from_events("test", list(events), slots=DOMAIN.slots)
    return asyncio.run(_nlg().generate(response, tracker, "rest"))["text"]


def test_an_ordinary_answer_to_a_veiled_message_ends_with_the_line():
    text = _say("utter_no_answer", _user("niemand geeft om mij", "suicide"))
    assert text == "Daar heb ik geen antwoord op.\n\n" + safety_line(CrisisKind.SUICIDE)


def test_a_message_without_a_sign_gets_its_answer_alone():
    assert _say("utter_no_answer", _user("mag ik verlof vragen", None)) == "Daar heb ik geen antwoord op."


def test_the_crisis_answer_never_gets_the_line():
    assert _say("utter_crisis", _user("hij slaat me", "abuse")) == "Is er nu gevaar? Bel direct 112."


def test_the_line_comes_once_per_user_message():
    first = BotUttered("Daar heb ik geen antwoord op.\n\n" + safety_line(CrisisKind.ABUSE))
    events = [_user("papa is boos", "abuse"), ActionExecuted("utter_no_answer"), first]
    assert _say("utter_ask_gemeente", *events) == "In welke gemeente woon je?"
    # the next user message with a sign gets it again
    again = [*events, ActionExecuted("action_listen"), _user("papa is weer boos", "abuse")]
    assert _say("utter_ask_gemeente", *again).endswith(safety_line(CrisisKind.ABUSE))


def test_inside_a_form_the_line_waits_for_the_question_that_ends_the_reply():
    events = [ActiveLoop("handoff_form"), _user("thuis is het niet veilig", "general")]
    assert _say("utter_not_a_municipality", *events) == "Dat is geen gemeente van dit informatiepunt."
    question = _say("utter_ask_gemeente", *events)
    assert question == "In welke gemeente woon je?\n\n" + safety_line(CrisisKind.GENERAL)


def test_a_reply_that_names_some_numbers_gets_only_the_ones_it_lacks():
    text = _say("utter_not_covered", _user("niemand geeft om mij", "suicide"))
    assert text.endswith("Veilig Thuis: 0800-2000.\n\nDenk je aan zelfdoding? Bel of chat met 113 (gratis).")
    assert _say("utter_not_covered", _user("papa is boos", "abuse")).endswith("0800-2000.")  # nothing to add


def test_english_gets_the_english_line():
    text = _say("utter_no_answer", SlotSet("user_language", "en"), _user("i don't feel safe at home", "general"))
    assert text.endswith(safety_line(CrisisKind.GENERAL, "en"))
    assert "Is anyone in danger now? Call 112." in text
