"""Which local door an answer points to, and how to name it for the user's municipality.

The national answer says "het wijkteam of CJG"; the region file knows that in Winterswijk that is
the Ondersteuningsteam Jeugd en Gezin. An answer that depends on the local door gets that name
when the municipality is known, and a question for the municipality when it is not."""

from __future__ import annotations

import re

from bot.domain.safety import normalise as plain
from bot.region.match import locate_municipality
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


# The words of each door as people write them, and the words of a question for its contact details
# ("wijkteam bellen", "leerplicht nummer", "ik zoek het zorgloket van de gemeente Winterswijk").
DOOR_WORDS = {
    "wijkteam": re.compile(
        r"\bwijk ?(team|coach)|\bcjg\b|\bjeugd ?team|zorg ?loket|ondersteuningsteam|\bwmo ?loket|sociaal team"
    ),
    "leerplicht": re.compile(r"\ble+r?plicht|\blpa\b"),
    "jgz": re.compile(r"\bjeugd ?(arts|verpleegkundige)|\bjgz\b|\bggd\b"),
    **dict.fromkeys(_SWV, re.compile(r"\bswv\b|samenwerkingsverband")),  # one name for both
    "rmc": re.compile(r"\brmc\b|doorstroompunt"),
}
# A door's name as a whole word ("leerplichtambtenaar", "jeugdarts")
_DOOR_NAME = re.compile("(" + "|".join(p.pattern for p in DOOR_WORDS.values()) + r")\w*")
# Contact details asked for in so many words; a call or a mail only in a message of a few words
# ("wijkteam bellen"): "mag ik het wijkteam bellen" asks whether, not how.
_DETAILS = re.compile(
    r"\b(tel(efoon)? ?(nummer|nr)|nummer|nr|adres|e ?mail ?adres|mailadres|website|site|contact ?(persoon|gegevens)"
    r"|openingstijden|bereik(en|baar)?|zoek|waar (zit|is|vind))\b"
)
_CALL = re.compile(r"\b(bellen|bel|mailen|mail|contact)\b")
_SHORT = 6
_WHETHER = re.compile(r"\b(mag|mogen|moet|moeten|kan ik zelf|of)\b")
# Words around a municipality's name that add no question of their own ("wij wonen in Groenlo").
_AROUND_A_PLACE = frozenset(
    "ik wij we je jij u woon wonen woont wonend in de het een gemeente kom komen uit mijn ons onze kind kinderen "
    "zoon dochter gaat gaan naar school staat zit zitten woonplaats regio bij van en hier is dat sinds net "
    "verhuisd dorp stad buurt omgeving te op i live we are from our the".split()
)


def asked_doors(text: str) -> tuple:
    """The door kinds a message asks the contact details of ("wijkteam winterswijk nummer":
    ('wijkteam',)); () when it asks no such thing. A door named without a contact word is a
    question about what the door does, which an answer explains."""
    words = plain(text)
    short = len(words.split()) <= _SHORT
    if not (_DETAILS.search(words) or (short and _CALL.search(words))) or _WHETHER.search(words):
        return ()
    return tuple(kind for kind, pattern in DOOR_WORDS.items() if pattern.search(words))


def names_only_a_place(region: Region, text: str) -> bool:
    """Whether a message does no more than name where the user lives, perhaps with a door ("wij
    wonen in Groenlo", "Utrecht", "cjg winterswijk"), unlike a question that names a place
    ("welke basisschool in Groenlo is goed")."""
    found = locate_municipality(region, text)
    rest = plain(text[: found.start] + " " + text[found.end :]) if found else plain(text)
    rest = _DOOR_NAME.sub(" ", rest)
    content = [word for word in rest.split() if word not in _AROUND_A_PLACE]
    return len(content) <= (0 if found else 1)
