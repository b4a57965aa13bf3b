"""Rasa's socket.io channel, with the browser origins that may connect restricted to a list and
every message checked and cleaned before Rasa sees it.

Rasa 3.6 makes its socket.io server with `cors_allowed_origins=[]`, which python-engineio reads as
"do not check the Origin header": any website could then open a socket to the assistant from its
visitors' browsers and chat in their name. This channel keeps everything else of Rasa's channel and
lets engineio check the Origin header against `allowed_origins` from credentials.yml. Without that
list only the Rasa server's own origin may connect (engineio's default). A request without an Origin
header (not from a browser) is not checked: the check protects browsers, other clients can set any
header they like.

A socket's messages do not pass the web relay either, so they get the same checks (bot.chat_message,
as in bot/channels/rest.py): the cleaned text goes to Rasa; an empty or too long message gets the
Dutch reason as the bot's answer and never reaches Rasa. A message that is not text (a number, a
list) is refused the same way: Rasa's own handler would call `.strip()` on it and fail before the
check runs, leaving the user without an answer. When handling a message fails, the user reads the
region's central number and the log keeps no text (bot/channels/failure.py, as in the REST channel).
"""

from __future__ import annotations

import re
from typing import Any, Awaitable, Callable, Dict, Optional

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels.failure import answered_on_failure
from bot.chat_message import ChatRequestError, checked_message

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
    """The `socketio` channel of Rasa with an Origin check and checked messages; credentials take
    `allowed_origins`."""

    allowed_origins: tuple = ()

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[str, Any]]) -> InputChannel:
        channel = super().from_credentials(credentials)
        channel.allowed_origins = parse_origins((credentials or {}).get("allowed_origins"))
        return channel

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        socket_blueprint = super().blueprint(_checked(answered_on_failure(on_new_message)))
        # None: engineio allows the server's own origin only; never [] (that turns the check off)
        self.sio.eio.cors_allowed_origins = list(self.allowed_origins) or None
        rasas_handler = self.sio.handlers[self.namespace or "/"][self.user_message_evt]
        self.sio.on(self.user_message_evt, _text_or_none(rasas_handler), namespace=self.namespace)
        return socket_blueprint


def _text_or_none(rasas_handler: Callable[[str, Any], Awaitable[None]]) -> Callable[[str, Any], Awaitable[None]]:
    """Rasa's socket handler for user messages, given a "message" that is text or None. Rasa's
    UserMessage calls `.strip()` on any message that is not empty, so a number or a list would raise
    AttributeError (logged with a traceback, no answer) before `_checked` runs; as None it reaches the
    check, which refuses every message that is not text with the answer the REST channel gives. A
    payload that is not an object would fail on `data.get` in the same way, so it counts as one
    without a message."""

    async def handle(sid: str, data: Any) -> None:
        if not isinstance(data, dict):
            data = {}
        elif not isinstance(data.get("message", ""), str):
            data = {**data, "message": None}
        await rasas_handler(sid, data)

    return handle


def _checked(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[None]]:
    """`on_new_message` for messages that pass the checks, with their text cleaned; a refused
    message is answered on its own socket instead."""

    async def receive(message: UserMessage) -> None:
        try:
            message.text = checked_message(message.text)
        except ChatRequestError as error:
            await message.output_channel.send_text_message(message.sender_id, error.message)
            return
        await on_new_message(message)

    return receive
