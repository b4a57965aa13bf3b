"""Services a test needs from the machine."""

import os
import shutil

import pytest


def require_redis() -> None:
    if shutil.which("redis-server"):
        return
    message = "redis-server is not installed (apt-get install redis-server; scripts/test installs it as root)"
    if os.environ.get("CIP_REQUIRE_REDIS") == "1":
        pytest.fail(message)
    pytest.skip(message)
