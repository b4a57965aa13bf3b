"""Handoff to a contact person: the form's checks, making the ticket, and its status.
Thin: the rules live in bot.handoff, bot.region and bot.tickets."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from bot import handoff
from bot.db import session
from bot.region import find_municipality, load_region
from bot.tickets.clock import dutch
from bot.tickets.mailer import SmtpSettings, send_pending
from bot.tickets.outbox_thread import OutboxThread
from bot.tickets.service import STATUS_TEXT, HandoffRequest, create_ticket, find_ticket

log = logging.getLogger(__name__)
PERSONAL_SLOTS = ("handoff_question", "handoff_name", "handoff_contact", "handoff_consent")


class ValidateHandoffForm(FormValidationAction):
    """Checks every answer of the handoff form and says in Dutch what is wrong, with an example."""

    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        """The theme is only asked when neither the question nor the conversation shows it."""
        slots = list(domain_slots)
        if tracker.get_slot("handoff_theme") is None and handoff.latest_theme(tracker.events):
            slots.remove("handoff_theme")
        return slots

    def validate_gemeente(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        region = load_region()
        name = find_municipality(region, str(value or ""))
        if name is None:
            dispatcher.utter_message(response="utter_outside_region", gemeenten=region.served_list())
            return {"gemeente": None}
        return {"gemeente": name}

    def validate_rol(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return _checked("rol", value, dispatcher)

    def validate_handoff_question(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        question = handoff.parse_question(value)
        if question is None:
            dispatcher.utter_message(response="utter_invalid_handoff_question")
            return {"handoff_question": None}
        theme = handoff.theme_of_intent((tracker.latest_message.get("intent") or {}).get("name"))
        return {"handoff_question": question, **({"handoff_theme": theme} if theme else {})}

    def validate_handoff_theme(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return _checked("handoff_theme", value, dispatcher)

    def validate_handoff_name(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return _checked("handoff_name", value, dispatcher)

    def validate_handoff_contact(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        return _checked("handoff_contact", value, dispatcher)


_CHECKS = {
    "rol": (handoff.parse_role, "utter_invalid_rol"),
    "handoff_theme": (handoff.parse_theme, "utter_invalid_handoff_theme"),
    "handoff_name": (handoff.parse_name, "utter_invalid_handoff_name"),
    "handoff_contact": (handoff.parse_contact, "utter_invalid_handoff_contact"),
}


def _checked(slot: Text, value: Any, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
    """The parsed value of `slot`, or None and a message that says what to type."""
    parse, invalid_response = _CHECKS[slot]
    parsed = parse(value)
    if parsed is None:
        dispatcher.utter_message(response=invalid_response)
    return {slot: parsed}


def forget_personal_slots() -> List[Dict[Text, Any]]:
    """The tracker keeps no name, contact or question once the ticket holds them (or was cancelled)."""
    return [SlotSet(slot, None) for slot in PERSONAL_SLOTS]


def send_outbox() -> None:
    """A mail problem never undoes the ticket: the mail waits in the outbox for the next try."""
    try:
        with session() as db:
            send_pending(db, SmtpSettings.from_environment())
    except SQLAlchemyError as error:
        log.warning("outbox niet verwerkt: %s", type(error).__name__)


OUTBOX = OutboxThread(send_outbox)  # the contact person's mail goes out without anyone waiting for it


class ActionCreateTicket(Action):
    """Stores one ticket for the submitted form, notifies the contact person, tells the user who
    will contact them, by when and the reference. Without a database: the central phone number."""

    def name(self) -> Text:
        return "action_create_ticket"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        region = load_region()
        consent = tracker.get_slot("handoff_consent") is True
        theme = tracker.get_slot("handoff_theme") or handoff.latest_theme(tracker.events) or "route"
        request = HandoffRequest(
            submission_key=handoff.submission_key(tracker.sender_id, tracker.events),
            municipality=tracker.get_slot("gemeente"),
            theme=theme,
            role=tracker.get_slot("rol") or "anders",
            question=tracker.get_slot("handoff_question"),
            name=tracker.get_slot("handoff_name"),
            contact=tracker.get_slot("handoff_contact"),
            consent=consent,
            summary=handoff.summary(tracker.events) if consent else None,
        )
        try:
            with session() as db:
                ticket, _ = create_ticket(db, region, request)
                reference, due, contact_id = ticket.reference, ticket.due_at, ticket.contact_id
        except SQLAlchemyError as error:
            log.error("ticket niet opgeslagen: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_service_unavailable")
            return forget_personal_slots() + [SlotSet("handoff_theme", None)]
        OUTBOX.wake()
        contact = region.contact(contact_id)
        dispatcher.utter_message(
            response="utter_handoff_done",
            contact_name=contact.name,
            contact_role=contact.role,
            reference=reference,
            due=dutch(due),
            hours=region.response_hours,
        )
        return forget_personal_slots() + [SlotSet("handoff_theme", None), SlotSet("handoff_reference", reference)]


class ActionHandoffCancelled(Action):
    """The user stopped the handoff form: nothing is stored and the answers given are forgotten."""

    response = "utter_handoff_cancelled"

    def name(self) -> Text:
        return "action_handoff_cancelled"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response=self.response)
        return forget_personal_slots() + [SlotSet("handoff_theme", None)]


class ActionHandoffStoppedForErasure(ActionHandoffCancelled):
    """ "Verwijder mijn gesprek" inside the handoff form stops it as "stop" does, answers forgotten:
    if the user then keeps the conversation, a new handoff asks its questions again instead of
    sending on a question, name or address given before."""

    response = "utter_form_stopped_for_erasure"

    def name(self) -> Text:
        return "action_handoff_stopped_for_erasure"


class ActionTicketStatus(Action):
    """'Hoe staat het met CIP-2026-000123?': the status and the contact person's name, nothing else."""

    def name(self) -> Text:
        return "action_ticket_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        reference = handoff.find_reference(tracker.latest_message.get("text") or "")
        if reference is None:
            dispatcher.utter_message(response="utter_ask_ticket_reference")
            return []
        try:
            with session() as db:
                ticket = find_ticket(db, reference)
                found = (ticket.reference, ticket.status, ticket.contact_id) if ticket else None
        except SQLAlchemyError as error:
            log.error("status niet opgevraagd: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_service_unavailable")
            return []
        if found is None:
            dispatcher.utter_message(response="utter_ticket_unknown", reference=reference.upper())
            return []
        contact = load_region().contact(found[2])
        dispatcher.utter_message(
            response="utter_ticket_status",
            reference=found[0],
            status=STATUS_TEXT[found[1]],
            contact_name=contact.name if contact else "een contactpersoon",
        )
        return []
