"""The B1 rules every answer keeps, as a check that names what breaks them (in Dutch, for the
person who writes the answer: a developer or a region's maintainer).

Parents read the answers on a phone, often in a hurry or worried, and not all of them read Dutch
well. So an answer is short, its sentences are short, it says "je", it explains a term the first
time it uses it (each answer can be the first a user sees), and a link shows the source's name
instead of a raw URL that wraps over three lines. ``problems(text)`` is used by the answers' test
(tests/domain/test_plain_language.py) and by the check of a region's own answers.

How the text is measured:

- The "Meer lezen" line (the source link) is not counted. A markdown link ``[name](url)`` counts
  as its name.
- A word is a run of characters without spaces that holds a letter or digit ("0800-2000" is one
  word, a lone "-" none).
- Sentences: each line is split after ".", "?" or "!" followed by a space. A line is always the end
  of a sentence, so every list item ("- ..." or "1. ...") is a sentence of its own, also when it
  ends with ";" or nothing, and so is a line that introduces a list ("Dit is de volgorde:"). The
  list marker itself is not a word.
- A glossary term (``glossary.yml``) is *explained* at its first use when, in that sentence or
  the next, one of its uses is followed by an explanation in brackets ("TLV
  (toelaatbaarheidsverklaring)"), a colon ("de leerplichtambtenaar: die ..."), an apposition (",
  die ..." / ", dat ...") or a definition ("Een beschikking is een ...", "... een beschikking. Dat
  is een besluit ..."); one word may stand between the term and a colon or such a next sentence
  ("een proces-verbaal opmaken: een officieel rapport"). Or an abbreviation stands in brackets
  right after what it stands for ("toelaatbaarheidsverklaring (TLV)"). A term explained in
  ``before`` (the part the user has already seen, for a "Meer hierover" part) counts as explained.
  This is a check of form, not of meaning: the reviewer still reads the explanation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import List, Tuple

import yaml

GLOSSARY_FILE = Path(__file__).resolve().parent / "glossary.yml"

MAX_WORDS = 80
MAX_MEAN_SENTENCE = 15

MORE_READING = re.compile(r"^\s*Meer lezen\b.*$", re.MULTILINE)
MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\((https?://[^)\s]+)\)")
RAW_URL = re.compile(r"https?://\S+|\bwww\.\S+")
LIST_MARKER = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
WORD = re.compile(r"\S*[^\W_]\S*")
FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")
# What may follow a term to explain it: brackets, a colon, an apposition, a definition, also as
# the next sentence ("... een beschikking. Dat is een besluit ..."). Before a colon or such a next
# sentence one word may come ("een proces-verbaal opmaken: een officieel rapport ..."); an
# abbreviation in brackets is skipped ("samenwerkingsverband (SWV) is een groep ...").
ABBREVIATION = re.compile(r"^\s*\([A-Z]{2,}\)")
EXPLAINED_AFTER = re.compile(
    r"^(?:\s*\("
    r"|,\s(?:die|dat|een|de|het)\b"
    r"|\s(?:is|zijn|betekent)\s|\sbetekent:"
    r"|(?:\s[^\W\d]+)?(?::\s+(?=[^\W\d])|\.\s(?:Dat|Die|Dit) (?:is|zijn|betekent)[\s:]))"
)
SENTENCE_BREAK = re.compile(r"[.?!]?[ \t]*\n|[.?!](?=\s|$)")


@dataclass(frozen=True)
class Term:
    """A word a B1 reader may not know, its other forms, and a short explanation."""

    term: str
    explanation: str
    forms: Tuple[str, ...] = ()
    stands_for: str = ""

    @property
    def pattern(self) -> re.Pattern:
        names = "|".join(re.escape(f) for f in sorted((self.term, *self.forms), key=len, reverse=True))
        flags = 0 if any(c.isupper() for c in self.term) else re.IGNORECASE
        return re.compile(rf"(?<![\w-])(?:{names})(?!\w)", flags)

    def explained_at(self, text: str, match: re.Match) -> bool:
        """Whether this use, or another in its sentence or the next, is followed by an explanation."""
        breaks = [m.end() for m in SENTENCE_BREAK.finditer(text, match.end())][:2]
        window_end = breaks[-1] if breaks else len(text)
        return any(self._explains(text, m) for m in self.pattern.finditer(text, match.start(), window_end))

    def _explains(self, text: str, match: re.Match) -> bool:
        after = ABBREVIATION.sub("", text[match.end() :], count=1)
        if EXPLAINED_AFTER.match(after):
            return True
        before = text[: match.start()]
        return bool(
            self.stands_for and before.endswith("(") and before[:-1].rstrip().lower().endswith(self.stands_for.lower())
        )


@lru_cache(maxsize=1)
def glossary() -> Tuple[Term, ...]:
    """The terms of ``glossary.yml``, read once."""
    entries = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))["terms"]
    return tuple(
        Term(
            term=e["term"],
            explanation=e["explanation"],
            forms=tuple(e.get("forms", ())),
            stands_for=e.get("stands_for", ""),
        )
        for e in entries
    )


def body(text: str) -> str:
    """The text a user reads as the answer: without the "Meer lezen" line, links as their names."""
    return MARKDOWN_LINK.sub(r"\1", MORE_READING.sub("", text))


def words(text: str) -> List[str]:
    return WORD.findall(LIST_MARKER.sub("", text))


def sentences(text: str) -> List[str]:
    """The sentences of ``text`` (see the module's docstring: every line ends one)."""
    found = []
    for line in body(text).splitlines():
        line = LIST_MARKER.sub("", line).strip()
        found += [s for s in SENTENCE_END.split(line) if words(s)]
    return found


def _unexplained(text: str, before: str) -> List[Term]:
    """The terms whose first use in ``before + text`` is not explained."""
    whole = body(before) + "\n" + body(text) if before else body(text)
    start = len(body(before)) + 1 if before else 0
    missing = []
    for term in glossary():
        first = term.pattern.search(whole)
        if first and not term.explained_at(whole, first) and term.pattern.search(whole, start):
            missing.append(term)
    return missing


def problems(text: str, before: str = "") -> List[str]:
    """What in ``text`` breaks the B1 rules, in Dutch; empty when it keeps them all.

    ``before`` is the text the user has already seen right before (the short part of an answer
    whose "Meer hierover" part ``text`` is): its explained terms count as explained."""
    found = []
    parts = sentences(text)
    count = sum(len(words(s)) for s in parts)
    if count > MAX_WORDS:
        found.append(
            f"{count} woorden: dat is te lang (hoogstens {MAX_WORDS}). Zet de rest in een 'Meer hierover'-deel."
        )
    if parts and count / len(parts) > MAX_MEAN_SENTENCE:
        found.append(
            f"De zinnen zijn gemiddeld {count / len(parts):.1f} woorden lang (hoogstens {MAX_MEAN_SENTENCE}). "
            "Maak ze korter."
        )
    for word in sorted(set(FORMAL.findall(body(text)))):
        found.append(f"'{word}' spreekt de lezer aan met u. Gebruik 'je' of 'jouw'.")
    for term in _unexplained(text, before):
        found.append(
            f"'{term.term}' wordt niet uitgelegd waar het voor het eerst staat. "
            f"Bijvoorbeeld: '{term.term} ({term.explanation})'."
        )
    for url in RAW_URL.findall(MARKDOWN_LINK.sub("", text)):
        found.append(f"Kale link '{url}'. Laat de naam van de bron zien: 'Meer lezen bij [naam]({url})'.")
    return found
