"""A real python-socketio client for the tests, as a chat widget uses the socket.io channel:
connect, ask for a session (`session_request`), send `user_uttered` with that session id and read
the `bot_uttered` answers."""

from __future__ import annotations

import asyncio
from typing import Any, List, Optional

import socketio


class SocketChat:
    def __init__(self) -> None:
        self.client = socketio.AsyncClient(reconnection=False)
        self.answers: asyncio.Queue = asyncio.Queue()
        self.session_id: Optional[str] = None
        self.client.on("bot_uttered", self.answers.put)

    async def connect(self, base_url: str, session_id: Any = None) -> "SocketChat":
        confirmed: asyncio.Queue = asyncio.Queue()
        self.client.on("session_confirm", confirmed.put)
        # polling only: python-socketio's websocket transport needs a newer aiohttp than Rasa's
        await self.client.connect(base_url, transports=["polling"], socketio_path="/socket.io")
        await self.client.emit("session_request", {"session_id": session_id})
        self.session_id = await asyncio.wait_for(confirmed.get(), timeout=10)
        return self

    async def send(self, text: Any, **fields: Any) -> None:
        await self.client.emit("user_uttered", {"message": text, "session_id": self.session_id, **fields})

    async def replies(self, first_within: float = 60, quiet: float = 1.5) -> List[dict]:
        """The bot messages of one turn: the first within `first_within` seconds, then all that
        follow until none came for `quiet` seconds; [] when none came at all."""
        try:
            got = [await asyncio.wait_for(self.answers.get(), timeout=first_within)]
        except asyncio.TimeoutError:
            return []
        while True:
            try:
                got.append(await asyncio.wait_for(self.answers.get(), timeout=quiet))
            except asyncio.TimeoutError:
                return got

    async def say(self, text: Any, **fields: Any) -> str:
        await self.send(text, **fields)
        return "\n".join(str(m.get("text", "")) for m in await self.replies())

    async def close(self) -> None:
        await self.client.eio.disconnect(abort=True)  # a polite disconnect waits for the pending long poll
