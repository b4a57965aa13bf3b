"""The model of the current data, trained in the background while the tests without a model run.

`rasa train` takes minutes on two cores and keeps little more than one of them busy; the tests
that need no model (web pages, tickets, the domain) mostly wait for servers and browsers. So the
test run starts the training when it has collected a test that needs the model, runs the others
first, and the `trained_model` fixture waits for it (tests/conftest.py). Rasa skips the training
when nothing changed. What Rasa printed goes to test-output/train.log.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import IO, Optional

from tests.helpers.project import MODEL, ROOT, VENV_BIN

TRAIN = ("train", "--domain", "domain", "--data", "data", "--config", "config.yml", "--out", "models")
LOG = ROOT / "test-output" / "train.log"


class BackgroundTraining:
    """One `rasa train` for the whole test run, started once, waited for by the model's fixture."""

    def __init__(self) -> None:
        self._process: Optional[subprocess.Popen] = None
        self._log: Optional[IO[str]] = None

    def start(self) -> None:
        if self._process is not None:
            return
        LOG.parent.mkdir(parents=True, exist_ok=True)
        self._log = LOG.open("w", encoding="utf-8")
        self._process = subprocess.Popen(
            [str(VENV_BIN / "rasa"), *TRAIN, "--fixed-model-name", MODEL.name.split(".")[0]],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2"},
        )

    def model(self, timeout: float) -> Path:
        """The trained model's path, once the training ended well."""
        self.start()
        code = self._process.wait(timeout=timeout)
        self._log.flush()
        if code != 0:
            tail = LOG.read_text(encoding="utf-8", errors="replace")[-4000:]
            raise AssertionError(f"rasa train exited {code} (all of it: {LOG})\n{tail}")
        assert MODEL.exists(), f"rasa train wrote no {MODEL}"
        return MODEL

    def stop(self) -> None:
        """Ends a training still running when the run stops early (a failed test with -x, Ctrl-C)."""
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(timeout=60)
        if self._log is not None:
            self._log.close()
