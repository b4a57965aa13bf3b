"""The socket.io channel with restricted origins: what credentials.yml configures, what the socket
server is told, and that a message reaches Rasa checked and cleaned (by calling the socket's own
message handler, as the socket server would). (That the running Rasa server refuses a foreign
origin is tested over HTTP in test_web_widget.py.)"""
from __future__ import annotations

import asyncio

import pytest
from rasa.core.channels.socketio import SocketIOInput
from rasa.core.run import create_http_input_channels

from bot.channels.restricted_socketio import RestrictedSocketIOInput, parse_origins
from tests.conftest import ROOT, load_yaml

CHANNEL = "bot.channels.restricted_socketio.RestrictedSocketIOInput"


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


@pytest.mark.parametrize("value", ["*", ["*"], ["https://www.gemeente.nl/chat"], ["www.gemeente.nl"],
                                   ["https://*.gemeente.nl"]])
def test_a_wildcard_or_a_url_that_is_not_an_origin_stops_the_start(value):
    with pytest.raises(ValueError, match="geen origin"):
        RestrictedSocketIOInput.from_credentials({"allowed_origins": value})


def test_origins_may_be_one_string_or_a_list():
    assert parse_origins("http://localhost:8000") == ("http://localhost:8000",)
    assert parse_origins(["https://a.example", "http://b.example:8080/"]) == ("https://a.example",
                                                                              "http://b.example:8080")


def _say_over_a_socket(text) -> tuple[list, list]:
    """(texts that reached Rasa, bot messages sent on the socket) after one user message."""
    channel = RestrictedSocketIOInput.from_credentials({})
    reached, sent = [], []

    async def rasa(message) -> None:
        reached.append(message.text)

    async def emit(event, data, room=None, **_options) -> None:
        sent.append((event, data, room))

    channel.blueprint(rasa)
    channel.sio.emit = emit
    handler = channel.sio.handlers["/"][channel.user_message_evt]
    asyncio.run(handler("socket-1", {"message": text}))
    return reached, sent


def test_a_socket_message_reaches_rasa_cleaned():
    assert _say_over_a_socket("  ver\u200blof\x00 aan\u202evragen  ") == (["verlof aanvragen"], [])


@pytest.mark.parametrize("text, dutch", [(" \u200b\x00 ", "leeg"), ("a" * 1001, "maximaal 1000 tekens")],
                         ids=["nothing-left", "too-long"])
def test_a_refused_socket_message_gets_the_dutch_reason_and_never_reaches_rasa(text, dutch):
    reached, [(event, data, room)] = _say_over_a_socket(text)
    assert reached == [] and event == "bot_uttered" and room == "socket-1" and dutch in data["text"]
