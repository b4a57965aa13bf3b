"""Scripted conversations (Rasa events, turn by turn) and tickets for the statistics tests: what
the tracker store sees when a user asks, is asked back, hands off or is in danger."""

from __future__ import annotations

from datetime import datetime, timezone

from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from bot.tickets.clock import DUTCH


def at(day: str, hour: int = 12) -> float:
    """A Unix time on a Dutch day ('2026-01-06')."""
    return datetime.fromisoformat(f"{day}T{hour:02d}:00").replace(tzinfo=DUTCH).astimezone(timezone.utc).timestamp()


def start(time: float) -> list:
    return [ActionExecuted("action_session_start", timestamp=time), SessionStarted(timestamp=time)]


def user(time: float, intent: str = "route") -> list:
    return [ActionExecuted("action_listen", timestamp=time), UserUttered("…", intent={"name": intent}, timestamp=time)]


def bot(time: float, response: str, action: str | None = None) -> list:
    return [
        ActionExecuted(action or response.split("/")[0], timestamp=time),
        BotUttered("…", metadata={"utter_action": response}, timestamp=time),
    ]


def slot(time: float, name: str, value) -> list:
    return [SlotSet(name, value, timestamp=time)]


def answered(day: str, topic: str, municipality: str | None = None, role: str | None = None, twice=False) -> list:
    """A conversation that gets the answer `topic` (twice when asked again)."""
    time = at(day)
    turns = [start(time)]
    if municipality:
        turns.append(user(time) + slot(time, "gemeente", municipality))
    if role:
        turns.append(user(time) + slot(time, "rol", role))
    for _ in range(2 if twice else 1):
        turns.append(user(time) + bot(time, f"utter_{topic}"))
    return turns


def handed_off(day: str, municipality: str, role: str, theme: str) -> list:
    """A conversation that asks for a person and gets a ticket."""
    time = at(day)
    return [
        start(time),
        user(time, "request_human") + bot(time, "utter_handoff_intro", "action_handoff_start"),
        user(time)
        + slot(time, "gemeente", municipality)
        + slot(time, "rol", role)
        + slot(time, "handoff_theme", theme),
        user(time, "affirm")
        + bot(time, "utter_handoff_done", "action_create_ticket")
        + slot(time, "handoff_theme", None)
        + slot(time, "handoff_reference", "CIP-7K4M-Q9TX"),
    ]


def unclear(day: str, *responses: str) -> list:
    """A conversation of messages without an answer at once (clarification, no answer, ...)."""
    time = at(day)
    return [start(time)] + [user(time, "nlu_fallback") + bot(time, r, "action_fallback") for r in responses]


def turns_of(conversation: list) -> list:
    """(all events so far, index of the first new one) per saved turn, as the store sees them."""
    events, saves = [], []
    for turn in conversation:
        saves.append((len(events), list(events) + turn))
        events += turn
    return [(new, list(so_far)) for new, so_far in saves]
