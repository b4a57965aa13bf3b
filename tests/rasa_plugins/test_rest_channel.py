"""Rasa's REST channel with the web relay's checks (bot/rasa_plugins/channels/rest.py), over real HTTP: the
channel on a Sanic server in this process (tests/helpers/channel_server.py), with a stand-in for Rasa's
agent that records what reaches it. No model, no Rasa server."""

from __future__ import annotations

import json

import pytest
import requests
from rasa.core.run import create_http_input_channels

from bot.rasa_plugins.channels.rest import CheckedRestInput
from tests.helpers.channel_server import serving
from tests.helpers.project import ROOT

ANSWER = "Dit is het antwoord van de assistent."
FAILING = "Mijn zoon Jurre heeft hulp nodig"  # the stand-in fails on this message, naming it


class RecordingAgent:
    """Answers every message that reaches it with ANSWER and keeps its text."""

    def __init__(self):
        self.received = []
        self.metadata = []

    async def handle_message(self, message) -> None:
        self.received.append(message.text)
        self.metadata.append(message.metadata)
        if message.text == FAILING:
            raise RuntimeError(f"kon '{message.text}' niet opslaan")
        await message.output_channel.send_text_message(message.sender_id, ANSWER)


@pytest.fixture(scope="module")
def rest():
    agent = RecordingAgent()
    with serving(CheckedRestInput(), agent) as base_url:
        yield f"{base_url}/webhooks/rest/webhook", agent.received


@pytest.fixture(scope="module")
def rest_metadata():
    agent = RecordingAgent()
    with serving(CheckedRestInput(), agent) as base_url:
        yield f"{base_url}/webhooks/rest/webhook", agent.metadata


def _post(url: str, body, query: str = "") -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    return requests.post(url + query, data=data, headers={"Content-Type": "application/json"}, timeout=30)


def test_the_project_credentials_use_this_channel_at_rasas_rest_address():
    [channel] = [c for c in create_http_input_channels(None, str(ROOT / "credentials.yml")) if c.name() == "rest"]
    assert isinstance(channel, CheckedRestInput)
    assert channel.url_prefix() == "rest"  # so the URL stays /webhooks/rest/webhook


@pytest.mark.parametrize(
    "typed, passed_on",
    [
        ("  mag ik\x00 op\x07 vakantie?  ", "mag ik op vakantie?"),
        ("ver\u200blof\u200c aan\u2060vragen\ufeff", "verlof aanvragen"),
        ("\u202eleerplicht\u202c vanaf 5 jaar?", "leerplicht vanaf 5 jaar?"),
        ("de zorgcoo\u0308rdinator", "de zorgcoördinator"),
        ("\ud800wat is een \udfffOPP?", "wat is een OPP?"),
        ("a" * 1000, "a" * 1000),
    ],
    ids=[
        "control-characters",
        "zero-width",
        "right-to-left-override",
        "decomposed-accents",
        "lone-surrogates",
        "exactly-the-limit",
    ],
)
def test_rasa_gets_the_cleaned_text_and_the_client_rasas_answer(rest, typed, passed_on):
    url, received = rest
    answer = _post(url, {"sender": "ouder-1", "message": typed})
    assert answer.status_code == 200 and answer.json() == [{"recipient_id": "ouder-1", "text": ANSWER}]
    assert received[-1] == passed_on


def test_a_streamed_answer_gets_the_cleaned_text_too(rest):
    url, received = rest
    answer = _post(url, {"sender": "ouder-2", "message": "ver\u200blof"}, query="?stream=true")
    assert answer.status_code == 200 and ANSWER in answer.text
    assert received[-1] == "verlof"


@pytest.mark.parametrize(
    "body, status, dutch",
    [
        (b"", 400, "niet goed aangekomen"),
        (b"dit is geen json", 400, "niet goed aangekomen"),
        (b"[1, 2]", 400, "niet goed aangekomen"),
        pytest.param(
            b'{"sender": "ik", "message": "\xff\xfe hallo \xc3"}', 400, "niet goed aangekomen", id="invalid-utf-8"
        ),
        pytest.param(bytes(range(256)), 400, "niet goed aangekomen", id="every-byte"),
        pytest.param(b"[" * 10_000, 400, "niet goed aangekomen", id="nested-too-deep"),
        (b"x" * 20_000, 413, "maximaal 1000 tekens"),
        ({"sender": "ik", "message": "a" * 1001}, 413, "maximaal 1000 tekens"),
        ({"sender": "ik"}, 400, "leeg"),
        ({"sender": "ik", "message": " \n "}, 400, "leeg"),
        pytest.param(
            {"sender": "ik", "message": "\u200b\u200d\ufeff\u202e\x00\x07 \t"},
            400,
            "leeg",
            id="only-invisible-and-control-characters",
        ),
        pytest.param({"sender": "ik", "message": ["hallo"]}, 400, "leeg", id="message-not-text"),
        pytest.param({"message": "hallo"}, 400, "geen geldige code", id="no-sender"),
        pytest.param({"sender": "", "message": "hallo"}, 400, "geen geldige code", id="empty-sender"),
        pytest.param({"sender": 7, "message": "hallo"}, 400, "geen geldige code", id="sender-not-text"),
        pytest.param({"sender": "ik\x00", "message": "hallo"}, 400, "geen geldige code", id="nul-in-sender"),
        pytest.param({"sender": "a" * 256, "message": "hallo"}, 400, "geen geldige code", id="sender-too-long"),
    ],
)
def test_a_wrong_request_gets_the_relays_dutch_answer_and_rasa_is_not_asked(rest, body, status, dutch):
    url, received = rest
    before = len(received)
    refused = _post(url, body)
    [message] = refused.json()
    assert refused.status_code == status and dutch in message["text"]
    assert len(received) == before


def test_the_health_check_of_rasas_channel_still_answers(rest):
    url, _received = rest
    assert requests.get(url.rsplit("/", 1)[0] + "/", timeout=10).json() == {"status": "ok"}


@pytest.mark.parametrize("query", ["", "?stream=true"])
def test_a_failure_in_rasa_gives_the_central_number_and_logs_no_text(rest, caplog, query):
    from bot.region import load_region

    url, _ = rest
    with caplog.at_level("DEBUG"):
        answer = _post(url, {"sender": "ouder-2", "message": FAILING}, query)
    assert answer.status_code == 200 and load_region().phone in answer.text
    assert "RuntimeError" in caplog.text and "Jurre" not in caplog.text


def test_every_message_carries_its_clients_key_which_a_client_cannot_forge(rest_metadata):
    """The action server counts tickets per client (bot/tickets/service.py) by this key."""
    from bot.domain.client_address import METADATA_KEY

    url, metadata = rest_metadata

    def key_of(forwarded_for: str, sent: dict) -> str:
        body = {"sender": "ouder-k", "message": "hallo", "metadata": sent}
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", "X-Forwarded-For": forwarded_for}
        assert requests.post(url, data=data, headers=headers, timeout=30).status_code == 200
        assert metadata[-1].get("pagina") == sent.get("pagina")  # the client's own metadata passes
        return metadata[-1][METADATA_KEY]

    first = key_of("198.51.100.1", {"pagina": "leerplicht"})
    assert key_of("198.51.100.1", {METADATA_KEY: "0" * 32, "pagina": "x"}) == first
    assert key_of("198.51.100.2", {}) != first
    assert "198.51.100" not in json.dumps(metadata)
