"""What the web server needs to know, read once from the environment (secrets never from files)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field

from bot.retention_periods import DEFAULT_DAYS, conversation_days


def _origins(value: str | None, default: str) -> tuple:
    return tuple(o.strip().rstrip("/") for o in (value or default).split(",") if o.strip())


@dataclass(frozen=True)
class WebSettings:
    """`CIP_WEB_*` settings, and CIP_RETENTION_DAYS for the widget's privacy notice (the period
    `cip retention run` deletes after). Without CIP_WEB_SECRET a random secret is made at start, so
    log-ins do not survive a restart (fine for a demo, set it in production)."""

    rasa_url: str = "http://127.0.0.1:5005"
    allowed_origins: tuple = ("http://localhost:8000", "http://127.0.0.1:8000")
    secret: str = field(default_factory=lambda: secrets.token_hex(32), repr=False)
    secure_cookies: bool = False
    database_url: str | None = None
    retention_days: int = DEFAULT_DAYS

    @classmethod
    def from_env(cls, environ=os.environ) -> "WebSettings":
        return cls(
            rasa_url=environ.get("CIP_RASA_URL", cls.rasa_url).rstrip("/"),
            allowed_origins=_origins(environ.get("CIP_WEB_ORIGINS"), ",".join(cls.allowed_origins)),
            secret=environ.get("CIP_WEB_SECRET") or secrets.token_hex(32),
            secure_cookies=environ.get("CIP_WEB_SECURE_COOKIES") == "1",
            database_url=environ.get("DATABASE_URL") or None,
            retention_days=conversation_days(environ=environ),
        )
