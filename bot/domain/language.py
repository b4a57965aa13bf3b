"""Which language a message is written in, so a parent who writes in another language is not
told in Dutch that the assistant did not understand.

lingua-language-detector ships its models inside its wheel (nothing is downloaded at run time).
It is asked to choose only among Dutch and the languages parents in the region write most often
(bench/RESULTS.md, "Language detection", has the measurements on short chat messages). Short
Dutch messages full of abbreviations ("tlv verlengen", "mn dossier inzien") look like German to
any detector, so a message counts as another language only when it has enough words and the
detector is sure, or when it is written in another script (Arabic, Cyrillic).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

DUTCH = "nl"
# The languages the assistant answers in besides Dutch, as the contact person reads them on the
# ticket; any other detected language gets English.
LANGUAGE_NAMES = {"en": "Engels", "tr": "Turks", "ar": "Arabisch", "pl": "Pools", "uk": "Oekraïens", "de": "Duits"}
ANSWERED = tuple(LANGUAGE_NAMES)
FALLBACK = "en"
MIN_WORDS = 3
MIN_CONFIDENCE = 0.85

_WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
# Dutch words that carry no subject: a message with several of them is Dutch, whatever the
# detector makes of its long compound words ("privacyfunctionaris" reads as English to it).
_DUTCH_WORDS = frozenset(
    "de het een en van ik je jij mijn mn m'n wij we ons onze is zijn was wat hoe wie waar wanneer "
    "waarom niet geen wel met op aan voor bij naar uit over dat die dit deze er nog al ook maar "
    "of als dan kan kun kunt mag moet wil heb heeft hebben zit gaat doen school kind zoon dochter "
    "telefoonnummer nummer mailadres emailadres adres loket openingstijden bellen mailen".split()
)
MIN_DUTCH_SHARE = 0.25
_NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
# The Dutch names of institutions and rules a parent writes in any language ("what is a
# leerplichtambtenaar", "co to jest wijkteam"): the detector reads their long letters as Dutch.
_DUTCH_TERMS = re.compile(
    r"\b(le+r?plicht\w*|wijk ?team\w*|wijkcoach\w*|ouderbijdrage\w*|jeugd(zorg|hulp|arts|team|ggz)\w*|cjg|jgz|ggd"
    r"|swv|opp|tlv|samenwerkingsverband\w*|passend onderwijs|veilig thuis|kindertelefoon|thuiszitter\w*"
    r"|verzuim\w*|verlof\w*|ziekmelding\w*|zorgcoordinator\w*|intern begeleider|ib ?er|basisschool|middelbare"
    r"|onderwijsconsulent\w*|doorstroompunt|gemeente\w*|kinderopvang|consultatiebureau|schoolvakantie\w*)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _place_names() -> "re.Pattern[str]":
    """The region's municipalities and villages ("telefoonnummer wijkteam oost gelre" read as
    English): names, not words of a language."""
    from bot.region import load_region

    names = {n for m in load_region().municipalities.values() for n in (m.name, *m.aliases)}
    return re.compile(r"\b(" + "|".join(sorted(map(re.escape, names), key=len, reverse=True)) + r")\b", re.IGNORECASE)


_OTHER_SCRIPT = {"ar": re.compile(r"[\u0600-\u06ff]"), "uk": re.compile(r"[\u0400-\u04ff]")}


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.DUTCH,
        Language.ENGLISH,
        Language.TURKISH,
        Language.ARABIC,
        Language.POLISH,
        Language.UKRAINIAN,
        Language.GERMAN,
        Language.FRENCH,
        Language.RUSSIAN,
        # languages it does not answer in, so that they get English instead of the nearest of the
        # above (Romanian read as Turkish, Somali as Dutch)
        Language.ROMANIAN,
        Language.SOMALI,
        Language.SPANISH,
        Language.PORTUGUESE,
        Language.ITALIAN,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def detect_language(text: Optional[str]) -> str:
    """The ISO 639-1 code of the language of ``text`` as the assistant will answer it: "nl", one
    of ``ANSWERED``, or "en" for another language it does not write."""
    # an e-mail address or a link says nothing about the language ("Marieke.Bakkenes@example.org"
    # typed into the handoff form is no English)
    text = _NOT_WORDS.sub(" ", text or "")
    letters = sum(1 for c in text if c.isalpha())
    for code, script in _OTHER_SCRIPT.items():
        if letters and len(script.findall(text)) > letters / 2:
            return code
    rest = _place_names().sub(" ", _DUTCH_TERMS.sub(" ", text))
    words = [w.lower() for w in _WORD.findall(rest)]
    if len(words) < MIN_WORDS or sum(w in _DUTCH_WORDS for w in words) >= MIN_DUTCH_SHARE * len(words):
        return DUTCH
    values = _detector().compute_language_confidence_values(rest)
    top = values[0]
    code = top.language.iso_code_639_1.name.lower()
    if code == DUTCH or top.value < MIN_CONFIDENCE:
        return DUTCH
    if code == "ru":
        return "uk" if re.search(r"[іїєґ]", text.lower()) else FALLBACK
    return code if code in ANSWERED else FALLBACK
