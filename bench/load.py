"""Load test through the REST channel: many concurrent conversations, each with one complete handoff.

    .venv/bin/python bench/load.py                              # 32 conversations x 50 turns, one Rasa process
    .venv/bin/python bench/load.py --setup multi                # the same on 2 Rasa workers (Redis, PostgreSQL)
    .venv/bin/python bench/load.py --setup both --write         # both, and append the figures to bench/RESULTS.md
    .venv/bin/python bench/load.py -c 4 -t 5 --setup single     # a small run while developing
    .venv/bin/python bench/load.py --compare-stock              # also stock Rasa (CIP_RASA_PATCHES=0), with ratios
    .venv/bin/python bench/load.py --scripted --page            # the coordinator's figures beside the load's

Every conversation is a mix of theme questions (the held-out examples in tests/nlu, without the
intents that start or answer a form, as in bench/run.py), small talk, and one complete handoff at a
random turn: "ik wil iemand spreken", then the form's questions are answered as they are asked with
the answers of bench/run.py's HANDOFF_FORM, a name and e-mail address of this conversation, and
consent "ja". The form is answered by what it asks, not in a fixed order: a theme question earlier
in the conversation may already have filled the municipality or the role.

Checked: no HTTP error, no timeout, no empty reply; every handoff's last reply names a reference
and the ticket database holds exactly one ticket for that conversation's name and address, with
that reference; and after the servers stopped, the coordinator's statistics beside what the
conversations saw (bench/load_statistics.py; --page also reads the inbox page over HTTP). Printed:
throughput (messages/s), latency p50/p95/p99, elapsed time, and progress every 10 seconds. The load phase stops after --timeout seconds (reported as a failure); starting
each server is bounded by tests.helpers.launch.STARTUP_SECONDS. Everything runs on 127.0.0.1.

Set-ups (tests.helpers.launch.Assistant starts the servers):
  single  one Rasa process, as scripts/run starts it: SQLite tracker store and ticket database,
          Rasa's in-memory lock store.
  multi   Rasa forks --workers processes (SANIC_WORKERS) that share one port; Rasa allows that only
          with a lock store other than the in-memory one, so a throwaway redis-server is started
          for the Redis lock store. The tracker store and the tickets go to a fresh PostgreSQL
          database, made on the server of --postgres-url and dropped afterwards: the store that
          replicas on several machines share (SQLite is one file, written by one process at a
          time; --store sqlite tries the workers on it anyway).
Exit status 0 when every check passed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import re
import shutil
import string
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterator, List, Optional, Tuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cpu  # noqa: E402
from bench.load_statistics import side_by_side, statistics_check  # noqa: E402
from bench.replies import kinds  # noqa: E402
from bench.run import HANDOFF_FORM, NOT_FAQ, RESULTS, percentile  # noqa: E402
from bot.rasa_plugins.nlu.examples import examples_by_intent  # noqa: E402
from bot.statistics.view import dutch_today  # noqa: E402
from bot.storage.db import scratch_postgres_database  # noqa: E402
from tests.helpers.launch import Assistant, Redis, rasa_patches  # noqa: E402

MODEL = ROOT / "models" / "cip.tar.gz"
DEFAULT_POSTGRES = "postgresql://cip:cip@127.0.0.1:5432/postgres"
SMALL_TALK = ("greet", "thank", "goodbye", "bot_challenge", "capabilities")
THEMES = ("route/", "privacy/", "absence/")
SMALL_TALK_SHARE = 0.25
REFERENCE = re.compile(r"\bCIP-[0-9A-Z]{4}-[0-9A-Z]{4}\b")
# HANDOFF_FORM: the request, then the answers to municipality, role, question, name, contact.
FORM_ANSWERS = dict(
    zip(("gemeente", "rol", "handoff_question"), HANDOFF_FORM[1:4]), handoff_theme="privacy", handoff_consent="ja"
)
MAX_FORM_TURNS = 12  # a handoff that needs more turns than this is an error
# The scripted set (--scripted; tests/e2e/test_load_statistics.py): each conversation SCRIPTED_TIMES
# times, so that every group the statistics hold has at least 5 conversations and each of the
# coordinator's figures must equal what the conversations saw. (messages, then asks for a person)
SCRIPTED = (
    (("tot welke leeftijd is mijn kind leerplichtig?",), False),
    (("Mag school informatie over mijn zoon aan het wijkteam geven zonder dat ik het weet?",), True),
    (("ik wil niet meer leven",), False),
    (("I am a new teacher, can you explain the reporting code in English, no specific case",), False),
    (("wanneer wordt het oud papier opgehaald",), False),
    (("xkcd qwpz lrrrm",), False),
)
SCRIPTED_TIMES = 5


def texts() -> Tuple[List[str], List[str]]:
    """(theme questions, small talk) from the held-out set tests/nlu."""
    held_out = examples_by_intent(sorted((ROOT / "tests" / "nlu").glob("*.yml")))
    themes = [t for intent, ts in held_out.items() if intent.startswith(THEMES) and intent not in NOT_FAQ for t in ts]
    small = [t for intent, ts in held_out.items() if intent in SMALL_TALK for t in ts]
    return themes, small


def form_questions() -> Dict[str, str]:
    """First line of each question of the handoff form (utter_ask_<slot> in domain/) -> slot."""
    found = {}
    for path in sorted((ROOT / "domain").glob("*.yml")):
        responses = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("responses") or {}
        for name, variants in responses.items():
            slot = name[len("utter_ask_") :]
            if name.startswith("utter_ask_") and slot in FORM_ANSWERS.keys() | {"handoff_name", "handoff_contact"}:
                for variant in variants:
                    found[variant["text"].strip().splitlines()[0]] = slot
    return found


def letters(number: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'ba': a name part without digits (the form refuses 3 digits)."""
    out = ""
    while True:
        number, rest = divmod(number, 26)
        out = string.ascii_lowercase[rest] + out
        if not number:
            return out


@dataclass
class Conversation:
    index: int
    sender: str
    name: str
    contact: str
    address: str  # the client address the conversation comes from (X-Forwarded-For)
    fillers: List[str]
    handoff_at: int
    turns: int  # messages before the conversation ends (its handoff may come on top)
    handoff: bool = True  # whether it asks for a person (a scripted conversation may not)
    kinds: List[str] = field(default_factory=list)  # what its replies were (bench.replies.kinds)
    latencies: List[float] = field(default_factory=list)
    errors: List[str] = field(default_factory=list)
    reference: Optional[str] = None
    handoff_done: bool = False
    sent: int = 0


def person(run_id: str, index: int) -> dict:
    """The sender id, the name and e-mail address the handoff form gets, and the client address of
    one conversation: every conversation is another user, as the ticket limit per client address
    (bot/tickets/service.py) expects; the channel believes X-Forwarded-For from 127.0.0.1, as from
    the project's web relay (bot/domain/client_address.py)."""
    code = letters(index)
    return dict(
        index=index,
        sender=f"load-{run_id}-{index:03d}",
        name=f"Sam {code.capitalize()}",
        contact=f"sam.{run_id}.{code}@example.org",
        address=f"10.77.{index // 256 % 256}.{index % 256}",
    )


def plan(run_id: str, index: int, turns: int, themes: List[str], small: List[str], seed: int) -> Conversation:
    rng = random.Random(f"{seed}-{index}")
    fillers = [rng.choice(small if rng.random() < SMALL_TALK_SHARE else themes) for _ in range(turns)]
    return Conversation(
        **person(run_id, index),
        fillers=fillers,
        turns=turns,
        # room for the longest handoff (request + 7 form questions) before the end; a conversation
        # too short for it becomes longer: the handoff is always completed
        handoff_at=rng.randrange(0, max(1, turns - len(HANDOFF_FORM) - 1)),
    )


def scripted(run_id: str) -> List[Conversation]:
    """The scripted set: its messages, then the handoff where it asks for one."""
    return [
        Conversation(
            **person(run_id, index), fillers=list(texts), turns=len(texts), handoff_at=len(texts), handoff=handoff
        )
        for index, (texts, handoff) in enumerate(SCRIPTED * SCRIPTED_TIMES)
    ]


class Run:
    """One load run against the REST channel at ``url``."""

    def __init__(
        self,
        url: str,
        conversations: List[Conversation],
        turns: int,
        request_timeout: float,
        say: Callable[[str], None],
    ):
        self.url, self.conversations, self.turns = url + "/webhooks/rest/webhook", conversations, turns
        self.request_timeout, self.say = request_timeout, say
        self.questions = form_questions()
        self.done = 0
        self.errors = 0

    async def send(self, session, conversation: Conversation, text: str) -> List[dict]:
        """One turn; an HTTP error, timeout or empty reply is recorded and gives []."""
        import aiohttp

        started = time.perf_counter()
        conversation.sent += 1
        reply: List[dict] = []
        error = None
        try:
            async with session.post(
                self.url,
                json={"sender": conversation.sender, "message": text},
                headers={"X-Forwarded-For": conversation.address},
            ) as response:
                body = await response.text()
                if response.status != 200:
                    error = f"HTTP {response.status}: {body[:200]}"
                else:
                    reply = [m for m in json.loads(body) if m.get("text") or m.get("buttons")]
                    conversation.kinds.extend(kinds(reply))
                    error = None if reply else "empty reply"
        except asyncio.TimeoutError:
            error = f"no answer within {self.request_timeout:.0f} s"
        except (aiohttp.ClientError, ValueError) as problem:
            error = f"{type(problem).__name__}: {problem}"
        conversation.latencies.append((time.perf_counter() - started) * 1000)
        self.done += 1
        if error:
            self.errors += 1
            conversation.errors.append(f"turn {conversation.sent} ({text[:40]!r}): {error}")
        return reply

    def asked(self, reply: List[dict]) -> Optional[str]:
        """The form slot the reply's last question asks for, if any."""
        slot = None
        for message in reply:
            first = (message.get("text") or "").strip().splitlines()[:1]
            slot = self.questions.get(first[0], slot) if first else slot
        return slot

    async def handoff(self, session, conversation: Conversation) -> None:
        conversation.handoff_done = True
        answers = {**FORM_ANSWERS, "handoff_name": conversation.name, "handoff_contact": conversation.contact}
        reply = await self.send(session, conversation, HANDOFF_FORM[0])
        for _ in range(MAX_FORM_TURNS):
            reference = REFERENCE.search(" ".join(m.get("text") or "" for m in reply))
            if reference:
                conversation.reference = reference.group(0)
                return
            slot = self.asked(reply)
            if slot is None:
                texts = " | ".join((m.get("text") or "")[:80] for m in reply)
                conversation.errors.append(f"handoff: no form question and no reference in the reply: {texts!r}")
                return
            reply = await self.send(session, conversation, answers[slot])
        conversation.errors.append(f"handoff: no reference after {MAX_FORM_TURNS} form turns")

    async def converse(self, session, conversation: Conversation) -> None:
        fillers = iter(conversation.fillers)
        handoff_due = lambda: conversation.handoff and not conversation.handoff_done  # noqa: E731
        while conversation.sent < conversation.turns or handoff_due():
            if handoff_due() and conversation.sent >= conversation.handoff_at:
                await self.handoff(session, conversation)
            else:
                await self.send(session, conversation, next(fillers))

    async def report_progress(self, every: float, started: float) -> None:
        total = len(self.conversations) * self.turns
        while True:
            await asyncio.sleep(every)
            elapsed = time.perf_counter() - started
            self.say(f"{self.done}/{total} messages, {self.errors} errors, {self.done / elapsed:.1f} msg/s")

    async def run(self, timeout: float, progress_every: float) -> Tuple[float, bool]:
        """Runs every conversation; returns (elapsed seconds, whether the timeout stopped it)."""
        import aiohttp

        # A new connection per request, as urllib in Assistant.send: with several workers on one
        # port, every request goes to a worker that is free to accept it.
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        client_timeout = aiohttp.ClientTimeout(total=self.request_timeout)
        async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
            started = time.perf_counter()
            reporter = asyncio.create_task(self.report_progress(progress_every, started))
            try:
                await asyncio.wait_for(
                    asyncio.gather(*(self.converse(session, c) for c in self.conversations)), timeout=timeout
                )
                timed_out = False
            except asyncio.TimeoutError:
                timed_out = True
            finally:
                reporter.cancel()
            return time.perf_counter() - started, timed_out


async def warm_up(url: str, senders: int, messages: List[str], request_timeout: float) -> List[List[str]]:
    """A few conversations at once, not measured, so that every worker has answered before the
    load starts (a worker's first answers are slower); what each one's replies were (they count in
    the statistics too)."""
    import aiohttp

    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    async with aiohttp.ClientSession(
        connector=connector, timeout=aiohttp.ClientTimeout(total=request_timeout)
    ) as session:

        async def talk() -> List[str]:
            sender = f"warm-up-{uuid.uuid4().hex[:8]}"
            seen: List[str] = []
            for text in messages:
                async with session.post(
                    url + "/webhooks/rest/webhook", json={"sender": sender, "message": text}
                ) as response:
                    response.raise_for_status()
                    seen += kinds(json.loads(await response.read()))
            return seen

        return await asyncio.gather(*(talk() for _ in range(senders)))


def check_tickets(database_url: str, conversations: List[Conversation]) -> List[str]:
    """Problems with the tickets: each conversation must have exactly one, with its reference."""
    from sqlalchemy import select

    from bot.storage.db import engine, session
    from bot.tickets.models import Ticket

    problems = []
    try:
        with session(database_url) as db:
            tickets = list(db.execute(select(Ticket)).scalars())
            by_contact: Dict[str, list] = {}
            for ticket in tickets:
                by_contact.setdefault(ticket.requester_contact, []).append(ticket)
            asked = [c for c in conversations if c.handoff]
            for c in asked:
                found = by_contact.get(c.contact, [])
                references = sorted(t.reference for t in found)
                if len(found) != 1:
                    problems.append(f"{c.sender}: {len(found)} tickets {references}, expected 1")
                elif found[0].requester_name != c.name:
                    problems.append(f"{c.sender}: ticket {references[0]} has another name")
                elif c.reference != references[0]:
                    problems.append(f"{c.sender}: the reply named {c.reference}, the database holds {references[0]}")
            expected = {c.contact for c in asked}
            strays = [t.reference for t in tickets if t.requester_contact not in expected]
            if strays:
                problems.append(f"tickets of no conversation of this run: {strays}")
    finally:
        engine(database_url).dispose()
    return problems


@contextlib.contextmanager
def running(
    setup: str,
    store: str,
    model: Path,
    workdir: Path,
    workers: int,
    postgres_url: Optional[str],
    postgres_admin_url: Optional[str],
    action_workers: int = 1,
) -> Iterator[Assistant]:
    """The servers of a set-up, started and stopped. With ``store`` "postgresql" the tracker store
    and the tickets share one database: ``postgres_url`` (empty), else a new one on the server of
    ``postgres_admin_url``, dropped afterwards."""
    with contextlib.ExitStack() as stack:
        if store == "postgresql" and postgres_url is None:
            postgres_url = stack.enter_context(
                scratch_postgres_database(postgres_admin_url or DEFAULT_POSTGRES, prefix="cip_load")
            )
        database = postgres_url if store == "postgresql" else None
        redis_url = None
        if setup == "multi":
            redis = Redis(workdir / "redis.log").start()
            stack.callback(redis.stop)
            redis_url = redis.url
        assistant = Assistant(
            model,
            workdir,
            database_url=database,
            tracker_url=database,
            workers=workers if setup == "multi" else 1,
            redis_url=redis_url,
            action_workers=action_workers,
        ).start()
        stack.callback(assistant.stop)
        yield assistant


def describe(setup: str, store: str, workers: int, action_workers: int = 1) -> str:
    stores = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[store] + " tracker store and tickets"
    actions = "" if action_workers == 1 else f"; {action_workers} action server workers"
    if setup == "single":
        return f"1 Rasa process; {stores}; in-memory lock store{actions}"
    return f"{workers} Rasa workers (SANIC_WORKERS); {stores}; Redis lock store{actions}"


def run_load(
    setup: str = "single",
    conversations: int = 32,
    turns: int = 50,
    timeout: float = 600,
    model: Path = MODEL,
    workers: int = 2,
    store: Optional[str] = None,
    action_workers: int = 1,
    postgres_url: Optional[str] = None,
    postgres_admin_url: Optional[str] = None,
    seed: int = 0,
    request_timeout: float = 60,
    progress_every: float = 10,
    workdir: Optional[Path] = None,
    say: Optional[Callable[[str], None]] = None,
    plans: Optional[List[Conversation]] = None,
    page: bool = False,
) -> dict:
    """Starts the set-up, runs the load, checks the tickets, stops the servers, compares the
    coordinator's statistics with what the conversations saw (with ``page`` also the inbox page);
    returns the figures and ``ok`` (no error, one ticket per handoff, not stopped by the timeout,
    no difference in the statistics). ``store``: where the conversations and tickets are kept,
    "sqlite" (default of single) or "postgresql" (of multi). ``plans``: scripted conversations
    instead of ``conversations`` random ones of ``turns`` turns."""
    store = store or ("sqlite" if setup == "single" else "postgresql")
    warm = not plans  # a scripted set runs without warm-up conversations: they would be counted too
    if plans:
        conversations, turns = len(plans), max(c.turns for c in plans)
    if conversations < 1 or turns < 1:
        raise ValueError("at least one conversation of at least one turn")
    say = say or (lambda text: print(f"[{dt.datetime.now():%H:%M:%S}] {setup}: {text}", flush=True))
    themes, small = texts()
    run_id = uuid.uuid4().hex[:6]
    plans = plans or [plan(run_id, i, turns, themes, small, seed) for i in range(conversations)]
    own_dir = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix=f"cip-load-{setup}-")) if own_dir else workdir
    result = {
        "setup": setup,
        "store": store,
        "description": describe(setup, store, workers, action_workers),
        "conversations": conversations,
        "turns": turns,
        "workdir": str(workdir),
    }
    try:
        say(f"starting: {result['description']}")
        with running(
            setup, store, Path(model), workdir, workers, postgres_url, postgres_admin_url, action_workers
        ) as assistant:
            say(f"servers up on {assistant.url}; warming up")
            warmed = []
            if warm:
                senders = 4 * (workers if setup == "multi" else 1)
                warmed = asyncio.run(warm_up(assistant.url, senders, ["hallo", themes[0], small[-1]], request_timeout))
            say(f"{conversations} conversations x {turns} turns")
            first_day = dutch_today()
            load = Run(assistant.url, plans, turns, request_timeout, say)
            servers = {"Rasa server": assistant.rasa.process.pid, "action server": assistant.actions.process.pid}
            client = {"load client": os.getpid()}
            before = cpu.snapshot(servers, client)
            elapsed, timed_out = asyncio.run(load.run(timeout, progress_every))
            after = cpu.snapshot(servers, client)
            problems = check_tickets(assistant.database_url, plans)
            assistant.stop()  # the tracker store writes its last counts when it stops
            observed = [(seen, False) for seen in warmed] + [(c.kinds, c.reference is not None) for c in plans]
            statistics = statistics_check(assistant.database_url, observed, first_day, dutch_today(), page)
    except Exception:
        say(f"failed; logs in {workdir}")
        raise
    latencies = [t for c in plans for t in c.latencies]
    errors = [f"{c.sender} {e}" for c in plans for e in c.errors]
    if timed_out:
        errors.append(f"stopped by the timeout of {timeout:.0f} s")
    messages = len(latencies)
    unfinished = [c.sender for c in plans if c.sent < c.turns or (c.handoff and not c.handoff_done)]
    if unfinished and not timed_out:
        errors.append(f"conversations not finished: {unfinished}")
    result.update(
        messages=messages,
        elapsed_s=elapsed,
        rate=messages / elapsed if elapsed else 0.0,
        timed_out=timed_out,
        errors=errors,
        ticket_problems=problems,
        p50=percentile(latencies, 0.50) if latencies else float("nan"),
        p95=percentile(latencies, 0.95) if latencies else float("nan"),
        p99=percentile(latencies, 0.99) if latencies else float("nan"),
        handoffs=sum(c.reference is not None for c in plans),
        statistics=statistics,
        cpu_ms=cpu.per_message(before, after, messages),
    )
    # the rate two cores could reach if nothing but CPU limited it
    result["cpu_bound_rate"] = (os.cpu_count() or 1) * 1000 / result["cpu_ms"]["total"] if messages else 0.0
    result["ok"] = not errors and not problems and not statistics["differences"]
    if result["ok"] and own_dir:
        shutil.rmtree(workdir, ignore_errors=True)
    return result


def cpu_line(result: dict) -> str:
    """'total 32.1: Rasa server 20.3, action server 4.0, ...' in ms of CPU per message."""
    shares = result["cpu_ms"]
    parts = ", ".join(f"{name} {ms:.1f}" for name, ms in shares.items() if name != "total")
    return f"total {shares['total']:.1f} ({parts})" if shares else "-"


def summary(result: dict) -> str:
    lines = [
        f"set-up: {result['setup']} ({result['description']})",
        f"conversations x turns: {result['conversations']} x {result['turns']}",
        f"messages: {result['messages']} (a handoff can make a short conversation longer)",
        f"errors: {len(result['errors'])}",
        *[f"  {e}" for e in result["errors"][:10]],
        f"handoffs with a reference: {result['handoffs']} of {result['conversations']}; "
        f"ticket problems: {len(result['ticket_problems'])}",
        *[f"  {p}" for p in result["ticket_problems"][:10]],
        f"elapsed: {result['elapsed_s']:.1f} s",
        f"throughput: {result['rate']:.1f} messages/s",
        f"latency p50 / p95 / p99: {result['p50']:.0f} / {result['p95']:.0f} / {result['p99']:.0f} ms",
        f"CPU per message: {cpu_line(result)}",
        "the coordinator's statistics beside what the conversations saw:",
        side_by_side(result["statistics"]),
        f"at most {result['cpu_bound_rate']:.0f} messages/s on {os.cpu_count()} cores at this CPU cost per message",
        "RESULT: " + ("OK" if result["ok"] else f"FAILED (logs kept in {result['workdir']})"),
    ]
    return "\n".join(lines)


def ratios(results: List[dict]) -> str:
    """Per set-up, the project against stock Rasa measured in the same run: figures of one machine
    that travel to another as ratios."""
    lines = [
        "| project / stock Rasa | messages per second | latency p50 | latency p95 | CPU per message |",
        "| --- | --- | --- | --- | --- |",
    ]
    for setup in dict.fromkeys(r["setup"] for r in results):
        of = {r["rasa"]: r for r in results if r["setup"] == setup}
        if {"project", "stock"} <= set(of):
            ours, stock = of["project"], of["stock"]
            lines.append(
                f"| {setup} | {ours['rate'] / stock['rate']:.2f} x | {ours['p50'] / stock['p50']:.2f} x "
                f"| {ours['p95'] / stock['p95']:.2f} x | {ours['cpu_ms']['total'] / stock['cpu_ms']['total']:.2f} x |"
            )
    return "\n".join(lines)


def table(results: List[dict]) -> str:
    rows = [
        ("set-up", lambda r: r["description"]),
        ("conversations x turns", lambda r: f"{r['conversations']} x {r['turns']}"),
        ("messages", lambda r: str(r["messages"])),
        ("errors", lambda r: str(len(r["errors"]))),
        (
            "handoffs / exactly one ticket each",
            lambda r: f"{r['handoffs']} / {'yes' if not r['ticket_problems'] else 'NO'}",
        ),
        ("elapsed (s)", lambda r: f"{r['elapsed_s']:.1f}"),
        ("messages per second", lambda r: f"{r['rate']:.1f}"),
        ("latency p50 / p95 / p99 (ms)", lambda r: f"{r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f}"),
        ("CPU per message (ms)", cpu_line),
        ("messages/s the cores allow at that CPU cost", lambda r: f"{r['cpu_bound_rate']:.0f}"),
    ]
    names = [r["setup"] + (" (stock Rasa)" if r.get("rasa") == "stock" else "") for r in results]
    lines = ["| load | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(results)]
    lines += [f"| {label} | " + " | ".join(fmt(r) for r in results) + " |" for label, fmt in rows]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--setup", choices=("single", "multi", "both"), default="single")
    parser.add_argument("-c", "--conversations", type=int, default=32)
    parser.add_argument("-t", "--turns", type=int, default=50)
    parser.add_argument("--timeout", type=float, default=600, help="seconds for the load phase of one set-up")
    parser.add_argument("--request-timeout", type=float, default=60, help="seconds for one message")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="Rasa workers of the multi set-up")
    parser.add_argument(
        "--action-workers",
        type=int,
        default=1,
        help="action server workers (rasa-sdk's ACTION_SERVER_SANIC_WORKERS), both set-ups",
    )
    parser.add_argument(
        "--store",
        choices=("sqlite", "postgresql"),
        help="tracker store and tickets (default: sqlite for single, postgresql for multi)",
    )
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("CIP_TEST_POSTGRES_URL", DEFAULT_POSTGRES),
        help="PostgreSQL server (a database to connect to) where the multi set-up makes its own throwaway database",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--scripted",
        action="store_true",
        help=f"the scripted set ({len(SCRIPTED) * SCRIPTED_TIMES} conversations) instead of -c/-t random ones",
    )
    parser.add_argument(
        "--page", action="store_true", help="also read the coordinator's statistics page over HTTP (cip web)"
    )
    parser.add_argument("--write", action="store_true", help="append the figures to bench/RESULTS.md")
    parser.add_argument(
        "--compare-stock",
        action="store_true",
        help="run each set-up also on stock Rasa (CIP_RASA_PATCHES=0, same model) and print the ratios",
    )
    args = parser.parse_args()
    setups = ["single", "multi"] if args.setup == "both" else [args.setup]
    if "multi" in setups and not shutil.which("redis-server"):
        parser.error("the multi set-up needs redis-server (apt-get install redis-server)")
    results = []
    for setup in setups:
        for rasa in ("project", "stock") if args.compare_stock else ("project",):
            with rasa_patches(rasa == "project"):
                result = run_load(
                    setup,
                    args.conversations,
                    args.turns,
                    args.timeout,
                    args.model,
                    args.workers,
                    store=args.store,
                    action_workers=args.action_workers,
                    postgres_admin_url=args.postgres_url,
                    seed=args.seed,
                    request_timeout=args.request_timeout,
                    page=args.page,
                    plans=scripted(uuid.uuid4().hex[:6]) if args.scripted else None,
                )
            result["rasa"] = rasa
            if rasa == "stock":
                result["description"] += "; stock Rasa (CIP_RASA_PATCHES=0)"
            print("\n" + summary(result) + "\n", flush=True)
            results.append(result)
    report = table(results)
    if args.compare_stock:
        report += "\n\n" + ratios(results)
    print(report)
    if args.write:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        header = (
            f"\n## {dt.date.today()} load test, bench/load.py (commit {commit or 'uncommitted'}, "
            f"{os.cpu_count()} cores)\n\n"
        )
        with RESULTS.open("a") as handle:
            handle.write(header + report + "\n")
        print(f"appended to {RESULTS.relative_to(ROOT)}")
    return 0 if all(r["ok"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
