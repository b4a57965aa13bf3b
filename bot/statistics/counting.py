"""What a conversation's events count for: conversation started, question answered, clarification
asked, no answer, handoff started, handoff completed, crisis answer, other language.

Why here, without Rasa: the tracker store (bot/rasa_plugins/tracker_store.py) is the one place that
sees every new event of every conversation, but the rule "which event is which outcome" is product
logic that tests must check on plain data and the benchmark must time without a Rasa server. The
events are read by duck typing (Rasa's event classes have `type_name`, `timestamp`, `metadata`,
`key`/`value`), so the store passes its own events without converting them.

A conversation (a Rasa session) counts at most once per outcome and topic: the key is the one known
when the outcome first happened (the latest municipality, role and handoff theme the conversation
named). So every count in the table is a number of distinct conversations, which is what the
"< 5" rule of bot/statistics/report.py needs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Optional, Sequence

from bot.domain.handoff import ROLES, THEMES
from bot.tickets.clock import DUTCH

CONVERSATION = "conversation"
ANSWERED = "answered"
CLARIFICATION = "clarification"
NO_ANSWER = "no_answer"
HANDOFF_STARTED = "handoff_started"
HANDOFF_COMPLETED = "handoff_completed"
CRISIS = "crisis"
OTHER_LANGUAGE = "other_language"
# counted by the ticket service (bot/tickets/service.py), not from conversations
TICKET_CREATED = "ticket_created"
TAKEN_ON_TIME = "taken_on_time"
TAKEN_LATE = "taken_late"
# counted by the reminders (bot/tickets/reminders.py): how often the 48-hour promise needed a push
REMINDED = "reminded"
ESCALATED = "escalated"

CONVERSATION_OUTCOMES = (
    CONVERSATION,
    ANSWERED,
    CLARIFICATION,
    NO_ANSWER,
    HANDOFF_STARTED,
    HANDOFF_COMPLETED,
    CRISIS,
    OTHER_LANGUAGE,
)
TICKET_OUTCOMES = (TICKET_CREATED, TAKEN_ON_TIME, TAKEN_LATE, REMINDED, ESCALATED)

# the bot's responses (Rasa's `utter_action` of a BotUttered event) and what they count for
RESPONSE_OUTCOMES = {
    "utter_clarify": CLARIFICATION,
    "utter_not_covered_subject": NO_ANSWER,
    "utter_no_answer": NO_ANSWER,
    "utter_something_else": NO_ANSWER,
    "utter_ask_rephrase": NO_ANSWER,
    "utter_offer_human": NO_ANSWER,
    "utter_out_of_scope": NO_ANSWER,  # a question outside the three themes: no answer either
    "utter_default": NO_ANSWER,
    "utter_handoff_intro": HANDOFF_STARTED,
    "utter_crisis": CRISIS,
    "utter_other_language": OTHER_LANGUAGE,
}
REFERENCE_SLOT = "handoff_reference"
KEY_SLOTS = {"gemeente": "municipality", "rol": "role", "handoff_theme": "theme"}


@dataclass(frozen=True)
class Key:
    """One cell of the aggregate table ('' is unknown)."""

    day: date
    outcome: str
    municipality: str = ""
    theme: str = ""
    topic: str = ""
    role: str = ""


def dutch_day(timestamp: float) -> date:
    """The day in the Netherlands of a Unix time."""
    return datetime.fromtimestamp(timestamp, DUTCH).date()


def turn_counts(events: Sequence, first_new: int, municipalities: Iterable[str]) -> list[Key]:
    """The cells the events from index `first_new` on add to, given the conversation's events
    before them (of the same session) for what was counted already and what is known."""
    start = first_new
    while start > 0 and events[start - 1].type_name != "session_started":
        start -= 1
    if start > 0:
        start -= 1
    known = {"municipality": "", "role": "", "theme": ""}
    counted: set = set()
    keys = []
    allowed = {"municipality": set(municipalities), "role": set(ROLES), "theme": set(THEMES)}
    for index in range(start, len(events)):
        event = events[index]
        found = _outcome(event, known, allowed)
        if found is None:
            continue
        outcome, theme, topic = found
        if outcome == CONVERSATION:
            counted.clear()
        if (outcome, topic) in counted:
            continue
        counted.add((outcome, topic))
        if index >= first_new:
            keys.append(Key(dutch_day(event.timestamp), outcome, known["municipality"], theme, topic, known["role"]))
    return keys


def _outcome(event, known: dict, allowed: dict) -> Optional[tuple[str, str, str]]:
    """(outcome, theme, topic) of one event, or None; a slot event updates what is known."""
    kind = event.type_name
    if kind == "slot":
        field = KEY_SLOTS.get(event.key)
        if field and event.value in allowed[field]:
            known[field] = event.value
        if event.key == REFERENCE_SLOT and event.value:
            return HANDOFF_COMPLETED, known["theme"], ""
        return None
    if kind == "session_started":
        known.update(municipality="", role="", theme="")
        return CONVERSATION, "", ""
    if kind != "bot":
        return None
    response = (event.metadata or {}).get("utter_action") or ""
    theme, _, topic = response.removeprefix("utter_").partition("/")
    if topic and theme in allowed["theme"]:
        return ANSWERED, theme, f"{theme}/{topic}"
    outcome = RESPONSE_OUTCOMES.get(response)
    if outcome is None:
        return None
    return outcome, known["theme"] if outcome == HANDOFF_STARTED else "", ""
