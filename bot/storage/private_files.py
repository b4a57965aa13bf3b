"""Files with personal data readable by their owner only: the SQLite databases (var/cip.db with
tickets and session hashes, var/tracker.db with whole conversations) and their -journal, -wal and
-shm files, in a folder only the owner can enter.

Python and SQLite create files with the process's umask, usually 022: mode 0644 in a 0755 folder,
so every local user could read every conversation. Two measures, because either alone leaves a
gap: the entry points (`cip`, scripts/run, scripts/chat) set umask 077 at their start, which covers
every file they make; and whatever opens a SQLite database here (bot.storage.db, the tracker store that
Rasa loads, also when another command starts Rasa) makes the file 0600 and its folder 0700 before
SQLite opens it, and tightens files and folders made earlier. SQLite gives its journal and WAL files
the database file's mode, so they follow."""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
SQLITE_SUFFIXES = ("", "-journal", "-wal", "-shm")


def private_process() -> None:
    """Every file this process makes from now on is readable by its owner only."""
    os.umask(PRIVATE_UMASK)


def private_sqlite_file(path: str | Path) -> None:
    """`path` (a SQLite database, made empty if missing) 0600 in a 0700 folder, as are its
    journal and WAL files that exist. The folder is only tightened when the process made it or
    it is the database's own (var/): a database in a shared folder such as /tmp keeps the
    folder as it is, the file is private all the same."""
    path = Path(path)
    folder = path.parent
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.name == "var":
        os.chmod(folder, 0o700)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    for suffix in SQLITE_SUFFIXES:
        try:
            os.chmod(f"{path}{suffix}", 0o600)
        except FileNotFoundError:
            pass


def private_var(root: Path) -> None:
    """The project's var/ folder and the databases in it, made private (at a command's start)."""
    var = root / "var"
    if not var.exists():
        return
    os.chmod(var, 0o700)
    for name in ("cip.db", "tracker.db"):
        if (var / name).exists():
            private_sqlite_file(var / name)
