"""The coordinator's statistics in the inbox: figures with filters and a period picker, server-drawn
SVG charts each beside its table, and the same figures as CSV (bot/statistics/).

Only a regional coordinator reaches it; a contact person gets the 404 of a page that does not
exist, as for a ticket that is not theirs. The figures are anonymous counts; small groups are
left out in bot/statistics/report.py, so the page can show whatever the filters ask."""

from __future__ import annotations

from functools import wraps

from sanic.response import HTTPResponse, text

from bot.statistics.charts import bars, columns
from bot.statistics.export import as_csv, lines, live_lines, median_text, tables
from bot.statistics.view import Statistics, checked_filters, choices, dutch_today, gather, period_from
from bot.tickets.clock import utcnow
from bot.web.inbox import User, _name_of, _page, _region, bp, logged_in

FILTERS = {"gemeente": "municipality", "thema": "theme", "onderwerp": "topic", "rol": "role"}


def _not_for_you(user: User) -> HTTPResponse:
    return _page(
        "inbox/error.html",
        user,
        status=404,
        title="Pagina niet gevonden",
        message="Deze pagina bestaat niet of is niet voor jou. Je tickets vind je in je inbox.",
    )


def for_the_coordinator(handler):
    """The handler gets the figures of the query string (van, tot, periode, gemeente, thema,
    onderwerp, rol), for a coordinator only; a wrong value is a page that says which are allowed."""

    @wraps(handler)
    def wrapper(request, db, user: User) -> HTTPResponse:
        if not user.contact.coordinator:
            return _not_for_you(user)
        args = request.args
        try:
            filters = checked_filters(_region(), **{name: args.get(field) for field, name in FILTERS.items()})
            period = period_from(args.get("periode") or "week", args.get("van"), args.get("tot"), dutch_today())
        except ValueError as error:
            return _page("inbox/error.html", user, status=400, title="Filter klopt niet", message=f"{error}.")
        return handler(request, user, gather(db, period, filters, utcnow()))

    return wrapper


@bp.get("/statistieken")
@logged_in
@for_the_coordinator
def statistics_page(request, user: User, figures: Statistics) -> HTTPResponse:
    report = figures.report
    themes = report.tables[0]
    shares = [(label, report.on_time_share(label)) for label in report.tickets_over_time.rows]
    share_texts = ["–" if share is None else f"{share}%" for _, share in shares]
    ticket_lines = list(lines(report.tickets_over_time))
    return _page(
        "inbox/statistics.html",
        user,
        report=report,
        choices=choices(_region()),
        args=request.args,
        query=request.query_string,
        lines=lines,
        live_lines=list(live_lines(figures.live, _name_of)),
        median=median_text(figures.live),
        other_tables=tables(report)[2:-1],
        themes=themes,
        volume_chart=columns(
            "chart-volume",
            [
                (label, row["conversation"].value, str(row["conversation"]))
                for label, row in report.over_time.rows.items()
            ],
        ),
        theme_chart=bars(
            "chart-themes",
            [(label, row["answered"].value, str(row["answered"])) for label, row in themes.rows.items()],
        ),
        share_chart=columns(
            "chart-share", [(label, share or 0, text) for (label, share), text in zip(shares, share_texts)]
        ),
        share_rows=[ticket_lines[0] + ["Deel op tijd"]]
        + [line + [text] for line, text in zip(ticket_lines[1:], share_texts)],
    )


@bp.get("/statistieken.csv")
@logged_in
@for_the_coordinator
def statistics_csv(request, user: User, figures: Statistics) -> HTTPResponse:
    period = figures.report.period
    name = f"statistieken-{period.first.isoformat()}-{period.end.isoformat()}.csv"
    return text(
        as_csv(figures.report, figures.live, _name_of),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
