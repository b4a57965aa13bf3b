"""The load test's CPU accounting (bench/cpu.py): the time of forked workers counts for their
server but not for the load client that started it, and what no named process used is left to
the rest of the machine."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from bench import cpu
from bot.launch import child_pids

BURN = "import time\nend = time.process_time() + 0.6\nwhile time.process_time() < end: pass\nprint('done', flush=True)\ntime.sleep(30)"


def test_the_cpu_time_of_a_forked_worker_counts_for_its_parent():
    # a parent that only waits, with a child that burns 0.6 s of CPU, as Sanic's parent and workers
    parent = subprocess.Popen(
        [sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {BURN!r}])"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert parent.stdout.readline().strip() == "done"
        assert cpu.tree_seconds(parent.pid) >= 0.55
        waiting = cpu.snapshot({}, {"parent alone": parent.pid})
        assert waiting["parent alone"] < 0.3 and waiting["machine"] > 0.55
    finally:
        for child in child_pids(parent.pid):
            os.kill(child, signal.SIGKILL)
        parent.kill()
        parent.wait()
    time.sleep(0.1)
    assert cpu.process_seconds(parent.pid) == 0.0  # gone: counts nothing, no error


def test_per_message_splits_the_machine_time_into_named_parts_and_the_rest():
    before = {"Rasa server": 10.0, "load client": 1.0, "machine": 100.0}
    after = {"Rasa server": 13.0, "load client": 1.5, "machine": 105.0}
    shares = cpu.per_message(before, after, messages=100)
    assert shares == {"Rasa server": 30.0, "load client": 5.0, "rest of the machine": 15.0, "total": 50.0}
