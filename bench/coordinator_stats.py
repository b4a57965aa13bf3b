"""The coordinator's statistics under a busy region's year (issue 17).

1. Generates a year of a busy region in the aggregate table: one million messages, as about 200,000
   conversations of five messages on average, with answers spread over every topic, municipalities
   and roles known in some, clarifications, handoffs and tickets (random, seeded).
2. Times the statistics page of a running `cip web` on that database (median of 7 after a warm-up):
   the default view (12 weeks), the whole year per month, a filter, the CSV. Target: < 300 ms.
3. Times the fill cost per message: the processor time of what the tracker store adds to a save
   (the conversation's events to a list, bot.statistics.counting.turn_counts, the in-memory
   counter) plus the writes to the table every 250 messages (5 s at 50 messages/s), for
   conversations of 10 and of 50 turns. Target: <= 1 ms.

    .venv/bin/python bench/coordinator_stats.py [--postgres ADMIN_URL] [--write]

--write appends the figures to bench/RESULTS.md."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
import statistics as stats
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.domain.answer_choice import answers  # noqa: E402
from bot.domain.handoff import ROLES  # noqa: E402
from bot.region import load_region  # noqa: E402
from bot.statistics.counting import Key, turn_counts  # noqa: E402
from bot.statistics.recorder import PendingCounts  # noqa: E402
from bot.statistics.table import add_counts  # noqa: E402
from bot.storage.db import engine, scratch_postgres_database, upgrade  # noqa: E402

MESSAGES = 1_000_000
PER_CONVERSATION = 5
FLUSH_EVERY = 250


def year_of_counts(first_day: dt.date, seed: int = 17) -> Counter:
    """The aggregate cells of a year: MESSAGES / PER_CONVERSATION conversations, each counted as
    the tracker store would (once per outcome and topic)."""
    rng = random.Random(seed)
    topics = sorted(answers())
    municipalities = load_region().municipality_names
    cells: Counter = Counter()
    for _ in range(MESSAGES // PER_CONVERSATION):
        day = first_day + dt.timedelta(days=rng.randrange(365))
        municipality = rng.choice(municipalities) if rng.random() < 0.3 else ""
        role = rng.choice(ROLES) if rng.random() < 0.4 else ""
        cells[Key(day, "conversation")] += 1
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            topic = rng.choice(topics)
            cells[Key(day, "answered", municipality, topic.split("/")[0], topic, role)] += 1
        for outcome, chance in (
            ("clarification", 0.2),
            ("no_answer", 0.15),
            ("crisis", 0.01),
            ("other_language", 0.03),
        ):
            if rng.random() < chance:
                cells[Key(day, outcome, municipality, "", "", role)] += 1
        if rng.random() < 0.05:
            theme = rng.choice(("route", "privacy", "absence"))
            municipality = municipality or rng.choice(municipalities)
            role = role or rng.choice(ROLES)
            cells[Key(day, "handoff_started")] += 1
            cells[Key(day, "handoff_completed", municipality, theme, "", role)] += 1
            cells[Key(day, "ticket_created", municipality, theme, "", role)] += 1
            taken = "taken_on_time" if rng.random() < 0.9 else "taken_late"
            cells[Key(day + dt.timedelta(days=1), taken, municipality, theme, "", role)] += 1
    return cells


def fill(url: str, cells: Counter) -> int:
    """Writes the cells into the new database's aggregate tables; the number of cells."""
    items = list(cells.items())
    with engine(url).begin() as connection:
        for start in range(0, len(items), 5000):
            add_counts(connection, Counter(dict(items[start : start + 5000])))
    return len(items)


def time_page(url: str, first_day: dt.date) -> dict:
    """Per view of the page (and the CSV) over HTTP: the median wall time (ms) and the web
    server's processor time per request (ms; wall time on a loaded machine includes waiting)."""
    from bench.cpu import tree_seconds
    from tests.helpers.inbox_web import Client, inbox_server

    views = {
        "12 weken (standaard)": "/inbox/statistieken",
        "jaar per maand": f"/inbox/statistieken?periode=month&van={first_day}&tot={first_day + dt.timedelta(days=364)}",
        "jaar per maand, thema": f"/inbox/statistieken?periode=month&van={first_day}"
        f"&tot={first_day + dt.timedelta(days=364)}&thema=absence",
        "jaar per maand, gemeente en rol": f"/inbox/statistieken?periode=month&van={first_day}"
        f"&tot={first_day + dt.timedelta(days=364)}&gemeente=Aalten&rol=ouder",
        "CSV jaar per week": f"/inbox/statistieken.csv?van={first_day}&tot={first_day + dt.timedelta(days=364)}",
    }
    with tempfile.TemporaryDirectory() as folder:
        server = inbox_server(Path(folder), url)
        try:
            client = Client(server.base)
            client.log_in("coordinator")
            timings = {}
            for name, path in views.items():
                assert client.get(path).status == 200, path
                samples = []
                cpu_before = tree_seconds(server.process.pid)
                for _ in range(7):
                    began = time.perf_counter()
                    answer = client.get(path)
                    samples.append((time.perf_counter() - began) * 1000)
                    assert answer.status == 200
                cpu = (tree_seconds(server.process.pid) - cpu_before) / 7 * 1000
                timings[name] = (stats.median(samples), cpu)
            return timings
        finally:
            server.stop()


def fill_cost(url: str, turns: int, messages: int = 20_000) -> float:
    """Processor microseconds per message of the counting the tracker store adds to a save."""
    from tests.helpers.statistics_data import at, bot, slot, start, user

    municipalities = load_region().municipality_names
    topics = sorted(answers())
    recorder = PendingCounts(lambda: engine(url), flush_seconds=float("inf"))
    rng = random.Random(1)
    saves = []
    while len(saves) < messages:
        time_ = at("2026-03-03")
        conversation = [start(time_)]
        for turn in range(turns):
            if turn == 1:
                conversation.append(user(time_) + slot(time_, "gemeente", rng.choice(municipalities)))
            else:
                conversation.append(user(time_) + bot(time_, f"utter_{rng.choice(topics)}"))
        events = []
        for turn_events in conversation:
            saves.append((len(events), events + turn_events))
            events = events + turn_events
    began = time.process_time()
    for number, (first_new, events) in enumerate(saves[:messages]):
        recorder.add(turn_counts(list(events), first_new, municipalities))
        if number % FLUSH_EVERY == FLUSH_EVERY - 1:
            recorder.flush()
    recorder.flush()
    return (time.process_time() - began) / messages * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", metavar="ADMIN_URL", help="on a new PostgreSQL database of this server (bash scripts/postgres)"
    )
    parser.add_argument("--write", action="store_true", help="append the figures to bench/RESULTS.md")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        url = (
            stack.enter_context(scratch_postgres_database(args.postgres, "cip_bench_stats"))
            if args.postgres
            else f"sqlite:///{folder}/cip.db"
        )
        upgrade(url)
        first_day = dt.date(2026, 1, 5)
        began = time.perf_counter()
        cells = year_of_counts(first_day)
        rows = fill(url, cells)
        made = time.perf_counter() - began
        print(
            f"{MESSAGES} berichten, {sum(c for k, c in cells.items() if k.outcome == 'conversation')} gesprekken: "
            f"{rows} rijen in {made:.0f} s"
        )
        loads = [os.getloadavg()[0]]
        pages = time_page(url, first_day)
        loads.append(os.getloadavg()[0])
        print(f"load average (1 min, 2 cores) voor en na de pagina's: {loads[0]:.1f}, {loads[1]:.1f}")
        for name, (ms, cpu) in pages.items():
            print(f"pagina {name}: {ms:.0f} ms, processortijd web server {cpu:.0f} ms")
        costs = {turns: fill_cost(url, turns) for turns in (10, 50)}
        for turns, micro in costs.items():
            print(f"vullen, gesprekken van {turns} beurten: {micro:.0f} µs processortijd per bericht")
    if args.write:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
        lines = [
            f"\n## {dt.date.today()} statistics, bench/coordinator_stats.py (commit {commit.stdout.strip()}, "
            f"{'PostgreSQL' if url.startswith('postgresql') else 'SQLite'}, "
            f"load average {loads[0]:.1f} and {loads[1]:.1f} before and after the pages)\n",
            f"A year of a busy region: {MESSAGES:,} messages, {rows:,} rows in the aggregate table.\n",
            "| what | result | target |\n| --- | --- | --- |\n",
            *[
                f"| page: {name} (median of 7) | {ms:.0f} ms ({cpu:.0f} ms CPU of the web server) | < 300 ms |\n"
                for name, (ms, cpu) in pages.items()
            ],
            *[
                f"| fill cost, {turns}-turn conversations | {micro:.0f} µs CPU per message | <= 1 ms |\n"
                for turns, micro in costs.items()
            ],
        ]
        with open(ROOT / "bench" / "RESULTS.md", "a", encoding="utf-8") as results:
            results.writelines(lines)


if __name__ == "__main__":
    main()
