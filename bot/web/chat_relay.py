"""The chat widget's messages, checked and passed on to Rasa's REST channel.

The browser talks only to the web server that served the page; this module turns its request into
one call to `POST /webhooks/rest/webhook` and Rasa's answer into the few fields the widget renders
(text and buttons). Kept free of Sanic so the rules are plain functions. Message text is never
logged: it may hold anything a parent types about a child."""

from __future__ import annotations

import asyncio
import logging
import re

import aiohttp

from bot.domain.chat_message import INVALID_SENDER, ChatRequestError, checked_message, read_json_object

_SENDER = re.compile(r"^[A-Za-z0-9-]{16,64}$")
RASA_TIMEOUT = aiohttp.ClientTimeout(total=60)

log = logging.getLogger(__name__)


class RasaUnavailable(Exception):
    """Rasa did not answer (down, too slow, or an error)."""


def read_chat_request(body: bytes) -> tuple[str, str]:
    """The (sender, message) of a widget request `{"sender": id, "message": text}`, checked and
    cleaned as on every way in (bot.domain.chat_message); the sender is the widget's random id."""
    data = read_json_object(body)
    sender = data.get("sender")
    if not isinstance(sender, str) or not _SENDER.match(sender):
        raise ChatRequestError(INVALID_SENDER)
    return sender, checked_message(data.get("message"))


def bot_messages(rasa_output) -> list[dict]:
    """Rasa's REST output as `[{"text": ..., "buttons": [{"title", "payload"}]}]`: only what the
    widget shows, every value a string (the widget inserts them as text, never as HTML)."""
    messages = []
    for item in rasa_output if isinstance(rasa_output, list) else []:
        if not isinstance(item, dict):
            continue
        text = item.get("text") if isinstance(item.get("text"), str) else ""
        buttons = [
            {"title": str(b["title"]), "payload": str(b["payload"])}
            for b in item.get("buttons") or []
            if isinstance(b, dict) and b.get("title") and b.get("payload")
        ]
        if text or buttons:
            messages.append({"text": text, "buttons": buttons})
    return messages


async def ask_rasa(
    client: aiohttp.ClientSession, rasa_url: str, sender: str, message: str, client_address: str
) -> list[dict]:
    """Rasa's answer to one user message, or RasaUnavailable. The browser's address goes along in
    X-Forwarded-For: Rasa's REST channel counts tickets per address (bot.domain.client_address)."""
    try:
        async with client.post(
            f"{rasa_url}/webhooks/rest/webhook",
            json={"sender": sender, "message": message},
            headers={"X-Forwarded-For": client_address},
            timeout=RASA_TIMEOUT,
        ) as response:
            if response.status == 200:
                return bot_messages(await response.json(content_type=None))
            problem = f"status {response.status}"
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        problem = type(error).__name__
    log.warning("Rasa op %s antwoordt niet: %s", rasa_url, problem)
    raise RasaUnavailable(problem)
