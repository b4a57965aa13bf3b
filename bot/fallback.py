"""What to say when the assistant did not understand: never guess.

The first unclear message in a row gets a request to rephrase, with examples. When the next
one is unclear too, asking again would send the user in circles, so the assistant offers a
person instead.
"""

from __future__ import annotations

from typing import Iterable, Mapping

FALLBACK_INTENT = "nlu_fallback"
ASK_REPHRASE = "utter_ask_rephrase"
OFFER_HUMAN = "utter_offer_human"


def unclear_in_a_row(events: Iterable[Mapping]) -> int:
    """How many of the latest user messages, counted back from the last, were not understood."""
    count = 0
    for event in reversed(list(events)):
        if event.get("event") != "user":
            continue
        intent = (event.get("parse_data") or {}).get("intent") or {}
        if intent.get("name") != FALLBACK_INTENT:
            break
        count += 1
    return count


def fallback_response(events: Iterable[Mapping]) -> str:
    """The response to give after an unclear message, given the conversation's events."""
    return OFFER_HUMAN if unclear_in_a_row(events) >= 2 else ASK_REPHRASE
