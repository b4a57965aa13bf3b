"""`cip` imports Rasa only in the commands that need it (cip retention run, cip erase)."""

import subprocess
import sys

from tests.helpers.project import ROOT


def test_the_cli_loads_without_rasa():
    code = (
        "import sys, bot.cli.main\n"
        "bot.cli.main._parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk', 'tensorflow')))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
