"""The inbox in a real browser (Debian's Chromium), against the assistant as `scripts/run` starts it:
a parent is handed off through the REST channel, and the contact person who got the ticket logs in,
takes it, adds a note and closes it. Another contact person cannot see or open it. Screenshots go to
test-output/screenshots/inbox-*.png."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.tickets.service import HandoffRequest, create_ticket, find_ticket
from bot.web.accounts import create_account
from tests.helpers.browser import screenshot
from tests.helpers.launch import Assistant

REGION = load_region()
PASSWORD = "een wachtwoord voor de test"
QUESTION = "Mag school informatie over mijn zoon aan het wijkteam geven zonder dat ik het weet?"
# WCAG AA: 4.5:1 for text; computed in the browser from the colours the page really shows.
CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  let bg = el, back = 'rgb(255, 255, 255)';
  while (bg) { const c = getComputedStyle(bg).backgroundColor;
    if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { back = c; break; } bg = bg.parentElement; }
  const [a, b] = [lum(getComputedStyle(el).color), lum(back)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


@pytest.fixture(scope="module")
def assistant(trained_model, tmp_path_factory):
    running = Assistant(trained_model, tmp_path_factory.mktemp("inbox"), web=True).start()
    with session(running.database_url) as db:
        for contact in REGION.contacts:
            create_account(db, REGION, contact.id, PASSWORD)
    yield running
    running.stop()


@pytest.fixture(scope="module")
def handed_off(assistant) -> str:
    """The reference of a ticket made by a parent through the chat, as a user would make it."""
    sender = f"ouder-{uuid.uuid4().hex[:8]}"
    for text in (
        "mag de school zomaar met het wijkteam over mijn zoon praten?",
        "ik wil iemand spreken",
        "Aalten",
        "ik ben de moeder",
        QUESTION,
        "Sanne",
        "sanne@example.org",
    ):
        assistant.send(sender, text)
    done = "\n".join(m.get("text", "") for m in assistant.send(sender, "ja dat mag"))
    assert "Je referentie is CIP-" in done, done
    return re.search(r"CIP-[0-9A-Z]{4}-[0-9A-Z]{4}", done).group(0)


def owner_of(assistant, reference: str) -> str:
    with session(assistant.database_url) as db:
        return find_ticket(db, reference).contact_id


def colleague_of(contact_id: str) -> str:
    """A contact person for the same theme, not a coordinator: the one most likely to look."""
    themes = set(REGION.contact(contact_id).themes)
    return next(c.id for c in REGION.contacts if not c.coordinator and c.id != contact_id and themes & set(c.themes))


def log_in(page, assistant, contact_id: str) -> None:
    page.goto(f"{assistant.web_url}/inbox/login")
    page.get_by_label("Gebruikersnaam").fill(contact_id)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als")).to_contain_text(REGION.contact(contact_id).name)


def test_log_in_with_the_keyboard_only_and_a_visible_focus(page, assistant):
    page.goto(f"{assistant.web_url}/inbox/")
    assert page.url.endswith("/inbox/login")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Direct naar de inhoud"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "user_name"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("anna")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "password"
    page.keyboard.type("verkeerd wachtwoord")
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Je gebruikersnaam of wachtwoord klopt niet")
    screenshot(page, "inbox-login-error")
    page.get_by_label("Wachtwoord").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jouw open tickets")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Uitloggen"
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Je bent uitgelogd.")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    screenshot(page, "inbox-login")


def test_the_contact_person_takes_notes_and_closes_the_handed_off_ticket(page, assistant, handed_off):
    owner = owner_of(assistant, handed_off)
    log_in(page, assistant, owner)
    ticket = page.get_by_role("listitem").filter(has_text=handed_off)
    expect(ticket).to_contain_text("ontvangen, nog niet opgepakt")
    expect(ticket).to_contain_text("Aalten")
    screenshot(page, "inbox-list")
    ticket.get_by_role("link", name=handed_off).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ticket {handed_off}")
    expect(page.locator("main")).to_contain_text(QUESTION)
    expect(page.locator("main")).to_contain_text("sanne@example.org")
    expect(page.locator("main")).to_contain_text("Sanne (ouder)")
    expect(page.locator("main")).to_contain_text("wijkteam over mijn zoon praten")  # the consented summary
    screenshot(page, "inbox-ticket")

    page.get_by_role("button", name="Oppakken").click()
    expect(page.get_by_role("status")).to_have_text("Je hebt het ticket opgepakt.")
    expect(page.locator(".status")).to_contain_text("in behandeling")
    expect(page.get_by_role("button", name="Oppakken")).to_have_count(0)
    page.get_by_label("Notitie", exact=True).fill("Moeder gebeld, belt dinsdag terug")
    page.get_by_role("button", name="Notitie toevoegen").click()
    expect(page.locator(".history")).to_contain_text(
        f"notitie door {REGION.contact(owner).name}: Moeder gebeld, belt dinsdag terug"
    )
    page.get_by_role("button", name="Afronden").click()
    expect(page.get_by_role("status")).to_have_text("Het ticket is afgerond.")
    expect(page.locator(".history li")).to_have_count(4)  # aangemaakt, opgepakt, notitie, afgerond
    screenshot(page, "inbox-ticket-closed")

    page.get_by_role("link", name="Terug naar de inbox").click()
    expect(page.locator("main")).not_to_contain_text(handed_off)
    page.get_by_role("link", name="Ook afgeronde tickets tonen").click()
    expect(page.get_by_role("listitem").filter(has_text=handed_off)).to_contain_text("afgerond")


def test_another_contact_person_cannot_see_or_open_the_ticket(page, assistant, handed_off):
    other = colleague_of(owner_of(assistant, handed_off))
    log_in(page, assistant, other)
    page.goto(f"{assistant.web_url}/inbox/?afgerond=1")
    expect(page.locator("main")).not_to_contain_text(handed_off)
    answer = page.goto(f"{assistant.web_url}/inbox/tickets/{handed_off}")
    assert answer.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Ticket niet gevonden")
    expect(page.locator("main")).not_to_contain_text(QUESTION)
    expect(page.locator("main")).not_to_contain_text("Sanne")
    screenshot(page, "inbox-not-found")
    from bot.tickets.reference import ALPHABET

    neighbour = ALPHABET[(ALPHABET.index(handed_off[-1]) + 1) % len(ALPHABET)]  # a reference one character off
    guessed = page.goto(f"{assistant.web_url}/inbox/tickets/{handed_off[:-1]}{neighbour}")
    assert guessed.status == 404


def test_late_tickets_say_te_laat_in_words_and_the_page_fits_a_phone(page, assistant):
    with session(assistant.database_url) as db:
        late, _ = create_ticket(
            db,
            REGION,
            HandoffRequest(
                submission_key=uuid.uuid4().hex,
                municipality="Oost Gelre",
                theme="absence",
                role="leerkracht",
                question="Een leerling is al drie weken niet op school geweest.",
                name="Meester Tim",
                contact="0612345678",
                consent=False,
            ),
        )
        late.due_at = utcnow() - timedelta(hours=2)
        reference = late.reference
    page.set_viewport_size({"width": 375, "height": 740})
    log_in(page, assistant, "coordinator")
    expect(page.get_by_role("heading", level=1)).to_have_text("Open tickets in de regio")
    card = page.get_by_role("listitem").filter(has_text=reference)
    expect(card).to_contain_text("Te laat")
    expect(card).to_contain_text("Bram Jansen")  # a coordinator sees whose ticket it is
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for element in (
        card.get_by_text("Te laat"),
        card.get_by_role("link"),
        page.locator("dt").first,
        page.get_by_role("button", name="Uitloggen"),
    ):
        assert element.evaluate(CONTRAST) >= 4.5
    screenshot(page, "inbox-list-phone")
    card.get_by_role("link").click()
    expect(page.locator(".status")).to_contain_text("Te laat")
    expect(page.locator("main")).to_contain_text("de vrager gaf geen toestemming")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.get_by_role("button", name="Oppakken").evaluate(CONTRAST) >= 4.5
    screenshot(page, "inbox-ticket-phone")
