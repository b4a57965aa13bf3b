"""`cip retention run` and `cip erase`: old conversations and tickets, and erasure on request.

These read Rasa's events table; Rasa (through the tracker store's module) is imported only when one of them runs."""

from __future__ import annotations

from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from bot.cli.common import CliError, session, ticket_of
from bot.privacy.retention_periods import (
    DAYS_VARIABLE,
    DEFAULT_DAYS,
    DEFAULT_TICKET_DAYS,
    TICKET_DAYS_VARIABLE,
    UNANSWERED_DAYS,
    conversation_days,
    ticket_days,
)


def add_commands(commands) -> None:
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


def _retention_run(args) -> None:
    from bot.privacy.retention import clean_closed_tickets, forget_client_keys, remove_old_conversations
    from bot.tickets.service import CLIENT_KEY_DAYS

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
        keys = forget_client_keys(db, args.dry_run)
        unanswered = _purge_unanswered(db, days, args.dry_run)
    print(f"Onbeantwoorde vragen ouder dan {min(days, UNANSWERED_DAYS)} dagen {done}: {unanswered}.")
    print(
        f"Tickets langer dan {closed_days} dagen afgerond, persoonsgegevens {done}: {cleaned.tickets} tickets, "
        f"{cleaned.notes} notities, {cleaned.mails} mails."
    )
    print(f"Versleutelde adressen van tickets ouder dan {CLIENT_KEY_DAYS} dagen {done}: {keys}.")


def _purge_unanswered(db, days: int, dry_run: bool) -> int:
    from bot.tickets.clock import utcnow
    from bot.unanswered.store import purge

    if not dry_run:
        return purge(db, utcnow(), days)
    with db.begin_nested() as trial:
        counted = purge(db, utcnow(), days)
        trial.rollback()
    return counted


def _erase(args) -> None:
    from bot.privacy.erasure import erase_sender, erase_ticket

    with _databases(args) as (tracker, db):
        if args.sender:
            erased = erase_sender(tracker, db, args.sender)
        else:
            erased = erase_ticket(tracker, db, ticket_of(db, args.ticket))
    print(
        f"Verwijderd: {erased.conversations} gesprek(ken) ({erased.events} gebeurtenissen), "
        f"{erased.tickets} ticket(s) met {erased.history} regels geschiedenis en {erased.mails} mail(s)."
    )


@contextmanager
def _databases(args):
    """The tracker store of --endpoints (None: no conversations stored yet) and a ticket session."""
    from bot.rasa_plugins.tracker_store import TrackerStoreError, tracker_engine

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
