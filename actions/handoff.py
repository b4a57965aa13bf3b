"""Handoff to a contact person: the form's checks, making the ticket, and its status.
Thin: the rules live in bot.domain.handoff, bot.region and bot.tickets."""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from bot.domain import handoff
from bot.domain.client_address import key_of_conversation
from bot.domain.language import LANGUAGE_NAMES
from bot.region import find_municipality, load_region
from bot.storage.db import session
from bot.tickets.clock import dutch
from bot.tickets.mailer import SmtpSettings, send_pending
from bot.tickets.outbox_thread import OutboxThread
from bot.tickets.service import STATUS_TEXT, HandoffRequest, QuotaReached, create_ticket, find_ticket

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
            send_pending(db, SmtpSettings.from_settings())
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
        request = checked_request(region, tracker)
        if request is None:
            dispatcher.utter_message(response="utter_service_unavailable")
            return forget_personal_slots() + [SlotSet("handoff_theme", None)]
        try:
            with session() as db:
                ticket, _ = create_ticket(db, region, request)
                reference, due, contact_id = ticket.reference, ticket.due_at, ticket.contact_id
        except QuotaReached:
            log.warning("ticket geweigerd: quotum bereikt")
            dispatcher.utter_message(
                text=(
                    f"Je hebt vandaag al een paar vragen doorgezet. Een nieuwe vraag kan ik nu niet doorzetten. "
                    f"Bel het informatiepunt op {region.shown(region.phone)} of mail naar "
                    f"{region.shown(region.email)}, dan helpen ze je verder."
                )
            )
            return forget_personal_slots() + [SlotSet("handoff_theme", None)]
        except SQLAlchemyError as error:
            log.error("ticket niet opgeslagen: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_service_unavailable")
            return forget_personal_slots() + [SlotSet("handoff_theme", None)]
        OUTBOX.wake()
        contact = region.contact(contact_id)
        dispatcher.utter_message(
            response="utter_handoff_done",
            contact_name=region.shown(contact.name),
            contact_role=contact.role,
            reference=reference,
            due=dutch(due),
            hours=region.response_hours,
        )
        return forget_personal_slots() + [SlotSet("handoff_theme", None), SlotSet("handoff_reference", reference)]


def checked_request(region, tracker: Tracker) -> HandoffRequest | None:
    """The form's answers, each checked again with the form's own rules, or None.

    The form validated them as they were typed, but slots arrive here in a request: a forged call
    to the action server, or a slot set some other way, would otherwise store a 20,000-character
    question, a role `admin<script>` or a contact `javascript:...` (and mail it as a tel: link).
    Only a value the form would have stored is accepted; the log names the fields, never values."""
    slots = {
        slot: tracker.get_slot(slot)
        for slot in (
            "gemeente",
            "rol",
            "handoff_question",
            "handoff_theme",
            "handoff_name",
            "handoff_contact",
            "handoff_consent",
        )
    }
    theme = slots["handoff_theme"] or handoff.latest_theme(tracker.events) or "route"
    municipality = slots["gemeente"] if isinstance(slots["gemeente"], str) else None
    checked = {
        "gemeente": municipality if municipality and find_municipality(region, municipality) == municipality else None,
        "rol": slots["rol"] if slots["rol"] in handoff.ROLES else None,
        "handoff_theme": theme if theme in handoff.THEMES else None,
        "handoff_question": _unchanged(handoff.parse_question, slots["handoff_question"]),
        "handoff_name": _unchanged(handoff.parse_name, slots["handoff_name"]),
        "handoff_contact": _unchanged(handoff.parse_contact, slots["handoff_contact"]),
        "handoff_consent": slots["handoff_consent"] if isinstance(slots["handoff_consent"], bool) else None,
    }
    wrong = sorted(slot for slot, value in checked.items() if value is None)
    if wrong:
        log.warning("ticket geweigerd, ongeldige velden: %s", ", ".join(wrong))
        return None
    consent = checked["handoff_consent"]
    return HandoffRequest(
        submission_key=handoff.submission_key(tracker.sender_id, tracker.events),
        municipality=checked["gemeente"],
        theme=checked["handoff_theme"],
        role=checked["rol"],
        question=checked["handoff_question"],
        name=checked["handoff_name"],
        contact=checked["handoff_contact"],
        consent=consent,
        summary=handoff.summary(tracker.events) if consent else None,
        earlier_in_conversation=len(references_of_conversation(tracker.events)),
        language=tracker.get_slot("user_language") if tracker.get_slot("user_language") in LANGUAGE_NAMES else None,
        client_key=key_of_conversation(tracker.events),
    )


def _unchanged(parse, value: Any) -> str | None:
    """`value` if the form's parser keeps it as it is (what the form stored), else None."""
    if not isinstance(value, str):
        return None
    parsed = parse(value)
    return parsed if parsed == value else None


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
    """'Hoe staat het met CIP-7K4M-Q9TX?': the status and the contact person's name, nothing else;
    and only for a ticket made in this conversation, or when the message also holds the e-mail
    address or phone number the ticket holds. Any other reference gets the answer of a reference
    that does not exist: whoever found or guessed one learns nothing, not even that it exists (a
    contact person who is a leerplichtambtenaar would tell a stranger that a family has a ticket
    about school absence). The rule is here, in the action server, so it holds for every way in."""

    def name(self) -> Text:
        return "action_ticket_status"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        reference = handoff.find_reference(text)
        if reference is None:
            dispatcher.utter_message(response="utter_ask_ticket_reference")
            return []
        try:
            with session() as db:
                ticket = find_ticket(db, reference)
                found = (ticket.reference, ticket.status, ticket.contact_id) if ticket else None
                shown = ticket is not None and (
                    ticket.reference in references_of_conversation(tracker.events)
                    or handoff.gives_contact(text, ticket.requester_contact)
                )
        except SQLAlchemyError as error:
            log.error("status niet opgevraagd: %s", type(error).__name__)
            dispatcher.utter_message(response="utter_service_unavailable")
            return []
        if not shown:
            dispatcher.utter_message(response="utter_ticket_unknown", reference=reference.upper())
            return []
        region = load_region()
        contact = region.contact(found[2])
        dispatcher.utter_message(
            response="utter_ticket_status",
            reference=found[0],
            status=STATUS_TEXT[found[1]],
            contact_name=region.shown(contact.name) if contact else "een contactpersoon",
        )
        return []


class ActionHandoffStart(Action):
    """Starts the handoff: says what happens, and keeps what the request already told (the
    question and its theme), so the form does not ask it again."""

    def name(self) -> Text:
        return "action_handoff_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(response="utter_handoff_intro")
        message = tracker.latest_message
        slots = handoff.prefilled_slots(message.get("text") or "", message.get("answer_choice"))
        return [SlotSet(name, value) for name, value in slots.items()]


def references_of_conversation(events: List[Dict[Text, Any]]) -> set:
    """The references action_create_ticket gave in this conversation (its handoff_reference slot
    events: the slot has no mapping from what the user types, so only the action sets it)."""
    return {
        event.get("value")
        for event in events
        if event.get("event") == "slot" and event.get("name") == "handoff_reference" and event.get("value")
    }
