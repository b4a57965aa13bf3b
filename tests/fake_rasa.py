"""A stand-in for Rasa's REST channel: the web relay's tests see exactly what reaches Rasa, without
a trained model (training takes minutes and both cores)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RASA_ANSWER = [
    {"recipient_id": "x", "text": "Meer lezen: https://www.rijksoverheid.nl/leerplicht"},
    {
        "recipient_id": "x",
        "text": "Wie ben je?",
        "buttons": [{"title": "Ouder of verzorger", "payload": "ouder"}, {"title": "zonder payload"}],
    },
    {"recipient_id": "x", "image": "https://example.org/plaatje.png"},
    "geen bericht",
]


class FakeRasa(ThreadingHTTPServer):
    """Answers every POST on /webhooks/rest/webhook with RASA_ANSWER; keeps the request bodies."""

    def __init__(self):
        self.received = []
        super().__init__(("127.0.0.1", 0), _RasaHandler)

    @classmethod
    def started(cls) -> "FakeRasa":
        """A fake Rasa answering in a background thread on `server_port`; stop it with shutdown()."""
        fake = cls()
        threading.Thread(target=fake.serve_forever, daemon=True).start()
        return fake

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}"


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
