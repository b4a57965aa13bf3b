"""Shared fixtures: the project's paths, the trained model (trained once per run, cached by
Rasa when nothing changed) and an in-process Rasa agent for NLU tests."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.browser import browser, page  # noqa: F401  (here, so that the whole run shares one Chromium)

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "cip.tar.gz"
THEMES = ("routes", "privacy", "absence")

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def rasa(*args: str, timeout: float = 900, check: bool = True) -> subprocess.CompletedProcess:
    """Run the rasa command of this venv in the project root and return what it printed."""
    result = subprocess.run(
        [str(VENV_BIN / "rasa"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
    )
    if check and result.returncode != 0:
        raise AssertionError(
            f"rasa {' '.join(args)} exited {result.returncode}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
        )
    return result


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def trained_model() -> Path:
    """The model of the current data; Rasa skips training when nothing changed."""
    rasa(
        "train",
        "--domain",
        "domain",
        "--data",
        "data",
        "--config",
        "config.yml",
        "--out",
        "models",
        "--fixed-model-name",
        "cip",
        timeout=1800,
    )
    assert MODEL.exists()
    return MODEL


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
    from bot.db import upgrade

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'cip.db'}"
        upgrade(url)
        yield url
        return
    for url in postgres_database():
        upgrade(url)
        yield url


def postgres_database():
    """A new, empty PostgreSQL database on the server of CIP_TEST_POSTGRES_URL (as a generator:
    dropped when it resumes); the test is skipped without that server, or fails in CI."""
    admin_url = os.environ.get("CIP_TEST_POSTGRES_URL")
    if not admin_url:
        if os.environ.get("CIP_REQUIRE_POSTGRES") == "1":
            pytest.fail("CIP_TEST_POSTGRES_URL is not set; run: export CIP_TEST_POSTGRES_URL=$(bash scripts/postgres)")
        pytest.skip("no PostgreSQL server: export CIP_TEST_POSTGRES_URL=$(bash scripts/postgres)")
    from bot.db import scratch_postgres_database

    with scratch_postgres_database(admin_url, prefix="cip_test") as url:
        yield url
