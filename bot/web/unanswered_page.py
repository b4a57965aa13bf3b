"""The page of the questions still without an answer, in the inbox, for the coordinator only.

Groups of similar de-identified questions of the last 28 days with a count each, largest first, so
that the coordinator (the region's maintainer of the answers) sees what to add next, and a button
per group to mark it handled. A contact person who is no coordinator gets 404, as for a ticket
that is not theirs. Log-in, CSRF and the transaction come from the inbox's `logged_in`."""

from __future__ import annotations

from sanic.response import HTTPResponse, redirect

from bot.tickets.clock import utcnow
from bot.unanswered.models import CLARIFIED
from bot.unanswered.store import KEEP_DAYS, mark_handled, open_groups
from bot.web.inbox import User, _page, bp, logged_in

EXAMPLES = 3
PAGE = "/inbox/onbeantwoord"


def _refused(user: User) -> HTTPResponse:
    return _page(
        "inbox/error.html",
        user,
        status=404,
        title="Pagina niet gevonden",
        message="Deze pagina bestaat niet of is niet voor jou. Ga terug naar je inbox.",
    )


@bp.get("/onbeantwoord")
@logged_in
def unanswered(request, db, user: User) -> HTTPResponse:
    if not user.contact.coordinator:
        return _refused(user)
    groups = open_groups(db, utcnow())
    return _page(
        "inbox/unanswered.html",
        user,
        groups=groups,
        examples=EXAMPLES,
        keep_days=KEEP_DAYS,
        clarified=CLARIFIED,
        notice="De groep staat op afgehandeld." if request.args.get("gedaan") else None,
    )


@bp.post("/onbeantwoord/afgehandeld")
@logged_in
def handled(request, db, user: User) -> HTTPResponse:
    if not user.contact.coordinator:
        return _refused(user)
    ids = [int(i) for i in request.form.get("ids", "").split(",") if i.strip().isdigit()]
    mark_handled(db, ids, utcnow())
    return redirect(f"{PAGE}?gedaan=1", status=303)
