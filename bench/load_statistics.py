"""What the coordinator sees after a load test, beside what the load itself saw (issue 17).

The load client reads every reply as a user does: by the domain's response texts (bench/replies.py).
Per conversation it counts what the statistics count: the conversation, each answer once, a
clarification, a non-answer, a handoff started and one completed (a reference in the reply), a
crisis answer, another language, a ticket. The coordinator's side is read after the assistant has
stopped, so that the tracker store has written its last counts: bot.statistics.view.gather (what
the inbox page and `cip stats` use) without filters over the days of the run, and, when asked, the
page itself over HTTP, logged in as the coordinator.

A coordinator's figure adds up groups of at least 5 conversations (bot/statistics/report.py). It
equals the load's count when every group is that large (the scripted set of
tests/e2e/test_load_statistics.py); it may be lower when the figure says groups of fewer than 5 were
left out. Anything else is a difference."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Tuple

from bench.replies import CLARIFY, CRISIS, HANDOFF, NON_ANSWER, OTHER_LANGUAGE, THEMES
from bot.statistics.counting import CONVERSATION_OUTCOMES, TICKET_CREATED
from bot.statistics.report import OUTCOME_TEXT, Figure, Filters, Period
from bot.statistics.view import gather
from bot.storage.db import engine, session
from bot.tickets.clock import utcnow

OUTCOMES = (*CONVERSATION_OUTCOMES, TICKET_CREATED)
ONCE = {
    "clarification": CLARIFY,
    "no_answer": NON_ANSWER,
    "handoff_started": HANDOFF,
    "crisis": CRISIS,
}
PAGE_TABLES = ("Gesprekken en wat ze opleverden, per periode", "Tickets per periode en deel op tijd")


def seen(kinds: List[str], completed: bool) -> Counter:
    """What one conversation counts for, from the kinds of its replies (bench.replies.kinds) and
    whether its handoff ended with a reference."""
    counts = Counter(conversation=1, answered=len({k for k in kinds if k.split("/")[0] in THEMES and "/" in k}))
    for outcome, kind in ONCE.items():
        counts[outcome] = int(kind in kinds)
    counts["other_language"] = int(any(k.startswith(OTHER_LANGUAGE) for k in kinds))
    counts["handoff_completed"] = counts[TICKET_CREATED] = int(completed)
    return counts


def coordinator_figures(database_url: str, first: dt.date, last: dt.date) -> Dict[str, Figure]:
    """Per outcome the coordinator's figure without filters over the weeks from `first` to
    `last`: the periods' figures added up."""
    period = Period.around("week", first, last, last)
    try:
        with session(database_url) as db:
            report = gather(db, period, Filters(), utcnow()).report
    finally:
        engine(database_url).dispose()
    totals = {outcome: Figure() for outcome in OUTCOMES}
    for table in (report.over_time, report.tickets_over_time):
        for row in table.rows.values():
            for outcome in set(OUTCOMES) & set(row):
                totals[outcome] = totals[outcome] + row[outcome]
    return totals


class _Tables(HTMLParser):
    """The cells of the page's tables by caption: {caption: [[cell, ...], ...]}."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: Dict[str, List[List[str]]] = {}
        self._rows: List[List[str]] = []
        self._text: Optional[List[str]] = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._rows = []
        elif tag == "tr":
            self._rows.append([])
        elif tag in ("th", "td", "caption"):
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._text is not None:
            self._rows[-1].append("".join(self._text).strip())
        elif tag == "caption" and self._text is not None:
            self.tables["".join(self._text).strip()] = self._rows
        if tag in ("th", "td", "caption"):
            self._text = None


def page_figures(database_url: str, first: dt.date, last: dt.date) -> Dict[str, Figure]:
    """The same totals read from the inbox page over HTTP (`cip web`, logged in as the
    coordinator): the columns of its tables per period, added up."""
    from tests.helpers.inbox_web import Client, inbox_server

    with tempfile.TemporaryDirectory() as folder:
        server = inbox_server(Path(folder), database_url)
        try:
            client = Client(server.base)
            client.log_in("coordinator")
            answer = client.get(f"/inbox/statistieken?periode=week&van={first}&tot={last}")
            assert answer.status == 200, answer.status
        finally:
            server.stop()
    parser = _Tables()
    parser.feed(answer.body)
    totals = {}
    by_text = {text: outcome for outcome, text in OUTCOME_TEXT.items()}
    for caption in PAGE_TABLES:
        header, *rows = parser.tables[caption]
        for column, name in enumerate(header):
            outcome = by_text.get(name)
            if outcome in OUTCOMES:
                cells = [row[column] for row in rows]
                totals[outcome] = sum((Figure(0, True) if c == "< 5" else Figure(int(c)) for c in cells), Figure())
    return totals


def compare(load: Counter, figures: Dict[str, Figure], page: Optional[Dict[str, Figure]] = None) -> dict:
    """Side by side per outcome, with a verdict; `differences` lists the outcomes that are wrong."""
    rows, differences = [], []
    for outcome in OUTCOMES:
        figure = figures[outcome]
        if figure.value == load[outcome]:
            verdict = "gelijk"
        elif figure.value < load[outcome] and figure.small:
            verdict = "lager: groepen < 5 weggelaten"
        else:
            verdict = "VERSCHIL"
        shown = [str(figure)]
        if page is not None:
            shown.append(str(page[outcome]))
            if str(page[outcome]) != str(figure):
                verdict = "VERSCHIL met de pagina"
        if verdict.startswith("VERSCHIL"):
            differences.append(outcome)
        rows.append((OUTCOME_TEXT[outcome], str(load[outcome]), *shown, verdict))
    return {"rows": rows, "differences": differences, "page": page is not None}


def statistics_check(
    database_url: str, conversations: Iterable[Tuple[List[str], bool]], first: dt.date, last: dt.date, page: bool
) -> dict:
    """compare() of what the conversations saw, (kinds of their replies, whether a handoff was
    completed) each, and what the coordinator sees for the days from `first` to `last`."""
    load: Counter = Counter()
    for kinds, completed in conversations:
        load.update(seen(kinds, completed))
    figures = coordinator_figures(database_url, first, last)
    return compare(load, figures, page_figures(database_url, first, last) if page else None)


def side_by_side(check: dict) -> str:
    """The comparison as a Markdown table."""
    head = ["wat", "de load zag", "coördinator (gather)", *(["pagina"] if check["page"] else []), "oordeel"]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in check["rows"]]
    return "\n".join(lines)
