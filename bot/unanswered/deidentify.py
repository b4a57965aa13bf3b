"""Personal data out of a message before it is stored: names, places, schools, dates, addresses,
postcodes, phone numbers, e-mail addresses and BSN become tags such as [NAAM] and [PLAATS].

Rules of our own, not the Dutch library `deduce`: its versions that start need regex >= 2024.11,
Rasa 3.6 pins regex 2022.10.31, and the one version that installs beside that pin (3.0.4) lacks its
configuration file and does not start (docs/security-privacy.md). The name and place lists are
Faker's Dutch ones (first names, surnames, 2,400 places), plus the region's municipalities and
their villages from the region file. Recall on tests/data/deidentify_messages.yml:
`python -m bench.deidentify` (bench/RESULTS.md).

The rules lean to removing too much: a capitalised word inside a sentence that is no known
organisation is taken for a name, and so is the word after "heet", "juf" or "meneer". A question
without a name reads just as well for the maintainer who decides what answer to add."""

from __future__ import annotations

import re
from functools import lru_cache

from faker.providers.address.nl_NL import Provider as _Places
from faker.providers.person.nl_NL import Provider as _People

from bot.region.model import Region

NAME, PLACE, SCHOOL, DATE, ADDRESS, POSTCODE, PHONE, EMAIL, BSN = (
    "[NAAM]",
    "[PLAATS]",
    "[SCHOOL]",
    "[DATUM]",
    "[ADRES]",
    "[POSTCODE]",
    "[TELEFOON]",
    "[E-MAIL]",
    "[BSN]",
)
MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTHS_SHORT = "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_WORD = r"[A-Za-zÀ-ÿ][\w'’-]*"
# "basisschool in Aalten", "de basisschool zegt": the word after "basisschool" that is no name
_NO_SCHOOL_NAME = (
    "in|op|van|is|en|met|bij|voor|niet|heeft|wil|zegt|gaat|doet|mijn|die|dat|waar|of|maar|want|te|om|ook|nu|al"
    "|weer|kan|moet|mag|zit|was|wordt"
)
# Numbers and shapes first (a phone number is not a date); the order of this list is the order of replacement.
PATTERNS = (
    (EMAIL, re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")),
    (PHONE, re.compile(r"(\+|00)31[\s-]?\(?0?\)?[\s-]?\d([\s-]?\d){8}|\b0\d{1,3}[\s-]?\d{2,4}([\s-]?\d{2,4}){1,3}\b")),
    (BSN, re.compile(r"\b\d{3}[.\s]?\d{2,3}[.\s]?\d{3}\b")),
    (POSTCODE, re.compile(r"\b[1-9]\d{3}\s?[A-Za-z]{2}\b(?<!\b\d{4} (?:en|of|is|in|op|om|te))")),
    (
        DATE,
        re.compile(
            rf"\b\d{{1,2}}[-/.]\d{{1,2}}([-/.]\d{{2,4}})?\b|\b\d{{1,2}}(e|ste|de)?\s+({MONTHS}|{MONTHS_SHORT})\.?(\s+\d{{4}})?\b"
            rf"|\b({MONTHS})\s+(19|20)\d\d\b|\b(19|20)\d\d\b",
            re.IGNORECASE,
        ),
    ),
    (
        ADDRESS,
        re.compile(
            rf"\b{_WORD}(straat|weg|laan|plein|steeg|dijk|singel|gracht|kade|hof|pad|dreef|markt|veld|erf|ring|park)"
            rf"\s+\d+\s?[a-zA-Z]?\b",
            re.IGNORECASE,
        ),
    ),
    (
        SCHOOL,
        re.compile(
            rf"\b(basisschool|obs|cbs|rkbs|pcbs|kbs|ikc|kindcentrum|montessorischool|daltonschool"
            rf"|jenaplanschool)\s+(de\s+|het\s+|'t\s+)?(?!(?:{_NO_SCHOOL_NAME})\b)"
            rf"{_WORD}(?-i:(\s+[A-Z]{_WORD})?)"
            rf"|\b(het\s+|'t\s+)?(?-i:([A-Z]{_WORD}[\s-])?){_WORD}[\s-]?(college|lyceum|gymnasium|atheneum|scholengemeenschap)\b"
            rf"|(?-i:\b[Ss]chool\s+(([Dd]e|[Hh]et|'t)\s+)?[A-Z]{_WORD})"
            rf"|(?-i:\bhet\s+[A-Z]{_WORD}\b)(?<!\bhet Nederlands)(?<!\bhet Engels)",
            re.IGNORECASE,
        ),
    ),
)
# The college pattern above would take "op het college" too: a school needs a name before the word
_PLAIN_SCHOOL_WORD = re.compile(r"^(het\s+|'t\s+)?(college|lyceum|gymnasium|atheneum|scholengemeenschap)$", re.I)
# After these words comes a name (_after_cue decides for a lowercase word)
NAME_CUES = re.compile(
    r"\b(heet|heten|genaamd|naam is|noemen we|juf|juffrouw|meester|mevrouw|meneer|mw\.?|dhr\.?|mr\.?|mevr\.?|"
    r"mentor|docent|leerkracht|ib'?er|zoon|dochter|kind|broer|zus|zusje|broertje|man|vrouw|partner|ex)\s+"
    r"((van|de|der|den|ter|ten|te|van der|van den|van de)\s+)?(" + _WORD + r")",
    re.IGNORECASE,
)
# Words after a cue that are no name ("mijn zoon is ...", "de juf zegt ...")
NOT_NAMES = frozenset(
    """is was heeft had wil wilde zegt zei gaat ging doet deed zit zat kan kon moet mocht mag wordt werd
    en of maar want die dat dit deze wie wat waar hoe niet ook al nog wel geen een de het van in op met
    bij voor naar om te tot uit over onder zonder sinds door als dan zo er hier daar nu weer heel erg
    veel vaak soms altijd nooit mijn je jouw zijn haar hun ons onze ik jij hij zij ze we wij jullie
    van mij heb hebben krijgt kreeg vindt vond durft blijft komt kwam", """
    """ook word zou zal zullen willen weet weten snap begrijp denkt dacht af aan toe thuis mee terug
    weg toch eigenlijk echt extra nooit samen alleen graag zelf""".split()
)
# Capitalised words that are no person: the organisations the answers name, languages, days
KNOWN_WORDS = frozenset(
    """ik ja nee hoi hallo hoe wat wie waar waarom wanneer welke mag kan moet is zijn mijn onze de het een
    en of maar dus als want ook veilig thuis kindertelefoon halt leerplicht jeugd jgz cjg ggd ggz duo rmc
    opp tlv swv wijkteam samenwerkingsverband passend onderwijs onderwijsconsulenten yunio lerenwerkt
    doorstroompunt nederland nederlands engels turks arabisch pools oekraïens frans duits marokkaans
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag kerst pasen pinksteren ramadan suikerfeest
    google whatsapp teams magister somtoday parnassys havo vwo vmbo mbo hbo wo pro praktijkonderwijs
    bedankt dank dankjewel groetjes groet goedemorgen goedemiddag goedenavond sorry help oke oké
    informatiepunt centraal god turkije marokko polen syrië oekraïne duitsland belgië spanje
    suriname eritrea afghanistan europa""".split()
)
# First names that are everyday words too: only a name when capitalised or after a cue
COMMON_WORD_NAMES = frozenset(
    "ben bo job jet kick lot mark max floor fleur mare mees lieve linde ties jade joy noor roos sep sil dex "
    "nova lana dana isa ise ize ian kay jay fay mila luna lucy liv sam tim tom stan ivy amy ella eva jack".split()
)
_TAG = re.compile(r"\[[A-Z-]+\]")
_TOKEN = re.compile(_WORD)
_SENTENCE_START = re.compile(r"(^|[.!?:;\n]\s*|[\"“(]\s*)$")
# "Ilona uit groep 6", "Fatma [NAAM] hier", "Priya is 14": at the start of a sentence, a word followed by these is a name
_PERSON_FOLLOWS = re.compile(
    r"\s+(\[NAAM\]|(?-i:[A-ZÀ-Þ])\w+|(van|de|te|ter|den|der)\s+(?-i:[A-ZÀ-Þ])|uit (groep|klas)|hier\b|en ik\b|is \d|zit (op|in)\b|wordt gepest)"
)
_NAMING_CUES = frozenset(("heet", "heten", "genaamd", "naam is", "noemen we"))
_NOT_NAME_ENDINGS = ("t", "d", "en", "ig", "lijk", "isch", "baar")
PLACE_CUES = frozenset("in uit naar te bij rond richting buurt omgeving gemeente woon wonen".split())


def deidentify(text: str, region: Region | None = None) -> str:
    """`text` with its personal data replaced by tags."""
    for tag, pattern in PATTERNS:
        text = pattern.sub(lambda match, tag=tag: _replacement(tag, match), text)
    text = _places(_region_places(region)).sub(lambda match: _place(match, text), text)
    text = NAME_CUES.sub(_after_cue, text)
    return _TOKEN.sub(lambda match: _token(match, text), text)


def _replacement(tag: str, match: re.Match) -> str:
    if tag == SCHOOL and _PLAIN_SCHOOL_WORD.match(match.group(0)):
        return match.group(0)
    return tag


def _place(match: re.Match, text: str) -> str:
    found = match.group(0)
    if found[0].isupper():
        return PLACE if not _SENTENCE_START.search(text[: match.start()]) or len(found) > 4 else found
    before = text[: match.start()].split()
    # lowercase only after "in", "uit", ... and not a short one: "een" and "best" are places too
    return PLACE if len(found) >= 5 and before and before[-1].lower() in PLACE_CUES else found


def _after_cue(match: re.Match) -> str:
    word = match.group(4)
    if word.lower() in NOT_NAMES:
        return match.group(0)
    cue = match.group(1)
    # "mijn zoon Daan" or "mijn zoon daan", not "mijn zoon gaat": after any cue but "heet", a lowercase
    # word is a name unless it is a known word or looks like a verb (heeft, zit, spijbelt, melden)
    if (
        cue.lower() not in _NAMING_CUES
        and word[0].islower()
        and word.lower() not in _first_names()
        and word.endswith(_NOT_NAME_ENDINGS)
    ):
        return match.group(0)
    return f"{cue} {NAME}"


def _token(match: re.Match, text: str) -> str:
    word = match.group(0)
    lower = word.lower().strip("'’-")
    if text[max(0, match.start() - 1) : match.start()] == "[":  # a tag
        return word
    if word[0].isupper() and not word.isupper():
        if lower in KNOWN_WORDS:
            return word
        if _SENTENCE_START.search(text[: match.start()]):
            known = lower in _first_names() | _surnames() and lower not in COMMON_WORD_NAMES
            return NAME if known or _PERSON_FOLLOWS.match(text, match.end()) else word
        return NAME
    if lower in _first_names() and lower not in COMMON_WORD_NAMES and lower not in NOT_NAMES:
        return NAME
    return word


@lru_cache(maxsize=1)
def _first_names() -> frozenset:
    return frozenset(n.lower() for n in (*_People.first_names_male, *_People.first_names_female))


@lru_cache(maxsize=1)
def _surnames() -> frozenset:
    return frozenset(n.lower() for n in _People.last_names if " " not in n)


def _region_places(region: Region | None) -> tuple:
    if region is None:
        return ()
    return tuple(sorted({n for m in region.municipalities.values() for n in (m.name, *m.aliases)}))


@lru_cache(maxsize=4)
def _places(region_places: tuple) -> re.Pattern:
    """All places in one pattern, longest first, so that 'Oost Gelre' wins over 'Gelre'."""
    names = {*_Places.cities, *region_places, "Den Haag", "Den Bosch", "Den Helder", "Achterhoek", "Twente"}
    spelled = sorted((re.escape(n).replace(r"\ ", r"[\s-]").replace(r"\-", r"[\s-]") for n in names), key=len)
    return re.compile(r"(?<![\w\[])(" + "|".join(reversed(spelled)) + r")(?![\w\]])", re.IGNORECASE)
