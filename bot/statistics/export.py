"""The report as CSV (the inbox's download and `cip stats --csv`) and as plain text tables for the
terminal: the same figures, "< 5" included, with Dutch headers."""

from __future__ import annotations

import csv
import io
from typing import Iterator

from bot.statistics.live_tickets import LiveTickets
from bot.statistics.report import OUTCOME_TEXT, Report, Table


def tables(report: Report) -> list[Table]:
    """Every table of the report, in the order shown."""
    return [report.over_time, *report.tables, report.tickets_over_time]


def lines(table: Table) -> Iterator[list[str]]:
    """The header and then one line per row of a table."""
    yield [table.dimension, *(OUTCOME_TEXT[o] for o in table.outcomes)]
    for label in table.rows:
        yield [label, *(str(table.figure(label, o)) for o in table.outcomes)]


def live_lines(live: LiveTickets, name_of) -> Iterator[list[str]]:
    yield ["Contactpersoon", "Open tickets", "Te laat"]
    for load in live.workload:
        yield [name_of(load.contact_id), str(load.open), str(load.overdue)]
    yield ["Totaal", str(live.open), str(live.overdue)]


def median_text(live: LiveTickets) -> str:
    if live.median_hours is None:
        return "< 5 tickets opgepakt"
    return f"{live.median_hours:.1f} uur".replace(".", ",")


def as_csv(report: Report, live: LiveTickets, name_of) -> str:
    """One CSV (separator ';', as Dutch spreadsheet programs expect) with a block per table: the
    table's title in the first column, then its header and lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["Statistieken Centraal Informatiepunt", report.period.text()])
    writer.writerow(["Groepen van minder dan 5 gesprekken zijn weggelaten; alleen zulke groepen: < 5"])
    for table in tables(report):
        writer.writerow([])
        writer.writerow([table.title])
        writer.writerows(lines(table))
    writer.writerow([])
    writer.writerow(["Tickets nu"])
    writer.writerows(live_lines(live, name_of))
    writer.writerow(["Mediaan tijd tot opgepakt", median_text(live)])
    return out.getvalue()


def as_text(report: Report, live: LiveTickets, name_of) -> str:
    """Aligned tables for the terminal."""
    blocks = [f"Statistieken {report.period.text()} (groepen van minder dan 5 gesprekken weggelaten)"]
    for title, rows in [(t.title, list(lines(t))) for t in tables(report)] + [
        ("Tickets nu", list(live_lines(live, name_of)))
    ]:
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        body = [
            "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
            for row in rows
        ]
        blocks.append("\n".join([title, *body]))
    blocks.append(f"Mediaan tijd tot opgepakt: {median_text(live)}")
    return "\n\n".join(blocks) + "\n"
