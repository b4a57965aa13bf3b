"""`cip db upgrade`: the database to the newest schema."""

from __future__ import annotations

from bot.storage.db import database_url, upgrade


def add_commands(commands) -> None:
    db = commands.add_parser("db", help="de database").add_subparsers(required=True, metavar="opdracht")
    db.add_parser("upgrade", help="database bijwerken naar het nieuwste schema").set_defaults(run=_db_upgrade)


def _db_upgrade(_args) -> None:
    upgrade()
    print(f"Database bijgewerkt: {_safe_url(database_url())}")


def _safe_url(url: str) -> str:
    """The URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split(':', 1)[0]}:***@{rest.split('@', 1)[1]}"
