"""Erasure: "verwijder mijn gesprek" in the chat, through the real servers, and `cip erase` for the
maintainer, on conversations saved by Rasa's own (erasable) tracker store in SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import re
import uuid

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.utils.common import class_from_module_path
from rasa.utils.endpoints import read_endpoint_config

from bot.rasa_plugins.tracker_store import ErasableSQLTrackerStore
from bot.region import load_region
from bot.storage.db import session
from bot.tickets.service import HandoffRequest, create_ticket, find_ticket
from tests.helpers.cli import cip
from tests.helpers.launch import Assistant
from tests.helpers.project import ROOT
from tests.helpers.trackers import save_turns, stored_rows, tracker_store, write_endpoints

REGION = load_region()


def test_endpoints_name_the_erasable_store_and_rasa_loads_it(tmp_path):
    """Rasa silently keeps conversations in memory when the class cannot be imported."""
    config = read_endpoint_config(str(ROOT / "endpoints.yml"), "tracker_store")
    assert class_from_module_path(config.type) is ErasableSQLTrackerStore
    store = tracker_store(write_endpoints(f"sqlite:///{tmp_path / 'cip.db'}", tmp_path))
    assert isinstance(store, ErasableSQLTrackerStore)


def _turn(store, sender: str, text: str, *actions: str) -> None:
    """One more turn of `sender`, saved as Rasa saves it: the user's text and the bot's actions."""

    async def run():
        tracker = await store.retrieve(sender) or store.init_tracker(sender)
        tracker.update(UserUttered(text, intent={"name": "affirm", "confidence": 1.0}))
        for action in actions:
            tracker.update(ActionExecuted(action))
            tracker.update(BotUttered("..."))
        tracker.update(ActionExecuted("action_listen"))
        await store.save(tracker)

    asyncio.run(run())


def test_a_confirmed_erasure_deletes_every_session_and_keeps_nothing_of_that_turn(database_url, tmp_path):
    endpoints = write_endpoints(database_url, tmp_path)
    store = tracker_store(endpoints)
    save_turns(store, "parent", ["mijn zoon Daan spijbelt"], days_ago=3)
    save_turns(store, "parent", ["hoe zat het ook alweer"], days_ago=0)
    save_turns(store, "other", ["hallo"], days_ago=0)
    other = len(stored_rows(endpoints, "other"))

    _turn(store, "parent", "verwijder mijn gesprek", "utter_confirm_erasure")
    assert any("verwijder mijn gesprek" in row for row in stored_rows(endpoints, "parent"))
    _turn(store, "parent", "ja", "utter_conversation_erased")
    assert stored_rows(endpoints, "parent") == []
    assert asyncio.run(store.retrieve_full_tracker("parent")) is None
    assert len(stored_rows(endpoints, "other")) == other

    _turn(store, "parent", "nieuwe vraag", "utter_greet")
    rows = stored_rows(endpoints, "parent")
    assert any("nieuwe vraag" in row for row in rows)
    assert not any("Daan" in row or "verwijder" in row or '"ja"' in row for row in rows)


def _ticket(database_url: str, key: str) -> str:
    with session(database_url) as db:
        ticket, _ = create_ticket(
            db,
            REGION,
            HandoffRequest(
                submission_key=key,
                municipality="Winterswijk",
                theme="route",
                role="ouder",
                question="Waar vind ik hulp voor mijn zoon?",
                name="Marieke",
                contact="marieke@example.org",
                consent=False,
            ),
        )
        return ticket.reference


@pytest.fixture
def two_conversations_with_tickets(database_url, tmp_path):
    """'parent' made ticket `mine`, 'neighbour' made `theirs` and asked about `mine` by reference."""
    endpoints = write_endpoints(database_url, tmp_path)
    store = tracker_store(endpoints)
    mine, theirs = _ticket(database_url, "mine"), _ticket(database_url, "theirs")
    save_turns(
        store, "parent", ["ik wil iemand spreken"], days_ago=0, events_after=[SlotSet("handoff_reference", mine)]
    )
    save_turns(
        store,
        "neighbour",
        [f"hoe staat het met {mine}"],
        days_ago=0,
        events_after=[SlotSet("handoff_reference", theirs)],
    )
    return endpoints, mine, theirs


def test_the_maintainer_erases_a_sender_with_the_ticket_it_made(database_url, two_conversations_with_tickets):
    endpoints, mine, theirs = two_conversations_with_tickets
    events = len(stored_rows(endpoints, "parent"))
    result = cip("erase", "--sender", "parent", "--endpoints", str(endpoints), database_url=database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Verwijderd: 1 gesprek(ken) ({events} gebeurtenissen), 1 ticket(s) met 1 regels geschiedenis en 1 mail(s)."
    )
    assert stored_rows(endpoints, "parent") == [] and stored_rows(endpoints, "neighbour")
    with session(database_url) as db:
        assert find_ticket(db, mine) is None and find_ticket(db, theirs) is not None


def test_the_maintainer_erases_a_ticket_with_only_the_conversation_that_made_it(
    database_url, two_conversations_with_tickets
):
    endpoints, mine, theirs = two_conversations_with_tickets
    result = cip(
        "erase", "--ticket", mine.lower().replace("-", " "), "--endpoints", str(endpoints), database_url=database_url
    )
    assert result.returncode == 0, result.stderr
    assert "Verwijderd: 1 gesprek(ken)" in result.stdout and "1 ticket(s)" in result.stdout
    assert stored_rows(endpoints, "parent") == [] and stored_rows(endpoints, "neighbour")
    with session(database_url) as db:
        assert find_ticket(db, mine) is None and find_ticket(db, theirs) is not None
    unknown = cip("erase", "--ticket", mine, "--endpoints", str(endpoints), database_url=database_url)
    assert unknown.returncode == 1 and "geen ticket met referentie" in unknown.stderr


@pytest.fixture(scope="module")
def assistant(trained_model, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("erasure")
    running = Assistant(trained_model, workdir).start()
    running.endpoints = workdir / "endpoints.yml"
    yield running
    running.stop()


class Chat:
    """One user of the assistant: what they type, what the bot says, what is stored of them."""

    def __init__(self, assistant):
        self.assistant, self.sender = assistant, f"test-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> str:
        return "\n".join(m.get("text", "") for m in self.assistant.send(self.sender, text))

    def stored(self) -> list:
        return stored_rows(self.assistant.endpoints, self.sender)


def handled_as_a_question(reply: str) -> bool:
    """An answer, or the question back that offers answers ("Bedoel je ...?"): which of the two
    depends on how sure the model is, not on the erasure."""
    return "Meer lezen" in reply or "Gaat je vraag over een van deze onderwerpen?" in reply


def test_a_user_erases_the_conversation_in_the_chat_after_saying_yes(assistant):
    chat = Chat(assistant)
    chat.say("mijn dochter Fleur wil al weken niet naar school, wat nu?")
    assert "Wil je dat ik dit gesprek verwijder?" in chat.say("verwijder mijn gesprek")
    assert "Je gesprek is verwijderd" in chat.say("ja")
    assert chat.stored() == []
    assert handled_as_a_question(chat.say("wat doet een leerplichtambtenaar"))
    assert chat.stored() and not any("Fleur" in row for row in chat.stored())


def test_no_or_another_question_erases_nothing(assistant):
    chat = Chat(assistant)
    chat.say("mijn dochter Fleur wil al weken niet naar school, wat nu?")
    chat.say("wis deze chat")
    assert "niets verwijderd" in chat.say("nee")
    assert "Wil je dat ik dit gesprek verwijder?" in chat.say("kun je dit gesprek wissen?")
    assert handled_as_a_question(chat.say("hoe lang is mijn kind leerplichtig"))
    assert "verwijderd" not in chat.say("ja")
    assert any("Fleur" in row for row in chat.stored())


def test_keeping_the_conversation_after_stopping_the_handoff_forgets_its_answers(assistant):
    chat = Chat(assistant)
    for answer in ("ik wil iemand spreken", "Aalten", "ouder", "Mag school dat zonder mijn toestemming doen?"):
        chat.say(answer)
    assert "Wil je dat ik dit gesprek verwijder?" in chat.say("verwijder mijn gesprek")
    assert "niets verwijderd" in chat.say("nee")
    # a new handoff asks for the question again instead of sending on the one given before
    assert "Wat is je vraag?" in chat.say("ik wil toch iemand spreken")


def test_after_a_handoff_the_conversation_goes_and_the_ticket_stays_as_the_bot_says(assistant):
    chat = Chat(assistant)
    chat.say("mag school zomaar met het wijkteam over mijn zoon praten?")
    for answer in (
        "ik wil iemand spreken",
        "Aalten",
        "ouder",
        "Mag school dat zonder mijn toestemming doen?",
        "Marieke",
        "marieke@example.org",
    ):
        chat.say(answer)
    reference = re.search(r"CIP-[0-9A-Z]{4}-[0-9A-Z]{4}", chat.say("nee")).group(0)
    chat.say("verwijder mijn gesprek")
    done = chat.say("ja")
    assert "Je gesprek is verwijderd" in done
    assert f"Je vraag aan de contactpersoon ({reference}) is niet verwijderd" in done
    assert chat.stored() == []
    with session(assistant.database_url) as db:
        assert find_ticket(db, reference).question == "Mag school dat zonder mijn toestemming doen?"


REFUSE_INSERTS = {
    "sqlite": ["CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'geweigerd'); END"],
    "postgresql": [
        "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'geweigerd'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION refuse()",
    ],
}


def test_a_failed_save_names_no_message_text(database_url, tmp_path):
    """Rasa logs the error of a failed save; SQLAlchemy would put the event data in its message."""
    store = tracker_store(write_endpoints(database_url, tmp_path))
    save_turns(store, "parent", ["hallo"], days_ago=0)
    with store.engine.begin() as connection:
        for statement in REFUSE_INSERTS[connection.dialect.name]:
            connection.exec_driver_sql(statement)
    with pytest.raises(Exception) as failed:
        _turn(store, "parent", "Mijn zoon Jurre Bakkenes", "utter_greet")
    assert "geweigerd" in str(failed.value) and "INSERT INTO events" in str(failed.value)
    assert "Jurre" not in str(failed.value)
