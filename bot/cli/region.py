"""`cip region check|build` and `cip contacts`: the region file and who takes which questions."""

from __future__ import annotations

from bot.cli.common import session
from bot.region import load_region
from bot.region.rasa_domain import write_domain
from bot.tickets.service import THEME_TEXT, list_tickets


def add_commands(commands) -> None:
    region = commands.add_parser("region", help="het regiobestand").add_subparsers(required=True, metavar="opdracht")
    check = region.add_parser("check", help="controleer het regiobestand")
    check.add_argument("--file", help="ander regiobestand dan region/region.yml")
    check.set_defaults(run=_region_check)
    region.add_parser("build", help="controleer het regiobestand en maak de Rasa-domeindelen").set_defaults(
        run=_region_build
    )

    commands.add_parser("contacts", help="contactpersonen en hun open tickets").set_defaults(run=_contacts)


def _region_check(args) -> None:
    region = load_region(args.file)
    print(
        f"Regiobestand in orde: regio {region.name}, {len(region.municipalities)} gemeenten "
        f"({region.served_list()}), {len(region.contacts)} contactpersonen."
    )


def _region_build(_args) -> None:
    path = write_domain(load_region())
    print(f"Regiobestand in orde; geschreven: {path}")


def _contacts(_args) -> None:
    region = load_region()
    with session() as db:
        counts = {}
        for ticket in list_tickets(db):
            counts[ticket.contact_id] = counts.get(ticket.contact_id, 0) + 1
    for c in region.contacts:
        themes = ", ".join(THEME_TEXT[t] for t in c.themes)
        print(
            f"{c.id:12} {c.name} ({c.role}) - {', '.join(c.municipalities)} - {themes} - "
            f"open tickets: {counts.get(c.id, 0)}"
        )
