"""Rasa's calls to the action server (and its other endpoints) over kept connections.

Why: Rasa 3.6 makes a new HTTP client session for every request to an endpoint and closes it
afterwards, so every custom action opens a new TCP connection, which the action server accepts
and sets up again. Here each endpoint keeps one session per event loop and its connections stay
open between calls (bench/RESULTS.md).

A kept connection can be closed by the other side while it is idle. The action server (Sanic)
closes a connection after 5 idle seconds; the session here drops connections idle for 2 seconds,
so it never sends a request on a connection the action server is closing. A stopped or killed
action server closes its connections at once, and the session sees that before the next call
(tests/test_server.py restarts the action server in the middle of a handoff).
"""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
from rasa.core.constants import DEFAULT_REQUEST_TIMEOUT
from rasa.utils.endpoints import EndpointConfig

from bot import action_calls

IDLE_SECONDS = 2.0  # below Sanic's KEEP_ALIVE_TIMEOUT (5 s), with which the action server runs
_KEPT = "_cip_kept_session"


class _Borrowed:
    """`async with endpoint.session() as session`, without closing the kept session afterwards."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None


def _new_session(endpoint: EndpointConfig, connector: aiohttp.BaseConnector) -> aiohttp.ClientSession:
    """Rasa's session for the endpoint, with the JSON encoder of bot/action_calls.py."""
    auth = (
        aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
        if endpoint.basic_auth
        else None
    )
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=auth,
        connector=connector,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        json_serialize=action_calls.serialize,
    )


def session(self: EndpointConfig) -> _Borrowed:
    """The endpoint's session for the running event loop, made on first use."""
    loop = asyncio.get_running_loop()
    kept = self.__dict__.get(_KEPT)
    if kept is None or kept[0] is not loop or kept[1].closed:
        connector = aiohttp.TCPConnector(keepalive_timeout=IDLE_SECONDS)
        kept = self.__dict__[_KEPT] = (loop, _new_session(self, connector))
    return _Borrowed(kept[1])


def apply() -> None:
    """Install the replacement (idempotent)."""
    EndpointConfig.session = session
