"""Which of the assistant's responses a reply is: the evaluation reads what the user reads.

The REST channel returns only texts and buttons. To score a reply, its texts are matched
against the domain's response templates (slot placeholders match anything), so the evaluation
judges the assistant exactly as a user meets it, through the channel, without any debug output.
The safety line that closes an ordinary answer to a message with a sign of danger
(bot/domain/safety_lines.py) is a kind of its own, ``safety_line``, never a crisis answer.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

import yaml

from bot.domain.safety_lines import all_lines

ROOT = Path(__file__).resolve().parent.parent
THEMES = ("route", "privacy", "absence")

# What a response is, for scoring. A theme answer is its answer key ("absence/holiday_leave").
CRISIS = "crisis"
HANDOFF = "handoff"
CLARIFY = "clarify"
NON_ANSWER = "non_answer"
OTHER_LANGUAGE = "other_language"
TAIL = "tail"
SAFETY_LINE = "safety_line"
SMALLTALK = {
    "utter_greet": "greet",
    "utter_goodbye": "goodbye",
    "utter_thank": "thank",
    "utter_bot_challenge": "bot_challenge",
    "utter_capabilities": "capabilities",
}
NON_ANSWERS = (
    "utter_ask_rephrase",
    "utter_offer_human",
    "utter_default",
    "utter_out_of_scope",
    "utter_not_covered",
    "utter_no_answer",
    "utter_something_else",
)
HANDOFF_STARTS = (
    "utter_handoff_intro",
    "utter_ask_gemeente",
    "utter_ask_rol",
    "utter_ask_handoff_question",
    "utter_handoff_start",
)
OTHER_KEYS = {
    "utter_ask_leeftijd": "age_check",
    "utter_local_door": "local_door",
    "utter_ask_municipality_for_door": "local_door",
    "utter_ask_ticket_reference": "ticket_status",
    "utter_ticket_unknown": "ticket_status",
    "utter_ticket_status": "ticket_status",
    "utter_confirm_erasure": "erase_conversation",
}


def _kind_of(response: str) -> Optional[str]:
    if response.startswith("utter_crisis"):
        return CRISIS
    if response.startswith("utter_clarify"):
        return CLARIFY
    if response == "utter_other_language":
        return OTHER_LANGUAGE
    if response in HANDOFF_STARTS:
        return HANDOFF
    if response in NON_ANSWERS or response.startswith("utter_not_covered"):
        return NON_ANSWER
    if response in SMALLTALK:
        return "smalltalk:" + SMALLTALK[response]
    if response in OTHER_KEYS:
        return OTHER_KEYS[response]
    name = response[len("utter_") :]
    if name.split("/")[0] in THEMES and "/" in name:
        return name
    return None


def _pattern(text: str) -> re.Pattern:
    """A template as a pattern on whitespace-folded text: ``{slot}`` matches anything."""
    folded = " ".join(text.split())
    parts = re.split(r"\{[a-z_]+\}", folded)
    return re.compile("^" + ".*?".join(re.escape(p) for p in parts) + "$", re.S)


@lru_cache(maxsize=1)
def templates() -> Tuple[Tuple[str, re.Pattern], ...]:
    """(kind, pattern) for every text of every response in the domain, longest text first so
    that a long answer wins over a short one it happens to contain."""
    found: List[Tuple[str, str]] = []
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variations in responses.items():
            kind = _kind_of(name)
            if kind is None:
                continue
            for variation in variations or []:
                this = kind
                if kind == OTHER_LANGUAGE:  # which language: the variation's condition
                    language = [
                        c.get("value") for c in variation.get("condition") or [] if c.get("name") == "user_language"
                    ]
                    this = f"{OTHER_LANGUAGE}:{language[0] if language else 'en'}"
                # the channel sends a text's paragraphs as separate messages: the first says
                # which response it is, the others ("Meer lezen bij ...") are its tail; a text
                # with buttons ("Meer hierover") comes whole
                parts = [p for p in (variation.get("text") or "").split("\n\n") if p.strip()]
                found.extend([(this, parts[0])] + [(TAIL, p) for p in parts[1:]] if parts else [])
                if len(parts) > 1 and variation.get("buttons"):
                    found.append((this, variation["text"]))
    found.sort(key=lambda item: -len(item[1]))
    return tuple((kind, _pattern(text)) for kind, text in found)


def kind_of_text(text: str) -> Optional[str]:
    """The kind of one bot message, or None when no response of the domain matches it."""
    folded = " ".join((text or "").split())
    for kind, pattern in templates():
        if pattern.match(folded):
            return kind
    return None


def _without_safety_line(text: str) -> Tuple[str, bool]:
    """The text before a safety line that is its last paragraph (a text with buttons comes
    whole; otherwise the line is a message of its own), and whether there was one."""
    for line in sorted(all_lines(), key=len, reverse=True):
        if text.strip() == line or text.rstrip().endswith("\n\n" + line):
            return text.rstrip()[: -len(line)].strip(), True
    return text, False


def kinds(messages: Iterable[Dict]) -> List[str]:
    """The kinds of the bot messages of one reply, in order; '?' for a text no template matches."""
    found: List[str] = []
    for message in messages:
        text, line = _without_safety_line(message.get("text") or "")
        found.extend(([kind_of_text(text) or "?"] if text else []) + ([SAFETY_LINE] if line else []))
    return [k for k in found if k != TAIL]
