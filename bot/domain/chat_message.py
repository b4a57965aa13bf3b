"""What a chat message must be before the assistant sees it, and what the user reads when it is
refused or cannot be answered, on every way in: the web server's
`POST /chat` (bot/web/chat_relay.py) and Rasa's REST and socket.io channels (bot/rasa_plugins/channels/), which
clients on the network can reach without the web server. One set of limits and one set of Dutch
answers, so that a message refused on one way in is not taken on another. Plain functions, without
Sanic or Rasa, so each entry point answers in its own format."""

from __future__ import annotations

import json

from bot.domain.user_text import clean
from bot.region.model import Region

MAX_MESSAGE_CHARS = 1000
MAX_BODY_BYTES = 16_000  # a 1000-character message fits easily, also as JSON escapes
# Sanic's own limit on the Rasa server (SANIC_REQUEST_MAX_SIZE, set where the project starts it):
# by default Sanic reads bodies of up to 100 MB into memory before the channels' check refuses them;
# above this it answers 413 itself. The margin over MAX_BODY_BYTES leaves room for socket.io's
# long-polling requests, which carry a message with its session id and metadata.
RASA_SERVER_MAX_BODY_BYTES = 64_000
INVALID_SENDER = "Dit gesprek heeft geen geldige code. Laad de pagina opnieuw en probeer het nog eens."
NOT_ARRIVED = "Je bericht is niet goed aangekomen. Probeer het opnieuw."
# Metadata a socket.io client may send with a message (Rasa stores it with the message in the
# tracker): a widget sends a few keys; 900 kB was stored as a 1.8 MB row before this limit
MAX_METADATA_BYTES = 2_000


class ChatRequestError(Exception):
    """A request or message the assistant does not take; `message` is Dutch, for the user, and
    `status` the HTTP status for the ways in that answer over HTTP."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message, self.status = message, status


def read_json_object(body: bytes) -> dict:
    """The JSON object a request body of at most MAX_BODY_BYTES holds."""
    if len(body) > MAX_BODY_BYTES:
        raise ChatRequestError(_too_long(), 413)
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, not UTF-8 (a ValueError too), or nested too deep
        data = None
    if not isinstance(data, dict):
        raise ChatRequestError(NOT_ARRIVED)
    return data


def checked_metadata(value) -> dict:
    """The metadata of a message: nothing, a JSON object, or its JSON text, of at most
    MAX_METADATA_BYTES as JSON. Text that is not JSON (Rasa's channel raised JSONDecodeError and
    the user got no answer), a list or a number is refused with the Dutch reason."""
    if value is None:
        return {}
    if isinstance(value, str):
        if len(value) > MAX_METADATA_BYTES:
            raise ChatRequestError(_metadata_too_large(), 413)
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            raise ChatRequestError(NOT_ARRIVED) from None
    if not isinstance(value, dict):
        raise ChatRequestError(NOT_ARRIVED)
    try:
        size = len(json.dumps(value).encode("utf-8"))
    except (ValueError, TypeError, RecursionError):
        raise ChatRequestError(NOT_ARRIVED) from None
    if size > MAX_METADATA_BYTES:
        raise ChatRequestError(_metadata_too_large(), 413)
    return value


def _metadata_too_large() -> str:
    return "Je bericht kwam met te veel extra gegevens aan. Laad de pagina opnieuw en probeer het nog eens."


def checked_message(value) -> str:
    """The message cleaned (bot.domain.user_text) before it is checked and passed on, so Rasa and its
    tracker store get the text the user sees and never a character the database refuses."""
    message = clean(value) if isinstance(value, str) else ""
    if not message:  # also a message of only spaces, zero-width or control characters
        raise ChatRequestError("Je bericht is leeg. Typ eerst je vraag.")
    if len(message) > MAX_MESSAGE_CHARS:
        raise ChatRequestError(_too_long(), 413)
    return message


def _too_long() -> str:
    return (
        f"Je bericht is te lang: maximaal {MAX_MESSAGE_CHARS} tekens. Maak het korter of stuur het in twee berichten."
    )


def unavailable_message(region: Region) -> str:
    """What the user reads when the assistant cannot answer: the region's central number."""
    return (
        f"De assistent kan nu even geen antwoord geven. Probeer het later opnieuw, of bel het "
        f"informatiepunt op {region.shown(region.phone)} of mail naar {region.shown(region.email)}."
    )
