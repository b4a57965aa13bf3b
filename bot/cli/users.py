"""`cip users ...`: the inbox accounts of the contact persons."""

from __future__ import annotations

import getpass
import sys

from bot.cli.common import CliError, session
from bot.region import load_region
from bot.tickets.clock import dutch, utcnow
from bot.web.accounts import (
    all_accounts,
    check_new_account,
    create_account,
    existing_account,
    locked_until,
    random_password,
    set_password,
)


def add_commands(commands) -> None:
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
                create_account(db, region, c.id, password, one_time=True)  # to be changed at the first log-in
                made.append((c, password))
    if not made:
        print("Iedereen uit het regiobestand heeft al een account.")
        return
    print(
        "Nieuwe accounts. Geef elk wachtwoord alleen aan de persoon zelf; het wordt nergens bewaard. "
        "Bij de eerste keer inloggen kiest ieder een eigen wachtwoord."
    )
    for c, password in made:
        print(f"{c.id:12} {password}   {c.name}")
    skipped = [c.id for c in region.contacts if c.id in existing]
    if skipped:
        print(f"Hadden al een account: {', '.join(skipped)}")
