"""Running the `cip` command of this venv on a given database."""

import os
import subprocess
import sys
from pathlib import Path

CIP = Path(sys.executable).parent / "cip"


def cip(*args, database_url, **env):
    return subprocess.run(
        [str(CIP), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": database_url, **env},
    )
