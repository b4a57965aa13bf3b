"""Dutch answers for every request the web server cannot handle, instead of Sanic's English error
pages with a traceback-like title.

A visitor who mistypes an address, a browser that sends something odd or someone trying paths
gets one short Dutch page (or, on /chat, the widget's JSON error) that says what to do, with the
same security headers as the other pages, and never a detail of the error. The log gets the
route and the error type with the code lines, but never the error's message or the URL's query:
both can hold what a user typed."""

from __future__ import annotations

import logging
import traceback

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.response import HTTPResponse, json

from bot.web.templating import render

log = logging.getLogger(__name__)

TEXTS = {
    400: ("Verzoek niet begrepen", "De server begreep dit verzoek niet. Ga terug en probeer het opnieuw."),
    403: ("Geen toegang", "Je hebt geen toegang tot deze pagina."),
    404: ("Pagina niet gevonden", "Deze pagina bestaat niet. Controleer het adres of ga naar de startpagina."),
    405: ("Verzoek niet begrepen", "Deze pagina kan dit verzoek niet verwerken. Ga terug en probeer het opnieuw."),
    413: ("Te groot", "Wat je stuurde is te groot. Maak het korter en probeer het opnieuw."),
    500: ("Er ging iets mis", "Er ging bij ons iets mis. Probeer het later opnieuw."),
}
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}
JSON_PATHS = ("/chat",)  # the widget reads {"error": text}, never a page


def install(app: Sanic) -> None:
    app.error_handler.add(Exception, answer)


def answer(request, error: Exception) -> HTTPResponse:
    status = _status(error)
    if status >= 500:
        route = getattr(request, "name", None) or "geen route"
        log.error(
            "Fout bij %s (%s): %s\n%s",
            getattr(request, "method", "?"),
            route,
            type(error).__name__,
            "".join(traceback.format_tb(error.__traceback__)).rstrip(),
        )
    title, message = TEXTS.get(status) or TEXTS[500 if status >= 500 else 400]
    headers = {**HEADERS, **(getattr(error, "headers", None) or {})}
    if getattr(request, "path", "") in JSON_PATHS:
        return json({"error": message}, status=status, headers=headers)
    page = render("error.html", status=status, title=title, message=message)
    page.headers.update(headers)
    return page


def _status(error: Exception) -> int:
    if isinstance(error, SanicException):
        return error.status_code
    if isinstance(error, UnicodeError):  # a path or header that is not UTF-8
        return 400
    return 500
