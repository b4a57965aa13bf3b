"""A request for a person, also when the message tells a story or names a subject.

"Kan iemand mij terugbellen over het verlof voor mijn dochter?" is a request for a person about
holiday leave. The classifier sees the leave and would answer the leave rule; the user asked for
a person. These patterns find the request in the user's words, so the handoff starts at once, and
the rest of the message becomes the ticket's question (the user does not tell it twice).
"""

from __future__ import annotations

import re
from typing import Optional

from bot.domain.safety import normalise

REQUEST_HUMAN = "request_human"  # the intent of a request for a person

_ASK = r"(kan|kun|kunt|kunnen|wil|wilt|willen|zou|zouden|graag|aub|alsjeblieft|alstublieft|svp)"
_PERSON = (
    r"(iemand|een mens|een medewerker|een persoon|een echt persoon|een echte persoon|een (mevrouw|meneer)|"
    r"een contactpersoon|een collega|een hulpverlener|een tolk|iemand van (jullie|het informatiepunt|de gemeente))"
)
_REQUEST = re.compile(
    "|".join(
        [
            r"\bterug ?(te )?bellen\b|\bterugbel|\bteruggebeld\b",
            r"\b(bel|belt|mail|mailt|app|appt) (me|mij|ons)\b",
            rf"\b{_ASK}\b.{{0,40}}\b(me|mij|ons) (\w+ ){{0,2}}(bellen|mailen|appen|spreken)\b",
            r"\bmet wie (ik|we|wij) (kan|kunnen|mag|mogen) (praten|spreken|bellen)\b",
            # a message of a few words that only asks to speak or be called ("lpa oost gelre spreken")
            r"^((\w+ ){1,4}spreken|bellen|terugbellen|telefonisch contact)$",
            r"\bmag iemand (me|mij|ons)\b|\b(iemand|een medewerker) laten (bellen|mailen)\b",
            # not a meeting school plans with someone of another organisation ("iemand van het wijkteam")
            r"\b(gesprek|afspraak) met (een |de )?(medewerker|contactpersoon|persoon|iemand)\b"
            r"(?! van (?!(jullie|het informatiepunt|de gemeente)\b))",
            r"\b(liefst|liever|graag) telefonisch\b",
            r"\b(gebeld|gemaild) (te )?worden\b",
            rf"\b{_PERSON} (te )?(spreken|bellen|aan de (telefoon|lijn)|aan de lijn krijgen)\b",
            rf"\b(spreken|praten|bellen|chatten|contact) met {_PERSON}\b|\bmet {_PERSON} (spreken|praten|bellen|chatten)\b",
            rf"\b{_PERSON}\b.{{0,25}}\b(contact|langs) (met (me|mij|ons) )?(op ?nemen|opnemen|opneemt|komen|komt)\b",
            r"\bcontact met (me|mij|ons) (op|opnemen|op te nemen)\b|\bmet (me|mij|ons) contact (op ?nemen|opnemen)\b",
            rf"\b{_ASK}\b.{{0,30}}\b(iemand|een mens|een medewerker|een persoon)\b.{{0,20}}\b(mij|me|ons)\b.{{0,20}}\b(helpen|bellen|spreken)\b",
            r"\bliever (iemand|een mens|persoonlijk|telefonisch)\b",
            r"\b(echt|echte) (mens|persoon)\b",
            r"\b(een )?tolk\b",
            r"\bdoor ?(verbinden|verbonden|zetten naar)\b",
        ]
    )
)
# Words that only carry the request: what is left is the user's question.
_FILLER = re.compile(
    r"\b(hallo|hoi|hey|goedemiddag|goedemorgen|goedenavond|beste|graag|aub|alsjeblieft|"
    r"alstublieft|svp|please|dank|bedankt|over|met|ik|wil|wilt|kan|kunt|iemand|mij|me|"
    r"ons|terug|bellen|spreken|een|de|het|mens|medewerker|persoon|contactpersoon|"
    r"contact|opnemen|op|nemen|u|je|jullie|mag|zou|zouden|even|ff|dat|van|voor)\b"
)
MIN_QUESTION_WORDS = 3


def asks_for_person(text: Optional[str]) -> bool:
    """Whether the user asks to be called, mailed or put through to a person."""
    return bool(_REQUEST.search(normalise(text or "")))


def question_in_request(text: Optional[str]) -> Optional[str]:
    """The message as the ticket's question when it says more than the request itself
    ("bel me terug over het verlof" does; "ik wil iemand spreken" does not)."""
    plain = normalise(text or "")
    rest = [w for w in _FILLER.sub(" ", _REQUEST.sub(" ", plain)).split() if len(w) > 1]
    about = re.search(r"\bover (de |het |een |mijn |m'n |mn |ons |onze )?\w{2,}", plain)
    return " ".join((text or "").split()) if len(rest) >= MIN_QUESTION_WORDS or about else None
