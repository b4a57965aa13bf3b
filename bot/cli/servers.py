"""`cip web` and `cip actions`: the web server and Rasa's action server."""

from __future__ import annotations

from bot.rasa_plugins.action_server import DEFAULT_HOST, DEFAULT_PORT, HOST_VARIABLE, default_host, serve
from bot.region.production import refuse_example_region


def add_commands(commands) -> None:
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
    actions.set_defaults(run=_actions)


def _actions(args) -> None:
    refuse_example_region()  # production mode: not with the example region's made-up people
    serve(args.host, args.port)


def _web(args) -> None:
    from bot.web.app import create_app

    refuse_example_region()
    create_app().run(host=args.host, port=args.port, access_log=False)
