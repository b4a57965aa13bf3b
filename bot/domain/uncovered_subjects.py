"""Subjects near the assistant's themes that no answer covers yet.

A parent who asks about dyscalculia, home education or the school bus gets no answer about
another rule: the assistant says "Over {name} heb ik nog geen antwoord" and offers a person.
``named_subject`` finds which of these subjects a message is about.

``SUBJECTS`` is an ordered list of (Dutch display name, regular expressions). The expressions
are searched (``re.search``) in the message after ``normalise``: lower case, no accents,
punctuation replaced by spaces, single spaces (the same as ``bot.domain.safety.normalise``). When a
message names several subjects, the first one in this list wins, so a more specific subject
comes before a broader one (pregnancy before internships, bus before costs).

The expressions must not fire on questions that the answers do cover. Where a word is shared
with a covered topic, ``_unless`` builds an expression that does not match when the message also
contains a word of that topic:

- omgang after a divorce, never when the parent has no custody (gezag): that is answered;
- thuisonderwijs in practice (online school, lesmateriaal), not whether it is allowed
  (vrijstelling, richting) or how it is arranged (the kennisgeving to the municipality);
- dyscalculie, not extra help at school for a child with dyscalculia;
- school costs such as books and a laptop, not the voluntary ouderbijdrage or a school trip
  (answered: route/parent_contribution);
- religion at school, not a day off for a religious holiday (that is answered).

Pure Python: no Rasa imports, so the action server and the tests can use it.
"""

from __future__ import annotations

import re
from typing import List, Optional, Pattern, Tuple

from bot.domain.safety import normalise


def _unless(pattern: str, *excluded: str) -> str:
    """``pattern``, but not in a message that also contains one of ``excluded``."""
    return r"^(?!.*(?:" + "|".join(excluded) + r")).*?(?:" + pattern + r")"


# Words of covered topics that a subject's words also occur with.
_EXTRA_SUPPORT = (
    r"extra (hulp|ondersteuning|begeleiding|zorg|support)|passend onderwijs|\bopp\b|"
    r"ontwikkelingsperspectief|\btlv\b|zorgplicht|onderwijsassistent"
)
# "gezag" except "allebei / samen / gezamenlijk / gedeeld gezag": a parent without custody is answered.
_NO_CUSTODY = (
    r"(?<!allebei )(?<!allebei het )(?<!beiden )(?<!beide )(?<!samen )(?<!samen het )"
    r"(?<!gezamenlijk )(?<!gedeeld )(?<!gedeelde )(?<!gezamelijk )gezag|custody"
)
_EXEMPTION = (
    r"vrijstel\w*|vrijgesteld|ontheffing|richting|onder b\b|5b\b|levensovertuiging|\bgeloof\b|"
    r"\bmag (dat|het|je|ik|dit)\b|\bmogen (we|wij)\b|toegestaan|allowed|legal|leerplicht|overtuiging|"
    r"\bkan dat\b|\bkan het\b"
)
# A day off school for a religious duty (Suikerfeest, extra days abroad): that is answered.
_RELIGIOUS_LEAVE = (
    r"religieuze (feest|vrije )?dag\w*|\b(dag|dagen)\b.{0,30}\b(extra|vrij|weg|naar)\b|\bextra\b.{0,20}\bdagen\b|"
    r"suikerfeest|offerfeest|moet (hij|ze|zij) (dan )?naar school"
)
# How home education is arranged (the kennisgeving to the municipality each year): that is answered.
_HOME_EDUCATION_RULES = (
    r"kennisgeving|aanvra\w*|aanmeld\w*|\bmeld\w*|\bregel\w*|\bwet\b|legaal|gemeente|controle\w*|controleer\w*|"
    r"1 juli|elk jaar|ieder jaar|\bbrief\b|datum|doorge\w*|beoordeel\w*|\bmogen\b"
)
_SCHOOL_PLACE = (
    r"speciaal (basis)?onderwijs|speciale school|\bsbo\b|\bso\b|\bvso\b|\btlv\b|\bswv\b|"
    r"samenwerkingsverband|thuis ?zit\w*|(geen|zonder) (school|onderwijs|les)\b|schoolplek|plek op|"
    r"plaatsing|beschikking"
)
_LEAVE = (
    r"\bvrij\b|vrijaf|\bverlof\b|\bleave\b|thuishouden|thuis ?blijv\w*|thuis ?houden|afwezig\w*|"
    r"niet naar school"
)
_QUALIFICATION = r"kwalificatieplicht|startkwalificatie|\brmc\b|zonder diploma|geen diploma|gestopt"
SUBJECTS: List[Tuple[str, List[str]]] = [
    (
        "zwangerschap op school",
        [
            _unless(
                r"zwanger\w*|\bpregnant\b|\bin verwachting\b|bevalling|tienermoeder|tienerouder|tienervader|"
                r"\bbaby\b.{0,20}\b(krijg\w*|gekregen|verwacht\w*)|"
                r"\b(krijg|krijgen|verwacht|verwachten) (een|n) baby",
                r"(moeder|mama|mam|zus|zusje|tante|nicht|schoonzus|vrouw|vriendin|stiefmoeder) (is |gaat |moet )?"
                r"(zwanger|bevallen|bevalt)",
                r"(broertje|zusje|baby) (wordt |is )?geboren",
                _LEAVE,
            ),
        ],
    ),
    (
        "dyscalculie",
        [_unless(r"dyscalculi\w*|discalculi\w*|dyscalculic|rekenstoornis", _EXTRA_SUPPORT)],
    ),
    (
        "omgang en co-ouderschap na een scheiding",
        [
            _unless(
                r"omgang\w*|\bco ?ouder\w*|coouder\w*|ouderschapsplan|week op week af|om de (week|twee weken) bij|"
                r"hoofdverblijf|bij wie (ik|hij|ze|zij|hun|de kinderen) (moet |mag |gaat |gaan )?(woon|woont|wonen)|"
                r"\bex\b.{0,40}\b(haalt|ophalen|opgehaald|meegeven|meegegeven|meenemen|meegenomen)\b|"
                r"\b(ophalen|meegeven|meenemen)\b.{0,40}\bex\b|"
                r"\b(vader|moeder|papa|mama)\b.{0,10}\b(mag|mogen)\b.{0,30}\bniet (ophalen|meenemen|zien)\b|"
                r"\bex\b.{0,40}\bverhuiz\w*|\bverhuiz\w*.{0,40}\bex\b",
                _NO_CUSTODY,
                r"pleeg\w*|heeft het (zwaar|moeilijk)|last van|"
                r"(kan|kunnen) (de )?(school|mentor|juf|ib\w*)\b.{0,30}\b(meedenken|helpen|praten|iets (doen|betekenen))",
            ),
        ],
    ),
    (
        "thuisonderwijs en online school",
        [
            _unless(
                r"thuis ?onderwijs|thuis ?les ?geven|thuis lesgeven|homeschool\w*|home school\w*|"
                r"online (school|onderwijs|lessen|les)\b|onlineschool|afstandsonderwijs|onderwijs op afstand|"
                r"wereldschool|\bivio\b|hybride onderwijs|staatsexamen",
                _EXEMPTION,
                _HOME_EDUCATION_RULES,
            ),
        ],
    ),
    (
        "studiefinanciering",
        [
            r"studiefinanciering|studie financiering|\bstufi\b|studielening|studieschuld|basisbeurs|"
            r"aanvullende beurs|tegemoetkoming scholieren|\bwtos\b|\bwtvo\b|lesgeld|cursusgeld|studentenreisproduct|"
            r"studenten ?ov|ov ?studentenkaart|student(en)? ?kaart|\bduo\b.{0,40}\b(lening|geld|beurs|financiering|"
            r"tegemoetkoming)|\b(geld|lening|beurs) (van|bij) (de )?duo\b|student finance",
        ],
    ),
    (
        "de bus en het ov naar school",
        [
            r"\bbus(sen|abonnement|kaart|verbinding|lijn|halte|chauffeur|reis)?\b|schoolbus|\bov ?chip\w*|"
            r"\bov ?(kaart|abonnement)|\bov\b.{0,20}\b(school|scholier\w*|korting|vergoed\w*)|"
            r"scholieren ?(abonnement|kaart|korting)|\btrein\b.{0,40}\bschool|\bschool\b.{0,40}\btrein\b|"
            r"\bfiets\w*\b.{0,25}\b(naar|van) school|\bnaar school\b.{0,25}\bfiets\w*|\barriva\b|\bkeolis\b",
        ],
    ),
    (
        "medicijnen op school",
        [
            r"medicijn\w*|medecijn\w*|medicatie|medication|medicine|ritalin\w*|methylfenidaat|concerta|"
            r"medikinet|dexamfetamine|insuline|insulin|epipen|epi pen|\bpuffer\w*|paracetamol|ibuprofen|"
            r"zetpil|noodmedicatie|bloedsuiker",
        ],
    ),
    (
        "lerarentekort en lesuitval",
        [
            _unless(
                r"lerarentekort|leraren tekort|personeelstekort|docententekort|tekort aan (leraren|docenten|"
                r"leerkrachten|personeel|juffen)|lesuitval|uitval van lessen|uitgevallen lessen|lessen (vallen|"
                r"zijn) uit|(les|lessen|uur|uren) (valt|vallen) uit|\binvall\w*|vierdaagse schoolweek|"
                r"4 ?daagse schoolweek|onderwijstijd|lesuren.{0,20}(minimaal|verplicht)|"
                r"\bgeen (vaste |eigen )?(juf|meester|leraar|leerkracht|docent|invaller)\b|"
                r"(klas|groep|groepen|klassen)\b.{0,40}\bnaar huis|"
                r"\b(docent|leraar|juf|meester|leerkracht) (is|zijn) (al )?(weken |maanden |langdurig )?ziek|"
                r"\b(docent|leraar|juf|meester|leerkracht) (al )?(weken|maanden) ziek|"
                r"langdurig zieke (docent|leraar|juf|meester|leerkracht)|"
                r"\bgeen \w*les(sen)?\b.{0,40}\b(ziek|vacature|tekort)",
                r"straf|geschorst|schors\w*|oplossing|passend|ondersteuning|\bplek\b|ziek ?meld\w*",
            ),
        ],
    ),
    (
        "de keuze van een school",
        [
            r"schoolkeuze|school kiezen|kies ik (een|de) (goede |juiste )?(middelbare |basis)?school|"
            r"welke (middelbare |basis)?school (past|is (het )?(beste|goed)|moet ik kiezen|kies)|open dag\w*",
        ],
    ),
    (
        "aanmelden en toelating op het mbo",
        [
            _unless(
                r"\b(aanmeld\w*|inschrijv\w*|inschrijf\w*|toelat\w*|toelating\w*|intake\w*|afgewezen|uitgeloot|"
                r"loting|vooropleiding|toelatingseis\w*|numerus fixus|1 april)\b.{0,60}\b(mbo|roc|graafschap|"
                r"opleiding)\b|\b(mbo|roc|graafschap college)\b.{0,60}\b(aanmeld\w*|inschrijv\w*|inschrijf\w*|"
                r"toelat\w*|toelating\w*|intake\w*|afgewezen|uitgeloot|loting|vooropleiding|toelatingseis\w*|"
                r"numerus fixus|1 april)\b|toelatingsrecht|studiekeuze\w*|"
                r"\bmet (een |mijn |haar |zijn )?(vmbo|havo)\w*( \w+)? ?(diploma|papier)?\b.{0,20}\bnaar (het )?mbo",
                _QUALIFICATION,
            ),
        ],
    ),
    (
        "stage en leren en werken (bbl)",
        [
            _unless(
                r"\bstage\w*|\bstagiair\w*|snuffelstage|leerbedrijf|stagebedrijf|stageplek|stageplaats|"
                r"leerwerkplek|\bbbl\b|\bbol\b|werken en leren|leren en werken|leerbaan|leerwerktraject|\blwt\b|"
                r"praktijkleren|internship",
                _QUALIFICATION,
                r"meldcode|signalen|veilig thuis|loop stage (in|op) (groep|de basisschool|een basisschool)",
            ),
        ],
    ),
    (
        "schoolkosten zoals boeken en een laptop",
        [
            _unless(
                r"schoolkosten|school kosten|schoolgeld|leergeld|jeugdfonds|kindpakket|"
                r"\b(laptop\w*|chromebook\w*|ipad\w*|schoolboeken|boekenpakket|schoolspullen|schoolspul|rekenmachine|"
                r"schoolfoto\w*)\b.{0,60}\b(kost\w*|beta+l\w*|geld|euro|duur|fonds|vergoed\w*|verplicht)\b|"
                r"\b(kost\w*|beta+l\w*|geld|euro|fonds)\b.{0,60}\b(laptop\w*|chromebook\w*|schoolboeken|boekenpakket|"
                r"schoolspullen)\b",
                r"ouder ?bijdrage|vrijwillige bijdrage|schoolreis\w*|schoolkamp|\bkamp\b|werkweek|excursie\w*",
            ),
        ],
    ),
    (
        "huiswerk en bijles",
        [
            _unless(
                r"huiswerk\w*|homework|bijles\w*|bijlessen|remedial teaching|studiebegeleiding|"
                r"huiswerkbegeleiding|huiswerkklas|\btutor\w*",
                r"geschorst|schors\w*|\b(kun|kan|wil) (je|jij) .{0,20}huiswerk",
            ),
        ],
    ),
    (
        "kinderopvang, bso en overblijven",
        [
            r"\bbso\b|\btso\b|buitenschoolse opvang|tussenschoolse opvang|naschoolse opvang|voorschoolse opvang|"
            r"kinderopvang|kinderdagverblijf|\bkdv\b|peuteropvang|peuterspeelzaal|\bvve\b|overblijv\w*|overblijf\w*|"
            r"\blunchpauze\b.{0,30}\b(opvang|toezicht|kosten)|gastouder\w*|opvang (na|voor|tussen) (school|schooltijd)|"
            r"\bchildcare\b|after ?school care",
        ],
    ),
    (
        "drugs en alcohol",
        [
            r"\bdrugs?\b|\bwiet\b|\bblow\w*|\bjoint\w*|cannabis|hasj|lachgas|\bxtc\b|cocaine|\bcoke\b|\bspeed\b|"
            r"\bvape\w*|\bvapen\b|\bvapes\b|e ?sigaret\w*|alcohol\w*|dronken|\bzuip\w*|verslav\w*|\bsnus\b|"
            r"\brook(t|en)?\b|sigaret\w*|\bdeal(en|t|er|ers|de)\b|gedeald|\bweed\b|\bdrunk\b|"
            r"\bdrinkt\b.{0,20}\b(bier|wodka|drank)",
        ],
    ),
    (
        "gym en zwemles",
        [
            r"\bgym(?!nasi)\w*|lichamelijke opvoeding|\blo les|bewegingsonderwijs|zwemles\w*|schoolzwemmen|"
            r"zwemdiploma\w*|"
            r"zwemmen met (de )?(school|klas)|sportdag\w*|\bpe class\b|swimming lesson\w*",
        ],
    ),
    (
        "godsdienst en levensbeschouwing op school",
        [
            _unless(
                r"godsdienst ?(les|onderwijs)\w*|\bgvo\b|\bhvo\b|levensbeschouw\w*|ramadan|\bvasten\b|"
                r"gebedsruimte|\bbidden\b|\bgebed\w*|kerstviering|paasviering|kerkdienst|schoolmis|moskee|"
                r"\bniet gelovig\b|\bongelovig\b|\b(verschillende )?geloven\b|religie\w*|\breligio(n|us)\b|"
                r"feestdag\w*|identiteit van (de )?school|christelijke (normen|waarden|identiteit)",
                _LEAVE,
                _EXEMPTION,
                r"geen enkele school|scholen in (de|onze) (buurt|omgeving)",
                _RELIGIOUS_LEAVE,
            ),
        ],
    ),
    (
        "kledingregels op school",
        [
            r"kleding\w*|kledij|schooluniform\w*|\buniform\w*|dresscode|dress code|\bpet\b|petten|capuchon|hoodie|"
            r"hoofddoek\w*|boerka|nikab|crop ?top\w*|korte broek|\bjas\b.{0,20}\b(uit|aan|uitdoen)\b|"
            r"\bmake ?up\b|nagellak|piercing\w*",
        ],
    ),
    (
        "het telefoonverbod op school",
        [
            r"telefoonverbod|mobielverbod|mobieltjesverbod|smartphoneverbod|phone ban|"
            r"\b(telefoon|telefoons|mobiel|mobieltje|mobieltjes|smartphone|smartphones|smartwatch|gsm|phone)\b.{0,60}"
            r"\b(verbod\w*|verboden|inlever\w*|ingeleverd|innemen|ingenomen|afgepakt|afpakken|kluis\w*|telefoontas\w*|"
            r"in de klas|in de les|tijdens de les|in de pauze|op school|mee naar school|allowed at school)",
            r"\b(in de klas|in de les|tijdens de les|op school)\b.{0,30}\b(telefoon|mobiel|mobieltje|smartphone|"
            r"smartwatch)\b",
        ],
    ),
]

_COMPILED: List[Tuple[str, List[Pattern[str]]]] = [
    (name, [re.compile(p) for p in patterns]) for name, patterns in SUBJECTS
]


def named_subject(text: Optional[str]) -> Optional[str]:
    """The display name of the first subject in ``SUBJECTS`` that ``text`` is about, or None."""
    if not text:
        return None
    words = normalise(text)
    for name, patterns in _COMPILED:
        if any(p.search(words) for p in patterns):
            return name
    return None
