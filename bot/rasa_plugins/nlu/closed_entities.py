"""Rasa NLU component: the user's role, the school type and the child's age, found by fixed Dutch
phrases instead of by DIET.

Why: the three are closed classes with a few dozen words between them, and what counts is the
phrase around the word, not the word alone. The role is the user's own ("ik ben mentor", "als
moeder"), never one they only mention ("de mentor zegt", "een vader vraagt verlof"), since it goes
into the ticket; an age is a number said as an age ("mijn zoon van 13", "ik ben 16", "14 jaar"),
not "12 uur" or "groep 8". Rules say this exactly and the same way every time, where DIET had to
learn it from examples; and DIET's entity layer (a CRF) was half of DIET's training time (issue 2).

The words come from the training data: the annotated entities and their synonyms
(data/nlu/entities.yml). The value is the canonical one ("juf" -> "leerkracht"), so the
EntitySynonymMapper has nothing left to do for these entities.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.nlu.trained import TrainedComponent

ROLE, SCHOOL_TYPE, AGE = "rol", "schooltype", "leeftijd"
WORDS_FILE = "closed_entities.json"

# The user speaks of themself: "ik ben (de) mentor", "wij zijn ouders", "als moeder" ("als" with an
# article is "if": "als de mentor belt"), or the whole message is the role ("leerkracht", as an
# answer to "wat is je rol?").
SELF = r"(?:\b(?:ik\s+ben|ben\s+ik|wij\s+zijn|we\s+zijn)\s+(?:(?:een|de|het|hun|zijn|haar)\s+)?|\bals\s+)"
ALONE_START, ALONE_END = r"^\s*", r"\s*[.!]?\s*$"
# a whole number of 0 to 30, not part of "1,5", "8:30" or "2.000"
AGE_NUMBER = r"(?<!\d)(?<!\d[.,:])(?P<value>[12]?\d|30)(?!\d|[.,:]\d)"
# a number followed by one of these is no age: "12 uur", "4 weken", "zijn 18e", "van 8 tot 12",
# "artikel 5 onder a"
NOT_AGE = (
    r"(?!\s*(?:uur|u\b|weken|week|dagen|dag|maanden|maand|keer|minuten|procent|%|euro|e\b|ste\b|de\b|onder\b|tot\s+\d))"
)
AGE_PATTERNS = (
    # "mijn zoon van 13", "ik ben 16", "is net 5", "wordt 12 jaar"
    r"\b(?:van|is|ben|wordt|word|werd|was)\s+(?:(?:net|bijna|pas|nu|gisteren)\s+)?" + AGE_NUMBER + NOT_AGE,
    # "hij is al 16", but "hij is al 2 jaar thuis" is a duration ("al 16 jaar oud" is an age)
    r"\b(?:is|ben)\s+al\s+" + AGE_NUMBER + NOT_AGE + r"(?!\s*jaar\b(?!\s+oud))",
    # "nu hij 10 is", "als mijn kind al 17 is"
    r"\b(?:hij|zij|ze|het|kind|zoon|dochter|ik)\s+(?:(?:al|nu|pas|net)\s+)?"
    + AGE_NUMBER
    + r"\s+(?:is|ben|wordt|word)\b",
    # "16 jaar oud", "5 geworden", "een 15-jarige"
    AGE_NUMBER + r"(?:\s*jaar\s+oud|\s*jaar\s+geworden|\s*geworden|\s*-?\s*jarige)\b",
    # the whole message: "14", "14 jaar" (an answer to "hoe oud is je kind?")
    ALONE_START + AGE_NUMBER + r"(?:\s*jaar(?:\s+oud)?)?" + ALONE_END,
)


def _phrases(words: Dict[str, str]) -> str:
    """An alternation of the words, longest first: "speciaal basisonderwijs" before "speciaal
    onderwijs" and "basisonderwijs" (the patterns that use it add the word boundaries)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


class ClosedClassMatcher:
    """The matching itself, apart from Rasa, so that it can be tested and measured on its own."""

    def __init__(self, words: Dict[str, Dict[str, str]]):
        """``words``: entity -> {word as typed (lower case): canonical value}."""
        self.words = words
        roles, schools = words.get(ROLE) or {}, words.get(SCHOOL_TYPE) or {}
        self._roles = (
            [
                re.compile(rf"{SELF}(?P<value>{_phrases(roles)})\b", re.I),
                re.compile(rf"{ALONE_START}(?P<value>{_phrases(roles)}){ALONE_END}", re.I),
            ]
            if roles
            else []
        )
        self._schools = [re.compile(rf"\b(?P<value>{_phrases(schools)})\b", re.I)] if schools else []
        self._ages = [re.compile(pattern, re.I) for pattern in AGE_PATTERNS]

    def entities(self, text: str) -> List[Dict[str, Any]]:
        """The entities found in ``text``, each with its canonical value and place, in text order."""
        found: Dict[Tuple[int, int], Dict[str, Any]] = {}
        for entity, patterns in ((ROLE, self._roles), (SCHOOL_TYPE, self._schools), (AGE, self._ages)):
            for pattern in patterns:
                for match in pattern.finditer(text):
                    found.setdefault(match.span("value"), self._entity(entity, match, self.words.get(entity)))
        return sorted(found.values(), key=lambda e: e[ENTITY_ATTRIBUTE_START])

    @staticmethod
    def _entity(entity: str, match: re.Match, canonical: Optional[Dict[str, str]]) -> Dict[str, Any]:
        """The entity of a match's `value` group: its canonical value, or the number for an age."""
        typed = match.group("value")
        value = canonical[typed.lower()] if canonical is not None else typed
        return {
            ENTITY_ATTRIBUTE_TYPE: entity,
            ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: match.start("value"),
            ENTITY_ATTRIBUTE_END: match.end("value"),
            EXTRACTOR: "ClosedClassEntityExtractor",
        }


def words_from(training_data: TrainingData) -> Dict[str, Dict[str, str]]:
    """entity -> {word: canonical value}, from the annotated role and school type examples and
    every synonym of a value that was annotated."""
    words: Dict[str, Dict[str, str]] = {ROLE: {}, SCHOOL_TYPE: {}}
    synonyms = {typed.lower(): value for typed, value in training_data.entity_synonyms.items()}
    for example in training_data.entity_examples:
        for entity in example.get(ENTITIES) or []:
            kind = entity.get(ENTITY_ATTRIBUTE_TYPE)
            if kind not in words:
                continue
            typed = example.get(TEXT)[entity[ENTITY_ATTRIBUTE_START] : entity[ENTITY_ATTRIBUTE_END]].lower()
            value = str(entity.get(ENTITY_ATTRIBUTE_VALUE))
            value = synonyms.get(value.lower(), value)
            words[kind][typed] = words[kind][value.lower()] = value
    for kind, found in words.items():
        values = set(found.values())
        found.update({typed: value for typed, value in synonyms.items() if value in values})
    return words


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class ClosedClassEntityExtractor(TrainedComponent, EntityExtractorMixin):
    """Sets the `rol`, `schooltype` and `leeftijd` entities (see the module's docstring)."""

    def learn(self, training_data: TrainingData) -> ClosedClassMatcher:
        return ClosedClassMatcher(words_from(training_data))

    @staticmethod
    def write(learned: ClosedClassMatcher, directory: Path) -> None:
        (directory / WORDS_FILE).write_text(
            json.dumps(learned.words, ensure_ascii=False, sort_keys=True), encoding="utf-8"
        )

    @classmethod
    def read(cls, directory: Path) -> ClosedClassMatcher:
        return ClosedClassMatcher(json.loads((directory / WORDS_FILE).read_text(encoding="utf-8")))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self.learned.entities(message.get(TEXT) or "")
            if found:
                message.set(ENTITIES, (message.get(ENTITIES) or []) + found, add_to_output=True)
        return messages
