"""The "Meer hierover" part of the last answer (logic: ``bot.domain.more_parts``)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.domain.more_parts import KEY_ENTITY, keys_with_more, last_answer_with_more, more_response


class ActionMore(Action):
    """Gives the rest of the answer the button names, or of the last answer the user got; says
    so when there is no more."""

    def name(self) -> Text:
        return "action_more"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        key = next(tracker.get_latest_entity_values(KEY_ENTITY), None) or last_answer_with_more(tracker.events)
        if key in keys_with_more():
            dispatcher.utter_message(response=more_response(key))
        else:
            dispatcher.utter_message(response="utter_no_further_part")
        return []
