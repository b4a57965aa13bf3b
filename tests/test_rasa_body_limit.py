"""The Rasa server refuses a large body itself (SANIC_REQUEST_MAX_SIZE, bot/chat_message.py), before
it reads it into memory: started the way the tests and the benchmark start it (bot.launch), with
the project's channels. Any trained model will do, since no message reaches it, so an existing
models/cip.tar.gz is used as it is instead of training the current data first."""

from __future__ import annotations

import json

import pytest
import requests

from bot.chat_message import MAX_BODY_BYTES, RASA_SERVER_MAX_BODY_BYTES
from bot.launch import Assistant
from tests.conftest import MODEL


@pytest.fixture(scope="module")
def rasa_url(request, tmp_path_factory):
    model = MODEL if MODEL.exists() else request.getfixturevalue("trained_model")
    # the Rasa server alone: no message reaches the agent, so no action server is needed
    rasa = Assistant(model, tmp_path_factory.mktemp("body_limit")).rasa.start()
    yield rasa.ready_url + "webhook"
    rasa.stop()


def _post(url: str, size: int) -> requests.Response:
    body = json.dumps({"sender": "ouder-1", "message": "a" * size}).encode()
    return requests.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=30)


def test_a_body_above_sanics_limit_is_refused_and_the_server_answers_the_next_one(rasa_url):
    refused_by_sanic = _post(rasa_url, 200_000)
    # Sanic's own answer: the channel's check (a 413 as well, in Dutch) never read the body
    assert refused_by_sanic.status_code == 413
    assert "Request body exceeds the size limit" in refused_by_sanic.text
    # below Sanic's limit the channel's own check answers, in Dutch
    size = (MAX_BODY_BYTES + RASA_SERVER_MAX_BODY_BYTES) // 2
    refused = _post(rasa_url, size)
    assert refused.status_code == 413 and "maximaal 1000 tekens" in refused.json()[0]["text"]
