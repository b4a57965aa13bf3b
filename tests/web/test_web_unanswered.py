"""The page of the questions without an answer, against the real `cip web` server: over HTTP (the
coordinator's list, marking a group handled, the CSRF token, a contact person refused) and in a
real browser (Debian's Chromium; screenshots test-output/screenshots/unanswered-*.png)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.unanswered.models import CLARIFIED, NOT_ANSWERED, UnansweredQuestion
from bot.unanswered.store import record
from tests.helpers.browser import screenshot
from tests.helpers.inbox_web import PASSWORDS, Client, inbox_server

QUESTIONS = [
    ("wat doe ik tegen pesten op school van mijn dochter Fatma", NOT_ANSWERED),
    ("wat kan ik doen tegen pesten op school?", NOT_ANSWERED),
    ("wat doe ik tegen pesten op de school in Groenlo", NOT_ANSWERED),
    ("mag een hond mee naar de klas van juf Anouk", CLARIFIED),
]


@pytest.fixture
def web(tmp_path):
    server = inbox_server(tmp_path, f"sqlite:///{tmp_path / 'cip.db'}")
    with session(server.database_url) as db:
        for text, outcome in QUESTIONS:
            record(db, text, outcome, utcnow())
    yield server
    server.stop()


def open_count(web) -> int:
    with session(web.database_url) as db:
        query = sa.select(sa.func.count()).where(UnansweredQuestion.handled_at.is_(None))
        return db.execute(query.select_from(UnansweredQuestion)).scalar_one()


def test_the_coordinator_sees_groups_and_marks_one_handled_with_the_csrf_token(web):
    coordinator = Client(web.base)
    coordinator.log_in("coordinator")
    listing = coordinator.get("/inbox/onbeantwoord")
    assert listing.status == 200
    assert "3 vragen" in listing.body and "1 vraag" in listing.body
    assert "[NAAM]" in listing.body and "Fatma" not in listing.body and "Groenlo" not in listing.body
    assert 'href="/inbox/onbeantwoord"' in coordinator.get("/inbox/").body
    with session(web.database_url) as db:
        ids = ",".join(str(i) for i in db.execute(sa.select(UnansweredQuestion.id)).scalars().all()[:3])
    assert coordinator.post("/inbox/onbeantwoord/afgehandeld", {"ids": ids, "csrf": "verkeerd"}).status == 403
    assert open_count(web) == 4
    done = coordinator.post("/inbox/onbeantwoord/afgehandeld", {"ids": ids, "csrf": listing.csrf()})
    assert done.status == 303 and done.location == "/inbox/onbeantwoord?gedaan=1"
    assert open_count(web) == 1
    after = coordinator.get(done.location).body
    assert "De groep staat op afgehandeld." in after and "3 vragen" not in after


def test_a_contact_person_gets_404_and_changes_nothing(web):
    anna = Client(web.base)
    anna.log_in("anna")
    refused = anna.get("/inbox/onbeantwoord")
    assert refused.status == 404 and "pesten" not in refused.body
    assert 'href="/inbox/onbeantwoord"' not in anna.get("/inbox/").body
    token = anna.get("/inbox/").csrf()
    assert anna.post("/inbox/onbeantwoord/afgehandeld", {"ids": "1,2,3,4", "csrf": token}).status == 404
    assert open_count(web) == 4


def _log_in(page, web, name: str) -> None:
    page.goto(f"{web.base}/inbox/login")
    page.get_by_label("Gebruikersnaam").fill(name)
    page.get_by_label("Wachtwoord").fill(PASSWORDS[name])
    page.get_by_label("Wachtwoord").press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_in_the_browser_the_coordinator_marks_a_group_handled_with_the_keyboard(web, page):
    _log_in(page, web, "coordinator")
    page.get_by_role("link", name="Vragen zonder antwoord").click()
    expect(page.get_by_role("heading", name="Vragen zonder antwoord")).to_be_visible()
    groups = page.locator("li.group")
    expect(groups).to_have_count(2)
    expect(groups.first.get_by_role("heading")).to_have_text("3 vragen")
    expect(page.get_by_text("Fatma")).to_have_count(0)
    screenshot(page, "unanswered-list")
    button = page.get_by_role("button", name="Groep 1 afgehandeld (3 vragen)")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("De groep staat op afgehandeld.")
    expect(groups).to_have_count(1)
    expect(groups.first.get_by_role("heading")).to_have_text("1 vraag")
    screenshot(page, "unanswered-handled")
    assert open_count(web) == 1


def test_in_the_browser_a_contact_person_is_refused(web, page):
    _log_in(page, web, "anna")
    expect(page.get_by_role("link", name="Vragen zonder antwoord")).to_have_count(0)
    answer = page.goto(f"{web.base}/inbox/onbeantwoord")
    assert answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Pagina niet gevonden")
    screenshot(page, "unanswered-refused")
