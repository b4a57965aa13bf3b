"""Safety net for acute danger: recognises crisis messages without the classifier.

The NLU classifier learns the ``crisis`` intent from examples, but a missed crisis is the one
mistake this assistant must not make. These patterns run on every message (see
``bot.rasa_plugins.nlu.crisis_net``) and override the classifier when they match.

Patterns come in two strengths:

* strong: someone says it is happening (``mijn vader slaat me``, ``ik wil dood``): always a crisis;
* other languages: phrases in English, Turkish, Arabic, Polish, Ukrainian and Russian
  (``bot.domain.crisis_languages``), always a crisis;
* weak: a topic word that also occurs in questions about procedures (``kindermishandeling``,
  ``in gevaar``): a crisis unless the message is clearly about rules or procedures
  (``wat zegt de meldcode over kindermishandeling``), which the themes answer.
"""

from __future__ import annotations

import re
import unicodedata
from enum import Enum
from typing import Optional

from bot.domain.crisis_languages import detect_crisis_any_language


class CrisisKind(str, Enum):
    """Which help fits best; each kind has its own answer with the right numbers."""

    SUICIDE = "suicide"
    ABUSE = "abuse"
    DANGER = "danger"
    GENERAL = "general"


_PERSON = r"(me|mij|ons|haar|hem|mijn|m'n|mn|mama|papa|de kinderen|het kind|mijn kind)"
_HOME_PERSON = r"(vader|moeder|pa|ma|papa|mama|stiefvader|stiefmoeder|ouders|vriend|broer|zus|oom|opa)"

_STRONG = {
    CrisisKind.SUICIDE: [
        r"zelf ?moord",
        r"suicid",
        r"zelfdoding",
        r"\b(wil|wilt|willen|wou)\b.{0,20}\bdood\b",
        r"\bdood (wil|wilt|willen|gaan)\b",
        r"niet meer (wil|wilt|willen) leven",
        r"\b(wil|wilt|willen)\b.{0,15}niet meer (leven|bestaan)\b",
        r"\b(wil|wilt|willen)\b.{0,15}er niet meer (zijn|bij zijn)",
        r"eind(e)? aan (mijn|m'n|zijn|haar|zn) leven",
        r"er een eind(e)? aan (maken|te maken)",
        r"(mezelf|mijzelf|zichzelf|zich|me) (van kant|iets aan ?(doen|te doen|gedaan)|ophangen|dood ?maken)",
        r"zelfbeschadig",
        r"(snij|snijd|snijdt|kras|krast) (zich|mezelf|zichzelf|me)\b",
        r"\b(pillen|medicijnen)\b.{0,25}\b(ingenomen|geslikt|slikken)\b",
        r"overdosis",
        r"levensmoe",
        r"voor de trein (springen|spring)",
        r"\bzie(t|n)? het (allemaal |echt |gewoon )?niet meer zitten\b",
        r"\bhet (allemaal |echt |gewoon )?niet meer (zie|ziet|zien) zitten\b",
        r"\bhet hoeft (voor mij |van mij )?(allemaal |echt )?niet meer\b(?! (naar|te|op|in|bij|mee)\b)",
        r"(niet|nooit) meer wakker (te )?(worden|word|wordt|werd|werden)\b",
        r"\b(doe|doet|deed) (mezelf|mijzelf|zichzelf|zich|me) pijn\b",
        r"\b(snij|snijd|snijdt|sneed|kras|krast) in (mezelf|mijzelf|zichzelf\b|(mijn|m'n|haar|zijn) (arm|pols|been|ben|huid))",
        r"niemand (zou|zal|gaat) (me|mij|haar|hem) (missen|mis)|niemand (me|mij|haar|hem) (zou|zal) missen",
        r"\ber niet meer (wil|wilt|willen|wou) (zijn|wezen)\b",
        r"\bgeen zin meer in (het |mijn |m'n |zijn |haar )?leven\b|\bleven\b.{0,10}\bgeen zin (meer )?(heeft|hebben|had)\b",
        r"\bzie(t|n)? geen uitweg\b",
        r"\been eind(e)? aan\b.{0,20}\b(maken|maakt|wil|wilt|gaat)\b",
        r"\b(zichzelf|mezelf|mijzelf|zich) iets aan ?(doet|doen|gedaan)\b",
        r"\b(snijwonden|sneetjes|sneeen|(in|op) (mijn|haar|zijn|d'r|z'n|zn|mn) (armen|polsen|benen) (snijden|gesneden|krassen))",
        r"\b(heb|heeft) (me|mezelf|zichzelf) gesneden\b|\b(me|mezelf|zichzelf) (heb |heeft )?gesneden\b(?! (met|bij|tijdens))",
        r"\bals ik er (gewoon |echt )?niet meer (ben|was|zou zijn)\b|\bhet nut (van alles|van het leven|van leven) niet meer\b",
        r"\bmesje\b.{0,40}\b(gebruik|snij|arm|wc)",
        r"\b(paracetamol|slaappil|pillen|medicijnen|tabletten)\w*\b.{0,30}\b(genomen|geslikt|ingenomen|dood)\b",
        r"\b(heel veel|een hele strip|alle) (paracetamol|pillen|slaappillen|medicijnen|tabletten)",
        r"\b(spring|springt|springen|gesprongen|sprong)\b.{0,40}\b(brug|spoor|trein|dak|flat|balkon)\b",
        r"\b(brug|spoor|dak|flat)\b.{0,40}\b(spring|springt|springen|gesprongen)\b",
        r"\b(sta|staat|stond|zit) (nu )?(bij|op) (het spoor|de brug|het dak)\b",
        r"\bdood ?(gaan|ga|gaat) (van|aan)\b",
        r"\bbeter af\b.{0,10}\bzonder (mij|me|jou|hem|haar)\b",
        r"\b(voor altijd|voorgoed) (verdwijnen|weg)\b|\b(verdwijnen|weg zijn) voor altijd\b",
        r"\bbedankt voor alles\b.{0,30}\b(dit was het|vaarwel|doei voor altijd)|\bdit was het\b.{0,20}\bbedankt",
        r"\b(afscheidsbrief|afscheidsbericht)",
    ],
    CrisisKind.ABUSE: [
        r"\b(slaat|schopt|mishandelt|misbruikt|verkracht|betast|stompt|wurgt|knijpt)\b.{0,12}\b" + _PERSON + r"\b",
        r"\b(word|wordt|worden|werd|werden)\b.{0,25}\b(geslagen|geschopt|mishandeld|misbruikt|verkracht|betast|aangerand|opgesloten|gewurgd)\b",
        r"\b(geslagen|geschopt|mishandeld|misbruikt|verkracht|betast|aangerand|opgesloten)\b.{0,12}\b(door|van)\b.{0,12}\b"
        + _HOME_PERSON,
        r"\bbang (voor|van)\b.{0,6}\b(mijn|m'n|mn|haar|zijn)\b.{0,6}\b" + _HOME_PERSON,
        r"durf(t|en)? niet (meer )?(naar huis|thuis te komen|naar huis te gaan)",
        r"\b(thuis|bij ons)\b.{0,30}\b(geweld|slaan|geslagen)\b",
        r"\bgeweld\b.{0,12}\b(thuis|bij ons)\b",
        r"\b(zit|zat|zitten)\b.{0,10}\baan me\b",
        r"\baan (me|mij) (zit|zat|zitten)\b",
        r"\baan (haar|hem|d'r|zijn lijf|haar lijf) (zit|zat|zitten|komt|kwam)\b",
        r"\bniet (meer )?naar huis (durf|durft|durven|wil|wilt)\b",
        r"\b(sluit|sluiten|sloot|sloten) (hem|haar|me|mij|ons|de kinderen|het kind)\b.{0,20}\bop\b|\bopsluit\b",
        r"\b(haar|hem|me|mij)\b.{0,6}\b(betast|betastte|misbruikt|misbruikte|mishandelt|mishandelde|aanrandt)\b",
        r"\bklappen (krijg|krijgt|krijgen|gekregen|geeft|gaf)\b|\b(krijg|krijgt|kreeg) (ik |hij |ze )?klappen\b|\bhoor(de)? klappen\b",
        r"\b(blauwe plekken|blauw oog|blauw gezicht|striemen)\b",
        r"\bbrandwond\w*\b.{0,30}\bsigaret|\bsigaret\w*\b.{0,30}\bbrandwond",
        r"\b(tegen de muur|van de trap) (gegooid|geduwd|geslagen)\b",
        r"\b(gewurgd|doodslaat|doodslaan|mept|meppen|afgeranseld|afranselen)\b",
        r"\bin elkaar (slaat|slaan|geslagen|getrapt|trappen)\b",
        r"\b(doet|deed|doen) (dingen|iets) (bij me |met me |met mij |bij mij )?die ik niet wil\b",
        r"\b(piemel|plassertje|geslachtsdeel|geslachtsdelen)\b.{0,40}\b(laten zien|liet zien|aanraken|aangeraakt|aanzitten)|\b(aanraken|aangeraakt|betasten)\b.{0,40}\b(piemel|kruis|borsten)",
        r"\b(gechanteerd|chanteert|sextortion|naaktfoto)",
        r"\bgeen eten (krijgt|krijg|krijgen|kreeg)\b|\b(niks|niets) (te eten|gegeten)\b",
        r"\b(kind|kindje|baby|peuter|kleuter)\b.{0,40}\balleen\b.{0,20}\b(thuis|op het balkon|gelaten|buiten)",
    ],
    CrisisKind.DANGER: [
        r"\b(ik ben|ben ik|we zijn|wij zijn|zijn we|zijn wij|is nu|ben nu|zijn nu)\b.{0,20}\bin (acuut |direct |groot |levens)?gevaar\b",
        r"levensgevaar",
        r"\b(heeft|met|pakt|pakte)\b.{0,10}\b(een )?(mes|wapen|pistool|vuurwapen)\b",
        r"\bbedreig(t|d)\b.{0,20}\b(met|dood)\b",
        r"\bdreig(t|en|de|den)\b.{0,30}\biets aan te doen\b",
        r"\b(bewusteloos|ademt niet|reageert niet meer)\b",
        r"\b(bel|belt|bellen)\b.{0,10}\b(de )?(politie|ambulance|112)\b",
        r"\b(politie|ambulance|112)\b.{0,6}\b(bellen|gebeld|komen)\b",
        r"\b(weggelopen|vermist|ontvoerd)\b",
        r"\bnoodgeval\b(?!.{0,40}\b(school|verzuim|verlof|storm|dicht)\b)",
        r"\b(niet thuisgekomen|niet thuis gekomen|niet naar huis gekomen|spoorloos)\b",
        r"\baan het (slaan|schoppen|slopen|vechten)\b",
        r"\b(neersteken|neer te steken|doodsteken|vermoorden|vermoordt|vermoord worden|doodschieten|neerschieten)\b",
        r"\b(opwachten|opgewacht)\b.{0,30}\b(slaan|pakken|steken|elkaar)|\b(slaan|pakken|steken)\b.{0,30}\bopwachten",
        r"\b(dreigend|bedreigend)\b",
        r"\b(weet|weten) (ons|me|mij|jullie) (wel )?te vinden\b|\b(ons|me|mij|jullie) (wel )?(weet|weten) te vinden\b",
    ],
}

_WEAK = {
    CrisisKind.ABUSE: [
        r"kindermishandeling",
        r"huiselijk geweld",
        r"\b(vermoed|vermoeden|vermoedt|denk|denken)\b.{0,40}\b(mishandel|misbruik|geweld)",
        r"seksueel misbruik",
    ],
    CrisisKind.DANGER: [
        r"\bin (acuut |direct |groot )?gevaar\b",
        r"\bonveilig\b",
    ],
}

_PROCEDURAL = re.compile(
    r"meldcode|meldrecht|meldplicht|afwegingskader|toestemming|privacy|\bavg\b|\bwet\b|"
    r"\bregels?\b|\bprocedure|\bstappen\b|\bdelen\b|\bgegevens\b|\bdossier\b|\bwat is\b|\bwat houdt\b|"
    r"\bmoet ik\b|\beerst\b"
)

_COMPILED = {
    strength: {kind: [re.compile(p) for p in patterns] for kind, patterns in table.items()}
    for strength, table in (("strong", _STRONG), ("weak", _WEAK))
}


def normalise(text: str) -> str:
    """Lower-case, strip accents and punctuation, squeeze spaces: typos aside, one spelling."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    cleaned = re.sub(r"[^a-z0-9' ]+", " ", no_accents.replace("’", "'"))
    return re.sub(r"\s+", " ", cleaned).strip()


def _first_match(table: dict, text: str) -> Optional[CrisisKind]:
    for kind, patterns in table.items():
        if any(p.search(text) for p in patterns):
            return kind
    return None


def detect_crisis(text: Optional[str]) -> Optional[CrisisKind]:
    """The kind of acute danger in ``text``, or None when the patterns see none."""
    if not text:
        return None
    plain = normalise(text)
    kind = _first_match(_COMPILED["strong"], plain)
    if kind is not None:
        return kind
    other = detect_crisis_any_language(text)
    if other is not None:
        return CrisisKind(other)
    if _PROCEDURAL.search(plain):
        return None
    return _first_match(_COMPILED["weak"], plain)
