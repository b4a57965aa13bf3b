"""Acute danger written in another language than Dutch: English, Turkish, Arabic, Polish,
Ukrainian and Russian (the languages parents in the region write most often besides Dutch).

Phrases, not a classifier: a missed crisis is the one mistake the assistant must not make, and a
phrase list can be read and checked by a native speaker. Each phrase is matched as whole words
after the same folding as the text (lower case, accents and diacritics removed, punctuation as
spaces), so "öldürmek" also matches "oldurmek" typed on a phone without Turkish letters. A phrase
ending in "*" matches any word that starts with it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Dict, List, Optional, Pattern, Tuple

SUICIDE, ABUSE, DANGER = "suicide", "abuse", "danger"

PHRASES: Dict[str, Dict[str, List[str]]] = {
    "en": {
        SUICIDE: ["cut myself", "cutting myself", "cut herself", "cut himself", "dont want to be here", "don t want to be here", "do not want to be here", "not want to be here anymore", "nobody would miss", "no one would miss", "nobody will miss", "pack of pills", "whole pack", "giving away his things", "giving away her things", "gave away his", "gave away her", "suicid*", "kill myself", "kill himself", "kill herself", "kill themselves",
                  "killing myself", "killing himself", "killing herself", "end my life", "end his life",
                  "end her life", "end it all", "wants to die", "want to die", "wanna die",
                  "wanted to die", "dont want to live", "don t want to live", "doesnt want to live",
                  "doesn t want to live", "not want to live", "no reason to live", "better off dead",
                  "better off without me", "self harm*", "selfharm*", "hurting myself", "hurting herself",
                  "hurting himself", "hurt myself", "harm myself", "harming herself", "harming himself",
                  "cutting herself", "cutting himself", "cutting myself", "cuts herself", "cuts himself",
                  "overdos*", "took pills", "took a lot of pills", "swallowed pills", "too many pills",
                  "took all her pills", "took all his pills", "jump off", "jump in front of",
                  "goodbye letter", "suicide note", "not be here anymore", "disappear forever"],
        ABUSE: ["not safe at home", "unsafe at home", "locks me up", "locks him up", "locks her up", "scared of him", "scared of her", "afraid of him", "afraid of her", "scared of my dad", "scared of my father", "scared of my mum", "scared of my mom", "scared of my stepdad", "afraid of my dad", "afraid of my father", "into my room at night", "in my room at night", "touching her", "touching him", "touching me", "touches me", "touched me", "locks her in", "locks him in", "locks me in", "without food", "nothing to eat", "forced marriage", "forced to marry", "sextort*", "nudes", "hits me", "hits him", "hits her", "hits us", "hit me", "hit him", "hit her", "hit our",
                "hit my", "beats me", "beats him", "beats her", "beat me", "beat him", "beat her",
                "beaten", "beating her", "beating him", "beating me", "kicks me", "kicked her",
                "kicked him", "punched", "punches", "chok*", "strangl*", "abus*", "molest*", "rape*",
                "raping", "touches her", "touches him", "touched her", "touched him", "domestic violence",
                "afraid to go home", "scared to go home", "scared to go back home", "afraid to go back home",
                "bruise*", "violent at home", "violence at home", "burn marks", "locked in her room",
                "locked in his room", "no food at home", "starv*"],
        DANGER: ["stab*", "didnt come home", "didn t come home", "did not come home", "hasnt come home", "hasn t come home", "not come home", "not answering her phone", "not answering his phone", "alone at home for days", "knife", "gun", "weapon", "threatens to kill", "threatened to kill", "threatening to kill",
                 "threatens to hurt", "threatened to hurt", "going to kill", "gonna kill", "in danger",
                 "not breathing", "unconscious", "call the police", "called the police", "call an ambulance",
                 "ran away", "run away", "runaway", "is missing", "went missing", "gone missing", "missing since", "kidnap*", "right now he", "help me now",
                 "emergency", "is following me", "wants to meet me tonight"],
    },
    "tr": {
        SUICIDE: ["kesik*", "kimse beni ozlemez", "kimse onu ozlemez", "kendimi kesiyorum", "intihar*", "kendimi oldur*", "kendini oldur*", "olmek istiyor*", "olmek istedig*",
                  "olmek isted*", "yasamak istemiyor*", "kendine zarar*", "kendini kes*", "kendimi kes*",
                  "canina kiy*", "canima kiy*", "hayatina son*", "hayatima son*", "hap ict*", "haplari ict*",
                  "hap yut*", "ilac ict*", "ilaclari ict*", "veda mektub*"],
        ABUSE: ["dokundu*", "dokunuyor*", "zorla evlendir*", "yemek yemedi*", "aç kaldi", "dov*", "dayak*", "vuruyor", "vurdu", "tokat*", "tekme*", "tecavuz*", "taciz*", "siddet*",
                "eve gitmekten kork*", "eve gitmeye kork*", "eve donmekten kork*", "morarmis", "morluk*",
                "istismar*", "yaraliyor"],
        DANGER: ["eve gelmedi*", "eve donmedi*", "telefonu kapali", "bicak*", "silah*", "tehdit*", "oldurecek*", "olduruyor*", "kayip", "kayboldu",
                 "evden kact*", "kacti", "nefes almiyor", "bayildi", "polis*", "ambulans*", "acil",
                 "tehlike*", "kilitledi"],
    },
    "ar": {
        SUICIDE: ["اجرح نفسي", "جرح نفسه", "جرحت نفسها", "لن يفتقدني احد", "انتحار*", "ينتحر*", "تنتحر*", "انتحر*", "اقتل نفسي", "يقتل نفسه", "تقتل نفسها",
                  "اموت", "تموت", "يموت", "الموت", "لا اريد ان اعيش", "لا يريد ان يعيش", "لا تريد ان تعيش",
                  "يؤذي نفسه", "تؤذي نفسها", "اذي نفسي", "اؤذي نفسي", "ايذاء النفس", "يجرح نفسه",
                  "تجرح نفسها", "حبوب كثيرة", "رسالة وداع"],
        ABUSE: ["يلمس*", "تلمس*", "لم ياكل", "لم تاكل", "وحده في البيت", "وحدها في البيت", "زواج قسري", "يضرب*", "تضرب*", "ضرب*", "يضربني", "اعتداء*", "اعتدى*", "تحرش*", "اغتصاب*", "اغتصب*",
                "عنف*", "كدمات*", "خائفة من العودة", "خائف من العودة", "يخاف العودة", "تخاف العودة"],
        DANGER: ["لم ترجع", "لم يرجع", "لم تعد", "لم يعد الى البيت", "هاتفها مغلق", "هاتفه مغلق", "سكين*", "سلاح*", "مسدس*", "يهدد*", "هدد*", "يقتل", "سيقتل*", "مفقود*", "مفقودة",
                 "هرب*", "هربت", "الشرطة", "شرطة", "اسعاف*", "الاسعاف", "خطر*", "لا يتنفس", "فاقد الوعي"],
    },
    "pl": {
        SUICIDE: ["tne sie", "tnę sie", "kaleczę", "samoboj*", "zabic sie", "zabije sie", "zabic siebie", "chce umrzec", "chca umrzec",
                  "chcial umrzec", "chciala umrzec", "nie chce zyc", "nie chce juz zyc", "okalecz*",
                  "tnie sie", "pocial sie", "pociela sie", "kaleczy sie", "tabletki", "tabletek",
                  "list pozegnalny", "skonczyc ze soba", "odebrac sobie zycie"],
        ABUSE: ["dotyka*", "nie ma jedzenia", "glodn*", "bije*", "bil", "bila", "pobil*", "uderzyl*", "uderza*", "przemoc*", "molest*", "gwalc*",
                "zgwalc*", "wykorzyst*", "boje sie wracac", "boi sie wracac", "boi sie wrocic",
                "boje sie wrocic", "siniak*", "slady na"],
        DANGER: ["nie wrocil*", "nie wrocila", "nie wraca do domu", "telefon wylaczony", "noz*", "nozem", "bron*", "pistolet*", "grozi*", "zagin*", "uciekl*", "nie oddycha",
                 "nieprzytomn*", "policj*", "karetk*", "niebezpieczenstw*", "zabije", "zabic"],
    },
    "uk": {
        SUICIDE: ["ріжу себе", "різала себе", "різав себе", "таблет*", "ніхто не сумуватиме", "самогуб*", "вбити себе", "вбю себе", "покінчити з собою", "хоче померти", "хочу померти",
                  "хотів померти", "хотіла померти", "не хоче жити", "не хочу жити", "ріже себе", "ранить себе",
                  "шкодить собі", "передоз*", "прощальн*", "убить себя", "покончить с собой",
                  "хочет умереть", "хочу умереть", "не хочет жить", "не хочу жить", "режет себя"],
        ABUSE: ["торкається", "торкався", "чіпає", "їжі немає", "немає їжі", "сам вдома", "сама вдома", "бє*", "б є*", "бив", "била", "побив*", "вдарив*", "вдарила", "бють", "б ють", "насильств*",
                "домаганн*", "зґвалт*", "гвалт*", "синці", "синяки", "боїться йти додому", "боюся йти додому",
                "боїться повертатися", "бьет*", "избил*", "ударил*", "насили*", "изнасил*"],
        DANGER: ["не прийшла додому", "не прийшов додому", "не приходить додому", "не повернулася", "не повернувся", "телефон вимкнений", "ніж", "ножем", "зброя", "зброю", "пістолет*", "погрожує*", "погрожував", "зник*",
                 "втік", "втекла", "не дихає", "без свідомості", "поліці*", "швидк*", "небезпец*",
                 "нож", "оружие", "угрожает", "пропал*", "сбежал*", "полици*"],
    },
}


def fold(text: str) -> str:
    """Lower case, diacritics removed, every run of non-letters one space; any script."""
    lowered = (text or "").lower().replace("ı", "i").replace("ł", "l").replace("’", " ").replace("'", " ")
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.translate(str.maketrans("أإآىة", "اااىه"))
    return " " + re.sub(r"[^\w]+|_", " ", plain).strip() + " "


def _compile(phrase: str) -> Pattern:
    stem = phrase.endswith("*")
    words = fold(phrase.rstrip("*")).strip()
    return re.compile(" " + re.escape(words) + (r"\w*" if stem else "") + " ")


@lru_cache(maxsize=1)
def _patterns() -> Tuple[Tuple[str, Tuple[Pattern, ...]], ...]:
    table: Dict[str, List[Pattern]] = {SUICIDE: [], ABUSE: [], DANGER: []}
    for kinds in PHRASES.values():
        for kind, phrases in kinds.items():
            table[kind].extend(_compile(p) for p in phrases)
    return tuple((kind, tuple(patterns)) for kind, patterns in table.items())


def detect_crisis_any_language(text: Optional[str]) -> Optional[str]:
    """suicide, abuse or danger when a phrase of one of the languages is in ``text``, else None."""
    folded = fold(text or "")
    for kind, patterns in _patterns():
        if any(p.search(folded) for p in patterns):
            return kind
    return None
