"""`cip stats`: the coordinator's statistics in the terminal or as CSV (bot/statistics/)."""

from __future__ import annotations

import sys

from bot.cli.common import session
from bot.region import load_region
from bot.statistics.export import as_csv, as_text
from bot.statistics.view import checked_filters, dutch_today, gather, period_from
from bot.tickets.clock import utcnow


def add_commands(commands) -> None:
    stats = commands.add_parser(
        "stats", help="anonieme statistieken: gesprekken, antwoorden, doorverwijzingen, tickets"
    )
    stats.add_argument("--from", dest="start", metavar="JJJJ-MM-DD", help="vanaf (hele weken of maanden)")
    stats.add_argument("--to", dest="end", metavar="JJJJ-MM-DD", help="tot en met (standaard: vandaag)")
    stats.add_argument("--period", choices=("week", "month"), default="week", help="per week of per maand")
    stats.add_argument("--gemeente", help="alleen deze gemeente")
    stats.add_argument("--theme", choices=("route", "privacy", "absence"), help="alleen dit thema")
    stats.add_argument("--topic", help="alleen dit onderwerp (antwoord, bijvoorbeeld absence/holiday_leave)")
    stats.add_argument("--role", help="alleen deze rol (ouder, leerkracht, intern_begeleider, ...)")
    stats.add_argument("--csv", action="store_true", help="als CSV (scheidingsteken ;)")
    stats.set_defaults(run=_stats)


def _stats(args) -> None:
    region = load_region()
    filters = checked_filters(region, municipality=args.gemeente, theme=args.theme, topic=args.topic, role=args.role)
    period = period_from(args.period, args.start, args.end, dutch_today())
    with session() as db:
        figures = gather(db, period, filters, utcnow())

    def name_of(contact_id: str) -> str:
        contact = region.contact(contact_id)
        return contact.name if contact else contact_id

    output = as_csv if args.csv else as_text
    sys.stdout.write(output(figures.report, figures.live, name_of))
