"""HTML pages from the Jinja2 templates in bot/web/templates, always with autoescape: every value
from a user (a question, a name, a note) is shown as text and can never become markup."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sanic.response import HTTPResponse, html

from bot.tickets.clock import dutch

TEMPLATES = Path(__file__).resolve().parent / "templates"

_environment = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_environment.filters["dutch"] = dutch


def render(template: str, status: int = 200, **context) -> HTTPResponse:
    return html(_environment.get_template(template).render(**context), status=status)
