"""The fallback action and the answer chosen with a clarification's button (logic: ``bot.domain.fallback``)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.domain.answer_choice import answers
from bot.domain.fallback import fallback_reply
from bot.region.answers import project_library

CHOICE_KEY = "answer_choice"


class ActionFallback(Action):
    """Asks back once with the answers that may fit (not those the region switched off in
    region/answers.yml), or says there is no answer and offers a person; after two unclear
    messages in a row, offers a person."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        library = project_library()
        reply = fallback_reply(
            tracker.events, tracker.latest_message.get(CHOICE_KEY), lambda key: library.is_off(f"utter_{key}")
        )
        dispatcher.utter_message(response=reply.response, buttons=reply.buttons or None, **reply.values)
        return []


class ActionGiveAnswer(Action):
    """Gives the answer the user chose from a clarification's buttons."""

    def name(self) -> Text:
        return "action_give_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        key = next(tracker.get_latest_entity_values("answer_key"), None)
        if key in answers():
            dispatcher.utter_message(response=f"utter_{key}")
        else:
            dispatcher.utter_message(response="utter_no_answer")
        return []
