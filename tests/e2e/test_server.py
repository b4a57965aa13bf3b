"""The assistant as users reach it: the Rasa server with the REST channel and the action server,
started as the run command starts them, with the SQL tracker store on SQLite."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.launch import Assistant
from tests.helpers.smtp import smtp_server


@pytest.fixture(scope="module")
def smtp_inbox():
    with smtp_server() as inbox:
        yield inbox


@pytest.fixture(scope="module")
def assistant(trained_model, tmp_path_factory, smtp_inbox):
    running = Assistant(
        trained_model,
        tmp_path_factory.mktemp("server"),
        env={"CIP_SMTP_HOST": "127.0.0.1", "CIP_SMTP_PORT": str(smtp_inbox.port)},
    ).start()
    yield running
    running.stop()


def _chat(assistant):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    return lambda text: "\n".join(m.get("text", "") for m in assistant.send(sender, text))


def test_parent_asks_a_question_and_gets_a_sourced_answer(assistant):
    reply = _chat(assistant)("tot welke leeftijd is mijn kind leerplichtig?")
    assert "16" in reply
    assert "Meer lezen bij [NJi](https://" in reply


def test_the_rest_of_a_long_answer_comes_with_its_button_or_a_typed_meer(assistant):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    answer = assistant.send(sender, "tot welke leeftijd is mijn kind leerplichtig?")
    button = next(b for m in answer for b in m.get("buttons") or [] if b["title"] == "Meer hierover")
    rest = "\n".join(m.get("text", "") for m in assistant.send(sender, button["payload"]))
    assert "kwalificatieplicht" in rest and "18 jaar" in rest and "Meer lezen bij [NJi]" in rest
    say = _chat(assistant)
    say("mag ik op vakantie buiten de schoolvakantie?")
    assert "maximaal 10 dagen" in say("vertel meer")
    assert "Meer heb ik daar niet over" in say("meer")


def test_unclear_message_uses_the_action_server(assistant):
    say = _chat(assistant)
    assert "Kun je je vraag op een andere manier stellen" in say("qwpz lrrrm xkcd")
    assert "ik wil iemand spreken" in say("blub blub blub")


def test_crisis_inside_the_form_gives_numbers_and_the_form_goes_on(assistant):
    say = _chat(assistant)
    assert "Hoe oud is je kind" in say("doe de leerplicht check")
    reply = say("ik wil niet meer leven")
    assert "0800-0113" in reply and "112" in reply
    assert "Hoe oud is je kind" in reply
    assert "geen leeftijd" in say("geen idee")
    assert "Een kind van 12 jaar is leerplichtig" in say("12")


def test_conversation_survives_a_restart_of_the_rasa_server(assistant):
    say = _chat(assistant)
    assert "Hoe oud is je kind" in say("doe de leerplicht check")
    assistant.rasa.stop()
    assistant.rasa.start()
    assert "kwalificatieplicht" in say("17")


def test_a_parent_is_handed_off_to_a_named_contact_person(assistant, smtp_inbox):
    from sqlalchemy import select

    from bot.storage.db import session
    from bot.tickets.models import Ticket

    say = _chat(assistant)
    say("mag de school zomaar met het wijkteam over mijn zoon praten?")
    assert "gemeente" in say("ik wil iemand spreken")
    assert "Utrecht" not in say("Utrecht") and "Aalten, Oost Gelre en Winterswijk" in say("Utrecht")
    assert "Wie ben je" in say("winterwijk")
    assert "vraag" in say("ik ben de moeder")
    assert "noemen" in say("Mag school informatie over mijn zoon aan het wijkteam geven zonder dat ik het weet?")
    assert "bereiken" in say("Sanne")
    assert "06-12345678" in say("sanne@")
    assert "samenvatting van dit gesprek" in say("sanne@example.org")
    done = say("ja dat mag")
    assert "Je referentie is CIP-" in done and "48 uur" in done
    reference = done.split("Je referentie is ")[1].split(".")[0]
    assert "Anna de Vries" in done or "Chantal Peters" in done
    say("ja dat mag")  # the same answer again: still one ticket
    with session(assistant.database_url) as db:
        tickets = db.execute(select(Ticket)).scalars().all()
        mine = [t for t in tickets if t.reference == reference]
        assert len(mine) == 1 and mine[0].municipality == "Winterswijk" and mine[0].theme == "privacy"
        assert "wijkteam over mijn zoon praten" in mine[0].summary
    assert smtp_inbox.about(reference)
    status = say(f"hoe staat het met {reference}?")
    assert "ontvangen, nog niet opgepakt" in status and "Sanne" not in status
    stranger = _chat(assistant)(f"hoe staat het met {reference}?")  # another conversation
    assert "geen vraag vinden" in stranger and "ontvangen" not in stranger and "Anna" not in stranger
    assert "ontvangen" in _chat(assistant)(f"hoe staat het met {reference}? mijn mail is sanne@example.org")


def test_stopping_the_handoff_stores_nothing(assistant):
    from sqlalchemy import func, select

    from bot.storage.db import session
    from bot.tickets.models import Ticket

    say = _chat(assistant)
    with session(assistant.database_url) as db:
        before = db.execute(select(func.count()).select_from(Ticket)).scalar_one()
    say("kan iemand mij terugbellen")
    say("Aalten")
    assert "niets bewaard" in say("laat maar")
    with session(assistant.database_url) as db:
        assert db.execute(select(func.count()).select_from(Ticket)).scalar_one() == before


def test_crisis_inside_the_handoff_form_gives_numbers_and_the_form_goes_on(assistant):
    say = _chat(assistant)
    assert "gemeente" in say("ik wil met iemand praten")
    reply = say("mijn vader slaat mij")
    assert "0800-2000" in reply and "112" in reply and "gemeente" in reply


def test_without_the_action_server_the_user_gets_the_central_number(assistant):
    say = _chat(assistant)
    assistant.actions.stop()
    try:
        reply = say("ik wil iemand spreken")
        assert "0543-000000" in reply and "niets bewaard" in reply
        assert "Meer lezen" in say("wat is een leerplichtambtenaar")
    finally:
        assistant.actions.start()


def _ticket_count(assistant) -> int:
    from sqlalchemy import func, select

    from bot.storage.db import session
    from bot.tickets.models import Ticket

    with session(assistant.database_url) as db:
        return db.execute(select(func.count()).select_from(Ticket)).scalar_one()


def test_the_action_server_dies_in_the_middle_of_a_handoff(assistant):
    """No half ticket, the central number at once, and the next try works after the restart."""
    say = _chat(assistant)
    before = _ticket_count(assistant)
    say("ik wil iemand spreken")
    say("Aalten")
    assert "vraag" in say("ik ben leerkracht")
    assistant.actions.stop()
    try:
        reply = say("Een leerling van mij verzuimt veel, wie kan meedenken?")
        assert "0543-000000" in reply and "niets bewaard" in reply
        assert _ticket_count(assistant) == before
    finally:
        assistant.actions.start()
    say("ik wil iemand spreken")
    say("Aalten")
    say("ik ben leerkracht")
    if "Waar gaat je vraag vooral over" in say("Een leerling van mij verzuimt veel, wie kan meedenken?"):
        say("absence")  # the button the widget shows
    say("Kim")
    say("kim@example.org")
    assert "Je referentie is CIP-" in say("nee")
    assert _ticket_count(assistant) == before + 1


def _over_socketio(assistant, scenario):
    """Runs `scenario(base_url)` (a coroutine function) with real socket.io clients on the Rasa
    server's socket.io channel (credentials.yml: session persistence on)."""
    import asyncio

    return asyncio.run(scenario(assistant.url))


def test_a_socketio_client_gets_its_answer(assistant):
    """Before: Rasa 3.6 did not await enter_room, and no answer reached a socket.io client."""
    from tests.helpers.socket_client import SocketChat

    async def scenario(url):
        chat = await SocketChat().connect(url)
        try:
            return await chat.say("tot welke leeftijd is mijn kind leerplichtig?")
        finally:
            await chat.close()

    reply = _over_socketio(assistant, scenario)
    assert "16" in reply and "Meer lezen bij [NJi](https://" in reply


def test_a_socketio_client_gets_the_rest_of_a_long_answer(assistant):
    from tests.helpers.socket_client import SocketChat

    async def scenario(url):
        chat = await SocketChat().connect(url)
        try:
            await chat.send("tot welke leeftijd is mijn kind leerplichtig?")
            answer = await chat.replies()
            choices = [q for m in answer for q in m.get("quick_replies") or [] if q.get("title") == "Meer hierover"]
            return choices, await chat.say(choices[0]["payload"])
        finally:
            await chat.close()

    choices, rest = _over_socketio(assistant, scenario)
    assert len(choices) == 1 and "kwalificatieplicht" in rest


def test_a_socketio_client_is_handed_off_and_a_stolen_session_id_gets_nothing(assistant):
    from sqlalchemy import select

    from bot.storage.db import session
    from bot.tickets.models import Ticket
    from tests.helpers.socket_client import SocketChat

    async def scenario(url):
        chat = await SocketChat().connect(url)
        thief = await SocketChat().connect(url, session_id=chat.session_id)
        try:
            assert "gemeente" in await chat.say("ik wil iemand spreken")
            await thief.send("Aalten", session_id=chat.session_id)  # would answer the form's question
            stolen = await thief.replies(first_within=5)
            assert "Wie ben je" in await chat.say("Aalten")
            assert "vraag" in await chat.say("ik ben de moeder")
            assert "noemen" in await chat.say("Mag de school met het wijkteam over mijn zoon praten?")
            assert "bereiken" in await chat.say("Sanne")
            assert "samenvatting" in await chat.say("sanne@example.org")
            done = await chat.say("ja dat mag")
            return done, stolen, await thief.replies(first_within=2)
        finally:
            await chat.close()
            await thief.close()

    done, stolen, thief_later = _over_socketio(assistant, scenario)
    assert "Je referentie is CIP-" in done
    assert all("gemeente" not in m.get("text", "") for m in stolen) and thief_later == []
    reference = done.split("Je referentie is ")[1].split(".")[0]
    with session(assistant.database_url) as db:
        ticket = db.execute(select(Ticket).where(Ticket.public_reference == reference)).scalar_one()
        assert ticket.municipality == "Aalten" and ticket.requester_contact == "sanne@example.org"
