"""`POST /chat`, the endpoint the chat widget talks to, against the real `cip web` server process.

Rasa is replaced by a small HTTP server that answers like Rasa's REST channel and records what it
receives, so the tests see exactly what reaches Rasa and what does not. A second web server points
at a port where nothing listens: Rasa down."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
import requests

from bot.region import load_region
from tests.helpers.fake_rasa import FakeRasa
from tests.helpers.launch import CIP, Server, free_port

SITE = "https://www.voorbeeldgemeente.example"
FOREIGN = "https://kwaadaardig.example"


def _web_server(workdir: Path, rasa_url: str) -> tuple:
    port = free_port()
    log = workdir / f"web-{port}.log"
    server = Server(
        [CIP, "web", "--port", str(port)],
        log,
        f"http://127.0.0.1:{port}/healthz",
        env={"CIP_RASA_URL": rasa_url, "CIP_WEB_ORIGINS": f"{SITE},http://127.0.0.1:{port}"},
    )
    return server.start(), f"http://127.0.0.1:{port}", log


@pytest.fixture(scope="module")
def rasa():
    fake = FakeRasa.started()
    yield fake
    fake.shutdown()


@pytest.fixture(scope="module")
def web(rasa, tmp_path_factory):
    server, url, log = _web_server(tmp_path_factory.mktemp("web"), f"http://127.0.0.1:{rasa.server_port}")
    yield url, log
    server.stop()


@pytest.fixture(scope="module")
def web_without_rasa(tmp_path_factory):
    server, url, log = _web_server(tmp_path_factory.mktemp("web_down"), f"http://127.0.0.1:{free_port()}")
    yield url, log
    server.stop()


def _chat(url: str, body, origin: str | None = SITE) -> requests.Response:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    headers = {"Content-Type": "application/json", **({"Origin": origin} if origin else {})}
    return requests.post(f"{url}/chat", data=data, headers=headers, timeout=30)


def _message(text: str) -> dict:
    return {"sender": uuid.uuid4().hex, "message": text}


def test_the_demo_page_is_marked_as_a_demo_and_loads_the_widget(web):
    url, _log = web
    page = requests.get(url + "/", timeout=10)
    region = load_region()
    assert page.status_code == 200 and "Dit is geen echte gemeentewebsite" in page.text
    assert region.phone in page.text and region.email in page.text
    assert f"{region.phone} (voorbeeld)" in page.text and region.example  # made-up number, marked
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    script = requests.get(url + "/static/chat.js", timeout=10)
    assert script.status_code == 200 and "javascript" in script.headers["Content-Type"]
    assert "export function mountChat" in script.text
    assert requests.get(url + "/static/chat.css", timeout=10).status_code == 200


def test_a_message_from_an_allowed_site_reaches_rasa_and_only_text_and_buttons_come_back(web, rasa):
    url, _log = web
    question = _message("  mag mijn kind op vakantie?  ")
    answer = _chat(url, question)
    assert answer.status_code == 200
    assert answer.headers["Access-Control-Allow-Origin"] == SITE
    assert answer.json() == {
        "messages": [
            {"text": "Meer lezen: https://www.rijksoverheid.nl/leerplicht", "buttons": []},
            {"text": "Wie ben je?", "buttons": [{"title": "Ouder of verzorger", "payload": "ouder"}]},
        ]
    }
    assert rasa.received[-1] == (
        "/webhooks/rest/webhook",
        {"sender": question["sender"], "message": "mag mijn kind op vakantie?"},
    )


def test_a_foreign_or_missing_origin_is_refused_before_rasa_is_asked(web, rasa):
    url, _log = web
    before = len(rasa.received)
    for origin in (FOREIGN, None):
        refused = _chat(url, _message("hallo"), origin=origin)
        assert refused.status_code == 403 and "niet gebruiken" in refused.json()["error"]
        assert "Access-Control-Allow-Origin" not in refused.headers
    assert len(rasa.received) == before


def test_only_allowed_sites_pass_the_browsers_cors_check(web):
    url, _log = web
    allowed = requests.options(f"{url}/chat", headers={"Origin": SITE}, timeout=10)
    assert allowed.status_code == 204 and allowed.headers["Access-Control-Allow-Origin"] == SITE
    assert allowed.headers["Access-Control-Allow-Methods"] == "POST"
    foreign = requests.options(f"{url}/chat", headers={"Origin": FOREIGN}, timeout=10)
    assert foreign.status_code == 403 and "Access-Control-Allow-Origin" not in foreign.headers


@pytest.mark.parametrize(
    "body, status, dutch",
    [
        (b"", 400, "niet goed aangekomen"),
        (b"dit is geen json", 400, "niet goed aangekomen"),
        (b"[1, 2]", 400, "niet goed aangekomen"),
        ({"sender": "kort", "message": "hallo"}, 400, "geen geldige code"),
        ({"sender": uuid.uuid4().hex}, 400, "leeg"),
        ({"sender": uuid.uuid4().hex, "message": " \n "}, 400, "leeg"),
        ({"sender": uuid.uuid4().hex, "message": "a" * 1001}, 413, "maximaal 1000 tekens"),
        (b"x" * 20_000, 413, "maximaal 1000 tekens"),
        pytest.param(b"x" * 200_000, 413, "te groot", id="200-kB"),  # refused before the relay reads it
        pytest.param(
            {"sender": uuid.uuid4().hex, "message": "\u200b\u200d\ufeff\u202e\x00\x07 \t"},
            400,
            "leeg",
            id="only-invisible-and-control-characters",
        ),
        pytest.param({"sender": uuid.uuid4().hex, "message": ["hallo"]}, 400, "leeg", id="message-not-text"),
        pytest.param(
            b'{"sender": "' + b"a" * 32 + b'", "message": "\xff\xfe hallo \xc3"}',
            400,
            "niet goed aangekomen",
            id="invalid-utf-8",
        ),
        pytest.param(b"\x00" * 64, 400, "niet goed aangekomen", id="nul-bytes"),
        pytest.param(bytes(range(256)), 400, "niet goed aangekomen", id="every-byte"),
        pytest.param(b"[" * 10_000, 400, "niet goed aangekomen", id="nested-too-deep"),  # was a 500
    ],
)
def test_a_wrong_request_gets_a_dutch_explanation_and_rasa_is_not_asked(web, rasa, body, status, dutch):
    url, _log = web
    before = len(rasa.received)
    refused = _chat(url, body)
    assert refused.status_code == status and dutch in refused.json()["error"]
    assert len(rasa.received) == before


@pytest.mark.parametrize(
    "typed, passed_on",
    [
        ("mag ik\x00 op\x07 vakantie?", "mag ik op vakantie?"),
        ("ver\u200blof\u200c aan\u2060vragen\ufeff", "verlof aanvragen"),
        ("\u202eleerplicht\u202c vanaf 5 jaar?", "leerplicht vanaf 5 jaar?"),
        ("de zorgcoo\u0308rdinator en het ide\u0301e", "de zorgcoördinator en het idée"),
        ("z" + "\u0336" * 600 + "org", "z\u0336\u0336\u0336org"),
        ("\ud800wat is een \udfffOPP?", "wat is een OPP?"),
        ("eerste regel\r\ntweede regel\rderde", "eerste regel\ntweede regel\nderde"),
        ("👍🏽😊❤️", "👍🏽😊❤️"),
        ("Ondersteuningsplanpartnerschapsoverleg" * 26, "Ondersteuningsplanpartnerschapsoverleg" * 26),
    ],
    ids=[
        "control-characters",
        "zero-width",
        "right-to-left-override",
        "decomposed-accents",
        "combining-flood",
        "lone-surrogates",
        "carriage-returns",
        "emoji-only",
        "one-long-word",
    ],
)
def test_odd_characters_are_cleaned_before_rasa_sees_the_message(web, rasa, typed, passed_on):
    """What the user sees on screen is what Rasa and its tracker store get: no invisible, control
    or unstorable characters, composed accents, at most a few marks on one letter."""
    url, _log = web
    answer = _chat(url, _message(typed))
    assert answer.status_code == 200 and answer.json()["messages"]
    assert rasa.received[-1][1]["message"] == passed_on


def test_odd_requests_leave_no_trace_of_the_message_in_the_log(web, rasa):
    url, log = web
    marker = f"geheim-{uuid.uuid4().hex}"
    bodies = [
        b'{"message": "' + marker.encode() + b'\xff"}',
        (marker + "\x00").encode() * 10,
        b"[" * 5000 + marker.encode(),
        marker.encode() * 10_000,
        _message("\u202e" + marker + "\x00\ud800"),
        _message("\u200b" * 10 + marker),
    ]
    answers = [_chat(url, body) for body in bodies]
    assert all(answer.status_code in (200, 400, 413) and answer.json() for answer in answers)
    written = log.read_text()
    assert marker not in written and "Traceback" not in written and "Fout bij" not in written


def test_a_message_of_exactly_the_limit_is_passed_on(web, rasa):
    url, _log = web
    assert _chat(url, _message("a" * 1000)).status_code == 200
    assert rasa.received[-1][1]["message"] == "a" * 1000


def test_when_rasa_is_down_the_user_gets_the_central_number(web_without_rasa):
    url, _log = web_without_rasa
    answer = _chat(url, _message("hoe vraag ik verlof aan?"))
    region = load_region()
    assert answer.status_code == 503
    [message] = answer.json()["messages"]
    assert region.phone in message["text"] and region.email in message["text"]


def test_message_text_is_never_written_to_the_log(web, web_without_rasa, rasa):
    marker = f"geheim-{uuid.uuid4().hex}"
    for url, log in (web, web_without_rasa):
        _chat(url, _message(f"mijn zoon {marker} wordt gepest"))
        _chat(url, _message(marker * 200))  # too long: refused
        assert marker not in log.read_text()
    assert "antwoordt niet" in web_without_rasa[1].read_text()  # the failure itself is logged
    assert any(marker in body["message"] for _path, body in rasa.received)
