"""The "Meer hierover" part of a long answer: which part the user asks for.

An answer longer than the B1 limit (bot/domain/plain_language.py) is split. The short part
``utter_<key>`` keeps the next step and carries a button "Meer hierover" whose payload names the
answer (``/more{"answer_key": "<key>"}``); the rest is the response ``utter_<key>_more``. The user
gets the rest with that button or by typing "meer" / "vertel meer" (intent ``more``): then the
part belongs to the last answer the user got, read from the conversation's events, so no slot
has to be kept for it. An older button in the chat still names its own answer.

A typed request for more is a short fixed phrase, recognised by ``asks_for_more`` (the NLU
component ``bot.rasa_plugins.nlu.more_request``), not learned by the classifier: as training
data those phrases shifted the answers' classifier (a consent question fell below the answer
threshold), and a closed list cannot take "ik wil niet meer naar school" for a request for more.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import FrozenSet, Iterable, Mapping, Optional

import yaml

from bot import PROJECT_ROOT
from bot.domain.safety import normalise

DOMAIN_DIR = PROJECT_ROOT / "domain"
MORE_INTENT = "more"
KEY_ENTITY = "answer_key"
SUFFIX = "_more"
BUTTON_TITLE = "Meer hierover"

# the whole message, normalised: "meer", "vertel meer", "meer hierover", "meer info graag", ...
ASKS_FOR_MORE = re.compile(
    r"^(?:ja |oke |ok )?(?:(?:vertel|geef|zeg)(?: me| mij| eens| nog)* |graag |kun je |kan je |ik wil )?(?:nog )?meer"
    r"(?: (?:info|informatie|uitleg|hierover|daarover|erover|weten|vertellen|aub|graag|alsjeblieft|please))*$"
    r"|^(?:vertel|ga|lees) (?:verder|door)$|^(?:en verder|wat nog meer|is er nog meer|wat is de rest|de rest)$"
)


def asks_for_more(text: str) -> bool:
    """Whether the whole message asks for the rest of the last answer."""
    return bool(ASKS_FOR_MORE.match(normalise(text)))


def more_response(key: str) -> str:
    """The response with the rest of answer ``key`` (e.g. ``absence/holiday_leave``)."""
    return f"utter_{key}{SUFFIX}"


@lru_cache(maxsize=1)
def keys_with_more() -> FrozenSet[str]:
    """The answers that have a "Meer hierover" part, read once from domain/*.yml (the action
    server gets no domain from Rasa: only the form validations do, to keep calls small)."""
    names = set()
    for path in DOMAIN_DIR.glob("*.yml"):
        names.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return frozenset(n[len("utter_") : -len(SUFFIX)] for n in names if n.startswith("utter_") and n.endswith(SUFFIX))


def key_of_button(payload: str) -> Optional[str]:
    """The answer a "Meer hierover" button's payload names, or None for any other payload."""
    prefix = f"/{MORE_INTENT}"
    if not payload.startswith(prefix + "{"):
        return None
    try:
        entities = json.loads(payload[len(prefix) :])
    except ValueError:
        return None
    key = entities.get(KEY_ENTITY) if isinstance(entities, dict) else None
    return key if isinstance(key, str) else None


def _is_answer(event: Mapping) -> bool:
    """A bot message that is a theme answer (its response is ``utter_<theme>/<name>...``)."""
    return "/" in str((event.get("metadata") or {}).get("utter_action") or "")


def last_answer_with_more(events: Iterable[Mapping]) -> Optional[str]:
    """The key of the last answer the user got, when that answer has a "Meer hierover" part;
    None when there was no answer yet or the last one has no further part (also when it was a
    "Meer hierover" part itself)."""
    for event in reversed(list(events)):
        if event.get("event") != "bot":
            continue
        for button in (event.get("data") or {}).get("buttons") or []:
            key = key_of_button(str(button.get("payload") or ""))
            if key:
                return key
        if _is_answer(event):
            return None
    return None
