"""The widget's privacy notice names the period the region set (CIP_RETENTION_DAYS: the period after
which `cip retention run` deletes a conversation), in a real Chromium against `cip web`. Rasa is not
needed: the notice is there before the first message."""

from __future__ import annotations

import pytest

from bot.launch import CIP, Server, free_port
from bot.retention_periods import DEFAULT_DAYS


@pytest.fixture(scope="module", params=[None, "14"], ids=["default", "region-setting"])
def web(request, tmp_path_factory):
    port = free_port()
    env = {"CIP_RASA_URL": f"http://127.0.0.1:{free_port()}", "CIP_RETENTION_DAYS": request.param or ""}
    server = Server(
        [CIP, "web", "--port", str(port)],
        tmp_path_factory.mktemp("notice") / "web.log",
        f"http://127.0.0.1:{port}/healthz",
        env=env,
    ).start()
    yield f"http://127.0.0.1:{port}", int(request.param or DEFAULT_DAYS)
    server.stop()


def test_the_privacy_notice_names_the_retention_period_of_the_server(page, web):
    url, days = web
    page.goto(url + "/")
    page.get_by_role("button", name="Stel je vraag").click()
    notice = page.locator(".cip-chat__privacy").inner_text()
    assert f"Je gesprek wordt {days} dagen bewaard in de database van deze assistent" in notice
    assert "undefined" not in notice
