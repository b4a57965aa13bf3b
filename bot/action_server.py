"""`cip actions`: Rasa's action server, listening on 127.0.0.1 unless told otherwise.

rasa-sdk 3.6 has no option for the address: `rasa run actions` listens on the address in the
environment variable SANIC_HOST and on 0.0.0.0 (every network interface) without it. The action
server takes any request without a token, so anyone who can reach the port could run the custom
actions in a user's name, e.g. create tickets. This entry point sets the address explicitly
(loopback by default, CIP_ACTIONS_HOST or --host for an action server on its own machine) and then
runs rasa-sdk exactly as `rasa run actions --actions actions` does."""

from __future__ import annotations

import os

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055
HOST_VARIABLE = "CIP_ACTIONS_HOST"


def default_host(environ=os.environ) -> str:
    return environ.get(HOST_VARIABLE) or DEFAULT_HOST


def serve(host: str, port: int, actions: str = "actions") -> None:
    """Runs the action server until it is stopped (Ctrl+C or SIGINT)."""
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    os.environ["SANIC_HOST"] = host  # the only way to give rasa_sdk.endpoint.run an address
    main_from_args(create_argument_parser().parse_args(["--actions", actions, "--port", str(port)]))
