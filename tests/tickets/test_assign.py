"""Who takes a new question: the same person for a returning user, else the least loaded
contact person for the municipality and theme, on a tie the one who works today; coordinators
only when no one else fits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from bot.region import load_region
from bot.tickets.assign import choose_contact

REGION = load_region()
MONDAY, WEDNESDAY = date(2026, 11, 23), date(2026, 11, 25)


def test_the_least_loaded_fitting_person_gets_the_question():
    assert choose_contact(REGION, "Winterswijk", "route", {"anna": 3, "chantal": 1}, MONDAY).id == "chantal"
    assert choose_contact(REGION, "Winterswijk", "route", {"anna": 0, "chantal": 1}, MONDAY).id == "anna"


def test_on_a_tie_the_person_who_works_today_gets_it():
    # anna works ma/di/do, chantal wo/do/vr
    assert choose_contact(REGION, "Winterswijk", "privacy", {}, MONDAY).id == "anna"
    assert choose_contact(REGION, "Winterswijk", "privacy", {}, WEDNESDAY).id == "chantal"


def test_only_people_for_that_municipality_and_theme():
    assert choose_contact(REGION, "Aalten", "route", {"anna": 99}, MONDAY).id == "anna"
    assert choose_contact(REGION, "Oost Gelre", "absence", {}, MONDAY).id == "bram"


def test_a_returning_user_gets_the_same_person_even_when_busier():
    assert choose_contact(REGION, "Winterswijk", "route", {"anna": 9}, MONDAY, previous_contact_id="anna").id == "anna"


def test_a_coordinator_takes_over_when_no_one_else_covers_it():
    without_bram = replace(REGION, contacts=tuple(c for c in REGION.contacts if c.id != "bram"))
    assert choose_contact(without_bram, "Aalten", "absence", {}, MONDAY).id == "coordinator"


def test_nobody_at_all_is_an_error_not_a_silent_choice():
    nobody = replace(REGION, contacts=())
    with pytest.raises(LookupError):
        choose_contact(nobody, "Aalten", "absence", {}, MONDAY)
