"""The outbox is sent by a thread of its own, so that nobody waits for the mail server.

Why: sending is SMTP over the network, up to 10 seconds per attempt, and every waiting mail is
tried. Done in the action server's event loop right after a ticket is stored, a slow or silent
mail server held up the user who had just given consent and, meanwhile, every custom action of
every other conversation. The ticket and its mail are stored before the thread is woken; the
thread only delivers. It sends one round at a time per process (two rounds at once could deliver
a mail twice), and wakes that arrive during a round give one more round afterwards. What it
cannot deliver stays in the outbox for the next round or `cip outbox send`.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Optional

log = logging.getLogger(__name__)


class OutboxThread:
    """Runs ``send`` in a daemon thread whenever it is woken, one round at a time."""

    def __init__(self, send: Callable[[], None]) -> None:
        self._send = send
        self._wanted = threading.Event()
        self._start = threading.Lock()
        self._thread: Optional[threading.Thread] = None

    def wake(self) -> None:
        """Ask for a round of sending; returns at once."""
        self._wanted.set()
        with self._start:
            if self._thread is None:
                self._thread = threading.Thread(target=self._rounds, name="outbox", daemon=True)
                self._thread.start()

    def _rounds(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            try:
                self._send()
            except Exception as error:  # noqa: BLE001 - the thread must stay for the next ticket
                log.error("outbox niet verwerkt: %s", type(error).__name__)
