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
    cip tickets remind               reminders for tickets not taken after 24 / 40 working hours (cron)
    cip stats [--from D] [--to D] [--period week|month] [--gemeente G] [--theme T] [--topic K] [--role R] [--csv]
                                     the coordinator's anonymous statistics
    cip users list                   contact persons and their inbox accounts
    cip users create ID              an inbox account (asks the password twice, or --password-stdin)
    cip users set-password ID        a new password (also lifts a lock-out, logs out everywhere)
    cip users from-region            accounts for everyone in the region file, with printed passwords
    cip web [--host H] [--port P]    the web server: demo page with chat widget, and the inbox
    cip actions [--host H] [--port P]
                                     Rasa's action server, on 127.0.0.1 unless told otherwise
    cip retention run [--days N] [--ticket-days M] [--dry-run] [--endpoints FILE]
                                     delete old conversations, clean closed tickets (daily, docs/security-privacy.md)
    cip erase --sender ID | --ticket REF [--endpoints FILE]
                                     remove a conversation and its tickets, or a ticket and its
                                     conversation

The CLI runs on the server, for people who may read the database; who is acting is given with
--as so that the history says who did what and the ticket rules (own tickets only) still hold."""

from __future__ import annotations

import argparse
import sys

from bot import PROJECT_ROOT
from bot.cli import db, privacy, region, servers, stats, tickets, users
from bot.cli.common import CliError
from bot.region import RegionFileError
from bot.storage.private_files import private_process, private_var
from bot.tickets.service import NotAllowed


def main(argv: list[str] | None = None) -> int:
    private_process()  # tickets, conversations, secrets: every file a command makes is the owner's only
    private_var(PROJECT_ROOT)
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

    for group in (region, db, tickets, stats, users, privacy, servers):  # the order of `cip --help`
        group.add_commands(commands)
    return parser


if __name__ == "__main__":
    sys.exit(main())
