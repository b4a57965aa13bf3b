"""The project's paths and small helpers shared by the tests: the rasa command of this venv,
YAML files, a scratch PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "cip.tar.gz"
THEMES = ("routes", "privacy", "absence")

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
# endpoints.yml names the action server's secret as ${CIP_ACTION_SECRET}; Rasa's reader needs it set
os.environ.setdefault("CIP_ACTION_SECRET", "secret-of-the-test-run-0123456789")


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


def corpus_texts() -> list:
    """The texts the crisis and answer models train on beside Rasa's NLU data (``data/crisis/``,
    ``data/answers/``): crisis messages, hard negatives and near misses."""
    parts = ("messages", "negatives", "near_misses")
    corpora = [*(ROOT / "data" / "crisis").glob("*.yml"), *(ROOT / "data" / "answers").glob("*.yml")]
    return [item["text"] for path in sorted(corpora) for part in parts for item in load_yaml(path).get(part) or []]


def postgres_database():
    """A new, empty PostgreSQL database on the server of CIP_TEST_POSTGRES_URL (as a generator:
    dropped when it resumes); the test is skipped without that server, or fails in CI."""
    admin_url = os.environ.get("CIP_TEST_POSTGRES_URL")
    if not admin_url:
        if os.environ.get("CIP_REQUIRE_POSTGRES") == "1":
            pytest.fail("CIP_TEST_POSTGRES_URL is not set; run: export CIP_TEST_POSTGRES_URL=$(bash scripts/postgres)")
        pytest.skip("no PostgreSQL server: export CIP_TEST_POSTGRES_URL=$(bash scripts/postgres)")
    from bot.storage.db import scratch_postgres_database

    with scratch_postgres_database(admin_url, prefix="cip_test") as url:
        yield url


def is_dutch(variation: dict) -> bool:
    """Whether a response variation is for a Dutch user, not one conditioned on a user who writes
    in another language (domain/languages.yml: the user_language and form_language slots)."""
    return not any(
        c.get("name") in ("user_language", "form_language") and c.get("value") for c in variation.get("condition") or []
    )
