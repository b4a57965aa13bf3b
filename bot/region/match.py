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


class _Spelling(NamedTuple):
    plain: str
    glued: str  # without spaces
    name: str  # the municipality's official name
    matcher: difflib.SequenceMatcher  # with the spelling as its second sequence, which difflib indexes


_matchers: tuple = (None, [])  # (region, its spellings): made again when the region file was read again


def _matchers_of(region: Region) -> list:
    global _matchers
    if _matchers[0] is not region:
        _matchers = (
            region,
            [
                _Spelling(plain, plain.replace(" ", ""), name, difflib.SequenceMatcher(None, "", plain))
                for plain, name in _spellings(region).items()
            ],
        )
    return _matchers[1]


def _can_reach(a: int, b: int, score: float) -> bool:
    """Whether strings of lengths a and b can be more similar than `score` (difflib's ratio is
    at most 2 * min(a, b) / (a + b), what `real_quick_ratio` computes)."""
    return 2.0 * min(a, b) / (a + b) > score


def locate_municipality(region: Region, text: str) -> Found | None:
    """The region's municipality mentioned in `text` and its place there, or None."""
    words = [(m.start(), m.end(), _plain(m.group())) for m in _WORD.finditer(text or "")]
    spellings = _matchers_of(region)
    best, best_score = None, _MIN_SIMILARITY
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            span = words[i : i + n]
            joined = " ".join(w[2] for w in span)
            glued = joined.replace(" ", "")
            for spelling in spellings:
                if joined == spelling.plain or glued == spelling.glued:
                    return Found(spelling.name, span[0][0], span[-1][1])
                if len(joined) >= 4 and _can_reach(len(joined), len(spelling.plain), best_score):
                    # quick_ratio is a cheap upper bound of ratio: most word groups are ruled out
                    # by it (the extractor runs on every message)
                    matcher = spelling.matcher
                    matcher.set_seq1(joined)
                    if matcher.quick_ratio() > best_score:
                        score = matcher.ratio()
                        if score > best_score:
                            best, best_score = Found(spelling.name, span[0][0], span[-1][1]), score
    return best


def find_municipality(region: Region, text: str) -> str | None:
    """The official name of the region's municipality mentioned in `text`, or None."""
    found = locate_municipality(region, text)
    return found.name if found else None
