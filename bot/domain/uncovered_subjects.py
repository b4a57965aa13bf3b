"""Subjects near the assistant's themes that no answer covers yet.

A parent who asks about bullying, a dyslexia assessment or the school bus gets no answer about
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

- pesten, unless the question is about refusing school or about what school passes on;
- gescheiden ouders only with information from school (report, parents' evening), never when the
  parent has no custody (gezag): that is answered;
- verwijdering, never schorsing, and not the removal of data (dossier, gegevens, this chat);
- thuisonderwijs in practice (online school, lesmateriaal), not whether it is allowed
  (vrijstelling, richting);
- the waiting list of mental health care, not the waiting list of a (special) school;
- a dyslexia assessment or declaration, not extra help at school for a child with dyslexia;
- an autism or ADHD assessment, not extra support for a child who has the diagnosis;
- religion at school, not leave for a religious holiday (that is special leave).

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
_SCHOOL_REFUSAL = (
    r"niet (meer )?naar (school|de klas)|durf\w* niet (meer )?(naar|de klas)|durf\w* de klas niet|"
    r"schoolangst|schoolweiger\w*|weiger\w* (om )?(naar school|te gaan)"
)
_PASSES_ON = (
    r"dossier|rapport|nieuwe school|oude school|jeugdarts|jeugdverpleeg|doorge\w*|doorvertel\w*|"
    r"leerlingvolg|\blvs\b"
)
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
_SCHOOL_PLACE = (
    r"speciaal (basis)?onderwijs|speciale school|\bsbo\b|\bso\b|\bvso\b|\btlv\b|\bswv\b|"
    r"samenwerkingsverband|thuis ?zit\w*|(geen|zonder) (school|onderwijs|les)\b|schoolplek|plek op|"
    r"plaatsing|beschikking"
)
_LEAVE = (
    r"\bvrij\b|vrijaf|\bverlof\b|\bleave\b|thuishouden|thuis ?blijv\w*|thuis ?houden|afwezig\w*|"
    r"niet naar school"
)
_DATA = (
    r"dossier|gegevens|gesprek|conversatie|chat|bericht|typ\w*|bewaar\w*|vernietig\w*|\bwis\w*|archief|"
    r"absenties"
)
_PRIVACY = (
    r"privacy|\bavg\b|gegevens|\bfg\b|\bap\b|autoriteit|datalek|\blek\w*|foto|schend\w*|toezichthouder|"
    r"verwerking|dossier|\bdeel\w*|\bdeelt\b|gedeeld|klassenapp"
)
_SUPPORT_DISPUTE = r"ondersteuning|\bopp\b|\btlv\b|passend|begeleiding|\bswv\b|samenwerkingsverband|geschil"
_QUALIFICATION = r"kwalificatieplicht|startkwalificatie|\brmc\b|zonder diploma|geen diploma|gestopt"
_TEACHER = (
    r"juf|meester|leraar|lerares|docent|docente|mentor|leerkracht|gymleraar|directeur|directrice|"
    r"directie|rector|conrector|teamleider|concierge"
)

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
        "pesten en sociale veiligheid",
        [
            _unless(
                r"\bgepest|\bpest(?!icid|ilent)\w*|"
                r"cyberpest\w*|anti ?pest\w*|pestprotocol|\bbull(y|ied|ying)\b|sociale veiligheid|"
                r"buitengesloten|uitgescholden|uitschelden|scheldt (hem|haar|me|mij)|"
                r"lach\w* (hem|haar|me|mij) uit|uitgelachen|\bgetreiter\w*|\btreiter\w*|"
                r"nare (berichten|filmpjes|fotos)|sexting|naaktfoto",
                _SCHOOL_REFUSAL,
                _PASSES_ON,
            ),
        ],
    ),
    (
        "dyslexie en dyscalculie",
        [
            _unless(p, _EXTRA_SUPPORT)
            for p in (
                r"dyscalculi\w*|discalculi\w*|dyscalculic",
                r"d[iy]sle(x|ks)ie ?(verklaring|onderzoek|behandel\w*|test\w*|dossier|zorg|traject|instituut|specialist|"
                r"screening)",
                r"\beed\b ?(regeling|zorg|behandeling|vergoeding)|ernstige enkelvoudige d[iy]sle",
                r"d[iy]sle(x|ks|ct)\w*.{0,60}\b(verklaring|onderzo\w*|test\w*|vergoe\w*|behandel\w*|diagnos\w*|kost\w*|"
                r"examen\w*|toetsen|voorlees\w*|laptop|extra tijd|spraaksoftware|kurzweil|claroread|betaal\w*)",
                r"\b(verklaring|onderzoek|test|testen|getest|vergoed\w*|behandeling|diagnose|screening|voorlees\w*|"
                r"spraaksoftware|extra tijd|laptop|kurzweil|claroread)\b.{0,60}"
                r"d[iy]sle(x|ks|ct)",
                r"dyslexia (test|assessment|diagnos\w*|statement|certificate)",
            )
        ],
    ),
    (
        "informatie van school voor gescheiden ouders",
        [
            _unless(
                r"\b(gescheiden|scheiding|uit elkaar|ex|exman|exvrouw|ex man|ex vrouw|ex partner|expartner|"
                r"divorced|separated)\b.{0,120}\b(rapport\w*|ouderavond\w*|oudergesprek\w*|tien ?minuten|"
                r"10 ?minuten|informatie|info|nieuwsbrief\w*|mail\w*|magister|parnassys|somtoday|ouderportaal|"
                r"schoolapp|social schools|cijfers|op de hoogte|uitnodig\w*|uitnodiging|report)\b",
                _NO_CUSTODY,
                r"verlof|vakantie",
            ),
            _unless(
                r"\b(rapport\w*|ouderavond\w*|oudergesprek\w*|tien ?minuten ?gesprek\w*|informatie|info|"
                r"nieuwsbrief\w*|magister|ouderportaal|uitnodig\w*)\b.{0,80}\b(gescheiden|scheiding|ex|exman|"
                r"exvrouw|beide ouders|allebei de ouders|twee adressen|2 adressen)\b",
                _NO_CUSTODY,
                r"verlof|vakantie",
            ),
        ],
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
            ),
        ],
    ),
    (
        "leerlingenvervoer",
        [
            r"leerling(en)? ?vervoer|schoolvervoer|aangepast vervoer|vervoersvoorziening|\btaxi\w*|"
            r"reiskosten\w*|\bvervoer\w*\b.{0,40}\b(school|sbo|so|vso|speciaal)\b|"
            r"\b(school|sbo|vso|speciaal onderwijs|speciale school)\b.{0,40}\bvervoer\b|wie regelt het vervoer",
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
        "een onderzoek naar autisme of ADHD",
        [
            r"\b(autis\w*|adhd|add|ass|pdd ?nos|adhd'er)\b.{0,60}\b(onderzo\w*|diagnos\w*|test\w*|getest|"
            r"vaststell\w*|vastgesteld|assessment|psychiater|gz ?psycholoog|kinderpsycholoog|observatie)",
            r"\b(onderzo\w*|diagnos\w*|testen|test|getest|vaststell\w*|vastgesteld|assessment)\b.{0,60}"
            r"\b(autis\w*|adhd|add|ass|pdd ?nos)\b",
            r"psychodiagnosti\w*|diagnose (laten )?(stellen|doen|krijgen)|diagnostisch onderzoek",
        ],
    ),
    (
        "wachtlijsten in de jeugd-ggz",
        [
            _unless(
                r"wacht ?(lijst|tijd)\w*|waiting ?list|overbrugg\w*|"
                r"\b(wacht|wachten|wachtend)\b.{0,60}\b(ggz|psycholoog|psychiater|therapie|therapeut|behandeling|"
                r"intake|hulpverlening|jeugdhulp|jeugdzorg|accare|karakter|pro persona|kinderpsycholoog)|"
                r"\b(ggz|psycholoog|psychiater|therapie|behandeling|intake)\b.{0,40}\b(wacht|wachten|weken wachten|"
                r"maanden wachten|jaar wachten)\b",
                _SCHOOL_PLACE,
            ),
        ],
    ),
    (
        "hoogbegaafdheid",
        [
            _unless(
                r"hoog ?begaafd\w*|\bbegaafd\w*|\bgifted\b|plusklas\w*|plusgroep\w*|verrijkingsgroep\w*|"
                r"verrijkingsklas\w*|\bverrijk\w*|versnell(en|ing)|versneld door|(klas|groep|jaar) overslaan|"
                r"overgeslagen|onderpresteer\w*|(?<!laag )(?<!lage )\biq\b|te makkelijk|"
                r"verveel\w*.{0,30}\b(les|klas|school|makkelijk)",
                _EXTRA_SUPPORT,
                r"\blvb\b|verstandelijk",
            ),
        ],
    ),
    (
        "blijven zitten en overgaan",
        [
            r"blijven zitten|blijft zitten|bleef zitten|zitten ?blijv\w*|zittenblijver|doubler\w*|\bover ?doen\b|"
            r"overgangs\w*|bevorderings\w*|\bovergaan\b|"
            r"\b(ga|gaat|gaan) (ik|hij|ze|zij|je|mijn \w+) (dan |nu |nog |toch )?(wel |niet )?over\b|"
            r"kleuterverlenging|verlengde kleuter\w*|nog een jaar (in )?(groep|klas)|afstro(o)?m\w*|opstro(o)?m\w*|"
            r"\brepeat (a|the) (year|grade|class)\b",
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
        "schoolkeuze, schooladvies en de doorstroomtoets",
        [
            r"schooladvies|doorstroomtoets|doorstroom toets|eindtoets|\bcito\w*|\bdia ?toets|\broute 8\b|"
            r"\biep\b|heroverweg\w*|schoolkeuze|school kiezen|kies ik (een|de) (goede |juiste )?(middelbare |basis)?school|"
            r"welke (middelbare |basis)?school (past|is (het )?(beste|goed)|moet ik kiezen|kies)|open dag\w*|"
            r"\badvies\b.{0,30}\b(vmbo|havo|vwo|kader|basis|tl|gl|bb|kb|praktijkonderwijs|gymnasium)\b|"
            r"\b(vmbo|havo|vwo|kader|tl|gl)\w* ?advies\b",
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
        "de ouderbijdrage en schoolkosten",
        [
            r"ouder ?bijdrage|schoolkosten|school kosten|schoolgeld|leergeld|jeugdfonds|kindpakket|"
            r"\b(schoolreis\w*|schoolkamp|kamp|werkweek|excursie\w*|laptop\w*|chromebook\w*|ipad\w*|schoolboeken|"
            r"boekenpakket|schoolspullen|schoolspul|rekenmachine|schoolfoto\w*)\b.{0,60}\b(kost\w*|beta+l\w*|"
            r"geld|euro|duur|fonds|vergoed\w*|verplicht)\b",
            r"\b(kost\w*|beta+l\w*|geld|euro|fonds)\b.{0,60}\b(schoolreis\w*|schoolkamp|werkweek|excursie\w*|laptop\w*|"
            r"chromebook\w*|schoolboeken|boekenpakket|schoolspullen)\b",
            r"niet mee (op|naar|met) (de |het )?(schoolreis\w*|kamp|schoolkamp|werkweek|excursie)",
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
        "een klacht over een leraar of de school",
        [
            _unless(
                r"klachtencommissie|klachtenregeling|klachtenprocedure|klachtenfunctionaris|"
                r"klacht\w*.{0,50}\b(" + _TEACHER + r"|school|schoolbestuur|bestuur)\b|"
                r"\b(" + _TEACHER + r"|school|schoolbestuur)\b.{0,60}\bklacht\w*|"
                r"\bklag\w*\b.{0,30}\b(over )?(de|een|mijn|onze|die|deze) (" + _TEACHER + r")\b|"
                r"\b(waar|bij wie)\b.{0,25}\b(klagen|een klacht)\b|"
                r"\b(" + _TEACHER + r")\b.{0,60}\bklag(en|t)?\b|"
                r"complaint about (a |the |my )?(teacher|school)",
                _PRIVACY,
                _SUPPORT_DISPUTE,
            ),
        ],
    ),
    (
        "verwijdering van school",
        [
            _unless(
                r"(?=.*\b(school|leerling\w*|zoon|dochter|kind|kinderen|mbo|opleiding|student|klas)\b).*"
                r"\bverwijder(en|d|t)\b|\bverwijdering\w*|\bexpel\w*|"
                r"van (de |het )?(school|mbo|opleiding) (gegooid|getrapt|geschopt|gooien|trappen|schoppen|"
                r"te gooien|te trappen|te schoppen|af moet)|"
                r"definitief (van|weg van) (de )?school",
                r"schors\w*|geschorst",
                _DATA,
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
