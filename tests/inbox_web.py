"""A browser-like HTTP client and a started `cip web` server with inbox accounts, shared by the
inbox tests over HTTP (tests/test_web_inbox_http.py) and the hostile-input list
(tests/test_hostile_inputs.py)."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bot.launch import CIP, Server, free_port

PASSWORDS = {
    "anna": "anna heeft een lang wachtwoord",
    "chantal": "chantal heeft er ook een",
    "coordinator": "de coordinator ziet alles",
    "bram": "bram wordt zo geblokkeerd",
}


class Response:
    def __init__(self, status: int, headers, body: str):
        self.status, self.headers, self.body = status, headers, body

    @property
    def location(self) -> str:
        return self.headers.get("Location", "")

    def csrf(self) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', self.body).group(1)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Client:
    """One browser-like visitor: keeps its cookies, does not follow redirects (the tests look at them)."""

    def __init__(self, base: str):
        self.base, self.cookies = base, http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects)

    def get(self, path: str) -> Response:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, fields: dict) -> Response:
        return self._open(urllib.request.Request(self.base + path, data=urllib.parse.urlencode(fields).encode()))

    def post_raw(self, path: str, body: bytes, headers: dict) -> Response:
        return self._open(urllib.request.Request(self.base + path, data=body, headers=headers))

    def _open(self, request) -> Response:
        try:
            with self.opener.open(request, timeout=30) as answer:
                return Response(answer.status, answer.headers, answer.read().decode())
        except urllib.error.HTTPError as answer:
            return Response(answer.code, answer.headers, answer.read().decode())

    def log_in(self, name: str, password: str | None = None) -> Response:
        form = self.get("/inbox/login")
        return self.post(
            "/inbox/login",
            {"csrf": form.csrf(), "user_name": name, "password": PASSWORDS[name] if password is None else password},
        )


def inbox_server(workdir: Path, database_url: str, env: dict | None = None) -> Server:
    """`cip web` on a free port with `database_url` brought to the newest schema and an account for
    every name in PASSWORDS made by `cip users create`; `.base` is its URL."""
    from bot.db import upgrade

    upgrade(database_url)
    for name, password in PASSWORDS.items():
        made = subprocess.run(
            [CIP, "users", "create", name, "--password-stdin"],
            input=password + "\n",
            text=True,
            capture_output=True,
            env={**os.environ, "DATABASE_URL": database_url},
            timeout=60,
        )
        assert made.returncode == 0, made.stderr
    port = free_port()
    server = Server(
        [CIP, "web", "--port", str(port)],
        workdir / "web.log",
        f"http://127.0.0.1:{port}/healthz",
        env={"DATABASE_URL": database_url, **(env or {})},
    ).start()
    server.database_url, server.base = database_url, f"http://127.0.0.1:{port}"
    return server
