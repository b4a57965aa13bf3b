"""`cip users`: how the region's maintainer gives contact persons their inbox log-in, on SQLite and
PostgreSQL. The printed passwords must really log in; a password is never shown when typed."""

from __future__ import annotations

import re
import subprocess

from bot.db import session
from bot.region import load_region
from bot.web.accounts import log_in
from tests.test_cli import CIP, cip


def test_from_region_gives_everyone_a_working_one_time_password(database_url):
    made = cip("users", "from-region", database_url=database_url)
    assert made.returncode == 0, made.stderr
    printed = dict(re.findall(r"^(\S+)\s+(\S{16})\s", made.stdout, re.MULTILINE))
    assert set(printed) == {c.id for c in load_region().contacts}
    assert len(set(printed.values())) == len(printed)
    with session(database_url) as db:
        assert all(log_in(db, name, password).contact_id == name for name, password in printed.items())
    again = cip("users", "from-region", database_url=database_url)
    assert "Iedereen uit het regiobestand heeft al een account." in again.stdout
    assert not re.search(r"\S{16}", again.stdout)


def test_create_list_and_set_password(database_url):
    assert (
        "bram         Bram Jansen (leerplichtambtenaar) - geen account"
        in cip("users", "list", database_url=database_url).stdout
    )
    created = subprocess.run(
        [str(CIP), "users", "create", "bram", "--password-stdin"],
        input="bram zijn wachtwoord\n",
        capture_output=True,
        text=True,
        env=_env(database_url),
        timeout=60,
    )
    assert created.returncode == 0 and "Account gemaakt voor Bram Jansen" in created.stdout
    assert (
        "bram         Bram Jansen (leerplichtambtenaar) - nog nooit ingelogd"
        in cip("users", "list", database_url=database_url).stdout
    )
    changed = subprocess.run(
        [str(CIP), "users", "set-password", "bram", "--password-stdin"],
        input="een nieuw wachtwoord\n",
        capture_output=True,
        text=True,
        env=_env(database_url),
        timeout=60,
    )
    assert changed.returncode == 0, changed.stderr
    with session(database_url) as db:
        assert log_in(db, "bram", "bram zijn wachtwoord").contact_id is None
        assert log_in(db, "bram", "een nieuw wachtwoord").contact_id == "bram"


def test_mistakes_are_refused_with_what_to_do(database_url):
    def create(name, typed):
        # a new session has no terminal, so getpass reads what is typed from standard input
        return subprocess.run(
            [str(CIP), "users", "create", name],
            input=typed,
            capture_output=True,
            text=True,
            env=_env(database_url),
            timeout=60,
            start_new_session=True,
        )

    differs = create("anna", "een lang wachtwoord\neen ander wachtwoord\n")
    assert differs.returncode == 1 and "de twee wachtwoorden zijn niet gelijk" in differs.stderr
    short = create("anna", "kort\nkort\n")
    assert short.returncode == 1 and "minstens 12 tekens" in short.stderr
    unknown = create("mallory", "een lang wachtwoord\neen lang wachtwoord\n")
    assert unknown.returncode == 1 and "zie de id's met: cip contacts" in unknown.stderr
    assert create("anna", "een lang wachtwoord\neen lang wachtwoord\n").returncode == 0
    twice = create("anna", "een lang wachtwoord\neen lang wachtwoord\n")
    assert twice.returncode == 1 and "cip users set-password anna" in twice.stderr
    missing = cip("users", "set-password", "bram", "--password-stdin", database_url=database_url)
    assert missing.returncode == 1 and "cip users create bram" in missing.stderr


def _env(database_url):
    import os

    return {**os.environ, "DATABASE_URL": database_url}
