"""Ticket references that cannot be guessed but can be read out over the phone: CIP-7K4M-Q9TX.

The first references were sequential (CIP-2026-000001, -000002, ...): whoever had one could ask
the chat about the next, and learn that a family had a question about school absence. A new
reference is 8 characters drawn with `secrets` from 32 letters and digits (40 bits: a million
guesses a second find one ticket among a million in about a week, and the status question also
asks for the contact address the ticket holds). The alphabet has no 0, O, 1 or I, which sound or
look alike; when a user types one of them anyway it is read as the character it resembles, so a
misread reference still finds its ticket. Old references keep working (`parse`)."""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
_LOOKALIKE = str.maketrans({"0": "D", "O": "D", "1": "L", "I": "L"})  # no ambiguity: neither is in ALPHABET
_GROUP = "[0-9A-Za-z]{4}"
# new: CIP-7K4M-Q9TX (also "cip 7k4m q9tx", "CIP7K4MQ9TX"); old: CIP-2026-000123 (also "cip 2026 123")
PATTERN = re.compile(
    rf"\bCIP[- ]?(?:(?P<year>\d{{4}})[- ]?(?P<number>\d{{1,6}})|(?P<a>{_GROUP})[- ]?(?P<b>{_GROUP}))\b", re.IGNORECASE
)


def new_reference() -> str:
    """A fresh random reference, e.g. CIP-7K4M-Q9TX. It always holds a digit, so that words after
    "CIP" in a sentence ("is het CIP open voor ...") are never read as a reference."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(8))
        if any(c.isdigit() for c in code):
            return f"CIP-{code[:4]}-{code[4:]}"


def parse(text: str) -> tuple[str, str | int | tuple] | None:
    """The first reference in `text`: ("new", "CIP-7K4M-Q9TX") or ("old", (year, id)); None if none.

    A four-digit first group followed by digits only is read as an old reference only when it is
    not also a valid new one (a new reference can consist of digits 2-9 alone)."""
    match = _first(text)
    if not match:
        return None
    if match.group("year"):
        year, number = match.group("year"), match.group("number")
        if len(number) == 4 and all(c in ALPHABET for c in year + number):
            return "new", f"CIP-{year}-{number}"
        return "old", (int(year), int(number))
    code = (match.group("a") + match.group("b")).upper().translate(_LOOKALIKE)
    return "new", f"CIP-{code[:4]}-{code[4:]}"


def find(text: str) -> str | None:
    """The reference as the user typed it (for answers and the NLU), or None."""
    match = _first(text)
    return match.group(0) if match else None


def _first(text: str):
    for match in PATTERN.finditer(text or ""):
        if match.group("year") or any(c.isdigit() for c in match.group("a") + match.group("b")):
            return match
    return None
