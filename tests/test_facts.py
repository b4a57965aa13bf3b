"""The facts that the law or an official body sets (ages, hours, weeks, days, phone numbers,
opening hours, dates a rule started) are the same in every answer, so that no answer contradicts
another and a change of law is found by one test.

The table below is the one place where these values are written down for the tests; docs/knowledge.md
lists the same facts with their sources and the date they were checked. When a law changes: change
the value here and in docs/knowledge.md, run this test, and it names every answer that still says
the old value.

Each answer's text is split into sentences. A rule applies to every sentence that its `where`
pattern finds (case-insensitive) in any response of domain/*.yml."""

from __future__ import annotations

import re
from typing import NamedTuple

import pytest

from bot.domain.compulsory import MAX_AGE, MIN_AGE, age_check_response
from tests.helpers.project import ROOT, is_dutch, load_yaml


class Value(NamedTuple):
    """In every sentence that matches `where`, each number that `number` captures is `right`."""

    fact: str
    where: str
    number: str
    right: str


class Together(NamedTuple):
    """Every sentence that matches `where` also matches `also` (the fact is stated whole)."""

    fact: str
    where: str
    also: str


class Never(NamedTuple):
    """No sentence matches `pattern`: what was once right, or never was."""

    fact: str
    pattern: str


class AnswerAlso(NamedTuple):
    """An answer whose text matches `where` somewhere also matches `also` somewhere."""

    fact: str
    where: str
    also: str


VALUES = [
    # school absence (Leerplichtwet, Inspectie, DUO)
    Value(
        "verzuim report threshold: hours",
        r"\d+ (les)?uur\b.*(afwezig|verzuim)|(melden|meldt).*\d+ (les)?uur\b",
        r"(\d+) (?:les)?uur\b",
        "16",
    ),
    Value("verzuim report threshold: weeks", r"\d+ uur.*\d+ (les|school)?weken", r"(\d+) (?:les|school)?weken", "4"),
    Value("verzuim reported to DUO within", r"werkdagen", r"(\d+) werkdagen", "5"),
    Value(
        "langdurig verzuim / thuiszitter: weeks",
        r"(thuiszit|langdurig|meer dan \d+ weken (afwezig|niet naar school|thuis))",
        r"meer dan (\d+) weken",
        "4",
    ),
    Value("onderwijsconsulenten: at home longer than", r"langer dan \d+ weken thuis", r"langer dan (\d+) weken", "4"),
    Value(
        "leerplicht ends in the school year of the birthday",
        r"einde van het schooljaar waarin",
        r"schooljaar waarin [^.?!]*?(\d+)",
        "16",
    ),
    Value(
        "kwalificatieplicht until",
        r"startkwalificatie[^.?!]*\bof tot\b|kwalificatieplicht[^.?!]*\btot \d+ jaar",
        r"\btot (?:het )?(\d+)(?: jaar| wordt)",
        "18",
    ),
    Value(
        "RMC / Doorstroompunt: up to age", r"(RMC|Doorstroompunt|tot 23)", r"\btot (\d+) jaar\b|\bkan tot (\d+)", "23"
    ),
    Value(
        "RMC / Doorstroompunt: from age",
        r"RMC[^.?!]*\bvan \d+ tot|\bvan \d+ tot \d+ jaar zonder startkwalificatie",
        r"\bvan (\d+) tot \d+ jaar",
        "18",
    ),
    Value("holiday leave: at most days", r"(vakantieverlof|maximaal \d+ dagen)", r"maximaal (\d+) dagen", "10"),
    Value("holiday leave: not in the first weeks", r"eerste \d+ weken", r"eerste (\d+) weken", "2"),
    Value("holiday leave: ask ahead", r"van tevoren", r"(\d+) weken van tevoren", "8"),
    Value("special leave: director decides up to", r"\d+ schooldagen", r"(\d+) schooldagen", "10"),
    Value("Halt: from age", r"Halt", r"(\d+) jaar of ouder", "12"),
    Value("Halt: at most hours", r"Halt", r"maximaal (\d+) uur", "20"),
    Value("exemption 5 onder a: renew before", r"vrijstelling|nieuwe aan", r"vóór (\d+) juli", "1"),
    # routes to support (Wet passend onderwijs, zorgplicht, OPP)
    Value("zorgplicht: weeks to decide", r"om te beslissen", r"(\d+) weken om te beslissen", "6"),
    Value("zorgplicht: extension", r"verlengen", r"met (\d+) weken verlengen", "4"),
    Value("OPP set within weeks of enrolment", r"na de inschrijving", r"binnen (\d+) weken", "6"),
    Value("schorsing: at most school days", r"schorsing[^.?!]*duurt", r"\((\w+) schooldagen\)", "vijf"),
    Value("first contact of the information point within hours", r"contact met je op", r"binnen (\d+) uur", "48"),
    # privacy (AVG, WGBO, Jeugdwet)
    Value("youth-care consent: both child and parents", r"\b12 tot\b", r"\b12 tot en met (\d+)", "15"),
    Value("inzage: answer within", r"binnen \d+ maand", r"binnen (\d+) maand", "1"),
    Value("inzage: extension", r"termijn[^.?!]*verlengen", r"met (\d+) maanden", "2"),
    Value("retention: school file years after leaving", r"leerlingdossier", r"(\d+) jaar nadat", "2"),
    Value("retention: absence records", r"verzuim \(afwezigheid\)", r"(\d+) jaar", "5"),
    Value("retention: medical and youth-care files", r"(medische|jeugdhulp)dossiers", r"(\d+) jaar", "20"),
    # safety numbers and hours
    Value("Veilig Thuis number", r"Veilig Thuis[^.?!]*\d{4}-\d{4}", r"Veilig Thuis[^.?!]*?(\d{4}-\d{4})", "0800-2000"),
    Value(
        "Kindertelefoon number",
        r"Kindertelefoon[^.?!]*\d{4}-\d{4}",
        r"Kindertelefoon[^.?!]*?(\d{4}-\d{4})",
        "0800-0432",
    ),
    Value("Kindertelefoon: from age", r"Kindertelefoon|tussen \d+ en \d+ jaar", r"tussen (\d+) en \d+ jaar", "8"),
    Value("Kindertelefoon: up to age", r"Kindertelefoon|tussen \d+ en \d+ jaar", r"tussen \d+ en (\d+) jaar", "18"),
    Value("Kindertelefoon: opens at", r"Kindertelefoon[^.?!]*\d+ tot \d+ uur", r"van (\d+) tot \d+ uur", "11"),
    Value("Kindertelefoon: closes at", r"Kindertelefoon[^.?!]*\d+ tot \d+ uur", r"van \d+ tot (\d+) uur", "21"),
    Value("113 Zelfmoordpreventie free number", r"zelfdoding|113", r"\b(0800-\d{4})", "0800-0113"),
    # dates a rule started
    Value(
        "meldcode mandatory since", r"meldcode[^.?!]*sinds|sinds[^.?!]*meldcode", r"sinds (1 \w+ \d{4})", "1 juli 2013"
    ),
    Value("afwegingskader and meldnorm since", r"afwegingskader|meldnorm", r"sinds (1 \w+ \d{4})", "1 januari 2019"),
    Value("ouder- en jeugdsteunpunt since", r"jeugdsteunpunt", r"sinds (1 \w+ \d{4})", "1 januari 2025"),
    Value("hoorrecht on the OPP since", r"hoorrecht", r"sinds (1 \w+ \d{4})", "1 augustus 2025"),
    Value("instemmingsrecht on the OPP's handelingsdeel since", r"instem", r"sinds (1 \w+ \d{4})", "1 augustus 2017"),
    Value(
        "schoolondersteuningsprofiel gone since",
        r"schoolondersteuningsprofiel",
        r"sinds (1 \w+ \d{4})",
        "1 augustus 2025",
    ),
    Value("Wet passend onderwijs since", r"Wet passend onderwijs", r"sinds (1 \w+ \d{4})", "1 augustus 2014"),
    # new topics of issue 16 (routes to support and school)
    Value("verwijdering: objection within weeks", r"bezwaar bij het schoolbestuur", r"binnen (\d+) weken", "6"),
    Value(
        "leerlingenvervoer: the municipality decides within weeks",
        r"gemeente beslist binnen",
        r"binnen (\d+) weken",
        "8",
    ),
    Value("ouderbijdrage: no exclusion since", r"niet uitsluiten", r"sinds (1 \w+ \d{4})", "1 augustus 2021"),
    Value("EED care starts before the birthday", r"verjaardag", r"voor de (\d+)e verjaardag", "13"),
    Value("vertrouwensinspecteur number", r"0900-", r"(0900-\d{7})", "0900-1113111"),
    Value("vertrouwensinspecteur: opens at", r"0900-1113111[^.?!]*\d+ tot \d+ uur", r"van (\d+) tot \d+ uur", "8"),
    Value("vertrouwensinspecteur: closes at", r"0900-1113111[^.?!]*\d+ tot \d+ uur", r"van \d+ tot (\d+) uur", "17"),
]

TOGETHER = [
    Together("verzuim report threshold is 16 hours in 4 weeks", r"\b16 uur", r"\b4 (les|school)?weken"),
    Together(
        "leerplicht starts the month after the 5th birthday",
        r"leerplicht\w*[^.?!]*\b(5|vijf) jaar|\b(5|vijf) jaar[^.?!]*leerplicht",
        r"maand",
    ),
    Together(
        "the schoolondersteuningsprofiel is history",
        r"schoolondersteuningsprofiel|\bSOP\b",
        r"niet meer|vervallen|vroeger",
    ),
    Together("113 is free", r"\bbel[^.?!]*\b113\b", r"gratis"),
    Together("the Thuiszitterspact's three months was a goal for 2020", r"\b3 maanden|drie maanden", r"2020"),
]

NEVER = [
    Never("113 costs money", r"\b113 of gratis|113[^.?!]*(kost geld|betaald|niet gratis)"),
    Never("leerplicht from age 5 without the next month", r"vanaf (5|vijf) jaar"),
    Never("JGZ always the GGD", r"(JGZ\)?|jeugdgezondheidszorg( \(JGZ\))?) (hoort bij|van) de GGD"),
    Never(
        "the schoolondersteuningsprofiel as current",
        r"(staat|staan) in (het|haar|zijn) schoolondersteuningsprofiel|elke school heeft er een",
    ),
    Never("the Thuiszitterspact as a current rule", r"Het doel: geen kind"),
    Never("a fixed number of RMC regions (39 or 40: sources differ)", r"\b\d+ RMC-regio"),
    Never(
        "youth care lets a 16-year-old decide alone while the 12-15 rule is missing",
        r"jeugdhulp[^.?!]*alleen met[^.?!]*toestemming van de ouders",
    ),
]

ANSWER_ALSO = [
    AnswerAlso("the RMC is also called Doorstroompunt", r"\bRMC\b", r"Doorstroompunt"),
    AnswerAlso("the Kindertelefoon is for 8 to 18 year olds", r"Kindertelefoon", r"tussen 8 en 18 jaar|8-18"),
    AnswerAlso("a crisis answer with 113 names the free 0800-0113 too", r"\b113\b(?!\.nl)", r"0800-0113"),
]


def _answers() -> list:
    """(response name, text) for every Dutch text variation of every response in domain/*.yml."""
    found = []
    for path in sorted((ROOT / "domain").glob("*.yml")):
        for name, variations in ((load_yaml(path) or {}).get("responses") or {}).items():
            found += [(name, v["text"]) for v in variations if "text" in v and is_dutch(v)]
    return found


ANSWERS = _answers()


def _sentences(text: str) -> list:
    text = text.split("Meer lezen")[0]
    return [s.strip() for line in text.splitlines() for s in re.split(r"(?<=[.?!])\s+", line) if s.strip()]


@pytest.mark.parametrize("rule", TOGETHER, ids=lambda r: r.fact)
def test_a_fact_is_stated_whole(rule):
    wrong = [
        (name, s)
        for name, text in ANSWERS
        for s in _sentences(text)
        if re.search(rule.where, s, re.I) and not re.search(rule.also, s, re.I)
    ]
    assert wrong == [], f"{rule.fact}: {wrong}"


@pytest.mark.parametrize("rule", VALUES, ids=lambda r: r.fact)
def test_every_answer_gives_the_same_value(rule):
    wrong, seen = [], 0
    for name, text in ANSWERS:
        for sentence in _sentences(text):
            if not re.search(rule.where, sentence, re.I):
                continue
            for match in re.finditer(rule.number, sentence, re.I):
                value = next(g for g in match.groups() if g is not None)
                seen += 1
                if value != rule.right:
                    wrong.append((name, value, sentence))
    assert wrong == [], f"{rule.fact} is {rule.right}: {wrong}"
    assert seen, f"no answer states '{rule.fact}' any more: remove the rule or fix its pattern"


@pytest.mark.parametrize("rule", NEVER, ids=lambda r: r.fact)
def test_no_answer_says_what_is_no_longer_true(rule):
    wrong = [(name, s) for name, text in ANSWERS for s in _sentences(text) if re.search(rule.pattern, s, re.I)]
    assert wrong == [], f"{rule.fact}: {wrong}"


@pytest.mark.parametrize("rule", ANSWER_ALSO, ids=lambda r: r.fact)
def test_an_answer_that_names_it_says_all_of_it(rule):
    wrong = [name for name, text in ANSWERS if re.search(rule.where, text) and not re.search(rule.also, text)]
    assert wrong == [], f"{rule.fact}: {wrong}"


@pytest.mark.parametrize(
    "text, rule_fact",
    [
        ("Bel 113 of gratis 0800-0113.", "113 costs money"),
        ("De leerplicht geldt vanaf 5 jaar.", "leerplicht from age 5 without the next month"),
        ("De jeugdgezondheidszorg (JGZ) hoort bij de GGD.", "JGZ always the GGD"),
    ],
)
def test_the_never_rules_catch_the_old_wording(text, rule_fact):
    rule = next(r for r in NEVER if r.fact == rule_fact)
    assert any(re.search(rule.pattern, s, re.I) for s in _sentences(text))


def test_the_value_rules_catch_a_contradiction():
    """A made-up answer with the old or a wrong value is caught by the same table."""
    made_up = {
        "verzuim report threshold: hours": "School meldt het als een leerling 12 uur ongeoorloofd afwezig is in 4 lesweken.",
        "Veilig Thuis number": "Bel Veilig Thuis: 0800-2001.",
        "Kindertelefoon number": "Bel de Kindertelefoon: 0900-0432.",
        "holiday leave: at most days": "Vakantieverlof: maximaal 14 dagen.",
    }
    for fact, sentence in made_up.items():
        rule = next(r for r in VALUES if r.fact == fact)
        assert re.search(rule.where, sentence, re.I), fact
        values = [next(g for g in m.groups() if g is not None) for m in re.finditer(rule.number, sentence, re.I)]
        assert values and any(v != rule.right for v in values), fact


def test_the_crisis_answer_in_every_language_gives_the_same_numbers():
    crisis = (load_yaml(ROOT / "domain" / "crisis.yml") or {})["responses"]["utter_crisis"]
    others = [v["text"] for v in crisis if not is_dutch(v)]
    assert len(others) == 6  # English, Turkish, Arabic, Polish, Ukrainian, German
    for text in others:
        for number in ("112", "0800-2000", "113", "0800-0113", "0800-0432", "11:00", "21:00"):
            assert number in text, (number, text[:40])


def test_the_age_check_calls_a_child_leerplichtig_only_from_5_to_15():
    """Leerplicht ends with the school year in which the child turns 16: a 16-year-old may be
    leerplichtig or only kwalificatieplichtig, so the check's answer for 16 names both."""
    texts = dict(ANSWERS)
    for age in range(MIN_AGE, MAX_AGE + 1):
        text = texts[age_check_response(age)].replace("{leeftijd}", str(age))
        says_leerplichtig = re.search(rf"\bvan {age} jaar is leerplichtig\b", text)
        assert bool(says_leerplichtig) == (5 <= age <= 15), (age, text)
        if age == 16:
            assert "leerplichtig" in text and "kwalificatieplicht" in text, text
