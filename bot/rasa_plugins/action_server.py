"""`cip actions`: Rasa's action server, listening on 127.0.0.1 unless told otherwise, and taking
calls only from the Rasa server it shares a secret with.

rasa-sdk 3.6 has no option for the address: `rasa run actions` listens on the address in the
environment variable SANIC_HOST and on 0.0.0.0 (every network interface) without it. This entry
point sets the address explicitly (loopback by default, CIP_ACTIONS_HOST or --host for an action
server on its own machine) and then runs rasa-sdk as `rasa run actions --actions actions` does.

rasa-sdk also takes any request without a token: any local user or process could post a forged
`/webhook` call and create tickets with whatever slots it liked, in a user's name. So every call
but `/health` must carry the secret from CIP_ACTION_SECRET in the header X-CIP-Action-Secret,
which Rasa sends from the `headers` of `action_endpoint` in endpoints.yml. Without the variable
the secret is read from var/action_secret, and made there (mode 0600) when it does not exist yet;
scripts/run and scripts/chat export the same value to the Rasa server.

rasa-sdk answers an unexpected error with the exception's text and the whole request as
`request_body`: the conversation, with everything the user typed. Here an error answers a fixed
text and the log keeps only the error's kind."""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from pathlib import Path

from bot import PROJECT_ROOT
from bot.settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 5055
HOST_VARIABLE = "CIP_ACTIONS_HOST"
SECRET_VARIABLE = "CIP_ACTION_SECRET"
SECRET_HEADER = "X-CIP-Action-Secret"
SECRET_FILE = PROJECT_ROOT / "var" / "action_secret"
MIN_SECRET_CHARS = 16

log = logging.getLogger(__name__)


def default_host(environ=os.environ) -> str:
    return Settings(environ).actions_host or DEFAULT_HOST


def shared_secret(environ=os.environ, path: Path = SECRET_FILE) -> str:
    """CIP_ACTION_SECRET, else the secret in `path`, made there (0600, folder 0700) if missing."""
    value = Settings(environ).action_secret
    if not value:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            value = path.read_text(encoding="utf-8").strip()
        else:
            value = secrets.token_urlsafe(32)
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                handle.write(value + "\n")
    if len(value) < MIN_SECRET_CHARS:
        raise SystemExit(
            f"{SECRET_VARIABLE} is te kort: gebruik minstens {MIN_SECRET_CHARS} tekens "
            "(bijvoorbeeld: python -c 'import secrets; print(secrets.token_urlsafe(32))')."
        )
    return value


def guard(app, secret: str) -> None:
    """Refuses every request without the secret (except the health check) and answers errors
    without the request."""
    from sanic import response

    expected = secret.encode("utf-8")

    @app.middleware("request")
    async def require_secret(request):
        if request.path == "/health":
            return None
        given = (request.headers.get(SECRET_HEADER) or "").encode("utf-8")
        if not hmac.compare_digest(given, expected):
            return response.json({"error": "geen toegang"}, status=401)
        return None

    async def on_error(request, exception: Exception):
        log.error("Actie niet uitgevoerd: %s", type(exception).__name__)
        return response.json({"error": "De actie kon niet worden uitgevoerd."}, status=500)

    app.error_handler.add(Exception, on_error)


def create_app(action_package_name, *args, secret: str, **kwargs):
    """rasa-sdk's app with the guard."""
    app = _RASA_SDK_CREATE_APP(action_package_name, *args, **kwargs)
    guard(app, secret)
    return app


_RASA_SDK_CREATE_APP = None


def serve(host: str, port: int, actions: str = "actions") -> None:
    """Runs the action server until it is stopped (Ctrl+C or SIGINT)."""
    global _RASA_SDK_CREATE_APP
    import functools

    from rasa_sdk import endpoint
    from rasa_sdk.__main__ import main_from_args
    from rasa_sdk.endpoint import create_argument_parser

    secret = shared_secret()
    if _RASA_SDK_CREATE_APP is None:
        _RASA_SDK_CREATE_APP = endpoint.create_app
    endpoint.create_app = functools.partial(create_app, secret=secret)  # run() looks it up at call time
    os.environ["SANIC_HOST"] = host  # the only way to give rasa_sdk.endpoint.run an address
    main_from_args(create_argument_parser().parse_args(["--actions", actions, "--port", str(port)]))
