"""The layout's promise: bot/domain/ is the product's own logic and never imports Rasa; nor does
bot/statistics/, whose counting the tracker store calls but tests and the benchmark run alone."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import bot.domain
import bot.statistics
from tests.helpers.project import ROOT


@pytest.mark.parametrize("package", [bot.domain, bot.statistics], ids=lambda package: package.__name__)
def test_domain_modules_do_not_import_rasa(package):
    modules = [f"{package.__name__}.{info.name}" for info in pkgutil.iter_modules(package.__path__)]
    assert len(modules) >= 6
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m == 'rasa' or m.startswith(('rasa.', 'rasa_sdk', 'tensorflow'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", f"{package.__name__} imports Rasa: {result.stdout}"
