"""The socket.io channel with restricted origins: what credentials.yml configures, and what the
socket server is told. (That the running Rasa server refuses a foreign origin is tested over HTTP
in test_web_widget.py.)"""
from __future__ import annotations

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
