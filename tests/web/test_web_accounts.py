"""Inbox accounts, log-in sessions, lock-out and CSRF tokens in a real database (SQLite and
PostgreSQL): what a contact person and an attacker would run into."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.region import load_region
from bot.storage.db import engine, session
from bot.tickets.clock import utcnow
from bot.tickets.models import Base
from bot.web import csrf
from bot.web.accounts import (
    FREE_FAILURES,
    LONGEST_LOCK,
    AccountError,
    create_account,
    log_in,
    random_password,
    set_password,
)
from bot.web.models import Account, LoginSession
from bot.web.sessions import IDLE, LONGEST, current_session, end_session, start_session

REGION = load_region()
PASSWORD = "een lange zin als wachtwoord"


@pytest.fixture
def anna(database_url):
    with session(database_url) as db:
        create_account(db, REGION, "anna", PASSWORD)
    return database_url


def attempt(url, password, name="anna", now=None):
    with session(url) as db:
        return log_in(db, name, password, now=now)


def test_the_migrations_make_exactly_the_tables_of_the_models(database_url):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import bot.statistics.table  # noqa: F401  (its tables are on the same Base)

    with engine(database_url).connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_the_password_is_stored_only_as_an_argon2id_hash(anna):
    with session(anna) as db:
        stored = db.get(Account, "anna").password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_the_right_password_logs_in_and_a_wrong_one_or_unknown_name_does_not(anna):
    assert attempt(anna, PASSWORD).contact_id == "anna"
    assert attempt(anna, PASSWORD, name=" Anna ").contact_id == "anna"
    wrong = attempt(anna, PASSWORD + "x")
    assert wrong.contact_id is None and wrong.locked_for is None
    unknown = attempt(anna, PASSWORD, name="bram")
    assert unknown.contact_id is None and unknown.locked_for is None


def test_an_account_only_for_a_contact_person_with_a_long_enough_password(database_url):
    with session(database_url) as db:
        with pytest.raises(AccountError, match="niet als contactpersoon"):
            create_account(db, REGION, "mallory", PASSWORD)
        with pytest.raises(AccountError, match="minstens 12 tekens"):
            create_account(db, REGION, "bram", "kort")
        create_account(db, REGION, "bram", random_password())
        with pytest.raises(AccountError, match="al een account"):
            create_account(db, REGION, "bram", PASSWORD)


def test_repeated_failures_lock_the_name_even_for_the_right_password_and_the_lock_grows(anna):
    now = utcnow()
    for _ in range(FREE_FAILURES - 1):
        assert attempt(anna, "fout", now=now).locked_for is None
    assert attempt(anna, "fout", now=now).locked_for == timedelta(minutes=1)
    locked = attempt(anna, PASSWORD, now=now + timedelta(seconds=30))
    assert locked.contact_id is None and locked.locked_for == timedelta(seconds=30)
    later = now + timedelta(minutes=1, seconds=1)
    assert attempt(anna, "fout", now=later).locked_for == timedelta(minutes=2)
    assert attempt(anna, PASSWORD, now=later + timedelta(minutes=1)).contact_id is None
    assert attempt(anna, PASSWORD, now=later + timedelta(minutes=2, seconds=1)).contact_id == "anna"
    # success starts the count again
    assert attempt(anna, "fout", now=later + timedelta(minutes=3)).locked_for is None


def test_the_lock_never_exceeds_an_hour(anna):
    now = utcnow()
    for _ in range(FREE_FAILURES + 20):
        result = attempt(anna, "fout", now=now)
        now += result.locked_for or timedelta(0)
    assert result.locked_for == LONGEST_LOCK


def test_an_unknown_name_is_locked_like_a_real_one(database_url):
    results = [attempt(database_url, "gok", name="mallory") for _ in range(FREE_FAILURES)]
    assert results[-1].locked_for == timedelta(minutes=1)


def test_a_new_password_lifts_the_lock_and_ends_every_session(anna):
    now = utcnow()
    with session(anna) as db:
        token = start_session(db, "anna")
    for _ in range(FREE_FAILURES):
        attempt(anna, "fout", now=now)
    with session(anna) as db:
        set_password(db, "anna", "een heel ander wachtwoord")
    with session(anna) as db:
        assert current_session(db, token) is None
    assert attempt(anna, PASSWORD).contact_id is None
    assert attempt(anna, "een heel ander wachtwoord").contact_id == "anna"


def test_a_session_is_found_by_its_token_which_is_not_stored(anna):
    with session(anna) as db:
        token = start_session(db, "anna")
    with session(anna) as db:
        assert current_session(db, token).contact_id == "anna"
        assert current_session(db, token + "x") is None and current_session(db, None) is None
        assert token not in [s.token_hash for s in db.execute(select(LoginSession)).scalars()]


def test_a_session_expires_when_idle_and_after_the_longest_time(anna):
    start = utcnow()
    with session(anna) as db:
        idle = start_session(db, "anna", now=start)
        busy = start_session(db, "anna", now=start)
    with session(anna) as db:
        assert current_session(db, idle, now=start + IDLE + timedelta(seconds=1)) is None
    moment = start
    while moment + IDLE / 2 < start + LONGEST:
        moment += IDLE / 2
        with session(anna) as db:
            assert current_session(db, busy, now=moment) is not None
    with session(anna) as db:
        assert current_session(db, busy, now=start + LONGEST) is None


def test_logging_out_ends_only_that_session(anna):
    with session(anna) as db:
        phone, laptop = start_session(db, "anna"), start_session(db, "anna")
    with session(anna) as db:
        end_session(db, phone)
    with session(anna) as db:
        assert current_session(db, phone) is None and current_session(db, laptop) is not None


def test_every_session_has_its_own_csrf_token(anna):
    with session(anna) as db:
        first = current_session(db, start_session(db, "anna"))
        second = current_session(db, start_session(db, "anna"))
        assert len(first.csrf_token) >= 40 and first.csrf_token != second.csrf_token
        assert csrf.matches(first.csrf_token, first.csrf_token)
        assert not csrf.matches(first.csrf_token, second.csrf_token)
        assert not csrf.matches(first.csrf_token, None) and not csrf.matches(first.csrf_token, "")


def test_the_log_in_form_token_belongs_to_its_cookie_and_the_server_secret():
    nonce = csrf.new_token()
    token = csrf.signed("geheim", nonce)
    assert csrf.matches(csrf.signed("geheim", nonce), token)
    assert not csrf.matches(csrf.signed("ander geheim", nonce), token)
    assert not csrf.matches(csrf.signed("geheim", csrf.new_token()), token)


@pytest.mark.parametrize(
    "typed",
    ["ANNA", " anna ", "an\u200bna", "\uff41\uff4e\uff4e\uff41", "Anna\u00ad"],
    ids=["capitals", "spaces", "zero-width", "full-width", "soft-hyphen"],
)
def test_a_user_name_however_typed_counts_against_one_lock(anna, typed):
    """Before: "CHANTAL " or a zero-width space gave a name with a lock of its own."""
    now = utcnow()
    for _ in range(FREE_FAILURES):
        attempt(anna, "fout", name=typed, now=now)
    assert attempt(anna, PASSWORD, now=now).locked_for is not None


def test_many_names_from_one_address_lock_the_address_before_any_hash(anna, monkeypatch):
    """Before: a new name every time cost an Argon2 hash each and never locked anything."""
    from bot.web import accounts

    now = utcnow()
    for i in range(accounts.ADDRESS_FREE_FAILURES):
        assert attempt_from(anna, f"naam-{i}", "fout", "203.0.113.7", now).contact_id is None
    monkeypatch.setattr(accounts, "_verify", lambda *_: pytest.fail("a locked address costs no hash"))
    assert attempt_from(anna, "anna", PASSWORD, "203.0.113.7", now).locked_for is not None
    monkeypatch.undo()
    assert attempt_from(anna, "anna", PASSWORD, "198.51.100.1", now).contact_id == "anna"  # another address
    later = now + accounts.ADDRESS_LOCK + timedelta(seconds=1)
    assert attempt_from(anna, "anna", PASSWORD, "203.0.113.7", later).contact_id == "anna"


def attempt_from(url, name, password, address, now):
    with session(url) as db:
        return log_in(db, name, password, now=now, address=address)


def test_old_failure_rows_are_purged(anna):
    from bot.web.accounts import PURGE_AFTER
    from bot.web.models import LoginFailures

    long_ago = utcnow() - PURGE_AFTER - timedelta(hours=1)
    for i in range(3):
        attempt_from(anna, f"oud-{i}", "fout", "203.0.113.9", long_ago)
    attempt_from(anna, "nieuw", "fout", "203.0.113.9", utcnow())
    with session(anna) as db:
        names = {row.user_name for row in db.execute(select(LoginFailures)).scalars()}
    assert "nieuw" in names and not any(name.startswith("oud-") for name in names) and len(names) == 2


def test_a_one_time_password_must_be_changed_and_a_new_one_clears_that(database_url):
    with session(database_url) as db:
        create_account(db, REGION, "anna", PASSWORD, one_time=True)
    with session(database_url) as db:
        assert db.get(Account, "anna").must_change_password
        with pytest.raises(AccountError, match="ander wachtwoord"):
            set_password(db, "anna", PASSWORD)  # the one-time password again stays known to whoever made it
        set_password(db, "anna", "een heel ander lang wachtwoord")
    with session(database_url) as db:
        assert not db.get(Account, "anna").must_change_password
