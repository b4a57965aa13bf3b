"""The leerplicht check: does leerplicht or kwalificatieplicht apply at a given age?

Rules (../shared/knowledge/README.md, "School absence"; NJi, definities schoolverzuim):
leerplicht from the first school day of the month after the 5th birthday until the end of the
school year in which the child turns 16; then kwalificatieplicht until a startkwalificatie or 18;
the RMC helps young people of 18 to 23 without a startkwalificatie.
"""

from __future__ import annotations

import re
from typing import Optional

MIN_AGE, MAX_AGE = 0, 30

_WORDS = {
    "nul": 0,
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "eenentwintig": 21,
    "tweeentwintig": 22,
    "tweeëntwintig": 22,
    "drieentwintig": 23,
    "drieëntwintig": 23,
}


def parse_age(value: object) -> Optional[int]:
    """An age in whole years from what the user typed ("14", "14 jaar", "veertien"), or None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = int(value)
        return number if MIN_AGE <= number <= MAX_AGE and number == value else None
    if not isinstance(value, str):
        return None
    text = value.lower()
    digits = re.findall(r"-?\d+(?:[.,]\d+)?", text)
    if len(digits) == 1:
        if not digits[0].lstrip("-").isdigit():
            return None
        number = int(digits[0])
        return number if MIN_AGE <= number <= MAX_AGE else None
    if digits:
        return None
    words = [_WORDS[w] for w in re.findall(r"[a-zë]+", text) if w in _WORDS]
    return words[0] if len(words) == 1 else None


def age_check_response(age: int) -> str:
    """The response that tells which duty applies at ``age``."""
    if age < 5:
        return "utter_age_before_leerplicht"
    if age <= 15:
        return "utter_age_leerplicht"
    if age == 16:
        return "utter_age_leerplicht_or_kwalificatieplicht"
    if age == 17:
        return "utter_age_kwalificatieplicht"
    if age <= 22:
        return "utter_age_rmc"
    return "utter_age_none"
