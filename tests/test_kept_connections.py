"""Rasa's calls to the action server keep their connection (bot/kept_connections.py), and a
server that went away and came back is reached at the first try."""

import asyncio

from rasa.utils.endpoints import EndpointConfig

from bot import kept_connections

REPLY = b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n\r\n{"events": []}\n'


class ActionServer:
    """An HTTP server on loopback that answers every POST with an empty action result and
    counts the connections it accepted."""

    def __init__(self) -> None:
        self.connections = []
        self.server = None

    async def start(self, port: int = 0) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", port)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                await reader.readexactly(length)
                writer.write(REPLY)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def kill(self) -> None:
        """Gone at once, as a killed process: every connection reset."""
        self.server.close()
        for writer in self.connections:
            writer.transport.abort()
        await self.server.wait_closed()
        self.connections = []


def call(endpoint: EndpointConfig) -> dict:
    return endpoint.request(json={"next_action": "action_local_door"}, method="post", timeout=5)


def test_calls_to_the_action_server_share_one_connection(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", kept_connections.session)

    async def three_calls():
        server = ActionServer()
        endpoint = EndpointConfig(f"http://127.0.0.1:{await server.start()}/webhook")
        answers = [await call(endpoint) for _ in range(3)]
        accepted = len(server.connections)
        await server.kill()
        return answers, accepted

    answers, accepted = asyncio.run(three_calls())
    assert answers == [{"events": []}] * 3
    assert accepted == 1  # Rasa's own session: a new connection for each call


def test_the_first_call_after_a_restart_of_the_action_server_works(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", kept_connections.session)

    async def restarted():
        server = ActionServer()
        port = await server.start()
        endpoint = EndpointConfig(f"http://127.0.0.1:{port}/webhook")
        before = await call(endpoint)
        await server.kill()
        await asyncio.sleep(0.1)  # the restart
        await server.start(port)
        after = await call(endpoint)
        accepted = len(server.connections)
        await server.kill()
        return before, after, accepted

    before, after, accepted = asyncio.run(restarted())
    assert before == after == {"events": []}
    assert accepted == 1
