"""What the web server needs to know, read once from the environment (secrets never from files)."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from bot.domain.client_address import DEFAULT_TRUSTED_PROXIES, client_address, parse_proxies
from bot.privacy.retention_periods import DEFAULT_DAYS, conversation_days
from bot.settings import Settings, settings


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
    trusted_proxies: tuple = DEFAULT_TRUSTED_PROXIES
    keeps_unanswered: bool = False  # CIP_RECORD_UNANSWERED: the privacy notice then says so

    @classmethod
    def from_settings(cls, current: Settings = settings) -> "WebSettings":
        """Read from bot/settings.py, once, when the web server starts."""
        return cls(
            rasa_url=(current.rasa_url if current.rasa_url is not None else cls.rasa_url).rstrip("/"),
            allowed_origins=_origins(current.web_origins, ",".join(cls.allowed_origins)),
            secret=current.web_secret or secrets.token_hex(32),
            secure_cookies=current.web_secure_cookies,
            database_url=current.database_url,
            retention_days=conversation_days(),
            trusted_proxies=parse_proxies(current.trusted_proxies),
            keeps_unanswered=current.record_unanswered,
        )

    def client_of(self, request) -> str:
        """The address of the browser behind `request` (bot.domain.client_address)."""
        return client_address(request.ip, request.headers.get("x-forwarded-for"), self.trusted_proxies)
