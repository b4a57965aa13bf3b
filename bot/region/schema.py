"""The shape of the region file as a JSON Schema, so a maintainer's typo is caught by a schema
library at load time with the exact place of the problem, instead of breaking a handoff later."""

from __future__ import annotations

THEMES = ("route", "privacy", "absence")
WEEKDAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DOOR_KINDS = ("wijkteam", "leerplicht", "jgz", "swv_po", "swv_vo")  # every municipality names these
OPTIONAL_DOOR_KINDS = ("rmc",)  # the Doorstroompunt (RMC) of the region, where the file names it

PHONE_PATTERN = r"^(\+31|0)[0-9][0-9 -]{7,12}[0-9]$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$"
URL_PATTERN = r"^https://[^\s]+$"
ID_PATTERN = r"^[a-z][a-z0-9_.-]{1,31}$"

_PHONE = {"type": "string", "pattern": PHONE_PATTERN}
_EMAIL = {"type": "string", "pattern": EMAIL_PATTERN}
_URL = {"type": "string", "pattern": URL_PATTERN}
_NAME = {"type": "string", "minLength": 2}

_DOOR = {
    "type": "object",
    "required": ["name"],
    "additionalProperties": False,
    "properties": {"name": _NAME, "phone": _PHONE, "url": _URL, "source": _URL},
}


def schema(municipality_names: list[str]) -> dict:
    """The schema; contact persons may only name municipalities that the file itself lists."""
    known = {"enum": municipality_names} if municipality_names else {"type": "string"}
    return {
        "type": "object",
        "required": ["version", "region", "municipalities", "contacts"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "region": {
                "type": "object",
                "required": ["name", "phone", "email"],
                "additionalProperties": False,
                "properties": {
                    "name": _NAME,
                    "phone": _PHONE,
                    "email": _EMAIL,
                    "response_hours": {"type": "integer", "minimum": 1, "maximum": 168},
                    "example": {"type": "boolean"},
                },
            },
            "municipalities": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["name", "url", "doors"],
                    "additionalProperties": False,
                    "properties": {
                        "name": _NAME,
                        "aliases": {"type": "array", "items": _NAME, "uniqueItems": True},
                        "url": _URL,
                        "doors": {
                            "type": "object",
                            "required": list(DOOR_KINDS),
                            "additionalProperties": False,
                            "properties": {kind: _DOOR for kind in DOOR_KINDS + OPTIONAL_DOOR_KINDS},
                        },
                    },
                },
            },
            "contacts": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["id", "name", "role", "email", "municipalities", "themes", "working_days"],
                    "additionalProperties": False,
                    "properties": {
                        "id": {"type": "string", "pattern": ID_PATTERN},
                        "name": _NAME,
                        "role": _NAME,
                        "email": _EMAIL,
                        "phone": _PHONE,
                        "municipalities": {"type": "array", "minItems": 1, "uniqueItems": True, "items": known},
                        "themes": {
                            "type": "array",
                            "minItems": 1,
                            "uniqueItems": True,
                            "items": {"enum": list(THEMES)},
                        },
                        "working_days": {
                            "type": "array",
                            "minItems": 1,
                            "uniqueItems": True,
                            "items": {"enum": list(WEEKDAYS)},
                        },
                        "coordinator": {"type": "boolean"},
                    },
                },
            },
        },
    }
