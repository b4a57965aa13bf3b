"""Server-side log-in sessions of the inbox. The browser holds only a random token in a cookie
(HttpOnly, SameSite=Strict); the database holds its SHA-256, the contact person, the CSRF token and
the expiry. A session ends after an hour without use and at the latest twelve hours after log-in,
so a forgotten browser on a shared computer does not stay open for the next person."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.tickets.clock import utcnow
from bot.web.csrf import new_token
from bot.web.models import LoginSession

IDLE = timedelta(hours=1)
LONGEST = timedelta(hours=12)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(db: Session, contact_id: str, now: datetime | None = None) -> str:
    """A new session for a contact person who just logged in; returns the cookie's token. Always a
    new token, so a token planted before the log-in is worthless afterwards."""
    now = now or utcnow()
    db.execute(delete(LoginSession).where(LoginSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    db.add(
        LoginSession(
            token_hash=_hash(token),
            contact_id=contact_id,
            csrf_token=new_token(),
            created_at=now,
            expires_at=now + IDLE,
        )
    )
    db.flush()
    return token


def current_session(db: Session, token: str | None, now: datetime | None = None) -> LoginSession | None:
    """The live session of this cookie token, its idle time restarted; None when unknown or expired."""
    if not token:
        return None
    now = now or utcnow()
    found = db.get(LoginSession, _hash(token))
    if found is None:
        return None
    if found.expires_at <= now:
        db.delete(found)
        return None
    found.expires_at = min(now + IDLE, found.created_at + LONGEST)
    return found


def end_session(db: Session, token: str | None) -> None:
    if token:
        db.execute(delete(LoginSession).where(LoginSession.token_hash == _hash(token)))


def end_sessions_of(db: Session, contact_id: str) -> None:
    """Log a contact person out everywhere (after a new password)."""
    db.execute(delete(LoginSession).where(LoginSession.contact_id == contact_id))
