"""Which answer a message gets: the answer, one question back, or an honest "no answer".

A parent who gets an answer about another rule is worse off than one who hears that the
assistant has no answer and is offered a person. The classifier always ranks some answer first,
also for a question about a subject no answer covers, so a ranking alone is not enough. An
answer is given only when three things agree:

- the classifier is sure enough of it, and clearly surer than of the next one;
- the message contains at least one of the answer's anchor words (its subject: "verlof",
  "vakantie" for holiday leave); a message about a waiting list for mental health care has none
  of the words of the youth *health* care answer, however the classifier ranks it;
- the message does not name a subject that no answer covers (bullying, dyslexia, ...).

When they do not agree but some answers fit the message's words, the assistant asks back once
with at most three of them ("Bedoel je ...?"). Otherwise it says it has no answer, names the
subject when it can, and offers a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import yaml

from bot.domain.safety import normalise as plain
from bot.domain.uncovered_subjects import named_subject

ANSWERS_DIR = Path(__file__).resolve().parent / "answers"

ANSWER = "answer"
CLARIFY = "clarify"
NOT_COVERED = "not_covered"


@dataclass(frozen=True)
class Answer:
    key: str
    title: str
    anchors: Tuple[re.Pattern, ...]

    def fits(self, text: str) -> bool:
        return any(p.search(text) for p in self.anchors)


@dataclass(frozen=True)
class Thresholds:
    """Calibrated on the evaluation set's dev split (bench/RESULTS.md, "Real questions"): at 0.7
    one in 35 ordinary questions got an answer about another rule, at 0.8 one in 50."""

    answer: float = 0.8  # the classifier's confidence needed to answer at once
    margin: float = 0.2  # ... and its lead over the next answer
    unanchored: float = 0.97  # confidence that answers even without an anchor word
    offer: float = 0.05  # the least confidence of an answer offered in a clarification
    max_offered: int = 3


@dataclass
class Choice:
    kind: str
    key: Optional[str] = None  # ANSWER
    offered: List[str] = field(default_factory=list)  # CLARIFY
    subject: Optional[str] = None  # NOT_COVERED, when the message names one

    def as_dict(self) -> Dict:
        return {"kind": self.kind, "key": self.key, "offered": self.offered, "subject": self.subject}


@lru_cache(maxsize=1)
def answers() -> Dict[str, Answer]:
    """Every answer key with its Dutch title and anchors, from bot/domain/answers/*.yml."""
    found: Dict[str, Answer] = {}
    for path in sorted(ANSWERS_DIR.glob("*.yml")):
        for key, spec in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            found[key] = Answer(key, spec["title"], tuple(re.compile(a) for a in spec.get("anchors") or []))
    return found


THEME_TITLES = {"route": "Hulp en ondersteuning", "privacy": "Privacy", "absence": "Leerplicht en verzuim"}


def title(key: str) -> str:
    """The Dutch title of an answer or theme (for buttons and the contact person's summary)."""
    answer = answers().get(key)
    return answer.title if answer else THEME_TITLES.get(key, key)


def combined_ranking(
    theme_confidence: Dict[str, float], theme_rankings: Dict[str, Sequence[Tuple[str, float]]]
) -> List[Tuple[str, float]]:
    """One ranking over the answers of all themes, from one answer ranking per theme: an answer's
    confidence is the confidence in its theme times its confidence within the theme (the chance
    of the theme and then of the answer). Why per theme: one softmax over 64 answers spread its
    confidence so thin that most right answers fell under the answer threshold (bench/RESULTS.md,
    "25 new answers"); within a theme of about 20 answers it does not, and a message that
    hesitates between themes still gets a lower confidence."""
    ranked = [
        (key, theme_confidence.get(theme, 0.0) * confidence)
        for theme, ranking in theme_rankings.items()
        for key, confidence in ranking
    ]
    return sorted(ranked, key=lambda pair: pair[1], reverse=True)


def choose(
    text: str, ranking: Sequence[Tuple[str, float]], limits: Thresholds = Thresholds(), answerable: bool = True
) -> Choice:
    """The choice for a message whose answers the classifier ranked as (key, confidence).
    ``answerable=False``: the classifier found the message outside the themes (or was unsure of
    its intent), so no answer is given at once; one that fits can still be offered."""
    words = plain(text)
    known = answers()
    ranking = [(k, c) for k, c in ranking if k in known]
    fitting = [(k, c) for k, c in ranking if known[k].fits(words)]
    subject = named_subject(words)
    if ranking and answerable:
        top, confidence = ranking[0]
        second = ranking[1][1] if len(ranking) > 1 else 0.0
        sure = confidence >= limits.answer and confidence - second >= limits.margin
        anchored = known[top].fits(words)
        if sure and (anchored or confidence >= limits.unanchored) and not (subject and not anchored):
            return Choice(ANSWER, key=top)
    if subject and not fitting:
        return Choice(NOT_COVERED, subject=subject)
    offered = [k for k, c in fitting if c >= limits.offer][: limits.max_offered]
    if offered:
        return Choice(CLARIFY, offered=offered)
    return Choice(NOT_COVERED, subject=subject)
