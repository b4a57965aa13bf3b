"""The fallback action (logic: ``bot.fallback``)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.fallback import fallback_response


class ActionFallback(Action):
    """Asks to rephrase, or offers a person after two unclear messages in a row."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response=fallback_response(tracker.events))
        return []
