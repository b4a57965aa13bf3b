"""The contact persons' inbox: log in, see your open tickets (a coordinator: all of the region),
open one, take it, add a note, close it, log out.

Who may see or change a ticket is decided by bot.tickets.service (list_tickets, may_handle and the
change functions), the same code the `cip` command uses. A ticket that is not yours answers 404
like a ticket that does not exist, so references cannot be probed. The pages need no JavaScript."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache, wraps
from pathlib import Path
from urllib.parse import quote

from sanic import Blueprint
from sanic.response import HTTPResponse, redirect

from bot.domain.language import LANGUAGE_NAMES
from bot.domain.user_text import clean
from bot.region import load_region
from bot.region.model import Contact, Region
from bot.storage.db import session
from bot.tickets.reference import PATTERN as REFERENCE
from bot.tickets.service import (
    EVENT_TEXT,
    STATUS_TEXT,
    THEME_TEXT,
    NotAllowed,
    add_note,
    close,
    find_ticket,
    is_overdue,
    list_tickets,
    may_handle,
    take,
)
from bot.web.accounts import AccountError, Attempt, log_in, set_password
from bot.web.csrf import FIELD, matches, new_token, signed
from bot.web.models import Account, LoginSession
from bot.web.sessions import current_session, end_session, start_session
from bot.web.templating import render

bp = Blueprint("inbox", url_prefix="/inbox")
bp.static("/static/inbox.css", str(Path(__file__).resolve().parent / "static" / "inbox.css"), name="css")

SESSION_COOKIE = "cip_inbox"
LOGIN_COOKIE = "cip_inbox_login"
NOTE_LIMIT = 4000
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DONE_TEXT = {
    "take": "Je hebt het ticket opgepakt.",
    "note": "Je notitie staat in de geschiedenis.",
    "close": "Het ticket is afgerond.",
}
ACTIONS = {
    "take": lambda db, ticket, actor, _note: take(db, ticket, actor),
    "note": lambda db, ticket, actor, note: add_note(db, ticket, actor, note),
    "close": lambda db, ticket, actor, note: close(db, ticket, actor, note.strip() or None),
}


@dataclass(frozen=True)
class User:
    contact: Contact
    login: LoginSession


@lru_cache(maxsize=1)
def _region() -> Region:
    """The region file, read once per server start (roles and names change with a restart)."""
    return load_region()


def _database(request):
    return session(request.app.ctx.settings.database_url)


@bp.middleware("response")
async def _protect(request, response: HTTPResponse) -> None:
    """No framing, no foreign scripts, no referrer with a ticket reference, and no copy of a page
    with personal data in a browser or proxy cache."""
    for name, value in SECURITY_HEADERS.items():
        response.headers[name] = value
    if not request.path.startswith("/inbox/static/"):
        response.headers["Cache-Control"] = "no-store"


def logged_in(handler):
    """Runs the handler in one database transaction with the logged-in contact person. Without a
    live session the browser goes to the log-in page; a POST without the session's CSRF token is
    refused before anything changes."""

    @wraps(handler)
    async def wrapper(request, **kwargs):
        with _database(request) as db:
            login = current_session(db, request.cookies.get(SESSION_COOKIE))
            contact = _region().contact(login.contact_id) if login else None
            if contact is None:
                return _to_login(request)
            user = User(contact, login)
            if request.method == "POST" and not matches(login.csrf_token, request.form.get(FIELD)):
                return _page(
                    "inbox/error.html",
                    user,
                    status=403,
                    title="Formulier verlopen",
                    message="Dit formulier is verlopen of komt niet van deze website. Ga terug naar de "
                    "inbox, laad de pagina opnieuw en probeer het nog een keer.",
                )
            # a one-time password (cip users from-region) is known to whoever handed it out: nothing
            # but choosing a new one (or logging out) until it is replaced
            if (
                handler.__name__ not in ("new_password_form", "new_password", "logout")
                and db.get(Account, login.contact_id).must_change_password
            ):
                return redirect("/inbox/wachtwoord", status=303)
            return handler(request, db, user, **kwargs)

    return wrapper


def _to_login(request) -> HTTPResponse:
    target = "/inbox/login"
    if request.method == "GET" and request.path.rstrip("/") != "/inbox":
        target += "?next=" + quote(request.path)
    return redirect(target, status=303)


def _page(template: str, user: User | None, status: int = 200, csrf: str = "", **context) -> HTTPResponse:
    """A page with what every inbox template uses: who is logged in, the CSRF token, the texts."""
    context = {"notice": None, "error": None, **context}
    return render(
        template,
        status=status,
        region=_region().name,
        user=user.contact if user else None,
        csrf=user.login.csrf_token if user else csrf,
        status_text=STATUS_TEXT,
        theme_text=THEME_TEXT,
        language_names=LANGUAGE_NAMES,
        event_text=EVENT_TEXT,
        overdue=is_overdue,
        name_of=_name_of,
        note_limit=NOTE_LIMIT,
        **context,
    )


def _name_of(actor: str) -> str:
    if actor == "assistent":
        return "de assistent"
    contact = _region().contact(actor)
    return contact.name if contact else actor


# --- log-in and log-out ------------------------------------------------------------------------


def _safe_next(target: str | None) -> str:
    """Only a page of the inbox itself, so the log-in form cannot send anyone to another site."""
    if target and target.startswith("/inbox/") and "//" not in target and "\\" not in target:
        return target
    return "/inbox/"


def _login_page(
    request, status: int = 200, error: str | None = None, notice: str | None = None, user_name: str = ""
) -> HTTPResponse:
    """The log-in form with a fresh CSRF pair: a random cookie and its HMAC in the form."""
    settings = request.app.ctx.settings
    nonce = new_token()
    target = request.form.get("next") if request.method == "POST" else request.args.get("next")
    response = _page(
        "inbox/login.html",
        None,
        status=status,
        csrf=signed(settings.secret, nonce),
        error=error,
        notice=notice,
        user_name=user_name,
        next=_safe_next(target),
    )
    _set_cookie(response, LOGIN_COOKIE, nonce, settings.secure_cookies)
    return response


def _set_cookie(response: HTTPResponse, name: str, value: str, secure: bool) -> None:
    """A cookie only for the inbox, unreadable for scripts, never sent along from another site."""
    response.cookies[name] = value
    cookie = response.cookies[name]
    cookie["path"] = "/inbox"
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["secure"] = secure
    if not value:
        cookie["max-age"] = 0


@bp.get("/login")
async def login_form(request) -> HTTPResponse:
    with _database(request) as db:
        if current_session(db, request.cookies.get(SESSION_COOKIE)) is not None:
            return redirect(_safe_next(request.args.get("next")), status=303)
    notice = (
        "Je wachtwoord is veranderd. Log in met je nieuwe wachtwoord."
        if request.args.get("nieuw")
        else "Je bent uitgelogd."
        if request.args.get("uitgelogd")
        else "Log in om verder te gaan."
        if request.args.get("next")
        else None
    )
    return _login_page(request, notice=notice)


@bp.post("/login")
async def login(request) -> HTTPResponse:
    settings = request.app.ctx.settings
    nonce = request.cookies.get(LOGIN_COOKIE)
    if not nonce or not matches(signed(settings.secret, nonce), request.form.get(FIELD)):
        return _login_page(
            request,
            status=403,
            error="Het inlogformulier was verlopen. Vul je gebruikersnaam en "
            "wachtwoord opnieuw in en klik op Inloggen.",
        )
    name = request.form.get("user_name", "")
    # Argon2 takes a tenth of a second on purpose: in a thread, so the chat on this server keeps going.
    attempt, token = await request.app.loop.run_in_executor(
        None, _log_in, settings.database_url, name, request.form.get("password", ""), settings.client_of(request)
    )
    if token is None:
        return _refused_login(request, attempt, name)
    response = redirect(_safe_next(request.form.get("next")), status=303)
    _set_cookie(response, SESSION_COOKIE, token, settings.secure_cookies)
    _set_cookie(response, LOGIN_COOKIE, "", settings.secure_cookies)
    return response


def _log_in(database_url: str | None, name: str, password: str, address: str) -> tuple[Attempt, str | None]:
    """The log-in attempt and, when it succeeded for a contact person of the region, a new session."""
    with session(database_url) as db:
        attempt = log_in(db, name, password, address=address)
        if attempt.contact_id is None or _region().contact(attempt.contact_id) is None:
            return attempt, None
        return attempt, start_session(db, attempt.contact_id)


def _refused_login(request, attempt: Attempt, name: str) -> HTTPResponse:
    if attempt.locked_for is not None:
        minutes = math.ceil(attempt.locked_for.total_seconds() / 60)
        wait = "1 minuut" if minutes == 1 else f"{minutes} minuten"
        response = _login_page(
            request,
            status=429,
            user_name=name,
            error=(
                f"Te vaak een verkeerd wachtwoord. Wacht {wait} en probeer het dan opnieuw. Wachtwoord vergeten? "
                f"Vraag de beheerder om een nieuw wachtwoord."
            ),
        )
        response.headers["Retry-After"] = str(math.ceil(attempt.locked_for.total_seconds()))
        return response
    if attempt.contact_id is not None:
        return _login_page(
            request,
            status=403,
            user_name=name,
            error=(
                "Je account hoort niet meer bij een contactpersoon in het regiobestand. Vraag de beheerder van het "
                "informatiepunt om je weer toe te voegen."
            ),
        )
    return _login_page(
        request,
        status=401,
        user_name=name,
        error=(
            "Je gebruikersnaam of wachtwoord klopt niet. Controleer ze en probeer het opnieuw. Let op: na een paar "
            "verkeerde pogingen moet je even wachten."
        ),
    )


@bp.post("/logout")
@logged_in
def logout(request, db, user: User) -> HTTPResponse:
    end_session(db, request.cookies.get(SESSION_COOKIE))
    response = redirect("/inbox/login?uitgelogd=1", status=303)
    _set_cookie(response, SESSION_COOKIE, "", request.app.ctx.settings.secure_cookies)
    return response


@bp.get("/wachtwoord")
@logged_in
def new_password_form(request, db, user: User) -> HTTPResponse:
    return _page(
        "inbox/password.html",
        user,
        notice="Je bent ingelogd met een eenmalig wachtwoord. Kies eerst een eigen wachtwoord.",
    )


@bp.post("/wachtwoord")
@logged_in
def new_password(request, db, user: User) -> HTTPResponse:
    password = request.form.get("password", "")
    if password != request.form.get("password_again", ""):
        return _page(
            "inbox/password.html", user, status=400, error="De twee wachtwoorden zijn niet gelijk. Typ ze opnieuw."
        )
    try:
        set_password(db, user.contact.id, password)  # also ends every session: log in with the new one
    except AccountError as error:
        return _page("inbox/password.html", user, status=400, error=f"Dat wachtwoord kan niet: {error}.")
    response = redirect("/inbox/login?nieuw=1", status=303)
    _set_cookie(response, SESSION_COOKIE, "", request.app.ctx.settings.secure_cookies)
    return response


# --- tickets ---------------------------------------------------------------------------------


@bp.get("/")
@logged_in
def inbox(request, db, user: User) -> HTTPResponse:
    closed = request.args.get("afgerond") == "1"
    tickets = list_tickets(db, user.contact, include_closed=closed)
    if user.contact.coordinator:
        heading = "Alle tickets in de regio" if closed else "Open tickets in de regio"
    else:
        heading = "Al jouw tickets" if closed else "Jouw open tickets"
    return _page(
        "inbox/list.html",
        user,
        tickets=tickets,
        closed=closed,
        heading=heading,
        late_count=sum(1 for t in tickets if is_overdue(t)),
    )


def _visible_ticket(db, user: User, reference: str):
    """The ticket of this reference if the user may see it; None for a malformed reference, an
    unknown one and one of someone else alike."""
    if not REFERENCE.fullmatch(reference):
        return None
    ticket = find_ticket(db, reference)
    return ticket if ticket is not None and may_handle(ticket, user.contact) else None


def _not_found(user: User) -> HTTPResponse:
    return _page(
        "inbox/error.html",
        user,
        status=404,
        title="Ticket niet gevonden",
        message=(
            "Er is geen ticket met deze referentie dat voor jou is. Controleer de referentie (zoals CIP‑2026‑000123) "
            "of zoek het ticket in je inbox."
        ),
    )


@bp.get("/tickets/<reference>")
@logged_in
def ticket_page(request, db, user: User, reference: str) -> HTTPResponse:
    ticket = _visible_ticket(db, user, reference)
    if ticket is None:
        return _not_found(user)
    return _page("inbox/ticket.html", user, t=ticket, notice=DONE_TEXT.get(request.args.get("gedaan")))


@bp.post("/tickets/<reference>/<action>")
@logged_in
def change_ticket(request, db, user: User, reference: str, action: str) -> HTTPResponse:
    """Take, note or close; then back to the ticket (303, so a reload does not post again)."""
    ticket = _visible_ticket(db, user, reference)
    if ticket is None or action not in ACTIONS:
        return _not_found(user)
    note = clean(request.form.get("note", ""))
    if len(note) > NOTE_LIMIT:
        return _ticket_error(
            user,
            ticket,
            400,
            f"Je notitie is langer dan {NOTE_LIMIT} tekens. Maak hem korter of verdeel hem over twee notities.",
        )
    try:
        ACTIONS[action](db, ticket, user.contact, note)
    except NotAllowed as refused:
        return _ticket_error(user, ticket, 409, f"Dat kan niet: {refused}. Je ziet hieronder hoe het ticket nu staat.")
    except ValueError:
        return _ticket_error(
            user,
            ticket,
            400,
            "Je notitie is leeg. Schrijf eerst iets in het vak Notitie en klik dan op Notitie toevoegen.",
        )
    return redirect(f"/inbox/tickets/{ticket.reference}?gedaan={action}", status=303)


def _ticket_error(user: User, ticket, status: int, error: str) -> HTTPResponse:
    return _page("inbox/ticket.html", user, status=status, t=ticket, error=error)
