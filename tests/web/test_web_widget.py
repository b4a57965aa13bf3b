"""The chat widget on the demo page, in a real Chromium, against the whole assistant: the web server,
the Rasa server (REST and the restricted socket.io channel) and the action server with a database,
started once for this module. Screenshots: test-output/screenshots/chat-*.png."""

from __future__ import annotations

import json
import uuid

import pytest
import requests

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.service import find_ticket
from tests.helpers.browser import SCREENSHOTS, screenshot
from tests.helpers.launch import Assistant
from tests.helpers.project import ROOT, load_yaml

PANEL = "#cip-chat-panel"
BOT_TEXTS = ".cip-chat__message--bot .cip-chat__text"
USER_TEXTS = ".cip-chat__message--user .cip-chat__text"
ANSWERED = "() => document.querySelector('.cip-chat__status').textContent === ''"
FOREIGN = "https://kwaadaardig.example"


@pytest.fixture(scope="module")
def assistant(trained_model, tmp_path_factory):
    running = Assistant(trained_model, tmp_path_factory.mktemp("widget"), web=True).start()
    yield running
    running.stop()


def _open_chat(page, assistant) -> None:
    page.goto(assistant.web_url + "/")
    page.get_by_role("button", name="Stel je vraag").click()
    assert page.locator(PANEL).is_visible()


def _answer(page, send) -> str:
    """Does `send()` (type or click) and returns the text of the bot messages that came back."""
    before = page.locator(BOT_TEXTS).count()
    send()
    page.wait_for_function(ANSWERED, timeout=60_000)
    return "\n".join(page.locator(BOT_TEXTS).all_inner_texts()[before:])


def _say(page, text: str) -> str:
    def send():
        page.get_by_label("Typ je vraag").fill(text)
        page.get_by_label("Typ je vraag").press("Enter")

    return _answer(page, send)


def _click(page, button: str) -> str:
    return _answer(page, lambda: page.get_by_role("button", name=button, exact=True).click())


def _focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {text: e.textContent, id: e.id, cls: e.className, outline: s.outlineStyle,
                width: parseFloat(s.outlineWidth)}; }""")


def test_a_parent_asks_a_question_and_sees_the_sourced_answer(page, assistant):
    page.goto(assistant.web_url + "/")
    assert page.get_by_text("Dit is geen echte gemeentewebsite").is_visible()
    assert not page.locator(PANEL).is_visible()
    screenshot(page, "chat-closed")

    page.get_by_role("button", name="Stel je vraag").click()
    notice = page.locator(".cip-chat__privacy")
    assert "database van deze assistent" in notice.inner_text() and load_region().phone in notice.inner_text()
    screenshot(page, "chat-open-privacy")
    reply = _say(page, "tot welke leeftijd is mijn kind leerplichtig?")
    # the source shows its name as a link, not the raw URL
    assert "16" in reply and "Meer lezen bij NJi" in reply and "https://" not in reply
    source = page.locator(".cip-chat__message--bot a").last
    assert source.inner_text().startswith("NJi")
    assert (
        source.get_attribute("href")
        == "https://www.nji.nl/voortijdig-schoolverlaten-en-verzuim/definities-schoolverzuim"
    )
    assert "noopener" in source.get_attribute("rel") and source.get_attribute("target") == "_blank"
    assert page.locator(USER_TEXTS).all_inner_texts() == ["tot welke leeftijd is mijn kind leerplichtig?"]
    screenshot(page, "chat-answer")


def test_meer_hierover_shows_the_rest_of_a_long_answer(page, assistant):
    _open_chat(page, assistant)
    reply = _say(page, "mag ik op vakantie buiten de schoolvakantie?")
    assert "8 weken van tevoren" in reply and "maximaal 10 dagen" not in reply
    rest = _click(page, "Meer hierover")
    assert "maximaal 10 dagen" in rest and "Meer lezen bij Leerplichtwet, artikel 11 tot en met 14" in rest
    assert page.locator(USER_TEXTS).all_inner_texts()[-1] == "Meer hierover"
    screenshot(page, "chat-more")


def test_the_full_handoff_through_the_widget_creates_a_ticket(page, assistant):
    _open_chat(page, assistant)
    _say(page, "mag de school zomaar met het wijkteam over mijn zoon praten?")
    assert "gemeente" in _click(page, "Praat met een medewerker")
    assert "Wie ben je" in _say(page, "Winterswijk")
    assert "vraag" in _click(page, "Ouder of verzorger")
    assert "noemen" in _say(page, "Mag school informatie over mijn zoon aan het wijkteam geven zonder dat ik het weet?")
    assert "bereiken" in _say(page, "Sanne")
    assert "samenvatting van dit gesprek" in _say(page, "sanne@example.org")
    done = _click(page, "Ja, dat mag")
    assert "Je referentie is CIP-" in done and "48 uur" in done
    # the user's side shows the button titles, not the payloads sent to Rasa
    assert {"Praat met een medewerker", "Ouder of verzorger", "Ja, dat mag"} <= set(
        page.locator(USER_TEXTS).all_inner_texts()
    )
    screenshot(page, "chat-handoff-done")

    reference = done.split("Je referentie is ")[1].split(".")[0]
    with session(assistant.database_url) as db:
        ticket = find_ticket(db, reference)
        assert (ticket.municipality, ticket.theme, ticket.role) == ("Winterswijk", "privacy", "ouder")
        assert ticket.requester_name == "Sanne" and ticket.consent is True
        assert "wijkteam over mijn zoon praten" in ticket.summary


def test_the_widget_works_with_the_keyboard_only(page, assistant):
    page.goto(assistant.web_url + "/")
    for _ in range(10):
        page.keyboard.press("Tab")
        if "cip-chat__opener" in _focused(page)["cls"]:
            break
    focus = _focused(page)
    assert "cip-chat__opener" in focus["cls"], "the opener cannot be reached with Tab"
    assert focus["outline"] != "none" and focus["width"] >= 2, "no visible focus on the opener"

    page.keyboard.press("Enter")
    assert page.locator(PANEL).is_visible() and _focused(page)["id"] == "cip-chat-input"
    page.keyboard.type("eerste regel")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("tweede regel")
    assert page.locator("#cip-chat-input").input_value() == "eerste regel\ntweede regel"
    page.locator("#cip-chat-input").fill("")

    page.keyboard.press("Shift+Tab")
    assert _focused(page)["text"] == "Praat met een medewerker"
    assert "gemeente" in _answer(page, lambda: page.keyboard.press("Enter"))
    assert _focused(page)["id"] == "cip-chat-input"
    assert "Wie ben je" in _answer(page, lambda: (page.keyboard.type("Aalten"), page.keyboard.press("Enter")))
    for _ in range(8):
        page.keyboard.press("Shift+Tab")
        if _focused(page)["text"] == "Ouder of verzorger":
            break
    focus = _focused(page)
    assert focus["text"] == "Ouder of verzorger" and focus["outline"] != "none"
    assert "vraag" in _answer(page, lambda: page.keyboard.press("Enter"))
    assert "niets bewaard" in _answer(page, lambda: (page.keyboard.type("stop"), page.keyboard.press("Enter")))

    page.keyboard.press("Escape")
    assert not page.locator(PANEL).is_visible()
    assert "cip-chat__opener" in _focused(page)["cls"]
    assert page.get_by_role("button", name="Stel je vraag").get_attribute("aria-expanded") == "false"
    assert page.locator(".cip-chat__log").get_attribute("aria-live") == "polite"


def test_typed_html_is_shown_as_text_and_never_run(page, assistant):
    _open_chat(page, assistant)
    typed = ['<script>window.__xss = "script"</script>', '<img src="x" onerror="window.__xss = \'img\'">']
    for text in typed:
        _say(page, text)
    assert page.locator(USER_TEXTS).all_inner_texts() == typed
    assert page.locator(f"{PANEL} img, {PANEL} script").count() == 0
    assert page.evaluate("window.__xss") is None


def test_a_hostile_bot_answer_is_shown_as_text_with_only_safe_links(page, assistant):
    """Rasa's answers here never hold HTML; a crafted answer shows what would happen if one did."""
    hostile = {
        "messages": [
            {
                "text": '<img src="x" onerror="window.__xss = 1"> [klik](javascript:alert(1)) of https://example.org/pagina.',
                "buttons": [{"title": "<b>vet</b>", "payload": "/greet"}],
            }
        ]
    }
    _open_chat(page, assistant)
    page.route(
        assistant.web_url + "/chat",
        lambda route: route.fulfill(status=200, content_type="application/json", body=json.dumps(hostile)),
    )
    reply = _say(page, "hallo")
    assert '<img src="x" onerror="window.__xss = 1">' in reply and "javascript:alert(1)" in reply
    links = page.locator(".cip-chat__message--bot a")
    assert links.count() == 1 and links.get_attribute("href") == "https://example.org/pagina"
    assert page.get_by_role("button", name="<b>vet</b>", exact=True).is_visible()
    assert page.locator(f"{PANEL} img, {PANEL} b").count() == 0
    assert page.evaluate("window.__xss") is None


def test_the_conversation_survives_a_reload_in_the_same_tab(page, assistant):
    _open_chat(page, assistant)
    assert "Hoe oud is je kind" in _say(page, "doe de leerplicht check")
    page.reload()
    assert page.locator(PANEL).is_visible(), "the open chat closed on reload"
    assert page.locator(USER_TEXTS).all_inner_texts() == ["doe de leerplicht check"]
    assert "Hoe oud is je kind" in page.locator(BOT_TEXTS).last.inner_text()
    assert "Een kind van 12 jaar is leerplichtig" in _say(page, "12")  # same conversation at Rasa

    other_tab = page.context.new_page()
    other_tab.goto(assistant.web_url + "/")
    assert other_tab.locator(".cip-chat__message").count() == 0


def test_on_a_phone_sized_screen_the_chat_fills_the_screen(browser, assistant):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True
    )
    try:
        phone = context.new_page()
        _open_chat(phone, assistant)
        assert "Meer lezen" in _say(phone, "wat doet een leerplichtambtenaar?")
        panel = phone.locator(PANEL).bounding_box()
        assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        send = phone.get_by_role("button", name="Verstuur").bounding_box()
        assert send["x"] + send["width"] <= 375 and send["y"] + send["height"] <= 667
        assert phone.get_by_role("button", name="Praat met een medewerker").is_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)  # the viewport, not the full page: what the phone shows
        phone.screenshot(path=str(SCREENSHOTS / "chat-phone.png"))
    finally:
        context.close()


CONTRAST = """() => {
  const luminance = (rgb) => { const [r, g, b] = rgb.map((c) => { c /= 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const rgb = (color) => color.match(/[\\d.]+/g).map(Number);
  const background = (node) => { for (; node; node = node.parentElement) {
      const c = getComputedStyle(node).backgroundColor; if (rgb(c)[3] !== 0) return rgb(c).slice(0, 3); }
      return [255, 255, 255]; };
  const selectors = [".cip-chat__opener", ".cip-chat__header h2", ".cip-chat__close", ".cip-chat__privacy li",
      ".cip-chat__message--bot .cip-chat__text", ".cip-chat__message--user .cip-chat__text",
      ".cip-chat__text a", ".cip-chat__choice", ".cip-chat__handoff", ".cip-chat__label", ".cip-chat__hint",
      ".cip-chat__send", "#cip-chat-input"];
  return selectors.map((selector) => { const node = document.querySelector(selector);
      if (!node) return [selector, 0];
      const [a, b] = [luminance(rgb(getComputedStyle(node).color).slice(0, 3)), luminance(background(node))];
      return [selector, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)]; });
}"""


def test_every_text_in_the_widget_has_aa_contrast(page, assistant):
    transcript = {
        "sender": uuid.uuid4().hex,
        "open": True,
        "messages": [
            {"from": "user", "text": "ik wil iemand spreken"},
            {
                "from": "bot",
                "text": "Wie ben je? Meer lezen: https://example.org",
                "buttons": [{"title": "Ouder of verzorger", "payload": "ouder"}],
            },
        ],
    }
    page.add_init_script(f"sessionStorage.setItem('cip-chat', {json.dumps(json.dumps(transcript))})")
    page.goto(assistant.web_url + "/")
    ratios = dict(page.evaluate(CONTRAST))
    too_low = {selector: round(ratio, 2) for selector, ratio in ratios.items() if ratio < 4.5}
    assert not too_low, f"contrast below 4.5:1 (or element missing): {too_low}"


def test_the_rasa_socket_refuses_a_foreign_origin(assistant):
    handshake = f"http://127.0.0.1:{assistant.port}/socket.io/?EIO=4&transport=polling"
    allowed = load_yaml(ROOT / "credentials.yml")[
        "bot.rasa_plugins.channels.restricted_socketio.RestrictedSocketIOInput"
    ]["allowed_origins"][0]
    accepted = requests.get(handshake, headers={"Origin": allowed}, timeout=10)
    assert accepted.status_code == 200 and accepted.text.startswith("0{")
    refused = requests.get(handshake, headers={"Origin": FOREIGN}, timeout=10)
    assert refused.status_code == 400 and "not an accepted origin" in refused.text


def test_the_chat_endpoint_refuses_a_foreign_origin(assistant):
    message = {"sender": uuid.uuid4().hex, "message": "wat is een leerplichtambtenaar?"}
    answered = requests.post(
        assistant.web_url + "/chat", json=message, headers={"Origin": assistant.web_url}, timeout=60
    )
    assert answered.status_code == 200
    assert "Meer lezen" in "\n".join(m["text"] for m in answered.json()["messages"])
    refused = requests.post(assistant.web_url + "/chat", json=message, headers={"Origin": FOREIGN}, timeout=60)
    assert refused.status_code == 403 and "niet gebruiken" in refused.json()["error"]
