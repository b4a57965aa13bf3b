"""The chat widget's messages, checked and passed on to Rasa's REST channel.

The browser talks only to the web server that served the page; this module turns its request into
one call to `POST /webhooks/rest/webhook` and Rasa's answer into the few fields the widget renders
(text and buttons). Kept free of Sanic so the rules are plain functions. Message text is never
logged: it may hold anything a parent types about a child."""
from __future__ import annotations

import asyncio
import json
import logging
import re

import aiohttp

from bot.region.model import Region
from bot.user_text import clean

MAX_MESSAGE_CHARS = 1000
MAX_BODY_BYTES = 16_000  # a 1000-character message fits easily, also as JSON escapes
_SENDER = re.compile(r"^[A-Za-z0-9-]{16,64}$")
RASA_TIMEOUT = aiohttp.ClientTimeout(total=60)

log = logging.getLogger(__name__)


class ChatRequestError(Exception):
    """A request the widget should not have sent; `message` is Dutch, for the user."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


class RasaUnavailable(Exception):
    """Rasa did not answer (down, too slow, or an error)."""


def read_chat_request(body: bytes) -> tuple[str, str]:
    """The (sender, message) of a widget request `{"sender": id, "message": text}`; the message
    cleaned (bot.user_text) before it is checked and passed on, so Rasa and its tracker store get
    the text the user sees and never a character the database refuses."""
    if len(body) > MAX_BODY_BYTES:
        raise ChatRequestError(_too_long(), 413)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8 (a ValueError too), or nested too deep
        data = None
    if not isinstance(data, dict):
        raise ChatRequestError("Je bericht is niet goed aangekomen. Probeer het opnieuw.")
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not _SENDER.match(sender):
        raise ChatRequestError("Dit gesprek heeft geen geldige code. Laad de pagina opnieuw en probeer het nog eens.")
    message = clean(message) if isinstance(message, str) else ""
    if not message:  # also a message of only spaces, zero-width or control characters
        raise ChatRequestError("Je bericht is leeg. Typ eerst je vraag.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise ChatRequestError(_too_long(), 413)
    return sender, message


def _too_long() -> str:
    return (f"Je bericht is te lang: maximaal {MAX_MESSAGE_CHARS} tekens. "
            "Maak het korter of stuur het in twee berichten.")


def bot_messages(rasa_output) -> list[dict]:
    """Rasa's REST output as `[{"text": ..., "buttons": [{"title", "payload"}]}]`: only what the
    widget shows, every value a string (the widget inserts them as text, never as HTML)."""
    messages = []
    for item in rasa_output if isinstance(rasa_output, list) else []:
        if not isinstance(item, dict):
            continue
        text = item.get("text") if isinstance(item.get("text"), str) else ""
        buttons = [{"title": str(b["title"]), "payload": str(b["payload"])}
                   for b in item.get("buttons") or [] if isinstance(b, dict) and b.get("title") and b.get("payload")]
        if text or buttons:
            messages.append({"text": text, "buttons": buttons})
    return messages


async def ask_rasa(client: aiohttp.ClientSession, rasa_url: str, sender: str, message: str) -> list[dict]:
    """Rasa's answer to one user message, or RasaUnavailable."""
    try:
        async with client.post(f"{rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                               timeout=RASA_TIMEOUT) as response:
            if response.status == 200:
                return bot_messages(await response.json(content_type=None))
            problem = f"status {response.status}"
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        problem = type(error).__name__
    log.warning("Rasa op %s antwoordt niet: %s", rasa_url, problem)
    raise RasaUnavailable(problem)


def unavailable_message(region: Region) -> str:
    """What the user reads when the assistant cannot answer: the region's central number."""
    return (f"De assistent kan nu even geen antwoord geven. Probeer het later opnieuw, of bel het "
            f"informatiepunt op {region.phone} of mail naar {region.email}.")
