"""Tables of the inbox log-in: an account per contact person, the server-side log-in sessions and
the failed log-ins per user name (for the lock-out).

They share the declarative Base of the tickets so that one Alembic history makes every table."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, false

from bot.tickets.models import Base


class Account(Base):
    """The log-in of one contact person of the region file; the id is the user name, and the role
    (coordinator or not) is read from the region file at every request, never stored here."""

    __tablename__ = "accounts"

    contact_id = Column(String(32), primary_key=True)
    password_hash = Column(String(200), nullable=False)
    created_at = Column(DateTime, nullable=False)
    password_changed_at = Column(DateTime, nullable=False)
    last_login_at = Column(DateTime)
    # A one-time password (cip users from-region): the first log-in must set a new one first
    must_change_password = Column(Boolean, nullable=False, default=False, server_default=false())


class LoginSession(Base):
    """A logged-in browser. Only the SHA-256 of the cookie's token is stored, so a copy of the
    database does not hand out live sessions."""

    __tablename__ = "login_sessions"

    token_hash = Column(String(64), primary_key=True)
    contact_id = Column(String(32), ForeignKey("accounts.contact_id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)


class LoginFailures(Base):
    """Failed log-ins in a row for a user name, also for names without an account, so that the
    answer does not tell which names exist; and (user_name starting with a space, which no
    normalised name does) the failed log-ins from one client address."""

    __tablename__ = "login_failures"

    user_name = Column(String(64), primary_key=True)
    failures = Column(Integer, nullable=False, default=0)
    locked_until = Column(DateTime)
    last_failure_at = Column(DateTime, index=True)  # rows older than a day are purged
