"""The load test (bench/load.py) at a small size, on both set-ups: one Rasa process as scripts/run
starts it, and several Rasa workers with a real Redis lock store and the tracker store and tickets
on a real PostgreSQL server. Every message gets an answer (no HTTP error, timeout or empty reply)
and every conversation's handoff stores exactly one ticket, the one its last reply names.

The full size (32 conversations x 50 turns) with its figures: `.venv/bin/python bench/load.py
--setup both` (README, bench/RESULTS.md)."""

from __future__ import annotations

import os
import shutil

import pytest

from bench.load import run_load, summary
from tests.conftest import postgres_database

CONVERSATIONS, TURNS = 4, 8


def require_redis() -> None:
    if shutil.which("redis-server"):
        return
    message = "redis-server is not installed (apt-get install redis-server; scripts/test installs it as root)"
    if os.environ.get("CIP_REQUIRE_REDIS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def check(result: dict) -> None:
    print(summary(result))
    assert result["errors"] == []
    assert result["ticket_problems"] == []
    assert result["handoffs"] == CONVERSATIONS
    assert result["ok"]


def test_small_load_on_one_rasa_process(trained_model, tmp_path):
    check(run_load("single", CONVERSATIONS, TURNS, timeout=300, model=trained_model, workdir=tmp_path))


def test_small_load_on_two_rasa_workers_with_redis_and_postgresql(trained_model, tmp_path):
    require_redis()
    for url in postgres_database():  # skipped without PostgreSQL, fails in CI
        check(
            run_load(
                "multi",
                CONVERSATIONS,
                TURNS,
                timeout=300,
                model=trained_model,
                workers=2,
                postgres_url=url,
                workdir=tmp_path,
            )
        )
