"""Shared fixtures: the project's paths, the trained model (trained once per run in the background
while the tests without a model run first, cached by Rasa when nothing changed) and an in-process
Rasa agent for NLU tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.helpers.browser import browser, page  # noqa: F401  (here, so that the whole run shares one Chromium)
from tests.helpers.project import postgres_database
from tests.helpers.training import BackgroundTraining

TRAINING = BackgroundTraining()


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model of the current data, trained in the background since the collection."""
    return TRAINING.model(timeout=1800)


@pytest.fixture(scope="session")
def event_loop_session():
    loop = asyncio.new_event_loop()
    yield loop
    loop.close()


@pytest.fixture(scope="session")
def parse(trained_model, event_loop_session):
    """parse(text) -> Rasa's NLU result for ``text``, with the trained model in this process."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))

    def _parse(text: str) -> dict:
        return event_loop_session.run_until_complete(agent.parse_message(text))

    return _parse


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database of the newest schema, on SQLite and on a real PostgreSQL server.

    PostgreSQL comes from CIP_TEST_POSTGRES_URL (`bash scripts/postgres` prints one); .ci/run sets
    CIP_REQUIRE_POSTGRES=1 so that a missing server fails the run instead of skipping."""
    from bot.storage.db import upgrade

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'cip.db'}"
        upgrade(url)
        yield url
        return
    for url in postgres_database():
        upgrade(url)
        yield url


# What a test needs, as markers (registered in pyproject.toml), from the fixtures it uses and the
# folder it is in, so that `scripts/test -m "not model and not browser"` is the fast lane.
NEEDS = {"model": {"trained_model"}, "browser": {"page", "browser"}, "redis": {"redis_server"}}


def pytest_collection_modifyitems(items):
    """Marks each test by what it needs; the tests without the model run first, while it trains,
    and the browser tests last."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for marker, fixtures in NEEDS.items():
            if names & fixtures:
                item.add_marker(marker)
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "postgresql" in callspec.params.values():
            item.add_marker("postgres")
        if item.nodeid.startswith("tests/e2e/"):
            item.add_marker("e2e")
    # Chromium last: its Playwright session keeps an event loop running in this thread, in which
    # the tests that call asyncio.run (Rasa in process, the socket.io client) cannot run
    items.sort(
        key=lambda item: (item.get_closest_marker("browser") is not None, item.get_closest_marker("model") is not None)
    )


def pytest_collection_finish(session):
    """Starts the training once the selection (``-m``, ``-k``) is known, if a test needs it."""
    if not session.config.option.collectonly and any(item.get_closest_marker("model") for item in session.items):
        TRAINING.start()


def pytest_sessionfinish():
    TRAINING.stop()
