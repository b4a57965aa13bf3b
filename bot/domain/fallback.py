"""What to say when the assistant gives no answer at once: never guess, never loop.

The answer choice (bot.domain.answer_choice) says per message whether to ask back ("Bedoel je
...?") or to say honestly that there is no answer, naming the subject when it can. A second
unclear message in a row gets a person offered instead of another question, so the user is never
sent in circles (the anchor is Rasa's two-stage fallback: ask once, then hand over).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable, Iterable, List, Mapping, Optional

from bot.domain.answer_choice import CLARIFY, NOT_COVERED, title

FALLBACK_INTENT = "nlu_fallback"
ASK_REPHRASE = "utter_ask_rephrase"
OFFER_HUMAN = "utter_offer_human"
CLARIFY_RESPONSE = "utter_clarify"
NOT_COVERED_SUBJECT = "utter_not_covered_subject"
NO_ANSWER = "utter_no_answer"
SOMETHING_ELSE = "Iets anders"


@dataclass
class Reply:
    """One response to give: its name, the values for its placeholders, extra buttons."""

    response: str
    values: dict = field(default_factory=dict)
    buttons: List[dict] = field(default_factory=list)


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


def answer_button(key: str) -> dict:
    """A button that gives the answer ``key`` (the payload sets the answer_key entity)."""
    return {"title": title(key), "payload": "/choose_answer" + json.dumps({"answer_key": key})}


def fallback_reply(
    events: Iterable[Mapping], choice: Optional[Mapping], switched_off: Callable[[str], bool] = lambda key: False
) -> Reply:
    """The reply after a message without an answer at once, given the conversation and the
    answer choice made for the last message (None when the message was not understood at all).
    An answer the region switched off (``switched_off(key)``) is never offered: its button would
    only lead to "no answer"; when none is left, the user hears that there is no answer."""
    events = list(events)
    if unclear_in_a_row(events) >= 2:
        return Reply(OFFER_HUMAN)
    kind = (choice or {}).get("kind")
    if kind == CLARIFY and choice.get("offered"):
        offered = [key for key in choice["offered"] if not switched_off(key)]
        if not offered:
            return Reply(NO_ANSWER)
        buttons = [answer_button(k) for k in offered]
        return Reply(CLARIFY_RESPONSE, buttons=buttons + [{"title": SOMETHING_ELSE, "payload": "/something_else"}])
    if kind == NOT_COVERED:
        subject = choice.get("subject")
        return Reply(NOT_COVERED_SUBJECT, {"subject": subject}) if subject else Reply(NO_ANSWER)
    return Reply(ASK_REPHRASE)
