"""Files with personal data are readable by their owner only: var/cip.db (tickets, session
hashes) and var/tracker.db (whole conversations), with their journal and WAL files, mode 0600 in a
0700 folder, whichever command makes them, also when the shell's umask is the usual 022. Before,
both were 0644 in a 0755 folder: every local user could read every conversation."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.project import ROOT, VENV_BIN
from tests.helpers.trackers import save_turns, tracker_store, write_endpoints


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def open_umask():
    os.umask(0o022)


def cip(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VENV_BIN / "cip"), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        preexec_fn=open_umask,
        check=True,
    )


def test_cip_db_upgrade_makes_the_database_private(tmp_path):
    var = tmp_path / "var"
    cip("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{var / 'cip.db'}"})
    assert mode(var / "cip.db") == 0o600 and mode(var) == 0o700


def test_a_database_made_earlier_with_open_modes_is_made_private(tmp_path):
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    (var / "cip.db").touch(mode=0o644)
    os.chmod(var / "cip.db", 0o644)
    os.chmod(var, 0o755)
    cip("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{var / 'cip.db'}"})
    assert mode(var / "cip.db") == 0o600 and mode(var) == 0o700


def test_the_journal_and_wal_files_are_private_too(tmp_path):
    """SQLite gives them the database file's mode: a private database has private journals."""
    var = tmp_path / "var"
    cip("db", "upgrade", env={"DATABASE_URL": f"sqlite:///{var / 'cip.db'}"})
    os.umask(0o022)
    connection = sqlite3.connect(var / "cip.db", isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("CREATE TABLE probe (x)")
        assert mode(Path(f"{var / 'cip.db'}-journal")) == 0o600
        connection.execute("ROLLBACK")
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE probe (x)")
        assert mode(Path(f"{var / 'cip.db'}-wal")) == 0o600 and mode(Path(f"{var / 'cip.db'}-shm")) == 0o600
    finally:
        connection.close()


def test_the_tracker_store_makes_the_conversations_private(tmp_path):
    """Rasa makes var/tracker.db through the project's tracker store, whoever starts Rasa."""
    var = tmp_path / "var"
    var.mkdir(mode=0o755)
    os.chmod(var, 0o755)
    os.umask(0o022)
    store = tracker_store(write_endpoints(f"sqlite:///{var / 'tracker.db'}", var))
    save_turns(store, "ouder", ["hallo"], days_ago=0)
    assert mode(var / "tracker.db") == 0o600 and mode(var) == 0o700


@pytest.mark.parametrize("script", ["scripts/run", "scripts/chat"])
def test_the_start_scripts_make_every_file_private(script):
    """They start `rasa run`/`rasa shell` and `cip actions`, which make var/ and its files."""
    text = (ROOT / script).read_text()
    assert "umask 077" in text and text.index("umask 077") < text.index("mkdir -p var")


def test_the_cip_command_sets_the_umask():
    code = "import os; from bot.cli.main import main; main(['region', 'check']); print(oct(os.umask(0)))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=open_umask,
        check=True,
    )
    assert result.stdout.strip().endswith("0o77")
