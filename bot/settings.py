"""Every environment variable the project's code reads, in one class (docs/settings.md has the table).

Each setting is read from the environment when it is asked for, not once at import: the CLI, the
web server, the action server and the Rasa server are separate processes with their own
environment, and tests change it. `settings` reads the process's environment; `Settings(environ)`
reads a given mapping (tests, or code that is handed one). The modules that use a setting keep its
default and its meaning (e.g. bot/tickets/mailer.py for SMTP); here is only where it comes from.
No module outside this one reads os.environ (tests/test_settings.py checks it)."""

from __future__ import annotations

import os
from typing import Mapping, Optional

# name -> (what it is for, default); the table of docs/settings.md
VARIABLES = {
    "DATABASE_URL": ("the project's database (tickets, inbox accounts), SQLAlchemy URL", "sqlite:///var/cip.db"),
    "CIP_REGION_FILE": ("the region file", "region/region.yml"),
    "CIP_ANSWERS_FILE": ("the region's changes to the answers (docs/answers-library.md)", "region/answers.yml"),
    "CIP_PRODUCTION": ("1: production; the servers refuse to start while the region file holds example data", "0"),
    "CIP_RETENTION_DAYS": ("days after the last message until a conversation is deleted", "28"),
    "CIP_TICKET_RETENTION_DAYS": ("days after a ticket is closed until its personal data is removed", "90"),
    "CIP_SMTP_HOST": ("mail server for the notifications of new tickets; without it mails wait in the outbox", ""),
    "CIP_SMTP_PORT": ("its port", "25"),
    "CIP_SMTP_FROM": ("sender address of the notifications", "informatiepunt@example.org"),
    "CIP_SMTP_USER": ("SMTP user name", ""),
    "CIP_SMTP_PASSWORD": ("SMTP password", ""),
    "CIP_SMTP_STARTTLS": ("1: STARTTLS to the mail server", "0"),
    "CIP_WEB_BASE_URL": ("public http(s) address of `cip web`; notifications then link to the ticket's page", ""),
    "CIP_ACTIONS_HOST": ("address the action server listens on (`cip actions`, scripts/run)", "127.0.0.1"),
    "CIP_ACTION_SECRET": (
        "secret the Rasa server sends the action server (endpoints.yml); without it one is made in var/action_secret",
        "(var/action_secret)",
    ),
    "CIP_RASA_URL": ("where the web server reaches the Rasa server", "http://127.0.0.1:5005"),
    "CIP_WEB_ORIGINS": (
        "comma-separated origins the web server accepts chat posts from",
        "http://localhost:8000,http://127.0.0.1:8000",
    ),
    "CIP_WEB_SECRET": ("secret of the web server's sessions; without it a random one per start", "(random)"),
    "CIP_WEB_SECURE_COOKIES": ("1: cookies only over HTTPS", "0"),
    "CIP_TRUSTED_PROXIES": (
        "comma-separated addresses of reverse proxies whose X-Forwarded-For names the client "
        "(for the per-address limits of log-ins and tickets)",
        "127.0.0.1,::1",
    ),
    "CIP_RECORD_UNANSWERED": (
        "1: the Rasa server stores de-identified questions it could not answer, 28 days, for the maintainer",
        "0",
    ),
    "CIP_RASA_PATCHES": ("0: the Rasa server, training and tests run stock Rasa, without bot/rasa_patches", "1"),
}


class Settings:
    """The project's settings, read from `environ` (the process's environment by default)."""

    def __init__(self, environ: Mapping[str, str] = os.environ) -> None:
        self._environ = environ

    def _get(self, name: str, default: Optional[str] = None) -> Optional[str]:
        assert name in VARIABLES, name
        return self._environ.get(name, default)

    @property
    def database_url(self) -> Optional[str]:
        return self._get("DATABASE_URL") or None

    @property
    def region_file(self) -> Optional[str]:
        return self._get("CIP_REGION_FILE") or None

    @property
    def answers_file(self) -> Optional[str]:
        return self._get("CIP_ANSWERS_FILE") or None

    @property
    def production(self) -> bool:
        return self._get("CIP_PRODUCTION") == "1"

    @property
    def retention_days(self) -> Optional[int]:
        return _int_or_none(self._get("CIP_RETENTION_DAYS"))

    @property
    def ticket_retention_days(self) -> Optional[int]:
        return _int_or_none(self._get("CIP_TICKET_RETENTION_DAYS"))

    @property
    def smtp_host(self) -> Optional[str]:
        return self._get("CIP_SMTP_HOST") or None

    @property
    def smtp_port(self) -> int:
        return int(self._get("CIP_SMTP_PORT", "25"))

    @property
    def smtp_from(self) -> Optional[str]:
        return self._get("CIP_SMTP_FROM")

    @property
    def smtp_user(self) -> Optional[str]:
        return self._get("CIP_SMTP_USER")

    @property
    def smtp_password(self) -> Optional[str]:
        return self._get("CIP_SMTP_PASSWORD")

    @property
    def smtp_starttls(self) -> bool:
        return self._get("CIP_SMTP_STARTTLS") == "1"

    @property
    def web_base_url(self) -> str:
        return (self._get("CIP_WEB_BASE_URL") or "").strip().rstrip("/")

    @property
    def actions_host(self) -> Optional[str]:
        return self._get("CIP_ACTIONS_HOST") or None

    @property
    def action_secret(self) -> str:
        return (self._get("CIP_ACTION_SECRET") or "").strip()

    @property
    def rasa_url(self) -> Optional[str]:
        return self._get("CIP_RASA_URL")

    @property
    def web_origins(self) -> Optional[str]:
        return self._get("CIP_WEB_ORIGINS")

    @property
    def web_secret(self) -> Optional[str]:
        return self._get("CIP_WEB_SECRET") or None

    @property
    def web_secure_cookies(self) -> bool:
        return self._get("CIP_WEB_SECURE_COOKIES") == "1"

    @property
    def trusted_proxies(self) -> Optional[str]:
        return self._get("CIP_TRUSTED_PROXIES")

    @property
    def record_unanswered(self) -> bool:
        return self._get("CIP_RECORD_UNANSWERED") == "1"

    @property
    def rasa_patches(self) -> bool:
        return self._get("CIP_RASA_PATCHES", "1") != "0"


def _int_or_none(value: Optional[str]) -> Optional[int]:
    return int(value) if value else None


settings = Settings()
