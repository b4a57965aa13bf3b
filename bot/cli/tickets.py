"""`cip tickets ...` and `cip outbox send`: following up tickets, sending their notifications."""

from __future__ import annotations

from bot.cli.common import CliError, session, ticket_of
from bot.region import load_region
from bot.region.model import Region
from bot.tickets.clock import dutch
from bot.tickets.mailer import SmtpSettings, send_pending
from bot.tickets.service import (
    EVENT_TEXT,
    STATUS_TEXT,
    THEME_TEXT,
    NotAllowed,
    add_note,
    close,
    is_overdue,
    list_tickets,
    may_handle,
    take,
)


def add_commands(commands) -> None:
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
        command.add_argument("reference", help="referentie, bijvoorbeeld CIP-7K4M-Q9TX")
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
    tickets.add_parser(
        "remind", help="herinneringen voor tickets die niet zijn opgepakt (elk kwartier uit cron) en versturen"
    ).set_defaults(run=_remind)


def _actor(region: Region, actor_id: str):
    contact = region.contact(actor_id)
    if contact is None:
        raise CliError(f"onbekende contactpersoon {actor_id!r}; zie de id's met: cip contacts")
    return contact


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
        t = ticket_of(db, args.reference)
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
        ticket = ticket_of(db, args.reference)
        change(db, ticket, actor)
        print(f"{ticket.reference}: {STATUS_TEXT[ticket.status]}.")


def _take(args) -> None:
    _follow_up(args, take)


def _note(args) -> None:
    _follow_up(args, lambda db, ticket, actor: add_note(db, ticket, actor, args.text))


def _close(args) -> None:
    _follow_up(args, lambda db, ticket, actor: close(db, ticket, actor, args.note))


def _remind(_args) -> None:
    """Why cron and not the action server's outbox thread: that thread only wakes when a ticket is
    made, runs only where an action server runs and once per server; a timer job from cron runs
    also when no one chats, and the unique reminder rows make a second run harmless."""
    from bot.tickets.clock import utcnow
    from bot.tickets.reminders import send_reminders

    with session() as db:
        done = send_reminders(db, load_region(), utcnow())
    print(f"Herinneringen: {done.reminders}. Naar de coördinator: {done.escalations}.")
    _outbox_send(_args)


def _outbox_send(_args) -> None:
    settings = SmtpSettings.from_settings()
    with session() as db:
        sent, waiting = send_pending(db, settings)
    print(f"Verstuurd: {sent}. Nog wachtend: {waiting}.")
    if waiting and settings is None:
        raise CliError("CIP_SMTP_HOST is niet ingesteld; stel de SMTP-server in en probeer opnieuw")
