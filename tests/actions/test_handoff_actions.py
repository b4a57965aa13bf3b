"""The handoff actions, run with Rasa SDK's CollectingDispatcher and real Tracker objects against
a real database: the form's checks, one ticket per submitted form, the status question, and the
central phone number when the database cannot be reached."""

from __future__ import annotations

import asyncio
import socket
import time

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.handoff import (
    ActionCreateTicket,
    ActionHandoffCancelled,
    ActionHandoffStoppedForErasure,
    ActionTicketStatus,
    ValidateHandoffForm,
)
from actions.local_doors import ActionLocalDoor, ActionMunicipalityGiven
from bot.domain.answer_choice import title
from bot.storage.db import session
from bot.tickets.models import OutboxMail, Ticket
from tests.helpers.smtp import smtp_server, wait_for

FORM_SLOTS = {
    "gemeente": "Winterswijk",
    "rol": "ouder",
    "handoff_theme": None,
    "handoff_question": "Mag school met het wijkteam over mijn dochter praten?",
    "handoff_name": "Sanne",
    "handoff_contact": "sanne@example.org",
    "handoff_consent": True,
}


def user(text, intent, at=1.0, retrieval=None):
    parse = {"intent": {"name": intent}, "text": text}
    if retrieval:
        parse["response_selector"] = {"default": {"response": {"intent_response_key": retrieval}}}
    return {"event": "user", "text": text, "timestamp": at, "message_id": f"m{at}", "parse_data": parse}


HISTORY = [
    user("mag school zomaar met het wijkteam praten", "privacy", 1.0, "privacy/share_with_care"),
    user("ik wil iemand spreken", "request_human", 2.0),
    user("ja", "affirm", 3.0),
]


def tracker(slots=None, events=HISTORY, text="ja", intent="affirm", sender="gesprek-1") -> Tracker:
    return Tracker(
        sender_id=sender,
        slots={**FORM_SLOTS, **(slots or {})},
        latest_message={"intent": {"name": intent}, "text": text},
        events=list(events),
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def run(action, t):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, {}))
    return dispatcher.messages, events


def said(text: str, slots: dict | None = None) -> Tracker:
    """A conversation whose latest message is ``text``."""
    return Tracker(
        sender_id="t",
        slots=slots or {},
        latest_message={"text": text},
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def validate(slot, value, intent="nlu_fallback"):
    dispatcher = CollectingDispatcher()
    result = getattr(ValidateHandoffForm(), f"validate_{slot}")(
        value, dispatcher, tracker(text=str(value), intent=intent), {}
    )
    return result, [m.get("response") for m in dispatcher.messages]


@pytest.fixture
def db_url(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("CIP_SMTP_HOST", raising=False)
    return database_url


@pytest.mark.parametrize(
    "slot, typed, stored",
    [
        ("gemeente", "winterwijk", "Winterswijk"),
        ("gemeente", "ik woon in groenlo", "Oost Gelre"),
        ("rol", "ik ben de moeder", "ouder"),
        ("rol", "intern begeleider", "intern_begeleider"),
        ("handoff_contact", "Sanne@Example.org ", "sanne@example.org"),
        ("handoff_contact", "06-12 34 56 78", "0612345678"),
        ("handoff_contact", "+31 543 123456", "+31543123456"),
        ("handoff_name", "ik heet Sanne", "Sanne"),
        ("handoff_theme", "absence", "absence"),
        ("handoff_theme", "over leerplicht", "absence"),
    ],
)
def test_the_form_accepts_what_people_type(slot, typed, stored):
    result, messages = validate(slot, typed)
    assert result[slot] == stored and messages == []


@pytest.mark.parametrize(
    "slot, typed, response",
    [
        ("gemeente", "Utrecht", "utter_outside_region"),
        ("rol", "blabla", "utter_invalid_rol"),
        ("handoff_contact", "sanne@", "utter_invalid_handoff_contact"),
        ("handoff_contact", "0612", "utter_invalid_handoff_contact"),
        ("handoff_contact", "a" * 190 + "@example.org", "utter_invalid_handoff_contact"),  # longer than the column
        ("handoff_name", "12345", "utter_invalid_handoff_name"),
        ("handoff_name", "sanne@example.org", "utter_invalid_handoff_name"),
        ("handoff_question", "hoi", "utter_invalid_handoff_question"),
        ("handoff_theme", "weet ik niet", "utter_invalid_handoff_theme"),
    ],
)
def test_the_form_says_what_is_wrong_and_asks_again(slot, typed, response):
    result, messages = validate(slot, typed)
    assert result[slot] is None and messages == [response]


def test_an_unknown_municipality_hears_which_municipalities_are_served():
    dispatcher = CollectingDispatcher()
    ValidateHandoffForm().validate_gemeente("Utrecht", dispatcher, tracker(), {})
    assert dispatcher.messages[0]["gemeenten"] == "Aalten, Oost Gelre en Winterswijk"


def test_the_question_brings_its_theme_so_the_form_does_not_ask_it():
    result, _ = validate("handoff_question", "Mag school het dossier aan het wijkteam geven?", intent="privacy")
    assert result == {"handoff_question": "Mag school het dossier aan het wijkteam geven?", "handoff_theme": "privacy"}


@pytest.mark.parametrize("language, stored", [("tr", "tr"), (None, None), ("xx", None)])
def test_the_ticket_says_the_language_the_user_wrote_in(db_url, language, stored):
    """So the contact person knows to call back in English or with an interpreter; a value that
    is not one of the answered languages (a forged slot) is not stored."""
    run(ActionCreateTicket(), tracker(slots={"user_language": language}))
    with session(db_url) as db:
        assert db.execute(select(Ticket)).scalar_one().language == stored


def test_a_submitted_form_makes_one_ticket_and_tells_who_when_and_the_reference(db_url):
    messages, events = run(ActionCreateTicket(), tracker())
    assert messages[0]["response"] == "utter_handoff_done"
    assert messages[0]["contact_name"] in ("Anna de Vries (voorbeeld)", "Chantal Peters (voorbeeld)")  # example region
    assert messages[0]["reference"].startswith("CIP-") and messages[0]["hours"] == 48
    with session(db_url) as db:
        ticket = db.execute(select(Ticket)).scalar_one()
        assert ticket.theme == "privacy" and ticket.municipality == "Winterswijk" and ticket.consent
        assert "mag school zomaar met het wijkteam praten" in ticket.summary
        # the topic by its Dutch title, not the internal key "privacy/share_with_care"
        assert "Onderwerpen: " + title("privacy/share_with_care") in ticket.summary
        assert "privacy/share_with_care" not in ticket.summary and "ik wil iemand spreken" not in ticket.summary
    forgotten = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert forgotten["handoff_name"] is None and forgotten["handoff_contact"] is None
    assert forgotten["handoff_reference"] == messages[0]["reference"]


def test_the_contact_person_gets_the_mail_right_after_the_ticket(db_url, monkeypatch):
    with smtp_server() as inbox:
        monkeypatch.setenv("CIP_SMTP_HOST", "127.0.0.1")
        monkeypatch.setenv("CIP_SMTP_PORT", str(inbox.port))
        messages, _ = run(ActionCreateTicket(), tracker())
        mails = inbox.about(messages[0]["reference"])
    assert len(mails) == 1


def test_a_mail_server_that_does_not_answer_keeps_nobody_waiting(db_url, monkeypatch):
    """The mail server accepts the connection and never says anything (smtplib waits 10 s for it):
    the user who gave consent gets the reference at once, and the mail waits in the outbox."""
    silent = socket.create_server(("127.0.0.1", 0))
    monkeypatch.setenv("CIP_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("CIP_SMTP_PORT", str(silent.getsockname()[1]))
    try:
        started = time.monotonic()
        messages, _ = run(ActionCreateTicket(), tracker())
        assert time.monotonic() - started < 2
        assert messages[0]["response"] == "utter_handoff_done"
    finally:
        silent.close()  # the waiting attempt fails now, instead of after 10 s

    def tried_once():
        with session(db_url) as db:
            mail = db.execute(select(OutboxMail)).scalar_one()
            return mail.attempts == 1 and mail.sent_at is None and mail.last_error

    assert wait_for(tried_once)


def test_a_retried_action_or_repeated_message_makes_no_second_ticket(db_url):
    first, _ = run(ActionCreateTicket(), tracker())
    again, _ = run(ActionCreateTicket(), tracker())
    assert again[0]["reference"] == first[0]["reference"]
    with session(db_url) as db:
        assert len(db.execute(select(Ticket)).scalars().all()) == 1


def test_without_consent_the_ticket_holds_only_the_form(db_url):
    run(ActionCreateTicket(), tracker(slots={"handoff_consent": False}))
    with session(db_url) as db:
        ticket = db.execute(select(Ticket)).scalar_one()
        assert ticket.summary is None and not ticket.consent
        assert ticket.question == FORM_SLOTS["handoff_question"]


def test_invisible_and_control_characters_do_not_stop_the_ticket(db_url):
    """Over Rasa's REST or socket.io channel a message is not cleaned by the web relay: a NUL byte
    (PostgreSQL refuses it) or a right-to-left override in the form or the conversation still gives
    a ticket, with the text the user saw."""
    typed = {"handoff_question": "Mag school\x00 met het wijkteam\u200b praten?", "handoff_name": "\u202eSan\x00ne"}
    slots = {slot: validate(slot, value)[0][slot] for slot, value in typed.items()}
    history = [user("mijn zoon\x00 wordt\u200b gepest", "privacy", 1.0, "privacy/share_with_care"), *HISTORY[1:]]
    messages, _ = run(ActionCreateTicket(), tracker(slots=slots, events=history))
    assert messages[0]["response"] == "utter_handoff_done"
    with session(db_url) as db:
        ticket = db.execute(select(Ticket)).scalar_one()
        assert (ticket.question, ticket.requester_name) == ("Mag school met het wijkteam praten?", "Sanne")
        assert "- mijn zoon wordt gepest" in ticket.summary


def test_without_a_database_the_user_gets_the_central_number_and_nothing_is_stored(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://cip:cip@127.0.0.1:9/nergens")
    messages, events = run(ActionCreateTicket(), tracker())
    assert [m["response"] for m in messages] == ["utter_service_unavailable"]
    assert all(e["value"] is None for e in events if e["event"] == "slot")


@pytest.mark.parametrize(
    "action, response",
    [
        (ActionHandoffCancelled(), "utter_handoff_cancelled"),
        (ActionHandoffStoppedForErasure(), "utter_form_stopped_for_erasure"),
    ],
)
def test_stopping_the_form_forgets_the_answers(action, response):
    messages, events = run(action, tracker())
    assert [m["response"] for m in messages] == [response]
    assert {e["name"] for e in events} >= {"handoff_name", "handoff_contact", "handoff_question"}
    assert all(e["value"] is None for e in events)


def status(text, events=HISTORY, sender="gesprek-1"):
    return run(ActionTicketStatus(), tracker(text=text, intent="ticket_status", events=events, sender=sender))[0]


def test_the_status_names_the_state_and_contact_person_only(db_url):
    created, events = run(ActionCreateTicket(), tracker())
    reference = created[0]["reference"]
    after = HISTORY + [e for e in events if e["event"] == "slot"]
    messages = status(f"hoe staat het met {reference.lower()}?", events=after)
    assert messages == [
        {
            **messages[0],
            "response": "utter_ticket_status",
            "reference": reference,
            "status": "ontvangen, nog niet opgepakt",
            "contact_name": created[0]["contact_name"],
        }
    ]
    assert "sanne" not in str(messages).lower()


def test_another_conversation_learns_nothing_about_a_ticket_not_even_that_it_exists(db_url):
    """Before: "Hoe staat het met CIP-2026-000001?" from any conversation gave the status and the
    contact person's name. Now it gets the answer of a reference that does not exist."""
    created, _ = run(ActionCreateTicket(), tracker())
    reference = created[0]["reference"]
    stranger = status(f"hoe staat het met {reference}?", events=[], sender="iemand-anders")
    unknown = status("hoe staat het met CIP-ZZZZ-ZZZ9?", events=[], sender="iemand-anders")
    assert [m["response"] for m in stranger + unknown] == ["utter_ticket_unknown"] * 2
    assert set(stranger[0]) == set(unknown[0]) and "contact_name" not in stranger[0]
    wrong = status(f"hoe staat het met {reference}? mijn mail is iemand@example.org", events=[], sender="x")
    assert wrong[0]["response"] == "utter_ticket_unknown"


@pytest.mark.parametrize(
    "proof",
    [
        "mijn mail is Sanne@Example.org",
        "sanne@example.org",
    ],
)
def test_another_conversation_gets_the_status_with_the_address_the_ticket_holds(db_url, proof):
    created, _ = run(ActionCreateTicket(), tracker())
    reference = created[0]["reference"]
    messages = status(f"hoe staat het met {reference}? {proof}", events=[], sender="later")
    assert messages[0]["response"] == "utter_ticket_status" and messages[0]["reference"] == reference


@pytest.mark.parametrize("typed", ["06-12345678", "+31 6 1234 5678", "0031612345678"])
def test_a_phone_number_is_proof_however_it_is_written(db_url, typed):
    created, _ = run(ActionCreateTicket(), tracker(slots={"handoff_contact": "0612345678"}))
    messages = status(f"status {created[0]['reference']}, mijn nummer is {typed}", events=[], sender="later")
    assert messages[0]["response"] == "utter_ticket_status"


def test_status_without_or_with_an_unknown_reference(db_url):
    asked, _ = run(ActionTicketStatus(), tracker(text="hoe staat het met mijn vraag", intent="ticket_status"))
    assert asked[0]["response"] == "utter_ask_ticket_reference"
    unknown, _ = run(ActionTicketStatus(), tracker(text="CIP-2026-000999", intent="ticket_status"))
    assert unknown[0]["response"] == "utter_ticket_unknown"


def answered(answer_key, slots=None, text="vraag"):
    theme = answer_key.split("/")[0]
    latest = {
        "intent": {"name": theme},
        "text": text,
        "response_selector": {"default": {"response": {"intent_response_key": answer_key}}},
    }
    return Tracker(
        sender_id="t",
        slots=slots or {},
        latest_message=latest,
        events=[],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name=None,
    )


def test_an_answer_about_leerplicht_names_the_local_leerplicht_office():
    messages, events = run(ActionLocalDoor(), answered("absence/leerplichtambtenaar", {"gemeente": "Aalten"}))
    assert messages[0]["response"] == "utter_local_door" and messages[0]["gemeente"] == "Aalten"
    assert "de leerplichtambtenaar van de gemeente Aalten (https://www.aalten.nl)" in messages[0]["doors"]
    assert "Yunio" not in messages[0]["doors"]


def test_without_a_municipality_the_assistant_asks_it_and_remembers_the_door():
    messages, events = run(ActionLocalDoor(), answered("route/youth_care_access"))
    assert messages[0]["response"] == "utter_ask_municipality_for_door"
    assert events == [{"event": "slot", "timestamp": None, "name": "door_kinds", "value": ["wijkteam"]}]
    messages, events = run(ActionMunicipalityGiven(), said("winterwijk", {"door_kinds": ["wijkteam"]}))
    assert messages[0]["gemeente"] == "Winterswijk" and "Ondersteuningsteam Jeugd en Gezin" in messages[0]["doors"]
    assert "Leerplicht" not in messages[0]["doors"]


def test_an_answer_the_region_switched_off_gets_no_local_door(tmp_path, monkeypatch):
    answers = tmp_path / "answers.yml"
    answers.write_text("version: 1\nanswers:\n  utter_absence/leerplichtambtenaar:\n    off: true\n", encoding="utf-8")
    monkeypatch.setenv("CIP_ANSWERS_FILE", str(answers))
    messages, events = run(ActionLocalDoor(), answered("absence/leerplichtambtenaar", {"gemeente": "Aalten"}))
    assert messages == [] and events
    answers.write_text("version: 1\nanswers:\n", encoding="utf-8")  # switched on again
    messages, _ = run(ActionLocalDoor(), answered("absence/leerplichtambtenaar", {"gemeente": "Aalten"}))
    assert messages[0]["response"] == "utter_local_door"


def test_an_answer_without_a_local_door_adds_nothing():
    messages, events = run(ActionLocalDoor(), answered("privacy/inzage", {"gemeente": "Aalten"}))
    assert messages == [] and events  # a slot event, so the action server guard sees it ran


def test_a_municipality_outside_the_region_hears_which_are_served():
    messages, _ = run(ActionMunicipalityGiven(), said("ik woon in Utrecht"))
    assert messages[0]["response"] == "utter_outside_region"
    assert messages[0]["gemeenten"] == "Aalten, Oost Gelre en Winterswijk"


def test_a_question_for_a_doors_number_gets_that_door_of_the_named_municipality():
    messages, events = run(ActionMunicipalityGiven(), said("leerplicht nummer aalten"))
    assert messages[0]["response"] == "utter_local_door" and messages[0]["gemeente"] == "Aalten"
    assert messages[0]["doors"].startswith("- Leerplicht: de leerplichtambtenaar van de gemeente Aalten")
    assert "Wijkteam" not in messages[0]["doors"]
    assert {"event": "slot", "timestamp": None, "name": "gemeente", "value": "Aalten"} in events


def test_a_question_for_a_doors_number_without_a_municipality_asks_it_then_names_that_door():
    messages, events = run(ActionMunicipalityGiven(), said("wijkteam bellen"))
    assert messages[0]["response"] == "utter_ask_municipality_for_door"
    assert events == [{"event": "slot", "timestamp": None, "name": "door_kinds", "value": ["wijkteam"]}]
    messages, _ = run(ActionMunicipalityGiven(), said("Winterswijk", {"door_kinds": ["wijkteam"]}))
    assert "Ondersteuningsteam Jeugd en Gezin" in messages[0]["doors"] and "Leerplicht" not in messages[0]["doors"]


def test_a_question_for_a_doors_number_uses_the_municipality_given_before():
    messages, _ = run(ActionMunicipalityGiven(), said("hoe bereik ik het cjg", {"gemeente": "Oost Gelre"}))
    assert messages[0]["gemeente"] == "Oost Gelre" and messages[0]["doors"].startswith("- Wijkteam / CJG")


def test_a_conversation_gets_at_most_three_tickets_then_the_central_number(db_url):
    """Before: a script could fill every contact person's inbox through the form."""
    from bot.region import load_region

    events = list(HISTORY)
    for i in range(3):
        messages, new = run(
            ActionCreateTicket(),
            tracker(
                events=events + [user("ja", "affirm", 10.0 + i)], slots={"handoff_contact": f"ouder{i}@example.org"}
            ),
        )
        assert messages[0]["response"] == "utter_handoff_done"
        events += [user("ja", "affirm", 10.0 + i)] + [e for e in new if e["event"] == "slot"]
    refused, _ = run(
        ActionCreateTicket(),
        tracker(events=events + [user("ja", "affirm", 20.0)], slots={"handoff_contact": "ouder9@example.org"}),
    )
    assert load_region().phone in refused[0]["text"] and not refused[0].get("response")
    with session(db_url) as db:
        assert len(db.execute(select(Ticket)).scalars().all()) == 3


def test_one_contact_address_gets_at_most_three_tickets_a_day(db_url):
    from bot.region import load_region

    for i in range(3):
        messages, _ = run(ActionCreateTicket(), tracker(sender=f"gesprek-{i}"))
        assert messages[0]["response"] == "utter_handoff_done"
    refused, _ = run(ActionCreateTicket(), tracker(sender="gesprek-9"))
    assert load_region().phone in refused[0]["text"]
    with session(db_url) as db:
        assert len(db.execute(select(Ticket)).scalars().all()) == 3
