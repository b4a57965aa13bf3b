"""The leerplicht check form: validates the age and gives the result (logic: ``bot.compulsory``)."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot.compulsory import age_check_response, parse_age


class ValidateAgeCheckForm(FormValidationAction):
    """Accepts an age in years; anything else gets a Dutch message with an example."""

    def name(self) -> Text:
        return "validate_age_check_form"

    def validate_leeftijd(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        age = parse_age(value)
        if age is None:
            dispatcher.utter_message(response="utter_invalid_leeftijd")
            return {"leeftijd": None}
        return {"leeftijd": float(age)}


class ActionAgeCheckResult(Action):
    """Tells whether leerplicht or kwalificatieplicht applies at the collected age."""

    def name(self) -> Text:
        return "action_age_check_result"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        age = parse_age(tracker.get_slot("leeftijd"))
        if age is None:
            dispatcher.utter_message(response="utter_ask_leeftijd")
            return []
        dispatcher.utter_message(response=age_check_response(age), leeftijd=age)
        return []
