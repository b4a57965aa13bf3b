"""Accounts of the inbox: one per contact person of the region file, with an Argon2id password
hash (argon2-cffi's PasswordHasher and its defaults) and a lock-out that grows after repeated
failed log-ins, so that guessing passwords online is too slow to work.

The lock-out counts per user name, also for names that have no account, and an unknown name costs
as much time as a wrong password: the answer never tells which user names exist. User names are
normalised first (NFKC, case folded, invisible characters and outer spaces removed), so "CHANTAL "
or "chan\u200btal" counts against the one lock of "chantal" and cannot be used to dodge it.

A lock per name alone let anyone try a new name every time, each costing an Argon2 hash (64 MiB,
~130 ms of CPU): failures are also counted per client address, which is locked for a while after
ADDRESS_FREE_FAILURES failures, before any hash is computed. Failure rows of both kinds are
purged a day after their last failure. An account made with a one-time password (`cip users
from-region`) must set a new password before anything else (bot/web/inbox.py)."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.domain.user_text import clean
from bot.region.model import Region
from bot.tickets.clock import utcnow
from bot.web.models import Account, LoginFailures
from bot.web.sessions import end_sessions_of

MIN_PASSWORD_LENGTH = 12
FREE_FAILURES = 5  # failed log-ins in a row before the first lock
FIRST_LOCK = timedelta(minutes=1)  # doubles with every further failure
LONGEST_LOCK = timedelta(hours=1)
ADDRESS_FREE_FAILURES = 20  # failed log-ins from one address before it is locked
ADDRESS_LOCK = timedelta(minutes=15)
PURGE_AFTER = timedelta(days=1)

_hasher = PasswordHasher()


class AccountError(ValueError):
    """A Dutch message for whoever manages the accounts."""


@dataclass(frozen=True)
class Attempt:
    """The outcome of a log-in: the contact id when the password was right, else how long the
    user name is locked (None: not locked, simply wrong)."""

    contact_id: str | None = None
    locked_for: timedelta | None = None


def user_name(text: str) -> str:
    """User names are contact ids; typed with capitals, spaces or full-width letters they still
    count as one name, and an invisible or control character (a NUL byte makes PostgreSQL refuse
    the query) is dropped."""
    return clean(unicodedata.normalize("NFKC", clean(str(text or "")))).casefold().strip()[:64]


def address_key(address: str | None) -> str:
    """The login_failures key of a client address: it starts with a space, which no user name
    does after user_name(), and holds a hash, not the address."""
    return " " + hashlib.sha256(str(address or "").encode("utf-8")).hexdigest()[:40]


def check_new_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            f"een wachtwoord moet minstens {MIN_PASSWORD_LENGTH} tekens hebben; "
            f"een zin van een paar woorden is makkelijk te onthouden"
        )


def random_password() -> str:
    """A one-time password for a new account: 16 random characters from 96 bits."""
    return secrets.token_urlsafe(12)


def check_new_account(db: Session, region: Region, contact_id: str) -> None:
    """Only a contact person of the region file, and only one account each."""
    if region.contact(contact_id) is None:
        raise AccountError(
            f"{contact_id!r} staat niet als contactpersoon in het regiobestand; zie de id's met: cip contacts"
        )
    if db.get(Account, contact_id) is not None:
        raise AccountError(
            f"{contact_id} heeft al een account; een nieuw wachtwoord geef je met: cip users set-password {contact_id}"
        )


def existing_account(db: Session, contact_id: str) -> Account:
    account = db.get(Account, contact_id)
    if account is None:
        raise AccountError(f"{contact_id} heeft nog geen account; maak het met: cip users create {contact_id}")
    return account


def create_account(
    db: Session, region: Region, contact_id: str, password: str, now: datetime | None = None, one_time: bool = False
) -> Account:
    """`one_time`: a password made for the person (not chosen by them), to be changed at the first log-in."""
    check_new_account(db, region, contact_id)
    check_new_password(password)
    now = now or utcnow()
    account = Account(
        contact_id=contact_id,
        password_hash=_hasher.hash(password),
        created_at=now,
        password_changed_at=now,
        must_change_password=one_time,
    )
    db.add(account)
    db.flush()
    return account


def set_password(db: Session, contact_id: str, password: str, now: datetime | None = None) -> None:
    """A new password: also lifts a lock-out and logs the contact person out everywhere. The
    current password is refused: a one-time password typed again would stay known to whoever
    handed it out."""
    account = existing_account(db, contact_id)
    check_new_password(password)
    if _verify(account, password):
        raise AccountError("kies een ander wachtwoord dan het huidige (eenmalige) wachtwoord")
    account.password_hash = _hasher.hash(password)
    account.password_changed_at = now or utcnow()
    account.must_change_password = False
    failures = db.get(LoginFailures, user_name(contact_id))
    if failures is not None:
        db.delete(failures)
    end_sessions_of(db, contact_id)


def all_accounts(db: Session) -> dict:
    """contact id -> Account."""
    return {a.contact_id: a for a in db.execute(select(Account)).scalars()}


def locked_until(db: Session, name: str) -> datetime | None:
    failures = db.get(LoginFailures, user_name(name))
    return failures.locked_until if failures is not None else None


def log_in(db: Session, name: str, password: str, now: datetime | None = None, address: str | None = None) -> Attempt:
    """Checks the password unless the user name or the client address is locked; counts failures
    of both, resets the name's on success."""
    now = now or utcnow()
    name = user_name(name)
    db.execute(
        delete(LoginFailures)
        .where(LoginFailures.last_failure_at < now - PURGE_AFTER)
        .execution_options(synchronize_session=False)
    )
    from_address = db.get(LoginFailures, address_key(address), with_for_update=True)
    if from_address is not None and from_address.locked_until is not None and from_address.locked_until > now:
        return Attempt(locked_for=from_address.locked_until - now)
    failures = db.get(LoginFailures, name, with_for_update=True)
    if failures is not None and failures.locked_until is not None and failures.locked_until > now:
        return Attempt(locked_for=failures.locked_until - now)
    account = db.get(Account, name)
    if not _verify(account, password):
        _count_address_failure(db, from_address, address_key(address), now)
        return Attempt(locked_for=_count_failure(db, failures, name, now))
    if failures is not None:
        db.delete(failures)
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    account.last_login_at = now
    return Attempt(contact_id=account.contact_id)


def _verify(account: Account | None, password: str) -> bool:
    try:
        _hasher.verify(account.password_hash if account else _unknown_user_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return account is not None


@lru_cache(maxsize=1)
def _unknown_user_hash() -> str:
    """A hash to check an unknown user name against, so that it takes as long as a wrong password."""
    return _hasher.hash(secrets.token_urlsafe(16))


def _count_address_failure(db: Session, failures: LoginFailures | None, key: str, now: datetime) -> None:
    """One more failure from this address; at ADDRESS_FREE_FAILURES it is locked for ADDRESS_LOCK
    and counts again from zero."""
    failures = _failure_row(db, failures, key)
    failures.failures += 1
    failures.last_failure_at = now
    if failures.failures >= ADDRESS_FREE_FAILURES:
        failures.failures, failures.locked_until = 0, now + ADDRESS_LOCK


def _failure_row(db: Session, failures: LoginFailures | None, name: str) -> LoginFailures:
    if failures is None:
        failures = LoginFailures(user_name=name, failures=0)
        try:
            with db.begin_nested():
                db.add(failures)
                db.flush()
        except IntegrityError:  # a parallel failed log-in for the same name made the row first
            failures = db.get(LoginFailures, name, with_for_update=True, populate_existing=True)
    return failures


def _count_failure(db: Session, failures: LoginFailures | None, name: str, now: datetime) -> timedelta | None:
    """Adds one failure; returns how long the name is locked now (None while failures are free)."""
    failures = _failure_row(db, failures, name)
    failures.failures += 1
    failures.last_failure_at = now
    if failures.failures < FREE_FAILURES:
        return None
    lock = min(FIRST_LOCK * 2 ** min(failures.failures - FREE_FAILURES, 10), LONGEST_LOCK)
    failures.locked_until = now + lock
    return lock
