"""The widget's privacy notice names the period the region set (CIP_RETENTION_DAYS: the period after
which `cip retention run` deletes a conversation), in a real Chromium against `cip web`. Rasa is not
needed: the notice is there before the first message."""

from __future__ import annotations

import pytest

from bot.privacy.retention_periods import DEFAULT_DAYS
from tests.helpers.launch import CIP, Server, free_port


@pytest.fixture(scope="module", params=[None, "14"], ids=["default", "region-setting"])
def web(request, tmp_path_factory):
    port = free_port()
    env = {
        "CIP_RASA_URL": f"http://127.0.0.1:{free_port()}",
        "CIP_RETENTION_DAYS": request.param or "",
        "CIP_RECORD_UNANSWERED": "1" if request.param else "",
    }
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


def test_before_the_first_message_the_user_reads_that_this_is_a_computer_program(page, web):
    url, _ = web
    page.goto(url + "/")
    page.get_by_role("button", name="Stel je vraag").click()
    first = page.locator(".cip-chat__privacy > *").first
    assert first.inner_text().startswith("Je chat met een computerprogramma, niet met een mens.")
    assert first.is_visible()


def test_the_privacy_notice_says_what_the_statistics_count(page, web):
    url, _ = web
    page.goto(url + "/")
    page.get_by_role("button", name="Stel je vraag").click()
    notice = page.locator(".cip-chat__privacy").inner_text()
    assert "Voor de statistiek van de regio tellen we alleen hoe vaak iets gebeurt" in notice
    assert "Niet wat je schrijft, niet wie je bent." in notice


def test_the_privacy_notice_says_that_unanswered_questions_are_kept_only_when_they_are(page, web):
    """CIP_RECORD_UNANSWERED (scripts/run sets it): de-identified questions without an answer, 28 days."""
    url, days = web
    page.goto(url + "/")
    page.get_by_role("button", name="Stel je vraag").click()
    notice = page.locator(".cip-chat__privacy").inner_text()
    kept = "Dan bewaren we je vraag 28 dagen zonder namen, plaatsen en nummers." in notice
    assert kept == (days != DEFAULT_DAYS)  # the region-setting server records them, the default one not
