"""The socket.io channel with restricted origins: what credentials.yml configures, what the socket
server is told, and that a message reaches Rasa checked and cleaned (by calling the socket's own
message handler, as the socket server would). A failure in Rasa is tested over a real socket.io
connection (tests/helpers/channel_server.py), because the text it must not leak would be logged by the
socket server's task. (That the running Rasa server refuses a foreign origin is tested over HTTP in
test_web_widget.py.)"""

from __future__ import annotations

import asyncio
import json

import pytest
import socketio
from rasa.core.channels.socketio import SocketIOInput
from rasa.core.run import create_http_input_channels

from bot.domain.chat_message import INVALID_SENDER
from bot.rasa_plugins.channels.restricted_socketio import RestrictedSocketIOInput, parse_origins
from bot.region import load_region
from tests.helpers.channel_server import serving
from tests.helpers.project import ROOT, load_yaml
from tests.helpers.socket_client import SocketChat

CHANNEL = "bot.rasa_plugins.channels.restricted_socketio.RestrictedSocketIOInput"


async def _ignore(_message) -> None:
    return None


def test_the_project_credentials_use_the_restricted_channel_next_to_rest():
    channels = create_http_input_channels(None, str(ROOT / "credentials.yml"))
    assert sorted(channel.name() for channel in channels) == ["rest", "socketio"]
    [socket] = [c for c in channels if isinstance(c, SocketIOInput)]
    assert isinstance(socket, RestrictedSocketIOInput)
    assert socket.allowed_origins == tuple(load_yaml(ROOT / "credentials.yml")[CHANNEL]["allowed_origins"])
    assert socket.session_persistence is True


def test_the_socket_server_checks_the_configured_origins():
    channel = RestrictedSocketIOInput.from_credentials({"allowed_origins": ["https://www.gemeente.nl/"]})
    channel.blueprint(_ignore)
    assert channel.sio.eio.cors_allowed_origins == ["https://www.gemeente.nl"]


def test_without_a_list_only_the_servers_own_origin_may_connect():
    channel = RestrictedSocketIOInput.from_credentials({})
    channel.blueprint(_ignore)
    # None is engineio's "same origin only"; [] (what Rasa's own channel sets) switches the check off
    assert channel.sio.eio.cors_allowed_origins is None


def test_rasas_own_channel_does_not_check_origins():
    """Why this channel exists: if a Rasa upgrade starts checking, this test says so."""
    channel = SocketIOInput.from_credentials({})
    channel.blueprint(_ignore)
    assert channel.sio.eio.cors_allowed_origins == []


@pytest.mark.parametrize(
    "value", ["*", ["*"], ["https://www.gemeente.nl/chat"], ["www.gemeente.nl"], ["https://*.gemeente.nl"]]
)
def test_a_wildcard_or_a_url_that_is_not_an_origin_stops_the_start(value):
    with pytest.raises(ValueError, match="geen origin"):
        RestrictedSocketIOInput.from_credentials({"allowed_origins": value})


def test_origins_may_be_one_string_or_a_list():
    assert parse_origins("http://localhost:8000") == ("http://localhost:8000",)
    assert parse_origins(["https://a.example", "http://b.example:8080/"]) == (
        "https://a.example",
        "http://b.example:8080",
    )


def _say_over_a_socket(data) -> tuple[list, list]:
    """(texts that reached Rasa, bot messages sent on the socket) after one user message event
    with `data` (what a client sends: {"message": text})."""
    channel = RestrictedSocketIOInput.from_credentials({})
    reached, sent = [], []

    async def rasa(message) -> None:
        reached.append(message.text)

    async def emit(event, data, room=None, **_options) -> None:
        sent.append((event, data, room))

    channel.blueprint(rasa)
    channel.sio.emit = emit
    handler = channel.sio.handlers["/"][channel.user_message_evt]
    asyncio.run(handler("socket-1", data))
    return reached, sent


def test_a_socket_message_reaches_rasa_cleaned():
    assert _say_over_a_socket({"message": "  ver\u200blof\x00 aan\u202evragen  "}) == (["verlof aanvragen"], [])


@pytest.mark.parametrize(
    "text, dutch", [(" \u200b\x00 ", "leeg"), ("a" * 1001, "maximaal 1000 tekens")], ids=["nothing-left", "too-long"]
)
def test_a_refused_socket_message_gets_the_dutch_reason_and_never_reaches_rasa(text, dutch):
    reached, [(event, data, room)] = _say_over_a_socket({"message": text})
    assert reached == [] and event == "bot_uttered" and room == "socket-1" and dutch in data["text"]


@pytest.mark.parametrize(
    "data",
    [{"message": 42}, {"message": ["hallo"]}, {"message": None}, "hallo"],
    ids=["number", "list", "null", "payload-not-an-object"],
)
def test_a_socket_message_that_is_not_text_gets_the_dutch_reason_and_never_reaches_rasa(data):
    """Rasa's own handler raises AttributeError on a number or a list, before the check runs."""
    reached, [(event, answer, room)] = _say_over_a_socket(data)
    assert reached == [] and event == "bot_uttered" and room == "socket-1" and "leeg" in answer["text"]


MARKER = "jurre.de.vries@example.org"  # what the user typed; the stand-in's error quotes it


class FailingAgent:
    async def handle_message(self, message) -> None:
        raise RuntimeError(f"kon '{message.text}' niet opslaan")


async def _first_answer(base_url: str, text: str) -> dict:
    """The first bot message a socket.io client gets after saying `text`."""
    client, answers = socketio.AsyncClient(), asyncio.Queue()
    client.on("bot_uttered", answers.put)
    await client.connect(base_url, transports=["polling"])  # its websocket needs a newer aiohttp than Rasa's
    try:
        await client.emit("user_uttered", {"message": text})
        return await asyncio.wait_for(answers.get(), timeout=10)
    finally:
        await client.eio.disconnect(abort=True)  # a polite disconnect waits for the pending long poll


def test_a_failure_in_rasa_gives_the_central_number_on_the_socket_and_logs_no_text(caplog):
    """Without the channel's failure handler the error ends python-socketio's task, asyncio logs it
    with its text at ERROR, and the user waits for an answer that never comes."""
    with caplog.at_level("DEBUG"), serving(RestrictedSocketIOInput.from_credentials({}), FailingAgent()) as url:
        answer = asyncio.run(_first_answer(url, f"mail mij op {MARKER}"))
    assert load_region().phone in answer["text"]
    assert "RuntimeError" in caplog.text and MARKER not in caplog.text


class EchoAgent:
    """Stands in for Rasa: answers every message on its channel, and keeps what it received."""

    def __init__(self) -> None:
        self.received = []

    async def handle_message(self, message) -> None:
        self.received.append((message.sender_id, message.text, message.metadata))
        await message.output_channel.send_text_message(message.sender_id, f"antwoord op {message.text}")


PERSISTENT = {"session_persistence": True}


def _with_server(credentials: dict, scenario):
    """Runs `scenario(url, agent)` (a coroutine function) against a served channel; its result."""
    agent = EchoAgent()
    with serving(RestrictedSocketIOInput.from_credentials(credentials), agent) as url:
        return asyncio.run(scenario(url, agent)), agent


def test_an_answer_reaches_the_socket_with_session_persistence():
    """Rasa 3.6 does not await sio.enter_room: the socket never joined its room, and no answer
    reached a socket.io client (the old tests only checked the failure path)."""

    async def scenario(url, agent):
        chat = await SocketChat().connect(url)
        try:
            return await chat.say("hallo")
        finally:
            await chat.close()

    answer, agent = _with_server(PERSISTENT, scenario)
    assert answer == "antwoord op hallo" and len(agent.received) == 1


def test_a_stolen_session_id_receives_nothing():
    """Rasa let any socket join the room of a session id it sent, and read that user's answers."""

    async def scenario(url, agent):
        owner = await SocketChat().connect(url)
        thief = await SocketChat().connect(url, session_id=owner.session_id)
        try:
            assert thief.session_id != owner.session_id  # the server does not hand out another's session
            await thief.send("wat heeft de ouder gevraagd?", session_id=owner.session_id)
            refused = await thief.replies(first_within=5)
            owner_heard = await owner.replies(first_within=2)
            own = await owner.say("mijn vraag over mijn kind")
            return refused, owner_heard, own, await thief.replies(first_within=3)
        finally:
            await owner.close()
            await thief.close()

    (refused, owner_heard, own, thief_later), agent = _with_server(PERSISTENT, scenario)
    assert [m["text"] for m in refused] == [INVALID_SENDER]
    assert owner_heard == [] and own == "antwoord op mijn vraag over mijn kind" and thief_later == []
    assert [text for _, text, _ in agent.received] == ["mijn vraag over mijn kind"]


@pytest.mark.parametrize(
    "session_id",
    ["a" * 5000, "abc\x00def", {"id": "x"}, None, ""],
    ids=["5000-characters", "nul-byte", "object", "missing", "empty"],
)
def test_a_message_with_a_session_id_not_its_own_is_refused(session_id):
    async def scenario(url, agent):
        chat = await SocketChat().connect(url)
        try:
            await chat.client.emit("user_uttered", {"message": "hallo", "session_id": session_id})
            return await chat.replies(first_within=5)
        finally:
            await chat.close()

    answers, agent = _with_server(PERSISTENT, scenario)
    assert [m["text"] for m in answers] == [INVALID_SENDER] and agent.received == []


@pytest.mark.parametrize(
    "metadata, dutch",
    [
        ("{not json", "niet goed aangekomen"),
        (["lijst"], "niet goed aangekomen"),
        (42, "niet goed aangekomen"),
        ({"x": "y" * 5000}, "te veel extra gegevens"),
        (json.dumps({"x": "y" * 5000}), "te veel extra gegevens"),
    ],
    ids=["not-json", "list", "number", "too-large", "too-large-as-text"],
)
def test_metadata_of_the_wrong_shape_or_size_gets_the_dutch_reason(metadata, dutch):
    """Rasa's channel raised JSONDecodeError on "{not json" (no answer) and stored 900 kB."""

    async def scenario(url, agent):
        chat = await SocketChat().connect(url)
        try:
            await chat.send("hallo", metadata=metadata)
            return await chat.replies(first_within=5)
        finally:
            await chat.close()

    answers, agent = _with_server(PERSISTENT, scenario)
    assert len(answers) == 1 and dutch in answers[0]["text"] and agent.received == []


def test_small_metadata_reaches_rasa_with_the_message_and_the_clients_key_which_it_cannot_forge():
    """The key counts the tickets of one client (bot/tickets/service.py); a client's own value is overwritten."""
    from bot.domain.client_address import METADATA_KEY

    async def scenario(url, agent):
        chat = await SocketChat().connect(url)
        try:
            return await chat.say("hallo", metadata=json.dumps({"pagina": "/leerplicht", METADATA_KEY: "0" * 32}))
        finally:
            await chat.close()

    answer, agent = _with_server(PERSISTENT, scenario)
    metadata = agent.received[0][2]
    assert answer == "antwoord op hallo" and metadata["pagina"] == "/leerplicht"
    assert len(metadata[METADATA_KEY]) == 32 and metadata[METADATA_KEY] != "0" * 32


def test_engineio_reads_at_most_64_kB_per_request():
    """Before: engine.io's default of 1 MB; 900 kB of metadata reached the tracker."""

    async def scenario(url, agent):
        chat = await SocketChat().connect(url)
        try:
            await chat.send("hallo", metadata={"x": "y" * 100_000})
            return await chat.replies(first_within=5)
        finally:
            await chat.close()

    answers, agent = _with_server(PERSISTENT, scenario)
    assert answers == [] and agent.received == []
    channel = RestrictedSocketIOInput.from_credentials({})
    channel.blueprint(_ignore)
    assert channel.sio.eio.max_http_buffer_size == 64_000
