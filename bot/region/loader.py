"""Reads and checks the region file. Every problem is reported with the file and line and a
Dutch message, and a broken file stops start-up and training instead of breaking handoff later."""

from __future__ import annotations

import difflib
from pathlib import Path

from jsonschema import Draft7Validator
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError

from bot import PROJECT_ROOT
from bot.region.model import Contact, Door, Municipality, Region
from bot.region.schema import EMAIL_PATTERN, ID_PATTERN, PHONE_PATTERN, THEMES, URL_PATTERN, schema
from bot.settings import settings

DEFAULT_PATH = PROJECT_ROOT / "region" / "region.yml"


class RegionFileError(Exception):
    """The region file cannot be used; `problems` holds one line per problem, with its place."""

    what = "Het regiobestand"  # the file, as a maintainer calls it

    def __init__(self, path: Path, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{self.what} {path} bevat {len(problems)} fout(en):\n" + "\n".join(problems))


def region_path() -> Path:
    return Path(settings.region_file or DEFAULT_PATH)


def load_region(path: Path | None = None) -> Region:
    """The region of this deployment, or RegionFileError listing everything that is wrong.

    Read again only when the file changed (its modification time or size): the action server asks
    for it in every action, and parsing and checking the YAML took a third of its time per message
    (bench/RESULTS.md). An edited file is still used from the next message on, without a restart."""
    path = Path(path or region_path())
    try:
        stat = path.stat()
        key = (path.resolve(), stat.st_mtime_ns, stat.st_size)
        if key not in _loaded:
            _loaded.clear()
            _loaded[key] = _read(path)
    except OSError as error:
        raise RegionFileError(path, [f"{path}: kan het bestand niet lezen ({error.strerror})"]) from None
    return _loaded[key]


_loaded: dict = {}  # (path, mtime, size) -> Region; only the last file read


def read_yaml(path: Path, error_class: type = RegionFileError):
    """The YAML document in `path` with the line of every node (ruamel's round-trip loader), or
    `error_class` naming the line where the YAML breaks."""
    text = path.read_text(encoding="utf-8")
    try:
        return YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise error_class(path, [f"{path}{line}: geen geldige YAML ({error.problem or error.context})"]) from None


def schema_problems(path: Path, document, schema_of_file: dict) -> list[str]:
    """Every way `document` breaks `schema_of_file`, as Dutch lines with file and line, top to bottom."""
    return sorted(
        (_describe(path, document, error) for error in Draft7Validator(schema_of_file).iter_errors(document)),
        key=line_number,
    )


def _read(path: Path) -> Region:
    document = read_yaml(path)
    problems = schema_problems(path, document, schema(_municipality_names(document)))
    if not problems:
        problems = _cross_checks(path, document)
    if problems:
        raise RegionFileError(path, problems)
    return _build(document)


def _municipality_names(document) -> list[str]:
    try:
        return [str(m["name"]) for m in document["municipalities"] if isinstance(m, dict) and "name" in m]
    except (TypeError, KeyError):
        return []


def line_number(problem: str) -> int:
    number = problem.split(":")[1] if problem.count(":") >= 2 else ""
    return int(number) if number.isdigit() else 0


def line_of(document, path) -> int | None:
    """The 1-based line of the deepest node on `path` that carries a position."""
    node, line = document, None
    for key in path:
        lc = getattr(node, "lc", None)
        if lc is not None:
            try:
                line = (lc.key(key) if isinstance(key, str) else lc.item(key))[0] + 1
            except (KeyError, IndexError, TypeError):
                pass
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            break
    if line is None and getattr(document, "lc", None) is not None:
        line = document.lc.line + 1
    return line


def dotted(path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(bestand)"


_MESSAGES = {
    "required": lambda e: f"verplicht veld ontbreekt: {e.message.split(chr(39))[1]}",
    "additionalProperties": lambda e: _unknown_field(e),
    "enum": lambda e: f"waarde {e.instance!r} is niet toegestaan; kies uit: {', '.join(map(str, e.validator_value))}",
    "const": lambda e: f"waarde {e.instance!r} moet {e.validator_value!r} zijn",
    "type": lambda e: f"verwacht {_TYPES.get(e.validator_value, e.validator_value)}, gevonden {e.instance!r}",
    "pattern": lambda e: (
        f"waarde {e.instance!r} heeft niet de goede vorm ({_PATTERN_HINT.get(e.validator_value, 'zie de andere regels')})"
    ),
    "minItems": lambda e: "de lijst mag niet leeg zijn",
    "minLength": lambda e: f"waarde {e.instance!r} is te kort",
    "uniqueItems": lambda e: "de lijst noemt iets twee keer",
    "minimum": lambda e: f"waarde {e.instance!r} is te klein (minimaal {e.validator_value})",
    "maximum": lambda e: f"waarde {e.instance!r} is te groot (maximaal {e.validator_value})",
    "minProperties": lambda e: "leeg: vul iets in of haal het weg",
    "dependencies": lambda e: f"bij {e.message.split(chr(39))[3]} hoort ook {e.message.split(chr(39))[1]}",
}


def _unknown_field(error) -> str:
    extra = error.message.split("'")[1]
    close = difflib.get_close_matches(extra, list(error.schema.get("properties", {})), n=1, cutoff=0.6)
    return f"onbekend veld (tikfout?): {extra}" + (f"; bedoel je {close[0]}?" if close else "")


_TYPES = {
    "object": "een groep velden",
    "array": "een lijst",
    "string": "tekst",
    "integer": "een heel getal",
    "boolean": "true of false",
}


_PATTERN_HINT = {
    PHONE_PATTERN: "telefoonnummer zoals 0543-123456 of +31543123456",
    EMAIL_PATTERN: "e-mailadres zoals naam@example.org",
    URL_PATTERN: "webadres dat begint met https://",
    ID_PATTERN: "korte code van kleine letters, zoals anna",
}


def _describe(path: Path, document, error) -> str:
    where = list(error.absolute_path)
    pointed = where + [error.message.split("'")[1]] if error.validator == "additionalProperties" else where
    line = line_of(document, pointed)
    message = _MESSAGES.get(error.validator, lambda e: e.message)(error)
    return f"{path}:{line or '?'}: {dotted(where)}: {message}"


def _cross_checks(path: Path, document) -> list[str]:
    """What a schema cannot say: unique names and ids, and a contact person for every question."""
    problems = []
    seen: dict = {}
    for i, municipality in enumerate(document["municipalities"]):
        for spelling in [municipality["name"], *municipality.get("aliases", [])]:
            key = str(spelling).casefold()
            if key in seen:
                problems.append(
                    f"{path}:{line_of(document, ['municipalities', i, 'name'])}: "
                    f"municipalities[{i}]: de naam {spelling!r} staat al bij {seen[key]}"
                )
            seen[key] = municipality["name"]
    for field in ("id", "email"):
        values: dict = {}
        for i, contact in enumerate(document["contacts"]):
            value = str(contact[field]).casefold()
            if value in values:
                problems.append(
                    f"{path}:{line_of(document, ['contacts', i, field])}: contacts[{i}].{field}: "
                    f"{contact[field]!r} staat ook bij contacts[{values[value]}]"
                )
            values[value] = i
    for municipality in document["municipalities"]:
        for theme in THEMES:
            if not any(
                municipality["name"] in c["municipalities"] and theme in c["themes"] for c in document["contacts"]
            ):
                problems.append(
                    f"{path}:{line_of(document, ['contacts'])}: contacts: niemand neemt vragen "
                    f"over {theme} aan voor {municipality['name']}"
                )
    return problems


def _build(document) -> Region:
    municipalities = {
        str(m["name"]): Municipality(
            name=str(m["name"]),
            url=str(m["url"]),
            aliases=tuple(str(a) for a in m.get("aliases", [])),
            doors={kind: Door(**{k: str(v) for k, v in door.items()}) for kind, door in m["doors"].items()},
        )
        for m in document["municipalities"]
    }
    contacts = tuple(
        Contact(
            id=str(c["id"]),
            name=str(c["name"]),
            role=str(c["role"]),
            email=str(c["email"]),
            phone=str(c["phone"]) if "phone" in c else None,
            municipalities=tuple(map(str, c["municipalities"])),
            themes=tuple(map(str, c["themes"])),
            working_days=tuple(map(str, c["working_days"])),
            coordinator=bool(c.get("coordinator", False)),
        )
        for c in document["contacts"]
    )
    info = document["region"]
    return Region(
        name=str(info["name"]),
        phone=str(info["phone"]),
        email=str(info["email"]),
        response_hours=int(info.get("response_hours", 48)),
        example=bool(info.get("example", False)),
        municipalities=municipalities,
        contacts=contacts,
    )
