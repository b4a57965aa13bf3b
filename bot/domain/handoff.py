"""What the handoff form accepts and what the ticket carries, as plain functions of text and of
the conversation's events, so that the rules are tested without Rasa. Typed text is cleaned
(bot.domain.user_text) here too, not only in the web relay: messages over Rasa's REST or socket.io channel
do not pass the relay, and a NUL byte or an over-long address would make PostgreSQL refuse the
ticket."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from bot.domain.answer_choice import title
from bot.domain.handoff_request import REQUEST_HUMAN, question_in_request
from bot.domain.user_text import clean
from bot.tickets import reference as references

THEMES = ("route", "privacy", "absence")
ROLES = ("ouder", "leerkracht", "mentor", "intern_begeleider", "zorgcoordinator", "leerling", "anders")

_ROLE_WORDS = {
    "ouder": (
        "ouder",
        "moeder",
        "vader",
        "mama",
        "papa",
        "mam",
        "pap",
        "verzorger",
        "pleegouder",
        "voogd",
        "parent",
        "mother",
        "father",
        "mum",
        "mom",
        "dad",
        "carer",
        "guardian",
    ),
    "leerkracht": ("leerkracht", "leraar", "lerares", "docent", "juf", "meester", "school", "teacher"),
    "mentor": ("mentor",),
    "intern_begeleider": ("intern begeleider", "ib", "ib er", "iber", "ib'er"),
    "zorgcoordinator": ("zorgcoordinator", "zorg coordinator", "ondersteuningscoordinator", "zorgco"),
    "leerling": ("leerling", "scholier", "student", "jongere", "zelf", "ik ben het kind", "kind", "pupil", "child"),
    "anders": (
        "anders",
        "iets anders",
        "andere",
        "geen van allen",
        "hulpverlener",
        "professional",
        "someone else",
        "other",
    ),
}
_THEME_WORDS = {
    "route": ("hulp", "ondersteuning", "route", "zorg", "passend onderwijs", "jeugdhulp", "wijkteam"),
    "privacy": ("privacy", "gegevens", "delen", "dossier", "toestemming", "meldcode"),
    "absence": ("leerplicht", "verzuim", "verlof", "spijbelen", "ziek", "absent", "thuiszitter", "afwezig"),
}
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
MAX_CONTACT_CHARS = 200  # the ticket's requester_contact column; a longer address cannot be stored
_PHONE_DIGITS = re.compile(r"^(?:0|\+31|0031)[1-9]\d{8}$")


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split())


def _keyword(text: str, table: dict) -> str | None:
    plain = f" {_plain(text)} "
    for value, words in table.items():
        if any(f" {word} " in plain for word in words):
            return value
    return None


def parse_role(text: str) -> str | None:
    """'ik ben de moeder' -> 'ouder'; 'juf' -> 'leerkracht'; None when no role is recognised."""
    if str(text or "") in ROLES:
        return str(text)
    return _keyword(text, _ROLE_WORDS)


def parse_theme(text: str) -> str | None:
    """'privacy' or 'over leerplicht' -> the theme; the button payloads are the theme names."""
    if str(text or "") in THEMES:
        return str(text)
    return _keyword(text, _THEME_WORDS)


def parse_contact(text: str) -> str | None:
    """An e-mail address (lower-cased) or a Dutch phone number (digits only), else None."""
    value = clean(str(text or "")).strip(".,;")
    if len(value) <= MAX_CONTACT_CHARS and _EMAIL.match(value):
        return value.lower()
    digits = re.sub(r"[\s().-]", "", value)
    if _PHONE_DIGITS.match(digits):
        return digits
    return None


def parse_name(text: str) -> str | None:
    """A name of 2-80 characters with letters, not a number or an e-mail address."""
    value = " ".join(clean(str(text or "")).split())
    value = re.sub(r"^(ik ben|mijn naam is|ik heet|naam:?)\s+", "", value, flags=re.IGNORECASE)
    if not 2 <= len(value) <= 80 or not re.search(r"[^\W\d_]", value) or "@" in value or re.search(r"\d{3}", value):
        return None
    return value


def parse_question(text: str) -> str | None:
    """The question in the user's words: at least a few words, at most 1000 characters."""
    value = " ".join(clean(str(text or "")).split())
    return value if len(value) >= 8 and len(value.split()) >= 2 and len(value) <= 1000 else None


def theme_of_intent(intent: str | None) -> str | None:
    """'privacy/inzage' -> 'privacy'; other intents -> None."""
    theme = (intent or "").split("/")[0]
    return theme if theme in THEMES else None


def latest_theme(events: list) -> str | None:
    """The theme of the most recent question the user asked about a theme."""
    for event in reversed(events):
        if event.get("event") == "user":
            theme = theme_of_intent(_full_intent(event))
            if theme:
                return theme
    return None


def _full_intent(event: dict) -> str | None:
    parse = event.get("parse_data") or {}
    selector = parse.get("response_selector") or {}
    intent = (parse.get("intent") or {}).get("name")
    if intent in THEMES:
        retrieval = (selector.get(intent) or selector.get("default") or {}).get("response") or {}
        return retrieval.get("intent_response_key") or intent
    return intent


def summary(events: list, limit: int = 1500) -> str:
    """What the contact person reads (only with consent): the themes touched and the user's own
    messages before they asked for a person, so they do not have to tell their story again."""
    themes, lines = [], []
    for event in events:
        if event.get("event") != "user":
            continue
        text = clean(event.get("text") or "")
        intent = _full_intent(event)
        if intent == REQUEST_HUMAN or text.startswith("/"):
            break
        if theme_of_intent(intent) and intent not in themes:
            themes.append(intent)
        if text:
            lines.append(f"- {text}")
    head = (
        "Onderwerpen: "
        + (", ".join(title(t) for t in themes) if themes else "geen")
        + "\nBerichten van de gebruiker:\n"
    )
    body = "\n".join(lines) if lines else "(geen)"
    return (head + body)[:limit]


def submission_key(sender_id: str, events: list) -> str:
    """The same for a retried action or a repeated message of the same submitted form."""
    last_user = next((e for e in reversed(events) if e.get("event") == "user"), {})
    material = f"{sender_id}|{last_user.get('timestamp')}|{last_user.get('message_id')}"
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def find_reference(text: str) -> str | None:
    """The ticket reference in `text` as typed (new CIP-7K4M-Q9TX or old CIP-2026-000123), or None."""
    return references.find(text)


_EMAIL_IN_TEXT = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_PHONE_IN_TEXT = re.compile(r"(?:\+31|0031|0)[\s().-]*[1-9](?:[\s().-]*\d){8}")


def _same_phone(number: str) -> str:
    """+31 6..., 0031 6... and 06... are one number."""
    for prefix in ("+31", "0031"):
        if number.startswith(prefix):
            return "0" + number[len(prefix) :]
    return number


def gives_contact(text: str, stored_contact: str) -> bool:
    """Whether `text` holds the e-mail address or phone number a ticket holds (as parse_contact
    stored it): the proof asked before the status of a ticket from another conversation is told."""
    text = clean(str(text or ""))
    given = [parse_contact(found) for found in _EMAIL_IN_TEXT.findall(text) + _PHONE_IN_TEXT.findall(text)]
    stored = _same_phone(stored_contact or "")
    return bool(stored) and any(value is not None and _same_phone(value) == stored for value in given)


def prefilled_slots(text: str, choice: dict | None) -> dict:
    """The handoff form's answers that the request itself already gives: the question, when the
    user told more than "I want to speak to someone" ("bel me terug over het verlof van mijn
    dochter"), and its theme, when the answer choice found the subject. The user does not have to
    tell it twice."""
    slots: dict = {}
    question = parse_question(question_in_request(text) or "")
    if question:
        slots["handoff_question"] = question
    keys = [choice.get("key")] if (choice or {}).get("key") else list((choice or {}).get("offered") or [])
    themes = {theme_of_intent(k) for k in keys} - {None}
    if question and len(themes) == 1:
        slots["handoff_theme"] = themes.pop()
    return slots
