"""A real SMTP server for the tests: aiosmtpd on a free loopback port, keeping what it receives."""
from __future__ import annotations

from contextlib import contextmanager

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


@contextmanager
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    inbox.port = controller.port
    try:
        yield inbox
    finally:
        controller.stop()
