"""The layout's promise: bot/domain/ is the product's own logic and never imports Rasa."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import bot.domain
from tests.helpers.project import ROOT


def test_domain_modules_do_not_import_rasa():
    modules = [f"bot.domain.{info.name}" for info in pkgutil.iter_modules(bot.domain.__path__)]
    assert len(modules) >= 6
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'rasa' or m.startswith(('rasa.', 'rasa_sdk', 'tensorflow'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", f"bot/domain imports Rasa: {result.stdout}"
