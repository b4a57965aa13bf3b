"""Where the processor time of a load run goes (Linux /proc), to tell what limits the throughput.

A load run with N clients that never pause can do at most ``cores / (CPU seconds per message)``
messages per second; splitting the CPU seconds by process (Rasa server, action server, the load
client itself, the rest of the machine: databases, Redis) shows which part to make cheaper and
what rate the machine could reach at best.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List

from bot.launch import child_pids

TICKS = os.sysconf("SC_CLK_TCK")


def process_seconds(pid: int) -> float:
    """User + system CPU seconds of one process (all its threads); 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime (fields 14 and 15 of stat)


def tree_seconds(pid: int) -> float:
    """CPU seconds of a process and all its living descendants (Sanic's forked workers)."""
    todo: List[int] = [pid]
    total = 0.0
    while todo:
        current = todo.pop()
        total += process_seconds(current)
        todo += child_pids(current)
    return total


def machine_seconds() -> float:
    """Busy CPU seconds of the whole machine since boot, all cores (/proc/stat without idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / TICKS


def snapshot(trees: Dict[str, int], processes: Dict[str, int]) -> Dict[str, float]:
    """CPU seconds so far per named process tree (a server with its workers) and per named single
    process (the load client, whose children are the servers), plus the machine's under "machine"."""
    found = {name: tree_seconds(pid) for name, pid in trees.items()}
    found.update({name: process_seconds(pid) for name, pid in processes.items()})
    found["machine"] = machine_seconds()
    return found


def per_message(before: Dict[str, float], after: Dict[str, float], messages: int) -> Dict[str, float]:
    """Milliseconds of CPU per message for each group, "rest of the machine" and "total"."""
    used = {name: after[name] - before[name] for name in before}
    machine = used.pop("machine")
    used["rest of the machine"] = max(0.0, machine - sum(used.values()))
    used["total"] = machine
    return {name: seconds * 1000 / messages for name, seconds in used.items()} if messages else {}
