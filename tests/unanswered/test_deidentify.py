"""Personal data is out before a question is stored: on the invented messages of
tests/data/deidentify_messages.yml at least 99 % of the marked pieces are gone, and the words
that carry the question stay, so the maintainer can still read what was asked."""

from __future__ import annotations

import pytest

from bench.deidentify import load, measure
from bot.region import load_region
from bot.unanswered.deidentify import deidentify

REGION = load_region()


def test_recall_of_personal_data_is_at_least_99_percent():
    messages = load()
    assert len(messages) >= 200
    total, missed, left = measure(messages)
    assert sum(total.values()) >= 400
    assert 1 - sum(missed.values()) / sum(total.values()) >= 0.99, left


@pytest.mark.parametrize(
    "message, gone, tag",
    [
        ("bel me op 06-12345678 aub", "12345678", "[TELEFOON]"),
        ("mijn mail is p.dekker@hotmail.com", "dekker", "[E-MAIL]"),
        ("het bsn is 123.456.782", "456", "[BSN]"),
        ("wij wonen in 7101 AB", "7101", "[POSTCODE]"),
        ("mijn dochter Noor zit op basisschool De Regenboog", "Regenboog", "[SCHOOL]"),
        ("juf Hendriks zegt dat het niet mag", "Hendriks", "[NAAM]"),
        ("mijn zoon daan gaat niet naar school", "daan", "[NAAM]"),
        ("wij wonen in Lichtenvoorde", "Lichtenvoorde", "[PLAATS]"),
        ("hij is geboren op 3 maart 2019", "2019", "[DATUM]"),
        ("ons adres is Kerkstraat 12", "Kerkstraat", "[ADRES]"),
    ],
)
def test_each_kind_of_personal_data_becomes_its_tag(message, gone, tag):
    cleaned = deidentify(message, REGION)
    assert gone.lower() not in cleaned.lower() and tag in cleaned


@pytest.mark.parametrize(
    "question",
    [
        "mag ik op vakantie buiten de schoolvakantie?",
        "Mijn zoon wordt gepest op school, wat kan ik doen?",
        "Hoe lang bewaren jullie mijn gegevens?",
        "over de meldcode van Veilig Thuis",
        "wat is een OPP en een TLV",
    ],
)
def test_a_question_without_personal_data_stays_as_it_was(question):
    assert deidentify(question, REGION) == question
