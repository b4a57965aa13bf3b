"""The project's own database (tickets, their history and the mail outbox).

`DATABASE_URL` chooses the server: SQLite in `var/cip.db` by default, so the assistant runs with no
other server, and PostgreSQL in production (`postgresql://user:password@host/dbname`). The schema is
made and changed only by the Alembic migrations in `bot/storage/migrations`."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

from bot import PROJECT_ROOT
from bot.settings import settings
from bot.storage.private_files import private_sqlite_file

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url() -> str:
    return settings.database_url or f"sqlite:///{PROJECT_ROOT / 'var' / 'cip.db'}"


def engine(url: str | None = None) -> Engine:
    """One engine (and connection pool) per database URL; DATABASE_URL when none is given.

    hide_parameters: a database error names the statement but never the values (ticket text)."""
    return _engine(url or database_url())


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    if url.startswith("sqlite:///"):
        private_sqlite_file(url.removeprefix("sqlite:///"))  # tickets and session hashes: owner only
        made = create_engine(url, future=True, hide_parameters=True, connect_args={"timeout": 15})
        event.listen(made, "connect", _sqlite_foreign_keys)
        return made
    return create_engine(
        url,
        future=True,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 5} if url.startswith("postgresql") else {},
    )


def _sqlite_foreign_keys(connection, _record) -> None:
    connection.execute("PRAGMA foreign_keys=ON")


@contextmanager
def session(url: str | None = None):
    """One unit of work: committed when the block ends, rolled back on any error."""
    with sessionmaker(engine(url), future=True, expire_on_commit=False)() as db:  # type: Session
        with db.begin():
            yield db


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Brings the database to the newest schema (safe to run on every start), or to an older
    revision for a test of a migration."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine(url)
    command.upgrade(config, revision)


@contextmanager
def scratch_postgres_database(admin_url: str, prefix: str = "cip_scratch"):
    """A new, empty PostgreSQL database on the server of ``admin_url`` (its URL is yielded),
    dropped afterwards: for tests and the load benchmark, never for the assistant's own data."""
    import uuid

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT", future=True, hide_parameters=True)
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}")
    try:
        yield admin_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.dispose()
