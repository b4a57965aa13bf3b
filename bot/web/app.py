"""One Sanic app for both web pages. Sanic because Rasa 3.6 already brings it (21.12): no second
web framework, server or dependency tree to pin next to Rasa's, and the same async model."""

from __future__ import annotations

from sanic import Sanic
from sanic.response import text

from bot.web.settings import WebSettings

REQUEST_MAX_BYTES = 100_000


def create_app(settings: WebSettings | None = None, name: str = "cip_web") -> Sanic:
    # statistics_page and unanswered_page put their routes on the inbox's blueprint
    from bot.web import errors, inbox, site, statistics_page, unanswered_page  # noqa: F401

    settings = settings or WebSettings.from_settings()
    app = Sanic(name)
    # The largest request the pages send is a 4000-character note; Sanic's default is 100 MB.
    app.config.REQUEST_MAX_SIZE = REQUEST_MAX_BYTES
    errors.install(app)
    app.ctx.settings = settings
    app.blueprint(site.bp)
    app.blueprint(inbox.bp)
    app.add_route(lambda _request: text("ok"), "/healthz", name="health")
    return app
