"""A message that only says to stop: the user leaves a form, whatever a classifier makes of it.

"laat maar" is a training example of ``stop``, yet the classifier's confidence for it moved from
0.59 to 0.42 when an intent was added to the domain: below the fallback's 0.5 the handoff form
asked its question again instead of stopping. A fixed phrase does not need a classifier."""

from __future__ import annotations

import re

from bot.domain.safety import normalise

STOP_INTENT = "stop"

# the whole message, normalised: "stop", "laat maar zitten", "nee, ik wil stoppen", "annuleer"
_STOP = re.compile(
    r"^(nee |ok |oke |sorry )?(stop( maar| ermee| nu)?|stoppen|ik (wil )?(stop|stoppen)( ermee)?|laat (maar|ook maar)( zitten)?"
    r"|hou (maar )?op|annuleer|annuleren|cancel|vergeet (het|t) maar|ik wil niet (meer )?verder|niet verder)$"
)


def asks_to_stop(text: str) -> bool:
    """Whether the whole message says to stop."""
    return bool(_STOP.match(normalise(text)))
