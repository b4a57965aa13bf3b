"""The hostile-input list (tests/data/hostile_inputs.yml), row by row, against a started `cip web`
server on SQLite and on PostgreSQL, with a fake Rasa behind the chat relay.

Every row states what an attacker sends and what they get back; on top of each row's own checks,
no answer may be a 500 or contain another contact person's ticket, a system or source file, or a
traceback. Rows that need a real browser or a trained model name the test that runs them; that
test must exist."""

from __future__ import annotations

import ast
import json
import secrets
import uuid

import pytest
import yaml
from markupsafe import escape
from sqlalchemy import func, select

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.models import OutboxMail, Ticket
from bot.tickets.service import HandoffRequest, create_ticket, find_ticket
from tests.helpers.fake_rasa import FakeRasa
from tests.helpers.inbox_web import PASSWORDS, Client, inbox_server
from tests.helpers.project import ROOT, postgres_database

ROWS = yaml.safe_load((ROOT / "tests" / "data" / "hostile_inputs.yml").read_text(encoding="utf-8"))
RUN = [row for row in ROWS if "covered_by" not in row]
SITE = "https://www.voorbeeldgemeente.example"
NEVER = ("root:x:0:", "Traceback", "CIP_WEB_SECRET", "from __future__", "def ")  # system and source files


def new_ticket(
    database_url: str,
    municipality: str = "Aalten",
    question: str = "Mag school met het wijkteam praten?",
    name: str = "Sanne",
) -> str:
    """A ticket as the handoff action makes it; Aalten + privacy goes to Anna, Oost Gelre to Chantal."""
    with session(database_url) as db:
        ticket, _ = create_ticket(
            db,
            load_region(),
            HandoffRequest(
                submission_key=uuid.uuid4().hex,
                municipality=municipality,
                theme="privacy",
                role="ouder",
                question=question,
                name=name,
                contact=f"{uuid.uuid4().hex[:8]}@example.org",
                consent=True,
                summary="privacy: delen met wijkteam",
            ),
        )
        return ticket.reference


class Site:
    """The server of one database, its fake Rasa, and the logged-in visitors the rows use."""

    def __init__(self, server, rasa: FakeRasa):
        self.server, self.rasa, self.base = server, rasa, server.base
        self.own_secret, self.other_secret = f"eigen-{uuid.uuid4().hex}", f"ander-{uuid.uuid4().hex}"
        self.own = new_ticket(server.database_url, question=f"Vraag {self.own_secret} voor Anna")
        self.other = new_ticket(server.database_url, "Oost Gelre", question=f"Vraag {self.other_secret} van Chantal")
        self.anna, self.chantal = self.logged_in("anna"), self.logged_in("chantal")
        ended = self.logged_in("anna")
        self.ended_cookie = self.cookie(ended)
        assert ended.post("/inbox/logout", {"csrf": ended.get("/inbox/").csrf()}).status == 303

    def logged_in(self, name: str) -> Client:
        client = Client(self.base)
        assert client.log_in(name).status == 303
        return client

    @staticmethod
    def cookie(client: Client) -> str:
        return next(c.value for c in client.cookies if c.name == "cip_inbox")

    def visitor(self, who: str) -> Client:
        cookies = {
            "chantal-cookie": lambda: self.cookie(self.chantal),
            "ended-session": lambda: self.ended_cookie,
            "forged-cookie": lambda: secrets.token_urlsafe(32),
        }
        if who in ("anna", "chantal"):
            return getattr(self, who)
        client = Client(self.base)
        if who in cookies:
            client.opener.addheaders = [("Cookie", f"cip_inbox={cookies[who]()}")]
        else:
            assert who == "anonymous", who
        return client

    def fill(self, value, places: dict):
        """`value` with the row's placeholders filled in (also inside dicts)."""
        if isinstance(value, dict):
            return {key: self.fill(item, places) for key, item in value.items()}
        for name, replacement in places.items():
            value = value.replace("{" + name + "}", replacement)
        return value

    def ticket_state(self, reference: str) -> tuple:
        with session(self.server.database_url) as db:
            ticket = find_ticket(db, reference)
            return ticket.status, len(ticket.events)

    def ticket_count(self) -> int:
        with session(self.server.database_url) as db:
            return db.execute(select(func.count()).select_from(Ticket)).scalar_one()

    def mail_of(self, reference: str) -> str:
        with session(self.server.database_url) as db:
            ticket = find_ticket(db, reference)
            mail = db.execute(select(OutboxMail).where(OutboxMail.ticket_id == ticket.id)).scalar_one()
            return f"{mail.subject}\n{mail.body}"


@pytest.fixture(scope="module")
def rasa():
    fake = FakeRasa.started()
    yield fake
    fake.shutdown()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def site(request, rasa, tmp_path_factory):
    workdir = tmp_path_factory.mktemp(f"hostile-{request.param}")
    databases = postgres_database() if request.param == "postgresql" else iter([f"sqlite:///{workdir / 'cip.db'}"])
    for url in databases:
        server = inbox_server(workdir, url, env={"CIP_RASA_URL": rasa.url, "CIP_WEB_ORIGINS": SITE})
        try:
            yield Site(server, rasa)
        finally:
            server.stop()


def send(site: Site, row: dict, places: dict):
    """The row's request; returns the answer (a Response of tests.helpers.inbox_web)."""
    client = site.visitor(row.get("as", "anonymous"))
    if "get" in row:
        return client.get(site.fill(row["get"], places))
    if "post" in row:
        return client.post(site.fill(row["post"], places), site.fill(row.get("form", {}), places))
    if "login" in row:
        fields = site.fill(row["login"], places)
        form = client.get("/inbox/login")
        token = Client(site.base).get("/inbox/login").csrf() if fields.pop("csrf", None) else form.csrf()
        return client.post("/inbox/login", {"csrf": token, **fields})
    body = json.dumps({"sender": uuid.uuid4().hex, "message": row["chat"]}).encode()
    return client.post_raw("/chat", body, {"Content-Type": "application/json", "Origin": SITE})


@pytest.mark.parametrize("row", RUN, ids=[row["id"] for row in RUN])
def test_a_hostile_input_gets_the_expected_answer_and_nothing_leaks(site, row):
    places = {
        "own": site.own,
        "other": site.other,
        "own_secret": site.own_secret,
        "other_secret": site.other_secret,
        "year": site.own.split("-")[1],
        "number": site.own.split("-")[2],
        "csrf": site.anna.get("/inbox/").csrf(),
        "csrf_chantal": site.chantal.get("/inbox/").csrf(),
        "anna_password": PASSWORDS["anna"],
    }
    if "{fresh}" in json.dumps(row):
        places["fresh"] = new_ticket(site.server.database_url)
    if "ticket" in row:
        places["ticket"] = new_ticket(site.server.database_url, **row["ticket"])
    target = next((places[key] for key in ("fresh", "other") if "{" + key + "}" in row.get("post", "")), None)
    before, tickets = (site.ticket_state(target) if target else None), site.ticket_count()

    answer = send(site, row, places)

    assert answer.status == row["status"], answer.body[:500]
    if "location" in row:
        assert answer.location == row["location"]
    pages = [answer]
    if row.get("follow"):
        pages.append(site.anna.get(answer.location))
        assert pages[-1].status == 200
    for text in row.get("shows", []):
        assert str(escape(site.fill(text, places))) in pages[-1].body
    for page in pages:
        for text in [*row.get("hides", []), *NEVER, "{other_secret}"]:
            assert site.fill(text, places) not in page.body
    if row.get("unchanged"):
        assert site.ticket_state(target) == before
    assert site.ticket_count() == tickets  # none lost, none made
    if "rasa_receives" in row:
        assert site.rasa.received[-1][1]["message"] == row["rasa_receives"]
        assert answer.headers["Content-Type"] == "application/json"
    if "mail_hides" in row:
        mail = site.mail_of(places["ticket"])
        assert places["ticket"] in mail and not [text for text in row["mail_hides"] if text in mail]


def test_the_list_covers_every_attack_and_its_rows_are_well_formed():
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids))
    assert {row["attack"] for row in ROWS} == {
        "script",
        "sql",
        "template",
        "traversal",
        "forged-id",
        "session",
        "csrf",
        "flood",
        "exposure",
    }
    for row in RUN:
        assert sum(key in row for key in ("get", "post", "login", "chat")) == 1, row["id"]
        assert isinstance(row["status"], int) and row["what"], row["id"]


@pytest.mark.parametrize("row", [row for row in ROWS if "covered_by" in row], ids=lambda row: row["id"])
def test_a_row_run_elsewhere_names_a_test_that_exists(row):
    path, name = row["covered_by"].split("::")
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    assert name in {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}, row["covered_by"]
