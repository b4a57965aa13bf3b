"""Which local door an answer points to, and how to name it for the user's municipality.

The national answer says "het wijkteam of CJG"; the region file knows that in Winterswijk that is
the Ondersteuningsteam Jeugd en Gezin. An answer that depends on the local door gets that name
when the municipality is known, and a question for the municipality when it is not."""

from __future__ import annotations

from bot.region.model import Door, Region

_SWV = ("swv_po", "swv_vo")
DOORS_FOR_ANSWER = {
    "route/youth_care_access": ("wijkteam",),
    "route/beschikking": ("wijkteam",),
    "route/problems_at_home": ("wijkteam",),
    "route/jgz": ("jgz",),
    "route/extra_support": _SWV,
    "route/swv": _SWV,
    "route/zorgplicht": _SWV,
    "route/tlv": _SWV,
    "route/onderwijsconsulent": _SWV,
    "privacy/jeugdarts_confidential": ("jgz",),
    "absence/leerplichtambtenaar": ("leerplicht",),
    "absence/report_16_hours": ("leerplicht",),
    "absence/special_leave": ("leerplicht",),
    "absence/thuiszitter": ("leerplicht",),
    "absence/exemption": ("leerplicht",),
    "absence/school_refusal": ("leerplicht", "jgz"),
    "absence/report_ill": ("jgz",),
    "absence/rmc": ("rmc",),
    "route/expulsion": ("leerplicht",) + _SWV,
    "route/ggz_waiting": ("wijkteam",),
    "route/diagnosis": ("wijkteam", "jgz"),
    "route/gifted": _SWV,
    "route/newcomers": ("leerplicht",),
    "route/pgb": ("wijkteam",),
    "absence/home_education": ("leerplicht",),
    "absence/moving": ("leerplicht",),
    "absence/readmission": ("leerplicht",),
    "privacy/jgz_school_data": ("jgz",),
}
DOOR_LABEL = {
    "wijkteam": "Wijkteam / CJG",
    "leerplicht": "Leerplicht",
    "jgz": "Jeugdarts (JGZ)",
    "swv_po": "Samenwerkingsverband basisonderwijs",
    "swv_vo": "Samenwerkingsverband voortgezet onderwijs",
    "rmc": "Doorstroompunt (RMC)",
}


def doors_for(answer_key: str | None) -> tuple:
    """The door kinds that answer `answer_key` (e.g. 'absence/leerplichtambtenaar') points to."""
    return DOORS_FOR_ANSWER.get(answer_key or "", ())


def _line(region: Region, kind: str, door: Door) -> str:
    contact = ", ".join(part for part in (door.phone and region.shown(door.phone), door.url) if part)
    return f"- {DOOR_LABEL[kind]}: {door.name}" + (f" ({contact})" if contact else "")


def describe_doors(region: Region, municipality: str, kinds: tuple = ()) -> str | None:
    """'- Leerplicht: de leerplichtambtenaar van de gemeente Aalten (https://www.aalten.nl)' lines,
    for the given kinds or for every door of the municipality; None outside the region, or when the
    municipality has none of the given kinds (the rmc door is optional in the region file)."""
    place = region.municipalities.get(municipality)
    if place is None:
        return None
    return (
        "\n".join(
            _line(region, kind, place.doors[kind]) for kind in (kinds or tuple(DOOR_LABEL)) if kind in place.doors
        )
        or None
    )
