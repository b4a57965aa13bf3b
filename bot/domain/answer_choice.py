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
with at most three of them ("Bedoel je ...?"). A question on a theme in words no anchor knows
("verlof aanvragen", "wat is leerplicht") gets the classifier's likeliest answers offered when it
is fairly sure of one: a button costs the user one click, a "no answer" sends them away. Otherwise
it says it has no answer, names the subject when it can, and offers a person.
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
    """Calibrated on the evaluation sets' dev splits (bench/RESULTS.md, "one answer model instead
    of four ResponseSelectors"): with the answer model at 0.8, 6 of 504 questions got an answer
    about another rule (1.2 %), at 0.75 11 of 504."""

    answer: float = 0.8  # the classifier's confidence needed to answer at once
    margin: float = 0.2  # ... and its lead over the next answer
    unanchored: float = 0.97  # confidence that answers even without an anchor word
    offer: float = 0.05  # the least confidence of an answer offered in a clarification
    # the top answer's confidence that offers the likeliest answers when none fits the words; on
    # the held-out writers' questions it turned 26 of 34 "no answer"s into a question back with
    # the right answer, and no question outside the answers into one (bench/RESULTS.md, stop 17)
    unanchored_offer: float = 0.3
    # a question back with fewer than three fitting answers also offers the ranking's likeliest
    # from this confidence: on the dev splits 20 more of 377 questions back had the right answer
    # among their buttons (the first button and what is answered at once unchanged; stop 18)
    filled_offer: float = 0.1
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
        likeliest = [k for k, c in ranking if c >= limits.filled_offer and k not in offered]
        offered = (offered + likeliest)[: limits.max_offered]
    elif answerable and ranking and ranking[0][1] >= limits.unanchored_offer:
        offered = [k for k, c in ranking if c >= limits.offer][: limits.max_offered]
    if offered:
        return Choice(CLARIFY, offered=offered)
    return Choice(NOT_COVERED, subject=subject)
