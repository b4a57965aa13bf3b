"""A real browser for the web tests: Debian's chromium, driven by Playwright (no browser download).

`.ci/run` installs Debian's `chromium`; without it these tests fail in CI (CIP_REQUIRE_BROWSER=1)
and are skipped with a message elsewhere. Screenshots go to test-output/screenshots/."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CIP_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the test session.

    Registered in conftest.py only: a module that imports this fixture gets a second session
    fixture, and a second sync_playwright() in the same thread fails ("Sync API inside the
    asyncio loop")."""
    executable = chromium_path()
    if not executable:
        if os.environ.get("CIP_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is not installed: apt-get install chromium")
        pytest.skip("no chromium: apt-get install chromium (Debian) to run the browser tests")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser context (own cookies and storage) with one page, closed after the test."""
    context = browser.new_context(locale="nl-NL")
    yield context.new_page()
    context.close()


def screenshot(page, name: str) -> Path:
    """Save what the page shows now as test-output/screenshots/<name>.png (to look at)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
