"""`cip`: the command line of contact persons and the region's maintainer.

    cip region check                 is the region file correct?
    cip region build                 check it and write domain/region.generated.yml for Rasa
    cip contacts                     who takes which questions, with their open tickets
    cip db upgrade                   bring the database to the newest schema
    cip tickets list --as ID [--all] your tickets, due first (a coordinator sees all)
    cip tickets show REF --as ID     one ticket with its history
    cip tickets take|close REF --as ID
    cip tickets note REF TEXT --as ID
    cip outbox send                  send notifications that are still waiting
    cip users list                   contact persons and their inbox accounts
    cip users create ID              an inbox account (asks the password twice, or --password-stdin)
    cip users set-password ID        a new password (also lifts a lock-out, logs out everywhere)
    cip users from-region            accounts for everyone in the region file, with printed passwords
    cip web [--host H] [--port P]    the web server: demo page with chat widget, and the inbox
    cip actions [--host H] [--port P]
                                     Rasa's action server, on 127.0.0.1 unless told otherwise
    cip retention run [--days N] [--ticket-days M] [--dry-run] [--endpoints FILE]
                                     delete old conversations, clean closed tickets (daily, README)
    cip erase --sender ID | --ticket REF [--endpoints FILE]
                                     remove a conversation and its tickets, or a ticket and its
                                     conversation

The CLI runs on the server, for people who may read the database; who is acting is given with
--as so that the history says who did what and the ticket rules (own tickets only) still hold."""

from __future__ import annotations

import argparse
import getpass
import sys
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from bot.action_server import DEFAULT_HOST, DEFAULT_PORT, HOST_VARIABLE, default_host, serve
from bot.db import database_url, session, upgrade
from bot.erasure import erase_sender, erase_ticket
from bot.region import RegionFileError, load_region
from bot.region.model import Region
from bot.region.rasa_domain import write_domain
from bot.retention import clean_closed_tickets, remove_old_conversations
from bot.retention_periods import (
    DAYS_VARIABLE,
    DEFAULT_DAYS,
    DEFAULT_TICKET_DAYS,
    TICKET_DAYS_VARIABLE,
    conversation_days,
    ticket_days,
)
from bot.tickets.clock import dutch, utcnow
from bot.tickets.mailer import SmtpSettings, send_pending
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
from bot.tracker_store import TrackerStoreError, tracker_engine
from bot.web.accounts import (
    all_accounts,
    check_new_account,
    create_account,
    existing_account,
    locked_until,
    random_password,
    set_password,
)


class CliError(Exception):
    """A message for the user of the CLI; the command exits with status 1."""


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        args.run(args)
    except (CliError, RegionFileError, NotAllowed, ValueError) as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 1
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cip", description="Centraal Informatiepunt Onderwijs-Jeugd")
    commands = parser.add_subparsers(required=True, metavar="opdracht")

    region = commands.add_parser("region", help="het regiobestand").add_subparsers(required=True, metavar="opdracht")
    check = region.add_parser("check", help="controleer het regiobestand")
    check.add_argument("--file", help="ander regiobestand dan region/region.yml")
    check.set_defaults(run=_region_check)
    region.add_parser("build", help="controleer het regiobestand en maak de Rasa-domeindelen").set_defaults(
        run=_region_build
    )

    commands.add_parser("contacts", help="contactpersonen en hun open tickets").set_defaults(run=_contacts)

    db = commands.add_parser("db", help="de database").add_subparsers(required=True, metavar="opdracht")
    db.add_parser("upgrade", help="database bijwerken naar het nieuwste schema").set_defaults(run=_db_upgrade)

    tickets = commands.add_parser("tickets", help="tickets bekijken en opvolgen").add_subparsers(
        required=True, metavar="opdracht"
    )
    listing = tickets.add_parser("list", help="jouw tickets, eerst de tickets die het eerst af moeten")
    listing.add_argument("--all", action="store_true", help="ook afgeronde tickets")
    for name, run, help_text in (
        ("show", _show, "een ticket met geschiedenis"),
        ("take", _take, "ticket oppakken"),
        ("note", _note, "notitie toevoegen"),
        ("close", _close, "ticket afronden"),
    ):
        command = tickets.add_parser(name, help=help_text)
        command.add_argument("reference", help="referentie, bijvoorbeeld CIP-2026-000123")
        if name == "note":
            command.add_argument("text", help="de notitie")
        if name == "close":
            command.add_argument("--note", help="afsluitende notitie")
        command.set_defaults(run=run)
    listing.set_defaults(run=_list)
    for command in (listing, *[tickets.choices[n] for n in ("show", "take", "note", "close")]):
        command.add_argument(
            "--as", dest="actor", required=True, metavar="ID", help="jouw id uit het regiobestand (zie: cip contacts)"
        )

    outbox = commands.add_parser("outbox", help="meldingen per e-mail").add_subparsers(
        required=True, metavar="opdracht"
    )
    outbox.add_parser("send", help="wachtende meldingen versturen").set_defaults(run=_outbox_send)

    users = commands.add_parser("users", help="accounts voor de inbox").add_subparsers(
        required=True, metavar="opdracht"
    )
    users.add_parser("list", help="contactpersonen en hun account").set_defaults(run=_users_list)
    for name, run, help_text in (
        ("create", _users_create, "account maken voor een contactpersoon"),
        ("set-password", _users_set_password, "nieuw wachtwoord instellen"),
    ):
        command = users.add_parser(name, help=help_text)
        command.add_argument("contact_id", metavar="ID", help="id van de contactpersoon (zie: cip contacts)")
        command.add_argument(
            "--password-stdin",
            action="store_true",
            help="lees het wachtwoord van standaardinvoer in plaats van het te vragen",
        )
        command.set_defaults(run=run)
    users.add_parser(
        "from-region", help="accounts voor alle contactpersonen uit het regiobestand, met een eenmalig wachtwoord"
    ).set_defaults(run=_users_from_region)

    retention = commands.add_parser("retention", help="bewaartermijnen").add_subparsers(
        required=True, metavar="opdracht"
    )
    run = retention.add_parser("run", help="oude gesprekken verwijderen en afgeronde tickets opschonen")
    run.add_argument(
        "--days",
        type=int,
        metavar="N",
        help=f"gesprekken waarvan het laatste bericht ouder is dan N dagen "
        f"(standaard {DAYS_VARIABLE} of {DEFAULT_DAYS})",
    )
    run.add_argument(
        "--ticket-days",
        type=int,
        metavar="M",
        help=f"tickets die langer dan M dagen zijn afgerond "
        f"(standaard {TICKET_DAYS_VARIABLE} of {DEFAULT_TICKET_DAYS})",
    )
    run.add_argument("--dry-run", action="store_true", help="alleen tellen, niets veranderen")
    run.set_defaults(run=_retention_run)
    erase = commands.add_parser("erase", help="alles over één gesprek of één ticket verwijderen")
    which = erase.add_mutually_exclusive_group(required=True)
    which.add_argument("--sender", metavar="ID", help="het gesprek (sender id) en de tickets die het maakte")
    which.add_argument("--ticket", metavar="REF", help="het ticket en het gesprek dat het maakte")
    erase.set_defaults(run=_erase)
    for command in (run, erase):
        command.add_argument(
            "--endpoints", metavar="FILE", help="endpoints.yml met de tracker store (standaard die van het project)"
        )

    web = commands.add_parser("web", help="webserver: demopagina met chat en de inbox voor contactpersonen")
    web.add_argument("--host", default="127.0.0.1", help="adres (standaard alleen deze computer)")
    web.add_argument("--port", type=int, default=8000)
    web.set_defaults(run=_web)

    actions = commands.add_parser("actions", help="action server voor Rasa (standaard alleen op deze computer)")
    actions.add_argument(
        "--host",
        default=default_host(),
        help=f"adres (standaard {HOST_VARIABLE} of {DEFAULT_HOST}: alleen deze computer)",
    )
    actions.add_argument("--port", type=int, default=DEFAULT_PORT)
    actions.set_defaults(run=lambda args: serve(args.host, args.port))
    return parser


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


def _db_upgrade(_args) -> None:
    upgrade()
    print(f"Database bijgewerkt: {_safe_url(database_url())}")


def _safe_url(url: str) -> str:
    """The URL without its password, for printing."""
    if "@" not in url:
        return url
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split(':', 1)[0]}:***@{rest.split('@', 1)[1]}"


def _actor(region: Region, actor_id: str):
    contact = region.contact(actor_id)
    if contact is None:
        raise CliError(f"onbekende contactpersoon {actor_id!r}; zie de id's met: cip contacts")
    return contact


def _ticket(db, reference: str):
    ticket = find_ticket(db, reference)
    if ticket is None:
        raise CliError(f"geen ticket met referentie {reference!r} (vorm: CIP-2026-000123)")
    return ticket


def _list(args) -> None:
    region = load_region()
    actor = _actor(region, args.actor)
    with session() as db:
        tickets = list_tickets(db, actor, include_closed=args.all)
        if not tickets:
            print("Geen tickets.")
        for t in tickets:
            flag = "TE LAAT " if is_overdue(t) else ""
            print(
                f"{flag}{t.reference}  {STATUS_TEXT[t.status]:30} vóór {dutch(t.due_at)}  {t.municipality}, "
                f"{THEME_TEXT.get(t.theme, t.theme)}  contactpersoon: {t.contact_id}"
            )


def _show(args) -> None:
    region = load_region()
    actor = _actor(region, args.actor)
    with session() as db:
        t = _ticket(db, args.reference)
        if not may_handle(t, actor):
            raise NotAllowed(f"{t.reference} is niet jouw ticket")
        owner = region.contact(t.contact_id)
        print(f"{t.reference} - {STATUS_TEXT[t.status]}{' - TE LAAT' if is_overdue(t) else ''}")
        print(f"Contact opnemen vóór: {dutch(t.due_at)}")
        print(f"Contactpersoon: {owner.name if owner else t.contact_id}")
        print(f"Gemeente: {t.municipality}   Onderwerp: {THEME_TEXT.get(t.theme, t.theme)}   Rol: {t.role}")
        print(f"Naam: {t.requester_name}   Bereikbaar via: {t.requester_contact}")
        print(f"Vraag: {t.question}")
        print(f"Samenvatting gesprek: {t.summary if t.consent else '(geen toestemming gegeven)'}")
        print("Geschiedenis:")
        for e in t.events:
            print(
                f"  {dutch(e.at)}  {EVENT_TEXT.get(e.kind, e.kind):11} door {e.actor}{': ' + e.note if e.note else ''}"
            )


def _follow_up(args, change) -> None:
    region = load_region()
    actor = _actor(region, args.actor)
    with session() as db:
        ticket = _ticket(db, args.reference)
        change(db, ticket, actor)
        print(f"{ticket.reference}: {STATUS_TEXT[ticket.status]}.")


def _take(args) -> None:
    _follow_up(args, take)


def _note(args) -> None:
    _follow_up(args, lambda db, ticket, actor: add_note(db, ticket, actor, args.text))


def _close(args) -> None:
    _follow_up(args, lambda db, ticket, actor: close(db, ticket, actor, args.note))


def _outbox_send(_args) -> None:
    settings = SmtpSettings.from_environment()
    with session() as db:
        sent, waiting = send_pending(db, settings)
    print(f"Verstuurd: {sent}. Nog wachtend: {waiting}.")
    if waiting and settings is None:
        raise CliError("CIP_SMTP_HOST is niet ingesteld; stel de SMTP-server in en probeer opnieuw")


def _new_password(args) -> str:
    """From standard input (for scripts), or asked twice without showing it."""
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Nieuw wachtwoord: ")
    if getpass.getpass("Nog een keer hetzelfde wachtwoord: ") != password:
        raise CliError("de twee wachtwoorden zijn niet gelijk; probeer het opnieuw")
    return password


def _users_create(args) -> None:
    region = load_region()
    with session() as db:  # first the checks, so nobody types a password in vain
        check_new_account(db, region, args.contact_id)
    password = _new_password(args)
    with session() as db:
        create_account(db, region, args.contact_id, password)
    print(
        f"Account gemaakt voor {region.contact(args.contact_id).name}; inloggen met gebruikersnaam "
        f"{args.contact_id} op /inbox/login."
    )


def _users_set_password(args) -> None:
    with session() as db:
        existing_account(db, args.contact_id)
    password = _new_password(args)
    with session() as db:
        set_password(db, args.contact_id, password)
    print(f"Nieuw wachtwoord ingesteld voor {args.contact_id}; overal uitgelogd.")


def _users_list(_args) -> None:
    region = load_region()
    with session() as db:
        accounts = all_accounts(db)
        locks = {c.id: locked_until(db, c.id) for c in region.contacts}
    now = utcnow()
    for c in region.contacts:
        account = accounts.get(c.id)
        state = (
            "geen account"
            if account is None
            else f"laatst ingelogd {dutch(account.last_login_at)}"
            if account.last_login_at
            else "nog nooit ingelogd"
        )
        if locks[c.id] is not None and locks[c.id] > now:
            state += f", geblokkeerd tot {dutch(locks[c.id])}"
        print(f"{c.id:12} {c.name} ({'coördinator' if c.coordinator else c.role}) - {state}")


def _users_from_region(_args) -> None:
    """One random password per new account, printed once and stored nowhere but as a hash."""
    region = load_region()
    made = []
    with session() as db:
        existing = all_accounts(db)
        for c in region.contacts:
            if c.id not in existing:
                password = random_password()
                create_account(db, region, c.id, password)
                made.append((c, password))
    if not made:
        print("Iedereen uit het regiobestand heeft al een account.")
        return
    print("Nieuwe accounts. Geef elk wachtwoord alleen aan de persoon zelf; het wordt nergens bewaard.")
    for c, password in made:
        print(f"{c.id:12} {password}   {c.name}")
    skipped = [c.id for c in region.contacts if c.id in existing]
    if skipped:
        print(f"Hadden al een account: {', '.join(skipped)}")


def _retention_run(args) -> None:
    days, closed_days = conversation_days(args.days), ticket_days(args.ticket_days)
    done = "gevonden (proefdraai, niets veranderd)" if args.dry_run else "verwijderd"
    with _databases(args) as (tracker, db):
        if tracker is None:
            print("Gesprekken: er is nog geen gesprek opgeslagen.")
        else:
            print(f"Gesprekken waarvan het laatste bericht ouder is dan {days} dagen:")
            conversations, events = remove_old_conversations(
                tracker, days, args.dry_run, lambda count, total: print(f"  {count} van {total}")
            )
            print(f"Gesprekken {done}: {conversations} ({events} gebeurtenissen).")
        cleaned = clean_closed_tickets(db, closed_days, args.dry_run)
    print(
        f"Tickets langer dan {closed_days} dagen afgerond, persoonsgegevens {done}: {cleaned.tickets} tickets, "
        f"{cleaned.notes} notities, {cleaned.mails} mails."
    )


def _erase(args) -> None:
    with _databases(args) as (tracker, db):
        if args.sender:
            erased = erase_sender(tracker, db, args.sender)
        else:
            erased = erase_ticket(tracker, db, _ticket(db, args.ticket))
    print(
        f"Verwijderd: {erased.conversations} gesprek(ken) ({erased.events} gebeurtenissen), "
        f"{erased.tickets} ticket(s) met {erased.history} regels geschiedenis en {erased.mails} mail(s)."
    )


@contextmanager
def _databases(args):
    """The tracker store of --endpoints (None: no conversations stored yet) and a ticket session."""
    try:
        tracker = tracker_engine(args.endpoints)
        try:
            with session() as db:
                yield tracker, db
        finally:
            if tracker is not None:
                tracker.dispose()
    except TrackerStoreError as error:
        raise CliError(str(error)) from error
    except SQLAlchemyError as error:
        raise CliError(f"database niet bereikbaar of fout: {type(error).__name__}") from error


def _web(args) -> None:
    from bot.web.app import create_app

    create_app().run(host=args.host, port=args.port, access_log=False)


if __name__ == "__main__":
    sys.exit(main())
