"""The demo page of a (fictional) municipal website with the chat widget, the widget's files, and
`POST /chat`, the one endpoint the widget talks to.

The widget posts to this server instead of to Rasa: the browser then needs only the site's own
origin (Rasa's port stays on loopback), and this is where the widget's Origin header is checked,
the message and the body get the checks of every way in (bot/domain/chat_message.py), and the user gets
the region's central number when Rasa is down. Pages of the other origins in CIP_WEB_ORIGINS may post to /chat too (CORS for those origins
only), e.g. a municipal website that serves its own copy of chat.js with data-endpoint set to this
server's /chat (and the data-phone, data-email and data-retention-days of the demo page, which the
widget's privacy notice shows).
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
from sanic import Blueprint
from sanic.exceptions import NotFound
from sanic.response import HTTPResponse, empty, file, json

from bot.domain.chat_message import MAX_MESSAGE_CHARS, ChatRequestError, unavailable_message
from bot.region import load_region
from bot.web.chat_relay import RasaUnavailable, ask_rasa, read_chat_request
from bot.web.templating import render

HERE = Path(__file__).parent
FOREIGN_ORIGIN = "Deze website mag de chat van het informatiepunt niet gebruiken."
# The demo page runs no inline code: a slip in the widget cannot turn into running injected script.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}

# Only these files, by name: a path can then never lead outside the folder (no "..", no encoded
# slashes, no NUL byte), and a name that is not here is a plain 404, also "/static/" itself.
STATIC_FILES = {path.name: path for path in (HERE / "static").iterdir() if path.suffix in (".css", ".js")}
STATIC_TYPES = {".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8"}

bp = Blueprint("site")


@bp.route("/static/<name>", methods=["GET", "HEAD"])
async def static_file(request, name: str) -> HTTPResponse:
    path = STATIC_FILES.get(name)
    if path is None:
        raise NotFound("no such file")
    return await file(path, mime_type=STATIC_TYPES[path.suffix], headers={"X-Content-Type-Options": "nosniff"})


@bp.listener("before_server_start")
async def _start(app, _loop) -> None:
    app.ctx.site_region = load_region()
    app.ctx.rasa_client = aiohttp.ClientSession()


@bp.listener("after_server_stop")
async def _stop(app, _loop) -> None:
    await app.ctx.rasa_client.close()


@bp.get("/")
async def demo_page(request) -> HTTPResponse:
    page = render(
        "site/demo.html",
        region=request.app.ctx.site_region,
        max_chars=MAX_MESSAGE_CHARS,
        retention_days=request.app.ctx.settings.retention_days,
        keeps_unanswered=request.app.ctx.settings.keeps_unanswered,
    )
    page.headers.update(PAGE_HEADERS)
    return page


@bp.post("/chat")
async def chat(request) -> HTTPResponse:
    """`{"sender": id, "message": text}` -> `{"messages": [...]}`, or `{"error": Dutch text}`."""
    cors = _cors_headers(request)
    if cors is None:
        return json({"error": FOREIGN_ORIGIN}, status=403)
    try:
        sender, message = read_chat_request(request.body)
    except ChatRequestError as error:
        return json({"error": error.message}, status=error.status, headers=cors)
    try:
        settings = request.app.ctx.settings
        messages = await ask_rasa(
            request.app.ctx.rasa_client, settings.rasa_url, sender, message, settings.client_of(request)
        )
    except RasaUnavailable:
        text = unavailable_message(request.app.ctx.site_region)
        return json({"messages": [{"text": text, "buttons": []}]}, status=503, headers=cors)
    return json({"messages": messages}, headers=cors)


@bp.options("/chat")
async def chat_preflight(request) -> HTTPResponse:
    """The browser's CORS check before a page of another allowed origin posts to /chat."""
    cors = _cors_headers(request)
    if cors is None:
        return json({"error": FOREIGN_ORIGIN}, status=403)
    return empty(
        headers={
            **cors,
            "Access-Control-Allow-Methods": "POST",
            "Access-Control-Allow-Headers": "Content-Type",
            "Access-Control-Max-Age": "600",
        }
    )


def _cors_headers(request) -> dict | None:
    """CORS headers for a request from an allowed origin; None for any other (or no) origin.
    Browsers send Origin with every POST, also on the same site, so a missing one is refused too."""
    origin = (request.headers.get("origin") or "").rstrip("/")
    if origin not in request.app.ctx.settings.allowed_origins:
        return None
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"}
