"""The region's answer library: what a region's maintainer changes in the assistant's answers,
without a developer and without training the model again.

Municipalities differ, and the maintainer knows how. In `region/answers.yml` they can, per answer
(named as in domain/, e.g. `utter_absence/leerplichtambtenaar`):
- give it a text of their own (`text`, with its `sources`),
- add a sentence for one municipality (`local`: the municipality's name, its `text` and `source`),
  shown when the conversation knows the user's municipality (the slot `gemeente`),
- switch it off (`off: true`): the user then gets the honest non-answer with a person offered.

Every change is checked before it is used: the shape (a JSON Schema), the answer and municipality
names, the B1 limits (bot.domain.plain_language), the sources and the links. A broken file is
refused with a Dutch message per problem naming the file and line, and the previous answers stay
(`LiveLibrary`). The Rasa side is bot/rasa_plugins/nlg.py; docs/answers-library.md says why."""

from __future__ import annotations

import difflib
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Collection, Mapping
from urllib.parse import urlsplit

import yaml

from bot import PROJECT_ROOT
from bot.domain.plain_language import problems as plain_language_problems
from bot.region.loader import RegionFileError, dotted, line_number, line_of, load_region, read_yaml, schema_problems
from bot.region.schema import URL_PATTERN
from bot.settings import settings

log = logging.getLogger(__name__)

DEFAULT_PATH = PROJECT_ROOT / "region" / "answers.yml"
MUNICIPALITY_SLOT = "gemeente"
READ_MORE = "Meer lezen"  # an answer's last paragraph names its source; a local sentence goes above it

_URL = {"type": "string", "pattern": URL_PATTERN}
_TEXT = {"type": "string", "minLength": 2}
_LINK = re.compile(r"\b(?:https?:/*|www\.)\S*", re.IGNORECASE)


class AnswersFileError(RegionFileError):
    """The answers file cannot be used; `problems` holds one line per problem, with its place."""

    what = "Het antwoordenbestand"


def answers_path() -> Path:
    return Path(settings.answers_file or DEFAULT_PATH)


def schema() -> dict:
    """The shape of the answers file; the names of answers and municipalities are checked after."""
    local = {
        "type": "object",
        "required": ["text", "source"],
        "additionalProperties": False,
        "properties": {"text": _TEXT, "source": _URL},
    }
    change = {
        "type": "object",
        "minProperties": 1,
        "additionalProperties": False,
        "properties": {
            "text": _TEXT,
            "sources": {"type": "array", "minItems": 1, "uniqueItems": True, "items": _URL},
            "local": {"type": "object", "minProperties": 1, "additionalProperties": local},
            "off": {"type": "boolean"},
        },
        "dependencies": {"text": ["sources"], "sources": ["text"]},
    }
    return {
        "type": "object",
        "required": ["version", "answers"],
        "additionalProperties": False,
        "properties": {
            "version": {"const": 1},
            "answers": {"type": ["object", "null"], "additionalProperties": change},
        },
    }


@dataclass(frozen=True)
class Change:
    """The maintainer's change to one answer."""

    text: str | None = None
    sources: tuple = ()
    local: Mapping[str, str] = field(default_factory=dict)  # municipality -> its sentence
    off: bool = False


@dataclass(frozen=True)
class Library:
    """The checked changes, by response name; empty when the region changes nothing."""

    changes: Mapping[str, Change] = field(default_factory=dict)

    def is_off(self, response: str) -> bool:
        change = self.changes.get(response)
        return bool(change and change.off)

    def local_sentence(self, response: str, municipality: str | None) -> str | None:
        change = self.changes.get(response)
        return change.local.get(municipality) if change and municipality else None

    def applied_to(self, responses: Mapping[str, list]) -> dict:
        """The domain's responses with the maintainer's texts and sources. Only a response's
        variations without a condition change (those with one, such as the English form
        questions, are said in another situation the maintainer did not write for)."""
        changed = dict(responses)
        for name, change in self.changes.items():
            if change.text is None or name not in responses:
                continue
            changed[name] = [
                variation
                if variation.get("condition")
                else {
                    **variation,
                    "text": change.text,
                    "metadata": {**(variation.get("metadata") or {}), "sources": list(change.sources)},
                }
                for variation in responses[name]
            ]
        return changed


def with_local_sentence(text: str, sentence: str) -> str:
    """The answer with the municipality's sentence above its "Meer lezen" paragraph (or at the end)."""
    head, separator, tail = text.rpartition("\n\n" + READ_MORE)
    if not separator:
        return f"{text}\n{sentence}"
    return f"{head}\n{sentence}{separator}{tail}"


def domain_response_names(folder: Path = PROJECT_ROOT / "domain") -> set:
    """The names of the responses in the domain's files, read as plain YAML (for `cip region
    check`; the Rasa server knows them from its model)."""
    names: set = set()
    for path in sorted(folder.glob("*.yml")):
        names |= set((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {})
    return names


def load_library(
    path: Path | None = None,
    responses: Collection[str] | None = None,
    municipalities: Collection[str] = (),
) -> Library:
    """The library in `path`, checked; AnswersFileError lists everything that is wrong. No file:
    no changes. `responses`: the names of the domain's responses (None: not checked)."""
    path = Path(path or answers_path())
    if not path.exists():
        return Library()
    try:
        document = read_yaml(path, AnswersFileError)
    except OSError as error:
        raise AnswersFileError(path, [f"{path}: kan het bestand niet lezen ({error.strerror})"]) from None
    problems = schema_problems(path, document, schema())
    if not problems:
        problems = _content_problems(path, document, responses, municipalities)
    if problems:
        raise AnswersFileError(path, problems)
    return Library(
        {
            str(name): Change(
                text=str(entry["text"]) if "text" in entry else None,
                sources=tuple(map(str, entry.get("sources", ()))),
                local={str(m): str(local["text"]) for m, local in (entry.get("local") or {}).items()},
                off=bool(entry.get("off", False)),
            )
            for name, entry in (document["answers"] or {}).items()
        }
    )


def _content_problems(path: Path, document, responses, municipalities) -> list[str]:
    """What the schema cannot say: known names, B1 texts, working links, no text for an answer
    that is switched off."""
    problems = []

    def report(where: list, message: str) -> None:
        problems.append(f"{path}:{line_of(document, where) or '?'}: {dotted(where)}: {message}")

    for name, entry in (document["answers"] or {}).items():
        here = ["answers", name]
        if responses is not None and name not in responses:
            report(here, f"onbekend antwoord {name}" + _suggestion(name, responses))
        if entry.get("off") and ("text" in entry or "local" in entry):
            report(here + ["off"], "een antwoord dat uit staat, krijgt geen eigen tekst of lokale zin")
        if "text" in entry:
            for problem in _text_problems(str(entry["text"])):
                report(here + ["text"], problem)
        for municipality, local in (entry.get("local") or {}).items():
            if municipality not in municipalities:
                report(
                    here + ["local", municipality],
                    f"{municipality} is geen gemeente in het regiobestand" + _suggestion(municipality, municipalities),
                )
            for problem in _text_problems(str(local["text"])):
                report(here + ["local", municipality, "text"], problem)
        for where, url in [
            *((here + ["sources", i], url) for i, url in enumerate(entry.get("sources", ()))),
            *((here + ["local", m, "source"], local["source"]) for m, local in (entry.get("local") or {}).items()),
        ]:
            if not _well_formed(str(url)):
                report(where, f"bron {url!r} is geen werkend webadres")
    return sorted(problems, key=line_number)


def _text_problems(text: str) -> list[str]:
    """B1 problems and links that are not well-formed https addresses."""
    links = [
        f"link {link!r} werkt niet goed: schrijf een volledig adres dat begint met https://"
        for link in _LINK.findall(text)
        if not _well_formed(link.rstrip(".,;:!?)"))
    ]
    return [*plain_language_problems(text), *links]


def _well_formed(url: str) -> bool:
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme == "https" and "." in host and not host.startswith(".") and not host.endswith(".")


def _suggestion(name: str, known: Collection[str]) -> str:
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; bedoel je {close[0]}?" if close else ""


def accepted_copy(path: Path) -> Path:
    """Where the assistant keeps the last answers file it accepted, beside the file itself."""
    return path.with_name(f".{path.name}.accepted")


class LiveLibrary:
    """The library as the running assistant uses it. Read again when the file changed (its
    modification time or size: one stat per answer); a broken file is refused, logged with every
    problem and its line, and the previous answers stay: those in memory, or after a restart the
    last accepted file (kept beside it), or else the domain's own answers."""

    def __init__(
        self,
        path: Path | None = None,
        responses: Collection[str] | None = None,
        municipalities: Callable[[], Collection[str]] = lambda: (),
    ):
        self.path = Path(path or answers_path())
        self._responses = responses
        self._municipalities = municipalities
        self._key: tuple | None = None
        self.library = self._first()

    def current(self) -> Library:
        key = self._file_key()
        if key != self._key:
            self._key = key
            try:
                self.library = self._load(self.path)
                self._keep_accepted()
            except RegionFileError as error:
                log.error("%s\nDe wijziging is niet gebruikt: de assistent geeft de vorige antwoorden.", error)
        return self.library

    def _first(self) -> Library:
        self._key = self._file_key()
        try:
            library = self._load(self.path)
            self._keep_accepted()
            return library
        except RegionFileError as error:
            log.error("%s\nDe wijziging is niet gebruikt: de assistent geeft de vorige antwoorden.", error)
        try:
            return self._load(accepted_copy(self.path))
        except RegionFileError as error:
            log.error(
                "Ook de vorige versie is niet te gebruiken; de assistent geeft de standaardantwoorden.\n%s", error
            )
            return Library()

    def _load(self, path: Path) -> Library:
        return load_library(path, self._responses, self._municipalities())

    def _file_key(self) -> tuple | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def _keep_accepted(self) -> None:
        copy = accepted_copy(self.path)
        try:
            if not self.path.exists():
                copy.unlink(missing_ok=True)
                return
            temporary = copy.with_name(f"{copy.name}.{os.getpid()}")
            temporary.write_bytes(self.path.read_bytes())
            os.replace(temporary, copy)  # whole or not at all, also with several Rasa workers
        except OSError as error:
            log.warning("vorige antwoorden niet bewaard in %s: %s", copy, error.strerror)


_project: dict = {}  # the answers file -> its LiveLibrary (only the last path asked for)


def project_library() -> Library:
    """The library for a process without Rasa's domain, such as the action server (which adds no
    local door to an answer that is switched off): the response names are read from domain/."""
    path = answers_path()
    if path not in _project:
        _project.clear()
        _project[path] = LiveLibrary(path, domain_response_names(), lambda: load_region().municipality_names)
    return _project[path].current()
