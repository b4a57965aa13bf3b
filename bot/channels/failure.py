"""What the user reads and what the log keeps when handling a chat message fails, for every Rasa
channel of the project (bot/channels/).

A failure can quote what the user typed: the exception's text may name the value that could not be
stored or parsed. Left to Rasa and its servers, that text reaches the log at ERROR, a level
production logs: Rasa's REST handler logs the message text with the error, and on socket.io the
exception ends the task python-socketio runs the handler in, which asyncio then logs with its
traceback. Either way the user is left with whatever was said before the failure, often nothing.
So both channels hand Rasa a handler that catches the failure, logs only its kind and the code's
place, and answers with the region's central number on the channel the message came from."""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.chat_message import unavailable_message
from bot.region import load_region

log = logging.getLogger(__name__)


def answered_on_failure(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
) -> Callable[[UserMessage], Awaitable[None]]:
    """`on_new_message` that never lets a failure reach Rasa's channel or its server."""

    async def handle(message: UserMessage) -> None:
        try:
            await on_new_message(message)
        except (Exception, asyncio.CancelledError) as error:  # Rasa's REST handler stops both as well
            where = "".join(traceback.format_tb(error.__traceback__)[-3:])  # code lines, not values
            log.error("Bericht niet verwerkt: %s\n%s", type(error).__name__, where)
            await message.output_channel.send_text_message(message.sender_id, unavailable_message(load_region()))

    return handle
