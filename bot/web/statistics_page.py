"""The coordinator's statistics in the inbox: figures with filters and a period picker, server-drawn
SVG charts each beside its table, and the same figures as CSV (bot/statistics/).

Only a regional coordinator reaches it; a contact person gets the 404 of a page that does not
exist, as for a ticket that is not theirs. The figures are anonymous counts; small groups are
left out in bot/statistics/report.py, so the page can show whatever the filters ask."""

from __future__ import annotations

from sanic.response import HTTPResponse, text

from bot.statistics.charts import bars, columns
from bot.statistics.export import as_csv, lines, live_lines, median_text, tables
from bot.statistics.report import OUTCOME_TEXT
from bot.statistics.view import checked_filters, choices, dutch_today, gather, period_from
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


def _statistics(request):
    """The figures for the query string (van, tot, periode, gemeente, thema, onderwerp, rol)."""
    args = request.args
    filters = checked_filters(_region(), **{name: args.get(field) for field, name in FILTERS.items()})
    period = period_from(args.get("periode") or "week", args.get("van"), args.get("tot"), dutch_today())
    return period, filters


@bp.get("/statistieken")
@logged_in
def statistics_page(request, db, user: User) -> HTTPResponse:
    if not user.contact.coordinator:
        return _not_for_you(user)
    try:
        period, filters = _statistics(request)
    except ValueError as error:
        return _page("inbox/error.html", user, status=400, title="Filter klopt niet", message=f"{error}.")
    figures = gather(db, period, filters, utcnow())
    report = figures.report
    over_time = [(label, row.get("conversation")) for label, row in report.over_time.rows.items()]
    themes = report.tables[0]
    shares = [(label, report.on_time_share(label)) for label in report.tickets_over_time.rows]
    return _page(
        "inbox/statistics.html",
        user,
        report=report,
        live=figures.live,
        choices=choices(_region()),
        args=request.args,
        query=request.query_string,
        outcome_text=OUTCOME_TEXT,
        lines=lines,
        live_lines=list(live_lines(figures.live, _name_of)),
        median=median_text(figures.live),
        other_tables=tables(report)[2:-1],
        themes=themes,
        volume_chart=columns(
            "chart-volume",
            [(label, figure.value if figure else 0, str(figure) if figure else "0") for label, figure in over_time],
        ),
        theme_chart=bars(
            "chart-themes",
            [(label, row["answered"].value, str(row["answered"])) for label, row in themes.rows.items()],
        ),
        share_chart=columns(
            "chart-share",
            [(label, share or 0, "–" if share is None else f"{share}%") for label, share in shares],
        ),
        share_rows=[
            header + ["Deel op tijd"]
            if index == 0
            else header + ["–" if shares[index - 1][1] is None else f"{shares[index - 1][1]}%"]
            for index, header in enumerate(lines(report.tickets_over_time))
        ],
    )


@bp.get("/statistieken.csv")
@logged_in
def statistics_csv(request, db, user: User) -> HTTPResponse:
    if not user.contact.coordinator:
        return _not_for_you(user)
    try:
        period, filters = _statistics(request)
    except ValueError as error:
        return text(f"Filter klopt niet: {error}.", status=400)
    figures = gather(db, period, filters, utcnow())
    name = f"statistieken-{period.first.isoformat()}-{period.end.isoformat()}.csv"
    return text(
        as_csv(figures.report, figures.live, _name_of),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
