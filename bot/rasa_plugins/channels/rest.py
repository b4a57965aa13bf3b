"""Rasa's REST channel (`POST /webhooks/rest/webhook`) with the checks of the web relay in front.

The widget's messages pass the web server first (bot/web/chat_relay.py), but any client that
reaches the Rasa server can post here directly. Rasa's own channel would pass such a message on as
it came: a NUL byte (PostgreSQL refuses the turn), a right-to-left override, a message of a
megabyte; and it answers a body that is not JSON with Sanic's English error. Here the body and the
message get the checks and the Dutch answers of every way in (bot.domain.chat_message): a refused request
answers 400 or 413 with the reason as the bot's message, in the REST channel's own format, and never
reaches Rasa. A missing or odd sender is refused too: Rasa would put every message without one into
a single conversation called "default", shared by everyone who leaves it out.

When handling a message fails, Rasa's handler logs the message text with the error (at ERROR, a
level production logs) and answers with whatever was said before the failure, often nothing. Here
such a failure is logged with its kind and the code's place only, and the user reads the region's
central number (bot/rasa_plugins/channels/failure.py, shared with the socket.io channel).

`name()` stays "rest" (inherited): Rasa derives the URL from it, so clients keep the same address."""

from __future__ import annotations

from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot.domain.chat_message import (
    INVALID_SENDER,
    ChatRequestError,
    checked_message,
    checked_metadata,
    read_json_object,
)
from bot.domain.user_text import clean
from bot.rasa_plugins.channels.client import with_client
from bot.rasa_plugins.channels.failure import answered_on_failure

MAX_SENDER_CHARS = 255  # the sender_id column of Rasa's SQL tracker store


class CheckedRestInput(RestInput):
    """`rest` in credentials.yml, with every message checked and cleaned before Rasa sees it."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(answered_on_failure(on_new_message))

        @webhook.middleware("request")
        async def check(request: Request) -> Optional[response.HTTPResponse]:
            if request.method != "POST":
                return None
            try:
                request.ctx.message, metadata = _checked_request(request.body)
            except ChatRequestError as error:
                return response.json([{"text": error.message}], status=error.status)
            request.ctx.metadata = with_client(metadata, request.ip, request.headers.get("x-forwarded-for"))
            return None

        return webhook

    def _extract_message(self, req: Request) -> str:
        return req.ctx.message

    def get_metadata(self, request: Request) -> dict:
        return request.ctx.metadata


def _checked_request(body: bytes) -> tuple[str, dict]:
    """The cleaned message and the checked metadata of a `{"sender": id, "message": text,
    "metadata": {...}}` body, or ChatRequestError."""
    data = read_json_object(body)
    sender = data.get("sender")
    if not isinstance(sender, str) or not sender or len(sender) > MAX_SENDER_CHARS or clean(sender) != sender:
        raise ChatRequestError(INVALID_SENDER)
    return checked_message(data.get("message")), checked_metadata(data.get("metadata"))
