"""A real SMTP server for the tests: aiosmtpd on a free loopback port, keeping what it receives."""

from __future__ import annotations

import asyncio
import time
from contextlib import contextmanager
from typing import Any, Callable

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from bot.launch import free_port


class Inbox(Message):
    """The mailbox of the test SMTP server; `port` is where it listens."""

    def __init__(self):
        super().__init__()
        self.messages = []
        self.port = 0

    def handle_message(self, message):
        self.messages.append(message)

    def about(self, text: str, seconds: float = 5.0) -> list:
        """The mails whose subject holds ``text``, waiting up to ``seconds`` for the first: the
        assistant sends its mail in the background (bot/tickets/outbox_thread.py)."""
        return wait_for(lambda: [m for m in self.messages if text in m["Subject"]], seconds)


def wait_for(check: Callable[[], Any], seconds: float = 5.0) -> Any:
    """The value of ``check()`` once it is true, or its last value after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not (value := check()) and time.monotonic() < deadline:
        time.sleep(0.05)
    return value


class SlowInbox(Inbox):
    """A mail server that takes a second to accept each mail."""

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(1)
        return await super().handle_DATA(server, session, envelope)


@contextmanager
def smtp_server(inbox: Inbox | None = None):
    inbox = inbox or Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    try:
        yield inbox
    finally:
        controller.stop()
