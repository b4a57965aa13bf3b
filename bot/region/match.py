"""Finds the user's municipality in what they typed: without capitals, accents or hyphens, and
with small typos ("winterwijk", "oost gelre"), because parents type fast on a phone."""
from __future__ import annotations

import difflib
import re
import unicodedata
from typing import NamedTuple

from bot.region.model import Region

_MIN_SIMILARITY = 0.85  # "altena" (another municipality) must not become Aalten
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Found(NamedTuple):
    """A municipality of the region and where in the text it was written."""
    name: str
    start: int
    end: int


def _plain(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _spellings(region: Region) -> dict:
    """Every plain spelling of a municipality or of a village in it, to its official name."""
    return {_plain(spelling): m.name for m in region.municipalities.values() for spelling in (m.name, *m.aliases)}


def locate_municipality(region: Region, text: str) -> Found | None:
    """The region's municipality mentioned in `text` and its place there, or None."""
    words = [(m.start(), m.end(), _plain(m.group())) for m in _WORD.finditer(text or "")]
    spellings = _spellings(region)
    best, best_score = None, _MIN_SIMILARITY
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            span = words[i:i + n]
            joined = " ".join(w[2] for w in span)
            glued = joined.replace(" ", "")
            for spelling, name in spellings.items():
                if joined == spelling or glued == spelling.replace(" ", ""):
                    return Found(name, span[0][0], span[-1][1])
                if len(joined) >= 4:
                    # real_quick_ratio and quick_ratio are cheap upper bounds of ratio: most word
                    # groups are ruled out by them (the extractor runs on every message).
                    matcher = difflib.SequenceMatcher(None, joined, spelling)
                    if matcher.real_quick_ratio() > best_score and matcher.quick_ratio() > best_score:
                        score = matcher.ratio()
                        if score > best_score:
                            best, best_score = Found(name, span[0][0], span[-1][1]), score
    return best


def find_municipality(region: Region, text: str) -> str | None:
    """The official name of the region's municipality mentioned in `text`, or None."""
    found = locate_municipality(region, text)
    return found.name if found else None
