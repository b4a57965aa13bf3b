"""`POST /chat`, the endpoint the chat widget talks to, against the real `cip web` server process.

Rasa is replaced by a small HTTP server that answers like Rasa's REST channel and records what it
receives, so the tests see exactly what reaches Rasa and what does not. A second web server points
at a port where nothing listens: Rasa down."""
from __future__ import annotations

import json
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from bot.launch import Server, free_port
from bot.region import load_region

CIP = str(Path(sys.executable).parent / "cip")
SITE = "https://www.voorbeeldgemeente.example"
FOREIGN = "https://kwaadaardig.example"
RASA_ANSWER = [
    {"recipient_id": "x", "text": "Meer lezen: https://www.rijksoverheid.nl/leerplicht"},
    {"recipient_id": "x", "text": "Wie ben je?",
     "buttons": [{"title": "Ouder of verzorger", "payload": "ouder"}, {"title": "zonder payload"}]},
    {"recipient_id": "x", "image": "https://example.org/plaatje.png"},
    "geen bericht",
]


class FakeRasa(ThreadingHTTPServer):
    """Answers every POST on /webhooks/rest/webhook with RASA_ANSWER; keeps the request bodies."""

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), _RasaHandler)


class _RasaHandler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append((self.path, json.loads(body)))
        answer = json.dumps(RASA_ANSWER).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *_args):
        pass


def _web_server(workdir: Path, rasa_url: str) -> tuple:
    port = free_port()
    log = workdir / f"web-{port}.log"
    server = Server([CIP, "web", "--port", str(port)], log, f"http://127.0.0.1:{port}/healthz",
                    env={"CIP_RASA_URL": rasa_url, "CIP_WEB_ORIGINS": f"{SITE},http://127.0.0.1:{port}"})
    return server.start(), f"http://127.0.0.1:{port}", log


@pytest.fixture(scope="module")
def rasa():
    fake = FakeRasa()
    threading.Thread(target=fake.serve_forever, daemon=True).start()
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
    assert answer.json() == {"messages": [
        {"text": "Meer lezen: https://www.rijksoverheid.nl/leerplicht", "buttons": []},
        {"text": "Wie ben je?", "buttons": [{"title": "Ouder of verzorger", "payload": "ouder"}]},
    ]}
    assert rasa.received[-1] == ("/webhooks/rest/webhook",
                                 {"sender": question["sender"], "message": "mag mijn kind op vakantie?"})


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


@pytest.mark.parametrize("body, status, dutch", [
    (b"", 400, "niet goed aangekomen"),
    (b"dit is geen json", 400, "niet goed aangekomen"),
    (b"[1, 2]", 400, "niet goed aangekomen"),
    ({"sender": "kort", "message": "hallo"}, 400, "geen geldige code"),
    ({"sender": uuid.uuid4().hex}, 400, "leeg"),
    ({"sender": uuid.uuid4().hex, "message": " \n "}, 400, "leeg"),
    ({"sender": uuid.uuid4().hex, "message": "a" * 1001}, 413, "maximaal 1000 tekens"),
    (b"x" * 20_000, 413, "maximaal 1000 tekens"),
])
def test_a_wrong_request_gets_a_dutch_explanation_and_rasa_is_not_asked(web, rasa, body, status, dutch):
    url, _log = web
    before = len(rasa.received)
    refused = _chat(url, body)
    assert refused.status_code == status and dutch in refused.json()["error"]
    assert len(rasa.received) == before


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
