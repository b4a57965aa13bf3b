"""Benchmark: accuracy, speed and memory of the assistant, side by side with Rasa's default
pipeline trained on the same data, and with the project's model served by stock Rasa (Rasa patches
off, CIP_RASA_PATCHES=0) in the same run, with the ratios of the project to stock Rasa: absolute
figures do not travel between machines, ratios measured in one run do. Prints the figures and
appends them to bench/RESULTS.md.

    .venv/bin/python bench/run.py            # all three (about 20 minutes)
    .venv/bin/python bench/run.py --only project

Figures: NLU macro-F1 on the held-out set (tests/nlu), full training time (empty cache),
cached training time (one answer text changed: Rasa reuses the NLU components), REST round trip
p50/p95 for 1 and for 16 concurrent conversations, messages per second, the peak resident
memory (VmHWM) of the Rasa server, and the handoff latency (the user's consent, the last answer
of the handoff form, until the reply that names the stored ticket) p50/p95. Everything runs on
loopback, with the tickets in SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.rasa_plugins.nlu.evaluation import held_out_scores  # noqa: E402
from bot.rasa_plugins.nlu.examples import examples_by_intent  # noqa: E402
from bot.tickets.service import MAX_TICKETS_PER_CLIENT_PER_DAY  # noqa: E402
from tests.helpers.launch import RASA, Assistant, rasa_patches  # noqa: E402

CONFIGS = {"project": ROOT / "config.yml", "rasa-default": ROOT / "bench" / "default_config.yml"}
STOCK = "project, stock Rasa"  # the project's model, served with CIP_RASA_PATCHES=0
RESULTS = ROOT / "bench" / "RESULTS.md"
MESSAGES_PER_CONVERSATION = 20
CONCURRENT = 16
# the product stops a client (one address) after this many tickets a day: the bench is one client
HANDOFFS = MAX_TICKETS_PER_CLIENT_PER_DAY
# Intents that start or answer a form would turn the FAQ load test into form filling.
NOT_FAQ = {"request_human", "stop", "age_check", "affirm", "deny", "ticket_status"}
HANDOFF_FORM = [
    "ik wil iemand spreken",
    "Winterswijk",
    "ouder",
    "Mag school met het wijkteam over mijn zoon praten?",
    "Sam",
    "{contact}",  # a contact of its own per handoff: the product takes 3 tickets a day per contact
]


def progress(text: str) -> None:
    print(f"[{dt.datetime.now():%H:%M:%S}] {text}", flush=True)


def train(config: Path, out: Path, cache: Path, domain: Path) -> float:
    """Train into ``out``; returns seconds. Rasa's cache lives in ``cache``."""
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "2", "RASA_CACHE_DIRECTORY": str(cache)}
    started = time.perf_counter()
    subprocess.run(
        [
            RASA,
            "train",
            "--config",
            str(config),
            "--domain",
            str(domain),
            "--data",
            "data",
            "--out",
            str(out),
            "--fixed-model-name",
            "model",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def changed_domain(workdir: Path) -> Path:
    """A copy of domain/ with one answer text changed, for the cached-training figure."""
    copy = workdir / "domain"
    shutil.copytree(ROOT / "domain", copy)
    greet = copy / "conversation.yml"
    greet.write_text(greet.read_text().replace("Wat wil je weten?", "Waar kan ik je mee helpen?"))
    return copy


def macro_f1(model: Path) -> float:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog()  # Rasa's own level (INFO): unconfigured, it prints every parse with its text
    agent = Agent.load(str(model))
    loop = asyncio.new_event_loop()
    try:
        return held_out_scores(lambda text: loop.run_until_complete(agent.parse_message(text)), gated=False)[0]
    finally:
        loop.close()


def percentile(values, share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def conversation(assistant: Assistant, texts) -> list:
    sender = f"bench-{uuid.uuid4().hex[:8]}"
    timings = []
    for text in texts:
        started = time.perf_counter()
        assistant.send(sender, text)
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def load(assistant: Assistant, texts, conversations: int) -> dict:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=conversations) as pool:
        runs = list(pool.map(lambda i: conversation(assistant, texts[i:] + texts[:i]), range(conversations)))
    elapsed = time.perf_counter() - started
    timings = [t for run in runs for t in run]
    return {"p50": statistics.median(timings), "p95": percentile(timings, 0.95), "rate": len(timings) / elapsed}


def handoff_latency(assistant: Assistant) -> dict:
    timings = []
    for _ in range(HANDOFFS):
        sender = f"bench-handoff-{uuid.uuid4().hex[:8]}"
        for text in HANDOFF_FORM:
            assistant.send(sender, text.format(contact=f"{sender}@example.org"))
        started = time.perf_counter()
        reply = " ".join(m.get("text", "") for m in assistant.send(sender, "ja"))
        timings.append((time.perf_counter() - started) * 1000)
        if "CIP-" not in reply:
            raise RuntimeError(f"handoff gave no ticket: {reply!r}")
    return {"p50": statistics.median(timings), "p95": percentile(timings, 0.95)}


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(name: str, config: Path, workdir: Path) -> dict:
    figures = {}
    cache = workdir / "cache"
    progress(f"{name}: full training (empty cache)")
    figures["train_full_s"] = train(config, workdir / "full", cache, ROOT / "domain")
    progress(f"{name}: training after changing one answer (cache reused)")
    figures["train_cached_s"] = train(config, workdir / "cached", cache, changed_domain(workdir))
    model = workdir / "full" / "model.tar.gz"
    progress(f"{name}: NLU on the held-out set")
    figures["macro_f1"] = macro_f1(model)
    figures.update(serve(name, model, workdir / "server"))
    return figures


def serve(name: str, model: Path, workdir: Path) -> dict:
    """REST latency and rate, handoff latency and peak memory of the servers serving `model`."""
    figures = {}
    held_out = examples_by_intent(sorted((ROOT / "tests" / "nlu").glob("*.yml")))
    texts = [t for intent, ts in held_out.items() if intent not in NOT_FAQ for t in ts]
    texts = texts[:: max(1, len(texts) // MESSAGES_PER_CONVERSATION)][:MESSAGES_PER_CONVERSATION]
    assistant = Assistant(model, workdir).start()
    try:
        progress(f"{name}: REST, 1 conversation")
        assistant.send("warm-up", "hallo")
        figures["one"] = load(assistant, texts, 1)
        progress(f"{name}: REST, {CONCURRENT} concurrent conversations")
        figures["many"] = load(assistant, texts, CONCURRENT)
        progress(f"{name}: {HANDOFFS} handoffs, consent until ticket stored")
        figures["handoff"] = handoff_latency(assistant)
        figures["rss_mb"] = peak_rss_mb(assistant.rasa.process.pid)
    finally:
        assistant.stop()
    return figures


SAME_MODEL = ("train_full_s", "train_cached_s", "macro_f1")


def ratios(results: dict) -> str:
    """The project (patches on) against stock Rasa serving the same model, measured in one run."""
    ours, stock = results["project"], results[STOCK]
    rows = [
        ("REST p50, 1 conversation", ours["one"]["p50"] / stock["one"]["p50"]),
        (f"REST p95, {CONCURRENT} conversations", ours["many"]["p95"] / stock["many"]["p95"]),
        (f"messages per second, {CONCURRENT} conversations", ours["many"]["rate"] / stock["many"]["rate"]),
        ("peak RSS Rasa server", ours["rss_mb"] / stock["rss_mb"]),
        ("handoff p50", ours["handoff"]["p50"] / stock["handoff"]["p50"]),
    ]
    lines = ["| project / stock Rasa (same model) | ratio |", "| --- | --- |"]
    return "\n".join(lines + [f"| {label} | {ratio:.2f} x |" for label, ratio in rows])


def table(results: dict) -> str:
    rows = [
        ("NLU macro-F1 (held-out)", lambda f: f"{f['macro_f1']:.3f}"),
        ("full training (s)", lambda f: f"{f['train_full_s']:.0f}"),
        ("cached training, one answer changed (s)", lambda f: f"{f['train_cached_s']:.0f}"),
        ("REST p50 / p95, 1 conversation (ms)", lambda f: f"{f['one']['p50']:.0f} / {f['one']['p95']:.0f}"),
        (
            f"REST p50 / p95, {CONCURRENT} conversations (ms)",
            lambda f: f"{f['many']['p50']:.0f} / {f['many']['p95']:.0f}",
        ),
        (f"messages per second, {CONCURRENT} conversations", lambda f: f"{f['many']['rate']:.1f}"),
        ("peak RSS Rasa server (MB)", lambda f: f"{f['rss_mb']:.0f}"),
        (
            "handoff: consent until ticket stored, p50 / p95 (ms)",
            lambda f: f"{f['handoff']['p50']:.0f} / {f['handoff']['p95']:.0f}",
        ),
    ]
    if STOCK in results:  # the same model: its training and F1 are the project's
        results[STOCK] = {**{key: results["project"][key] for key in SAME_MODEL}, **results[STOCK]}
    names = list(results)
    lines = ["| figure | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(names)]
    lines += [f"| {label} | " + " | ".join(fmt(results[n]) for n in names) + " |" for label, fmt in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(CONFIGS), help="measure one configuration")
    parser.add_argument("--no-stock", action="store_true", help="do not serve the project's model on stock Rasa")
    parser.add_argument("--no-write", action="store_true", help="print only, do not append to RESULTS.md")
    args = parser.parse_args()
    names = [args.only] if args.only else list(CONFIGS)
    results = {}
    with tempfile.TemporaryDirectory(prefix="cip-bench-") as tmp:
        for name in names:
            results[name] = measure(name, CONFIGS[name], Path(tmp) / name)
        if "project" in results and not args.no_stock:
            with rasa_patches(False):
                results[STOCK] = serve(STOCK, Path(tmp) / "project" / "full" / "model.tar.gz", Path(tmp) / "stock")
    report = table(results)
    if STOCK in results:
        report += "\n\n" + ratios(results)
    print("\n" + report)
    if not args.no_write:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        header = f"\n## {dt.date.today()} (commit {commit or 'uncommitted'}, {os.cpu_count()} cores)\n\n"
        with RESULTS.open("a") as handle:
            handle.write(header + report + "\n")
        progress(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
