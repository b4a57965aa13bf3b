"""`cip region check|build` and `cip contacts`: the region file, the region's answers file and
who takes which questions."""

from __future__ import annotations

import sys

from bot.cli.common import session
from bot.region import load_region
from bot.region.answers import AnswersFileError, answers_path, domain_response_names, load_library
from bot.region.production import refuse_example_region
from bot.region.rasa_domain import write_domain
from bot.tickets.service import THEME_TEXT, list_tickets


def add_commands(commands) -> None:
    region = commands.add_parser("region", help="het regiobestand").add_subparsers(required=True, metavar="opdracht")
    check = region.add_parser("check", help="controleer het regiobestand")
    check.add_argument("--file", help="ander regiobestand dan region/region.yml")
    check.add_argument("--answers", help="ander antwoordenbestand dan region/answers.yml")
    check.set_defaults(run=_region_check)
    region.add_parser("build", help="controleer het regiobestand en maak de Rasa-domeindelen").set_defaults(
        run=_region_build
    )

    commands.add_parser("contacts", help="contactpersonen en hun open tickets").set_defaults(run=_contacts)


def _region_check(args) -> None:
    region = load_region(args.file)
    refuse_example_region(args.file)
    print(
        f"Regiobestand in orde: regio {region.name}, {len(region.municipalities)} gemeenten "
        f"({region.served_list()}), {len(region.contacts)} contactpersonen."
        + (" Dit is de voorbeeldregio: verzonnen gegevens staan er met (voorbeeld) bij." if region.example else "")
    )
    library = load_library(args.answers, domain_response_names(), region.municipality_names)
    print(f"Antwoordenbestand in orde ({args.answers or answers_path()}): {_summary(library)}.")


def _summary(library) -> str:
    changes = library.changes.values()
    texts = sum(change.text is not None for change in changes)
    local = sum(len(change.local) for change in changes)
    off = sum(change.off for change in changes)
    return f"{texts} eigen tekst(en), {local} lokale zin(nen), {off} antwoord(en) uit"


def _region_build(_args) -> None:
    region = load_region()
    refuse_example_region()
    path = write_domain(region)
    print(f"Regiobestand in orde; geschreven: {path}")
    try:
        load_library(None, domain_response_names(), region.municipality_names)
    except AnswersFileError as error:  # not fatal: the assistant keeps the previous answers
        print(
            f"Let op: {error}\nDe assistent gebruikt deze wijziging niet en geeft de vorige antwoorden.",
            file=sys.stderr,
        )


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
