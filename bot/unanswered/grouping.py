"""Similar questions in one group, so the maintainer sees which subject comes back most often.

No model: two questions are alike when their word sets (words of three letters or more, the tags
included, [NAAM] and such count as words) or their character trigrams overlap enough (Jaccard).
Trigrams catch spelling variants and inflections ("verlof"/"verlofaanvraag"). Single-link
grouping in one pass: a question joins the first group with a member it is alike to. Quadratic,
which is fine for the few thousand questions of 28 days."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORDS_ALIKE, TRIGRAMS_ALIKE = 0.5, 0.45
_WORD = re.compile(r"\[[A-Z-]+\]|\w{3,}")


@dataclass
class Group:
    ids: list = field(default_factory=list)
    texts: list = field(default_factory=list)
    _features: list = field(default_factory=list, repr=False)

    @property
    def count(self) -> int:
        return len(self.ids)


def features(text: str) -> tuple[frozenset, frozenset]:
    lower = text.lower()
    words = frozenset(_WORD.findall(lower))
    squeezed = " ".join(re.findall(r"\w+", lower))
    return words, frozenset(squeezed[i : i + 3] for i in range(len(squeezed) - 2))


def alike(a: tuple[frozenset, frozenset], b: tuple[frozenset, frozenset]) -> bool:
    return _jaccard(a[0], b[0]) >= WORDS_ALIKE or _jaccard(a[1], b[1]) >= TRIGRAMS_ALIKE


def group(questions: list[tuple[int, str]]) -> list[Group]:
    """Groups of (id, text), the largest first."""
    groups: list[Group] = []
    for question_id, text in questions:
        found = features(text)
        home = next((g for g in groups if any(alike(found, f) for f in g._features)), None)
        if home is None:
            home = Group()
            groups.append(home)
        home.ids.append(question_id)
        home.texts.append(text)
        home._features.append(found)
    return sorted(groups, key=lambda g: (-g.count, g.ids[0]))


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0
