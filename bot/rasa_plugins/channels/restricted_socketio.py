"""Rasa's socket.io channel, with the browser origins that may connect restricted to a list and
every message checked and cleaned before Rasa sees it.

Rasa 3.6 makes its socket.io server with `cors_allowed_origins=[]`, which python-engineio reads as
"do not check the Origin header": any website could then open a socket to the assistant from its
visitors' browsers and chat in their name. This channel keeps everything else of Rasa's channel and
lets engineio check the Origin header against `allowed_origins` from credentials.yml. Without that
list only the Rasa server's own origin may connect (engineio's default). A request without an Origin
header (not from a browser) is not checked: the check protects browsers, other clients can set any
header they like.

A socket's messages do not pass the web relay either, so they get the same checks (bot.domain.chat_message,
as in bot/rasa_plugins/channels/rest.py): the cleaned text goes to Rasa; an empty or too long message gets the
Dutch reason as the bot's answer and never reaches Rasa. A message that is not text (a number, a
list) is refused the same way: Rasa's own handler would call `.strip()` on it and fail before the
check runs, leaving the user without an answer. When handling a message fails, the user reads the
region's central number and the log keeps no text (bot/rasa_plugins/channels/failure.py, as in the REST channel).

Rasa's own handlers are replaced, not wrapped:
- Rasa 3.6 calls `sio.enter_room(...)` without `await`; python-socketio 5.18 made it a coroutine,
  so the socket never joined its session's room and no answer reached any socket.io client.
- With `session_persistence`, Rasa took any session id a client sent, and answers go to the room of
  that id: whoever sent another user's session id joined that user's room and read their answers.
  Here a session id is made by the server and bound to the socket that asked for it; a message
  from another socket with that id is refused (with the Dutch answer the REST channel gives an
  invalid sender) and that socket receives nothing of the conversation. A client that reconnects
  gets a new session: the id alone proves nothing.
- The session id of a message and its metadata get the checks of the REST channel: an id that is
  not the socket's own (5000 characters, a NUL byte, an object) is refused, metadata must be a
  JSON object (or its text) of at most 2 kB (bot.domain.chat_message), and engine.io reads at most 64 kB
  per request (Rasa's server left engine.io's default of 1 MB).
- Every message carries the key of its client (the socket's address at connect), as in the REST
  channel (bot/rasa_plugins/channels/client.py): tickets are counted per client.
"""

from __future__ import annotations

import re
import secrets
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.domain.chat_message import (
    INVALID_SENDER,
    RASA_SERVER_MAX_BODY_BYTES,
    ChatRequestError,
    checked_message,
    checked_metadata,
)
from bot.rasa_plugins.channels.client import with_client
from bot.rasa_plugins.channels.failure import answered_on_failure

_ORIGIN = re.compile(r"^https?://[^/\s*]+$")


def parse_origins(value) -> tuple:
    """`allowed_origins` from credentials.yml (a list or one string) as origins without a trailing
    slash; a wildcard or anything that is not scheme://host[:port] is an error at start-up."""
    values = [value] if isinstance(value, str) else list(value or [])
    origins = tuple(str(origin).strip().rstrip("/") for origin in values)
    wrong = [origin for origin in origins if not _ORIGIN.match(origin)]
    if wrong:
        raise ValueError(
            f"credentials.yml, socketio allowed_origins: {', '.join(wrong)} is geen origin; "
            "schrijf bijvoorbeeld https://www.gemeente.nl (geen * en geen pad)"
        )
    return origins


class RestrictedSocketIOInput(SocketIOInput):
    """The `socketio` channel of Rasa with an Origin check, sessions bound to their socket and
    checked messages; credentials take `allowed_origins`."""

    allowed_origins: tuple = ()

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.allowed_origins = parse_origins((credentials or {}).get("allowed_origins"))
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        receive = answered_on_failure(on_new_message)
        socket_blueprint = super().blueprint(receive)
        sio = self.sio
        # None: engineio allows the server's own origin only; never [] (that turns the check off)
        sio.eio.cors_allowed_origins = list(self.allowed_origins) or None
        sio.eio.max_http_buffer_size = RASA_SERVER_MAX_BODY_BYTES
        sessions: Dict[str, str] = {}  # socket id -> the session id made for it
        clients: Dict[str, tuple] = {}  # socket id -> (peer address, X-Forwarded-For) of its connection

        rasa_connect = sio.handlers[self.namespace or "/"]["connect"]  # Rasa's, with its JWT check

        async def connect(sid: str, request: Dict, auth: Optional[Dict] = None) -> bool:
            """`request`: the connection's WSGI-style environment of the HTTP request (engine.io)."""
            if not await rasa_connect(sid, request, auth):
                return False
            clients[sid] = (request.get("REMOTE_ADDR"), request.get("HTTP_X_FORWARDED_FOR"))
            return True

        async def refuse(sid: str, text: str) -> None:
            await SocketIOOutput(sio, self.bot_message_evt).send_text_message(sid, text)

        async def session_request(sid: str, data: Any) -> None:
            session_id = sessions.get(sid) or secrets.token_hex(16)
            sessions[sid] = session_id
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        async def disconnect(sid: str) -> None:
            sessions.pop(sid, None)
            clients.pop(sid, None)

        async def handle_message(sid: str, data: Any) -> None:
            data = data if isinstance(data, dict) else {}
            if self.session_persistence:
                sender_id = data.get("session_id")
                if not isinstance(sender_id, str) or sessions.get(sid) != sender_id:
                    await refuse(sid, INVALID_SENDER)
                    return
            else:
                sender_id = sid
            try:
                metadata = with_client(checked_metadata(data.get(self.metadata_key)), *clients.get(sid, (None, None)))
                text = checked_message(data.get("message"))
            except ChatRequestError as error:
                await refuse(sid, error.message)
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            await receive(UserMessage(text, output, sender_id, input_channel=self.name(), metadata=metadata))

        sio.on("connect", connect, namespace=self.namespace)
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on("disconnect", disconnect, namespace=self.namespace)
        sio.on(self.user_message_evt, handle_message, namespace=self.namespace)
        return socket_blueprint
