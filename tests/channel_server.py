"""A Rasa input channel on a Sanic server in this process, registered the way `rasa run` registers
it, with a stand-in for Rasa's agent: the channel tests talk to it over real HTTP and socket.io,
without a model or a Rasa server (loading one takes a minute and both cores)."""

from __future__ import annotations

import asyncio
import threading
import uuid
from contextlib import contextmanager
from typing import Iterator

from rasa.core.channels.channel import InputChannel, register
from sanic import Sanic

from bot.launch import free_port


@contextmanager
def serving(channel: InputChannel, agent) -> Iterator[str]:
    """The base URL (http://127.0.0.1:port) of a server with `channel` under /webhooks/, in a
    background thread; every message the channel passes on goes to `agent.handle_message`."""
    # Sanic 21.12 rewrites its HTTP protocol's methods at every start (TouchUp) and fails on a
    # second app in one process unless it keeps the originals, which it does in test mode
    Sanic.test_mode = True
    app = Sanic(f"channel_{uuid.uuid4().hex[:8]}")
    app.ctx.agent = agent
    register([channel], app, "/webhooks/")
    port, loop = free_port(), asyncio.new_event_loop()

    async def start():
        server = await app.create_server(host="127.0.0.1", port=port, return_asyncio_server=True)
        await server.startup()
        return server

    server = loop.run_until_complete(start())
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        asyncio.run_coroutine_threadsafe(_stop(server), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


async def _stop(server) -> None:
    """Closes the server and ends what still runs on its loop (socket.io's pings and long polls),
    which would otherwise be reported as destroyed while pending."""
    server.close()
    await server.wait_closed()
    running = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)
