"""Tokens against cross-site request forgery: every POST form of the inbox carries one, and a POST
without the right token is refused. A logged-in form uses the token of its log-in session; the
log-in form itself (no session yet) uses a random cookie plus its HMAC under the server's secret,
so another site can neither read nor forge the pair."""

from __future__ import annotations

import hashlib
import hmac
import secrets

FIELD = "csrf"


def new_token() -> str:
    return secrets.token_urlsafe(32)


def signed(secret: str, nonce: str) -> str:
    """The form value that belongs to the log-in cookie `nonce`."""
    return hmac.new(secret.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; a missing token never matches."""
    return bool(expected) and bool(given) and hmac.compare_digest(expected.encode(), given.encode())
