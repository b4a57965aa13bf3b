"""Start the action server and the Rasa server as child processes, as the run command does.

Used by the end-to-end tests and the benchmark, so both measure the assistant the way users
reach it: over HTTP, with the SQL tracker store, on loopback only.
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
from pathlib import Path
from typing import List, Optional

from bot import PROJECT_ROOT

RASA = str(Path(sys.executable).parent / "rasa")
STARTUP_SECONDS = 180


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status
    except OSError:
        return 0


class Server:
    """One server process in the project root; output to ``log``; ready when ``ready_url`` is 200."""

    def __init__(self, args: List[str], log: Path, ready_url: str, env: Optional[dict] = None):
        self.args, self.log, self.ready_url, self.env = args, log, ready_url, env or {}
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Server":
        env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", **self.env}
        with self.log.open("a") as handle:
            self.process = subprocess.Popen(
                self.args, cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT, env=env
            )
        deadline = time.monotonic() + STARTUP_SECONDS
        while _status(self.ready_url) != 200:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{' '.join(self.args[:3])} did not start:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.5)
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


class Assistant:
    """The action server and the Rasa server (REST channel) on free loopback ports, with the
    project's database in `workdir` (or `database_url`) brought to the newest schema."""

    def __init__(self, model: Path, workdir: Path, database_url: Optional[str] = None,
                 env: Optional[dict] = None, web: bool = False):
        from bot.db import upgrade

        workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite:///{workdir / 'cip.db'}"
        upgrade(self.database_url)
        action_port, self.port = free_port(), free_port()
        endpoints = workdir / "endpoints.yml"
        endpoints.write_text(
            f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
            f'tracker_store:\n  type: bot.tracker_store.ErasableSQLTrackerStore\n'
            f'  dialect: "sqlite"\n  db: "{workdir / "tracker.db"}"\n'
        )
        self.actions = Server(
            [RASA, "run", "actions", "--actions", "actions", "--port", str(action_port)],
            workdir / "actions.log", f"http://127.0.0.1:{action_port}/health",
            env={"DATABASE_URL": self.database_url, **(env or {})},
        )
        self.rasa = Server(
            [RASA, "run", "--model", str(model), "--interface", "127.0.0.1", "--port", str(self.port),
             "--credentials", "credentials.yml", "--endpoints", str(endpoints)],
            workdir / "rasa.log", f"http://127.0.0.1:{self.port}/webhooks/rest/",
        )
        self.web: Optional[Server] = None
        if web:
            self.web_port = free_port()
            self.web_url = f"http://127.0.0.1:{self.web_port}"
            self.web = Server(
                [str(Path(RASA).parent / "cip"), "web", "--port", str(self.web_port)],
                workdir / "web.log", f"{self.web_url}/healthz",
                env={"DATABASE_URL": self.database_url, "CIP_RASA_URL": f"http://127.0.0.1:{self.port}",
                     "CIP_WEB_ORIGINS": self.web_url, **(env or {})},
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
            data=body, headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())
