"""Start the action server and the Rasa server as child processes, as the run command does.

Used by the end-to-end tests and the benchmark, so both measure the assistant the way users
reach it: over HTTP, with the SQL tracker store, on loopback only.

Several Rasa workers (``workers=2``): Rasa 3.6 forks ``SANIC_WORKERS`` processes that share one
port, but only with a lock store other than the in-memory one (rasa.core.utils.
number_of_sanic_workers silently falls back to 1 otherwise), so ``redis_url`` is required; the
workers also need a tracker store they can all write (``tracker_url``, PostgreSQL).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, List, Optional, Tuple
from urllib.parse import urlsplit

from bot import PROJECT_ROOT

RASA = str(Path(sys.executable).parent / "rasa")
CIP = str(Path(sys.executable).parent / "cip")
STARTUP_SECONDS = 180


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def action_server_command(port: int) -> List[str]:
    """The action server as scripts/run starts it: `cip actions`, on 127.0.0.1 (not `rasa run
    actions`, which listens on every interface)."""
    return [CIP, "actions", "--port", str(port)]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except OSError:
        return 0


class Server:
    """One server process in the project root; output to ``log``; ready when ``ready_url`` is 200
    (and, with ``ready_line``, when the log shows that line ``count`` times: one per forked
    worker, which each load the model)."""

    def __init__(
        self,
        args: List[str],
        log: Path,
        ready_url: str,
        env: Optional[dict] = None,
        ready_line: Optional[Tuple[str, int]] = None,
    ):
        self.args, self.log, self.ready_url, self.env = args, log, ready_url, env or {}
        self.ready_line = ready_line
        self.process: Optional[subprocess.Popen] = None

    def _ready(self, log_start: int) -> bool:
        if _status(self.ready_url) != 200:
            return False
        if not self.ready_line:
            return True
        text, count = self.ready_line
        with self.log.open("rb") as handle:
            handle.seek(log_start)
            return handle.read().decode("utf-8", "replace").count(text) >= count

    def start(self) -> "Server":
        _wait_until_free(self.ready_url)
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **self.env}
        with self.log.open("a") as handle:
            log_start = handle.tell()
            self.process = subprocess.Popen(
                self.args, cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while not self._ready(log_start):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{' '.join(self.args[:3])} did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.5)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            children = child_pids(self.process.pid)
            self.process.send_signal(signal.SIGINT)  # a Sanic parent stops its forked workers itself
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            for pid in children:  # workers the parent did not stop (they would keep its port)
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass


def _wait_until_free(url: str, seconds: float = 30) -> None:
    """Waits until nothing listens on the port of ``url`` any more: a server restarted on its port
    found it still taken by the process it replaced ("address already in use", seen once in CI)."""
    port = urlsplit(url).port
    deadline = time.monotonic() + seconds
    while port is not None and time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        except OSError:
            return
        time.sleep(0.2)


def child_pids(pid: int) -> List[int]:
    """The direct child processes of ``pid`` (Linux /proc)."""
    found: List[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


class Redis:
    """A throwaway Redis server on a free loopback port (the lock store of several Rasa workers):
    nothing saved to disk, stopped with the process."""

    def __init__(self, log: Path):
        self.port, self.log = free_port(), log
        self.url = f"redis://127.0.0.1:{self.port}/1"
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Redis":
        import shutil

        import redis

        binary = shutil.which("redis-server")
        if not binary:
            raise RuntimeError("redis-server is not installed (apt-get install redis-server)")
        with self.log.open("a") as handle:
            self.process = subprocess.Popen(
                [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        deadline = time.monotonic() + 20
        while True:
            try:
                client.ping()
                return self
            except redis.exceptions.ConnectionError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"redis-server did not start:\n{self.log.read_text()[-2000:]}")
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _project_endpoints_yaml(port: int) -> str:
    """The action_endpoint section of the project's endpoints.yml (its options, such as which
    actions get the domain), with the action server on ``port``, and its nlg section (the
    answers with the region's changes, bot/rasa_plugins/nlg.py) as it is."""
    import yaml

    project = yaml.safe_load((PROJECT_ROOT / "endpoints.yml").read_text(encoding="utf-8"))
    section = project["action_endpoint"]
    section["url"] = f"http://127.0.0.1:{port}/webhook"
    return yaml.safe_dump({"action_endpoint": section, "nlg": project["nlg"]}, sort_keys=False)


def _tracker_store_yaml(tracker_url: Optional[str], workdir: Path) -> str:
    """The tracker_store section: SQLite in ``workdir`` by default, else the database of
    ``tracker_url`` (postgresql://user:password@host:port/db)."""
    if not tracker_url:
        return (
            f"tracker_store:\n  type: bot.rasa_plugins.tracker_store.ErasableSQLTrackerStore\n"
            f'  dialect: "sqlite"\n  db: "{workdir / "tracker.db"}"\n'
        )
    from sqlalchemy.engine import make_url

    url = make_url(tracker_url)
    return (
        f"tracker_store:\n  type: bot.rasa_plugins.tracker_store.ErasableSQLTrackerStore\n"
        f'  dialect: "{url.get_backend_name()}"\n  url: "{url.host}"\n  port: {url.port or 5432}\n'
        f'  db: "{url.database}"\n  username: "{url.username}"\n  password: "{url.password}"\n'
    )


def _lock_store_yaml(redis_url: Optional[str]) -> str:
    if not redis_url:
        return ""
    from urllib.parse import urlsplit

    url = urlsplit(redis_url)
    db = (url.path or "/1").strip("/") or "1"
    return (
        f'lock_store:\n  type: bot.rasa_plugins.lock_store.LeanRedisLockStore\n  url: "{url.hostname}"\n'
        f"  port: {url.port or 6379}\n  db: {db}\n"
    )


def create_tracker_table(tracker_url: str) -> None:
    """Makes the tracker store's table before several workers start. Each Rasa worker creates it
    at start, all at the same moment; PostgreSQL can refuse the later CREATE TABLE with a unique
    violation (pg_type), an IntegrityError, and Rasa's SQLTrackerStore only tolerates
    OperationalError and ProgrammingError there."""
    import sqlalchemy

    from bot.rasa_plugins.tracker_store import EVENTS

    engine = sqlalchemy.create_engine(tracker_url, future=True)
    try:
        EVENTS.create(engine, checkfirst=True)
    finally:
        engine.dispose()


class Assistant:
    """The action server and the Rasa server (REST channel) on free loopback ports, with the
    project's database in `workdir` (or `database_url`) brought to the newest schema.

    Defaults: one Rasa process, conversations in SQLite in `workdir`, Rasa's in-memory lock store.
    `workers` > 1 forks that many Rasa workers on the one port (SANIC_WORKERS); it needs
    `redis_url` (redis://host:port/db, the lock store) and should get `tracker_url` (a
    PostgreSQL database all workers write). `action_workers` > 1 does the same for the action
    server (rasa-sdk reads ACTION_SERVER_SANIC_WORKERS; it needs no lock store)."""

    def __init__(
        self,
        model: Path,
        workdir: Path,
        database_url: Optional[str] = None,
        env: Optional[dict] = None,
        web: bool = False,
        workers: int = 1,
        redis_url: Optional[str] = None,
        tracker_url: Optional[str] = None,
        action_workers: int = 1,
    ):
        from bot.domain.chat_message import RASA_SERVER_MAX_BODY_BYTES
        from bot.storage.db import upgrade

        if workers > 1 and not redis_url:
            raise ValueError(
                "several Rasa workers need a Redis lock store (redis_url); "
                "with the in-memory lock store Rasa runs one worker"
            )
        workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite:///{workdir / 'cip.db'}"
        upgrade(self.database_url)
        if tracker_url and workers > 1:
            create_tracker_table(tracker_url)
        action_port, self.port = free_port(), free_port()
        import secrets

        # the secret Rasa sends the action server (endpoints.yml, bot/rasa_plugins/action_server.py)
        self.action_secret = secrets.token_urlsafe(32)
        self.url = f"http://127.0.0.1:{self.port}"
        endpoints = workdir / "endpoints.yml"
        endpoints.write_text(
            _project_endpoints_yaml(action_port)
            + _tracker_store_yaml(tracker_url, workdir)
            + _lock_store_yaml(redis_url)
        )
        self.actions = Server(
            action_server_command(action_port),
            workdir / "actions.log",
            f"http://127.0.0.1:{action_port}/health",
            env={
                "DATABASE_URL": self.database_url,
                "ACTION_SERVER_SANIC_WORKERS": str(action_workers),
                "CIP_ACTION_SECRET": self.action_secret,
                **(env or {}),
            },
        )
        self.rasa = Server(
            [
                RASA,
                "run",
                "--model",
                str(model),
                "--interface",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--credentials",
                "credentials.yml",
                "--endpoints",
                str(endpoints),
            ],
            workdir / "rasa.log",
            f"http://127.0.0.1:{self.port}/webhooks/rest/",
            env={
                # the tracker store counts the statistics into the project's database
                "DATABASE_URL": self.database_url,
                "SANIC_WORKERS": str(workers),
                "SANIC_REQUEST_MAX_SIZE": str(RASA_SERVER_MAX_BODY_BYTES),
                "CIP_ACTION_SECRET": self.action_secret,
            },
            ready_line=("Rasa server is up and running", workers) if workers > 1 else None,
        )
        self.web: Optional[Server] = None
        if web:
            self.web_port = free_port()
            self.web_url = f"http://127.0.0.1:{self.web_port}"
            self.web = Server(
                [CIP, "web", "--port", str(self.web_port)],
                workdir / "web.log",
                f"{self.web_url}/healthz",
                env={
                    "DATABASE_URL": self.database_url,
                    "CIP_RASA_URL": f"http://127.0.0.1:{self.port}",
                    "CIP_WEB_ORIGINS": self.web_url,
                    **(env or {}),
                },
            )

    def start(self) -> "Assistant":
        self.actions.start()
        self.rasa.start()
        if self.web:
            self.web.start()
        return self

    def stop(self) -> None:
        if self.web:
            self.web.stop()
        self.rasa.stop()
        self.actions.stop()

    def send(self, sender: str, text: str) -> List[dict]:
        """Send one user message over the REST channel; returns the bot's messages."""
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhooks/rest/webhook",
            data=body,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@contextmanager
def rasa_patches(on: bool) -> Iterator[None]:
    """The servers started within inherit CIP_RASA_PATCHES=0 when `on` is false: stock Rasa, same
    model and data (bot/rasa_patches, docs/rasa-patches.md)."""
    before = os.environ.get("CIP_RASA_PATCHES")
    os.environ["CIP_RASA_PATCHES"] = "1" if on else "0"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("CIP_RASA_PATCHES", None)
        else:
            os.environ["CIP_RASA_PATCHES"] = before
