"""The coordinator's statistics page in a real browser (Debian's Chromium): the page with its
charts and tables, a filter, the CSV download, the whole way by keyboard; a contact person is
refused. Screenshots: test-output/screenshots/statistics-*.png."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.helpers.browser import screenshot
from tests.helpers.inbox_web import PASSWORDS
from tests.helpers.statistics_page import statistics_server


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    server = statistics_server(tmp_path_factory.mktemp("stats-browser"))
    yield server
    server.stop()


def log_in(page, web, name: str) -> None:
    page.goto(f"{web.base}/inbox/login")
    page.get_by_label("Gebruikersnaam").fill(name)
    page.get_by_label("Wachtwoord").fill(PASSWORDS[name])
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als")).to_be_visible()


def tab_to(page, predicate: str, limit: int = 60) -> None:
    """Presses Tab until the focused element matches the JavaScript `predicate` (of `el`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"never reached by Tab: {predicate}")


def test_the_page_shows_each_chart_beside_its_table(page, web):
    log_in(page, web, "coordinator")
    page.get_by_role("link", name="Statistieken").click()
    expect(page.get_by_role("heading", name="Statistieken", exact=True)).to_be_visible()
    for chart in ("chart-volume", "chart-themes", "chart-share"):
        svg = page.locator(f'svg[aria-labelledby="{chart}"]')
        expect(svg).to_be_visible()
        assert svg.locator("rect").count() >= 1
        table = page.locator(f'section[aria-labelledby="{chart}"] table')
        expect(table).to_be_visible()
    themes = page.locator('section[aria-labelledby="chart-themes"] table')
    expect(themes.get_by_role("row", name="leerplicht en verzuim")).to_contain_text("6")
    expect(themes.get_by_role("row", name="privacy")).to_contain_text("< 5")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "statistics-page")


def test_a_filter_chosen_by_keyboard_only_and_the_csv(page, web):
    page.goto(f"{web.base}/inbox/login")
    tab_to(page, "el.id === 'user_name'")
    page.keyboard.type("coordinator")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORDS["coordinator"])
    page.keyboard.press("Enter")
    expect(page.get_by_text("Ingelogd als")).to_be_visible()
    tab_to(page, "el.textContent === 'Statistieken'")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Statistieken", exact=True)).to_be_visible()
    tab_to(page, "el.id === 'gemeente'")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("Aalten")
    tab_to(page, "el.textContent === 'Toon'")
    page.keyboard.press("Enter")
    expect(page.locator("#gemeente")).to_have_value("Aalten")
    assert "gemeente=Aalten" in page.url
    themes = page.locator('section[aria-labelledby="chart-themes"] table')
    expect(themes.get_by_role("row", name="privacy")).to_contain_text("< 5")
    expect(themes).not_to_contain_text("leerplicht en verzuim")
    screenshot(page, "statistics-filter")
    tab_to(page, "el.textContent === 'Download als CSV'")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    content = open(download.value.path(), encoding="utf-8").read()
    assert "Per thema" in content and "privacy;0;< 5" in content


def test_a_contact_person_does_not_reach_the_page(page, web):
    log_in(page, web, "anna")
    expect(page.get_by_role("link", name="Statistieken")).to_have_count(0)
    answer = page.goto(f"{web.base}/inbox/statistieken")
    assert answer.status == 404
    expect(page.get_by_role("heading", name="Pagina niet gevonden")).to_be_visible()
    screenshot(page, "statistics-refused")
