"""The action server takes calls only from the Rasa server it shares a secret with, and an error
answer never sends the conversation back. A started `cip actions`, called over HTTP as a local
process would call it (the forged calls the probe made)."""

from __future__ import annotations

import json
import os
import stat
import urllib.error
import urllib.request

import pytest
from sqlalchemy import func, select

from bot.storage.db import session, upgrade
from bot.tickets.models import Ticket
from tests.helpers.launch import Server, action_server_command, free_port

SECRET_HEADER = "X-CIP-Action-Secret"  # what endpoints.yml makes Rasa send
SECRET = "een-geheim-van-deze-test-0123456789"
MARKER = "jurre.de.vries@example.org"


@pytest.fixture(scope="module")
def actions(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actions")
    database_url = f"sqlite:///{folder / 'cip.db'}"
    upgrade(database_url)
    port = free_port()
    server = Server(
        action_server_command(port),
        folder / "actions.log",
        f"http://127.0.0.1:{port}/health",
        env={"CIP_ACTION_SECRET": SECRET, "DATABASE_URL": database_url},
    ).start()
    yield f"http://127.0.0.1:{port}", database_url
    server.stop()


def call(base: str, body, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(
        f"{base}/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def forged_ticket_call(**slots) -> dict:
    values = {
        "gemeente": "Aalten",
        "rol": "ouder",
        "handoff_theme": "privacy",
        "handoff_question": "Mag school met het wijkteam praten?",
        "handoff_name": "Sanne",
        "handoff_contact": "sanne@example.org",
        "handoff_consent": True,
        **slots,
    }
    return {
        "next_action": "action_create_ticket",
        "version": "3.6.2",
        "domain": {},
        "tracker": {
            "sender_id": "vervalst",
            "slots": values,
            "latest_message": {"text": "ja"},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": None,
        },
    }


def tickets(database_url: str) -> int:
    with session(database_url) as db:
        return db.execute(select(func.count()).select_from(Ticket)).scalar_one()


@pytest.mark.parametrize(
    "headers",
    [{}, {SECRET_HEADER: "fout"}, {SECRET_HEADER: SECRET[:-1]}, {"Authorization": f"Bearer {SECRET}"}],
    ids=["none", "wrong", "almost", "other-header"],
)
def test_a_call_without_the_secret_is_refused_and_makes_no_ticket(actions, headers):
    base, database_url = actions
    status, body = call(base, forged_ticket_call(), headers)
    assert status == 401 and tickets(database_url) == 0 and "sanne" not in body.lower()


def test_the_health_check_needs_no_secret(actions):
    with urllib.request.urlopen(f"{actions[0]}/health", timeout=10) as answer:
        assert answer.status == 200


def test_a_call_with_the_secret_runs_the_action(actions):
    base, database_url = actions
    before = tickets(database_url)
    status, body = call(base, forged_ticket_call(), {SECRET_HEADER: SECRET})
    assert status == 200 and "utter_handoff_done" in body and tickets(database_url) == before + 1


@pytest.mark.parametrize(
    "slots",
    [
        {"handoff_question": "waarom " * 3000},
        {"handoff_name": "S" * 500},
        {"rol": "admin<script>"},
        {"handoff_contact": "javascript:alert(1)"},
        {"handoff_theme": "geheim"},
        {"gemeente": "Utrecht"},
        {"handoff_consent": "ja"},
        {"handoff_question": None},
    ],
    ids=["long-question", "long-name", "role", "contact", "theme", "municipality", "consent", "missing"],
)
def test_slots_the_form_would_not_accept_make_no_ticket_even_with_the_secret(actions, slots):
    base, database_url = actions
    before = tickets(database_url)
    status, body = call(base, forged_ticket_call(**slots), {SECRET_HEADER: SECRET})
    assert status == 200 and "utter_service_unavailable" in body and tickets(database_url) == before


def test_an_error_answer_does_not_send_the_conversation_back(actions):
    """rasa-sdk answered an unexpected error with the whole request as `request_body`."""
    body = forged_ticket_call()
    body["tracker"]["events"] = [{"event": "user", "text": f"mail mij op {MARKER}"}, 42]  # breaks the action
    status, answer = call(actions[0], body, {SECRET_HEADER: SECRET})
    assert status == 500 and MARKER not in answer and "request_body" not in answer


def test_without_the_variable_a_secret_is_made_once_in_var_readable_by_the_owner_only(tmp_path):
    from bot.rasa_plugins.action_server import shared_secret

    path = tmp_path / "var" / "action_secret"
    first = shared_secret({}, path)
    assert len(first) >= 32 and shared_secret({}, path) == first
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert shared_secret({"CIP_ACTION_SECRET": "x" * 20}, path) == "x" * 20
    with pytest.raises(SystemExit, match="te kort"):
        shared_secret({"CIP_ACTION_SECRET": "kort"}, path)


def test_rasa_sends_the_secret_named_in_endpoints_yml(monkeypatch):
    from rasa.core.utils import AvailableEndpoints

    from tests.helpers.project import ROOT

    monkeypatch.setenv("CIP_ACTION_SECRET", SECRET)
    endpoint = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml")).action
    assert endpoint.headers == {SECRET_HEADER: SECRET}
