"""After an answer that depends on the local door: name it for the user's municipality, or ask for
the municipality. Also answers a message that only names a municipality. Logic: bot.domain.local_doors."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.domain.handoff import THEMES
from bot.domain.local_doors import asked_doors, describe_doors, doors_for
from bot.region import find_municipality, load_region
from bot.region.answers import project_library


def answer_key(latest_message: dict) -> str | None:
    """'absence/leerplichtambtenaar' for the answer the assistant just chose (or the user
    chose with a clarification's button), else None."""
    intent = (latest_message.get("intent") or {}).get("name")
    if intent == "choose_answer":
        chosen = [e.get("value") for e in latest_message.get("entities") or [] if e.get("entity") == "answer_key"]
        return chosen[0] if chosen else None
    if intent not in THEMES:
        return None
    selector = latest_message.get("response_selector") or {}
    chosen = (selector.get(intent) or selector.get("default") or {}).get("response") or {}
    return chosen.get("intent_response_key")


class ActionLocalDoor(Action):
    """Adds the local door to an answer, or asks the municipality and remembers which door; not
    after an answer the region switched off (region/answers.yml: the user got the non-answer)."""

    def name(self) -> Text:
        return "action_local_door"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        region = load_region()
        key = answer_key(tracker.latest_message)
        kinds = () if project_library().is_off(f"utter_{key}") else doors_for(key)
        if not kinds:
            return [SlotSet("door_kinds", None)]
        municipality = tracker.get_slot("gemeente")
        doors = describe_doors(region, municipality, kinds) if municipality else None
        if doors:
            dispatcher.utter_message(response="utter_local_door", gemeente=municipality, doors=doors)
            return [SlotSet("door_kinds", None)]
        if municipality in region.municipalities:  # known, but the region file names no such door
            return [SlotSet("door_kinds", None)]
        dispatcher.utter_message(response="utter_ask_municipality_for_door")
        return [SlotSet("door_kinds", list(kinds))]


class ActionMunicipalityGiven(Action):
    """'Winterswijk': the doors asked for before, or all doors of that municipality; outside the
    region, which municipalities are served. 'wijkteam bellen', 'leerplicht nummer Aalten' (the
    NLU's DoorRequest gives them this intent): the doors asked for in the municipality the message
    or the conversation names, or the question which municipality, the doors remembered."""

    def name(self) -> Text:
        return "action_municipality_given"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        region = load_region()
        text = tracker.latest_message.get("text") or ""
        asked = asked_doors(text)
        municipality = find_municipality(region, text) or find_municipality(region, tracker.get_slot("gemeente") or "")
        if municipality is None and asked:
            dispatcher.utter_message(response="utter_ask_municipality_for_door")
            return [SlotSet("door_kinds", list(asked))]
        if municipality is None:
            dispatcher.utter_message(response="utter_outside_region", gemeenten=region.served_list())
            return [SlotSet("gemeente", None)]
        kinds = asked or tuple(tracker.get_slot("door_kinds") or ())
        dispatcher.utter_message(
            response="utter_local_door",
            gemeente=municipality,
            doors=describe_doors(region, municipality, kinds) or describe_doors(region, municipality),
        )
        return [SlotSet("gemeente", municipality), SlotSet("door_kinds", None)]
