"""Subjects no answer covers yet (bot/domain/uncovered_subjects.py): each one is recognised in
realistic messages, and no question that an answer does cover is taken for one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.domain import uncovered_subjects
from bot.domain.uncovered_subjects import SUBJECTS, named_subject
from bot.rasa_plugins.nlu.examples import examples_by_intent
from tests.helpers.project import ROOT

NAMES = [name for name, _ in SUBJECTS]

# Three messages per subject, none of them in the training data.
FOUND = {
    "zwangerschap op school": [
        "mijn dochter is 16 en in verwachting, mag ze haar school afmaken",
        "ik ben zwanger en zit in 5 vwo, hoe moet dat met mijn examens",
        "im pregnant and 16 can i still go to school",
    ],
    "dyscalculie": [
        "dyscalculieverklaring kwijt, hoe vraag ik een nieuwe aan",
        "vergoedt de gemeente een onderzoek naar dyscalculie",
        "rekenen gaat heel slecht, zou het dyscalculie kunnen zijn",
    ],
    "omgang en co-ouderschap na een scheiding": [
        "co-ouderschap en school, wie brengt en haalt",
        "mijn ex houdt zich niet aan de omgangsregeling",
        "de kinderen wonen om de week bij hun vader, welke school kiezen we",
    ],
    "thuisonderwijs en online school": [
        "welke online school is erkend in nederland",
        "thuisonderwijs lesprogramma voor groep 3 zoeken",
        "ik wil staatsexamen havo doen vanuit huis, hoe",
    ],
    "studiefinanciering": [
        "hoeveel stufi krijg ik op het mbo",
        "moet ik lesgeld betalen op het mbo als ik 18 word",
        "heb ik recht op een aanvullende beurs",
    ],
    "de bus en het ov naar school": [
        "bus naar school te duur",
        "mijn zoon mist steeds de schoolbus",
        "ov chipkaart voor scholieren korting",
    ],
    "medicijnen op school": [
        "wie geeft mijn kind zijn medicijnen op schoolreis",
        "mag de leerkracht medicatie toedienen",
        "mag een leraar ibuprofen geven",
    ],
    "lerarentekort en lesuitval": [
        "al weken geen vaste juf in groep 6",
        "school stuurt klassen naar huis door lerarentekort",
        "veel invallers en geen rust in de klas",
    ],
    "de keuze van een school": [
        "hoe kies ik een middelbare school",
        "welke basisschool past bij mijn kind",
        "wanneer zijn de open dagen",
    ],
    "aanmelden en toelating op het mbo": [
        "mbo aanmelden voor 1 april",
        "intakegesprek mbo wat moet ik meenemen",
        "afgewezen op het roc, kan ik bezwaar maken",
    ],
    "stage en leren en werken (bbl)": [
        "stage zoeken voor mijn dochter op het mbo",
        "ik ben 17 en wil werken en leren, hoe werkt bbl",
        "snuffelstage regelen voor 3 vmbo",
    ],
    "schoolkosten zoals boeken en een laptop": [
        "wie betaalt de laptop voor school",
        "kan leergeld helpen met schoolkosten",
        "schoolboeken kosten te veel geld",
    ],
    "huiswerk en bijles": [
        "bijles vergoeding minima",
        "te veel huiswerk op de basisschool",
        "huiswerkbegeleiding zoeken in groenlo",
    ],
    "kinderopvang, bso en overblijven": [
        "bso na school regelen",
        "tussenschoolse opvang verplicht",
        "kinderopvang voor mijn peuter",
    ],
    "drugs en alcohol": [
        "mijn zoon gebruikt drugs",
        "mijn dochter vapet, wat nu",
        "leerling onder invloed van wiet in de klas",
    ],
    "gym en zwemles": [
        "vrijstelling gym",
        "zwemles school verplicht",
        "mijn kind heeft geen gymschoenen",
    ],
    "godsdienst en levensbeschouwing op school": [
        "godsdienstles verplicht",
        "ramadan en school",
        "kerstviering niet meedoen",
    ],
    "kledingregels op school": [
        "pet op in de klas mag dat",
        "hoofddoek op school",
        "mag school korte broeken verbieden",
    ],
    "het telefoonverbod op school": [
        "telefoonverbod school",
        "mobiel ingenomen door docent",
        "mag ik mijn telefoon in de pauze gebruiken",
    ],
}

# Questions that an answer covers, from the training data, that share words with a subject above.
COVERED = [
    "mijn dochter wil niet meer naar school sinds ze gepest werd",
    "wil niet naar school want word gepest en mn moeder is boos, wat moet ik doen",
    "Mijn dochter is gepest op haar oude school en we hebben gekozen voor een andere school. Ik ben bang dat de "
    "oude school haar als het probleem beschrijft. Wat gaat er over haar mee naar de nieuwe school en kan ik daar "
    "iets tegen doen?",
    "Mijn zoon moest naar de jeugdarts omdat hij veel ziek is. Hij vertelde daar ook dat hij gepest wordt. Nu ben "
    "ik bang dat de jeugdarts alles aan de mentor doorgeeft. Mag dat zomaar?",
    "mijn dochter heeft dyslexie, welke extra hulp kan ze krijgen op haar gewone school",
    "ik zit in de 2e en snap niks van wiskunde door mijn dyscalculie, kan ik extra hulp krijgen",
    "mijn kind is hoogbegaafd en verveelt zich, kan de school extra ondersteuning geven",
    "mijn zoon heeft adhd en heeft meer hulp in de klas nodig, wat kan school doen",
    "moet ik bij de aanmelding zeggen dat mijn kind autisme heeft",
    "ik ben gescheiden en mijn ex heeft alleen het gezag, mag ik naar de ouderavond",
    "ik ben gescheiden en heb geen gezag, krijg ik de schoolresultaten van mijn dochter",
    "mijn kind heeft last van onze scheiding, wat kan school doen",
    "ik ben pleegmoeder, ons pleegkind heeft het zwaar met de omgangsregeling, kan school meedenken",
    "Mijn ex is zonder verlof met onze zoon een week op vakantie gegaan onder schooltijd. Nu belt school mij. Ik "
    "wist er niks van. Wat zijn de gevolgen?",
    "mijn zoon is een week geschorst, krijgt hij huiswerk mee",
    "mijn zoon is van school gestuurd en er is nog geen nieuwe school, hij zit nu thuis",
    "wanneer wordt het schooldossier verwijderd",
    "verwijder mijn gesprek",
    "thuisonderwijs geven mag dat in nederland",
    "wij willen ons kind thuisonderwijs geven vanwege onze levensovertuiging, kan dat",
    "homeschool nederland toegestaan",
    "ik ben gescheiden en krijg nooit een uitnodiging voor de ouderavond",
    "school stuurt het rapport alleen naar mijn ex, we hebben allebei gezag",
    "hoe krijg ik als gescheiden vader toegang tot het ouderportaal",
    "thuisonderwijs aanvragen gemeente",
    "moet ik elk jaar opnieuw een brief sturen voor thuisonderwijs",
    "religieuze feestdag en school, hoe werkt dat",
    "wij willen voor het feest na de ramadan een paar dagen extra naar turkije",
    "wachtlijst speciaal onderwijs kind thuis zonder onderwijs",
    "mijn zoon heeft hulp nodig van een psycholoog, hoe regel ik dat",
    "telt bbl werken en leren mee voor de kwalificatieplicht",
    "ik loop stage in groep 5 en zie signalen dat het thuis niet goed gaat met een kind, welk stappenplan volg ik",
    "mijn zoon heeft zijn vmbo diploma en wil niet naar het mbo, moet dat toch",
    "school deelt cijfers van mijn kind in de klassenapp, bij wie kan ik klagen",
    "wat kan ik doen als school mijn klacht over privacy niet serieus neemt",
    "wij zijn van een kleine kerk en willen ons kind niet naar een openbare of katholieke school sturen, moet het "
    "dan toch naar school",
    "kan ik mijn zoon via whatsapp bij de juf ziek melden",
    # subjects that have an answer since issue 16 (route/bullying, route/dyslexia, ...)
    "mijn kind wordt gepest in de klas, wie pakt dat aan",
    "vergoedt de gemeente de dyslexiebehandeling van mijn zoon",
    "krijgt mijn zoon een taxi naar het vso",
    "adhd onderzoek aanvragen via school",
    "overbruggingszorg tijdens de wachtlijst",
    "plusklas aanmelden hoogbegaafd kind",
    "overgangsregels vmbo 3",
    "doorstroomtoets uitslag hoger dan advies",
    "ouderbijdrage niet betalen gevolgen",
    "schoolreis kost 80 euro, kunnen we niet betalen",
    "klacht indienen over de mentor",
    "school wil mijn dochter verwijderen",
]


def test_every_subject_has_test_messages():
    assert list(FOUND) == NAMES
    assert all(len(messages) >= 3 for messages in FOUND.values())
    assert len(SUBJECTS) >= 15


@pytest.mark.parametrize("subject,text", [(s, t) for s, ts in FOUND.items() for t in ts])
def test_the_subject_of_a_message_is_found(subject, text):
    assert named_subject(text) == subject


@pytest.mark.parametrize("text", COVERED)
def test_a_covered_question_names_no_subject(text):
    assert named_subject(text) is None


def test_no_question_of_the_themes_names_a_subject():
    """Over all training and held-out examples of the three themes, not only the ones above."""
    paths = [
        ROOT / folder / "nlu" / f"{theme}.yml"
        for folder in ("data", "tests")
        for theme in ("routes", "privacy", "absence")
    ]
    examples = [
        (intent, text)
        for intent, texts in examples_by_intent([p for p in paths if p.exists()]).items()
        for text in texts
    ]
    assert len(examples) > 500
    named = [(intent, text, named_subject(text)) for intent, text in examples if named_subject(text)]
    assert named == []


def test_capitals_accents_and_punctuation_do_not_matter():
    assert named_subject("Hoe werkt een Open-Dag?") == "de keuze van een school"
    assert named_subject("Dyscalculie-verklaring aanvragen?") == "dyscalculie"
    assert named_subject("wie geeft de médicijnen op school") == "medicijnen op school"


def test_the_first_subject_of_the_list_wins():
    text = "mijn dochter is zwanger en zoekt een stageplek"
    assert NAMES.index("zwangerschap op school") < NAMES.index("stage en leren en werken (bbl)")
    assert named_subject(text) == "zwangerschap op school"


def test_nothing_named_in_an_empty_or_unrelated_message():
    assert named_subject("") is None
    assert named_subject(None) is None
    assert named_subject("hoe vraag ik vakantieverlof aan") is None
    assert named_subject("ik wil iemand spreken") is None


def test_display_names_fit_the_sentence_and_patterns_compile():
    assert len(set(NAMES)) == len(NAMES)
    for name, patterns in SUBJECTS:
        # it stands in the middle of a sentence: "Over {name} heb ik nog geen antwoord."
        assert name == name.strip() and name[0].islower() and not name.endswith((".", "?", "!"))
        assert patterns
        for pattern in patterns:
            re.compile(pattern)


def test_the_module_needs_no_rasa():
    source = Path(uncovered_subjects.__file__).read_text(encoding="utf-8")
    assert not re.search(r"^\s*(import|from)\s+rasa\b", source, flags=re.MULTILINE)
