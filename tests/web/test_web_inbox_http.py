"""The inbox over HTTP, against the real `cip web` server process: what a browser without JavaScript,
or someone trying their luck, gets back. Accounts are made with `cip users create`, tickets with the
ticket service, the database is a real SQLite file shared by the server and the test."""

from __future__ import annotations

import os
import subprocess

import pytest

from bot.region import load_region
from bot.storage.db import session
from bot.tickets.models import OPEN, TAKEN
from bot.tickets.service import HandoffRequest, create_ticket, find_ticket
from bot.web.accounts import FREE_FAILURES
from tests.helpers.inbox_web import CIP, PASSWORDS, Client, inbox_server
from tests.helpers.launch import Server, free_port


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    """`cip web` on a free port with its own database and accounts made by `cip users create`."""
    workdir = tmp_path_factory.mktemp("web")
    server = inbox_server(workdir, f"sqlite:///{workdir / 'cip.db'}")
    yield server
    server.stop()


def new_ticket(
    web, key: str, question: str = "Mag school met het wijkteam over mijn zoon praten?", language: str | None = None
) -> str:
    with session(web.database_url) as db:
        ticket, _ = create_ticket(
            db,
            load_region(),
            HandoffRequest(
                submission_key=key,
                municipality="Aalten",
                theme="privacy",
                role="ouder",
                question=question,
                name="Sanne",
                contact=f"{key}@example.org",
                consent=True,
                summary="privacy: delen met wijkteam",
                language=language,
            ),
        )
        assert ticket.contact_id == "anna"  # the only contact person for privacy in Aalten
        return ticket.reference


def status_of(web, reference: str) -> str:
    with session(web.database_url) as db:
        return find_ticket(db, reference).status


def test_without_a_session_every_page_leads_to_the_log_in(web):
    reference = new_ticket(web, "anonymous")
    visitor = Client(web.base)
    assert visitor.get("/inbox/").status == 303 and visitor.get("/inbox/").location == "/inbox/login"
    answer = visitor.get(f"/inbox/tickets/{reference}")
    assert answer.status == 303 and answer.location == f"/inbox/login?next=/inbox/tickets/{reference}"
    assert visitor.post(f"/inbox/tickets/{reference}/take", {}).location == "/inbox/login"
    assert status_of(web, reference) == OPEN
    assert "Log in om verder te gaan" in visitor.get(answer.location).body


def test_a_wrong_password_is_refused_in_dutch_and_gives_no_session(web):
    visitor = Client(web.base)
    answer = visitor.log_in("anna", "niet het goede wachtwoord")
    assert answer.status == 401
    assert "Je gebruikersnaam of wachtwoord klopt niet" in answer.body
    assert not any(c.name == "cip_inbox" and c.value for c in visitor.cookies)
    assert visitor.get("/inbox/").status == 303
    unknown = Client(web.base).log_in("iemand", "niet het goede wachtwoord")
    assert unknown.status == 401 and unknown.body.replace("iemand", "anna") == answer.body.replace(
        answer.csrf(), unknown.csrf()
    )


def test_after_repeated_failures_even_the_right_password_waits(web):
    visitor = Client(web.base)
    answers = [visitor.log_in("bram", "fout wachtwoord nummer").status for _ in range(FREE_FAILURES)]
    assert answers == [401] * (FREE_FAILURES - 1) + [429]
    locked = visitor.log_in("bram")
    assert locked.status == 429 and "Wacht 1 minuut" in locked.body
    assert 0 < int(locked.headers["Retry-After"]) <= 60
    assert visitor.get("/inbox/").status == 303
    # the administrator's new password lifts the lock
    subprocess.run(
        [CIP, "users", "set-password", "bram", "--password-stdin"],
        input="bram krijgt een nieuw wachtwoord",
        text=True,
        env={**os.environ, "DATABASE_URL": web.database_url},
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert visitor.log_in("bram", "bram krijgt een nieuw wachtwoord").status == 303


def test_the_log_in_sets_a_strict_http_only_cookie_and_shows_the_inbox(web):
    reference = new_ticket(web, "cookie")
    anna = Client(web.base)
    answer = anna.log_in("anna")
    assert answer.status == 303 and answer.location == "/inbox/"
    cookie = next(h for h in answer.headers.get_all("Set-Cookie") if h.startswith("cip_inbox="))
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/inbox" in cookie
    assert "Secure" not in cookie  # only with CIP_WEB_SECURE_COOKIES=1 (the demo runs on http)
    page = anna.get("/inbox/")
    assert page.status == 200 and "Jouw open tickets" in page.body and reference in page.body
    assert (
        page.headers["Cache-Control"] == "no-store"
        and "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    )


def test_the_log_in_form_needs_its_csrf_token(web):
    visitor = Client(web.base)
    visitor.get("/inbox/login")
    answer = visitor.post("/inbox/login", {"user_name": "anna", "password": PASSWORDS["anna"]})
    assert answer.status == 403 and "Het inlogformulier was verlopen" in answer.body
    forged = visitor.post("/inbox/login", {"csrf": "0" * 64, "user_name": "anna", "password": PASSWORDS["anna"]})
    assert forged.status == 403 and visitor.get("/inbox/").status == 303


def test_a_post_without_the_sessions_csrf_token_changes_nothing(web):
    reference = new_ticket(web, "csrf")
    anna = Client(web.base)
    anna.log_in("anna")
    token = anna.get(f"/inbox/tickets/{reference}").csrf()
    chantal = Client(web.base)
    chantal.log_in("chantal")
    for fields in ({}, {"csrf": "verkeerd"}, {"csrf": chantal.get("/inbox/").csrf()}):
        refused = anna.post(f"/inbox/tickets/{reference}/take", fields)
        assert refused.status == 403 and "Dit formulier is verlopen" in refused.body
    assert status_of(web, reference) == OPEN
    assert anna.post("/inbox/logout", {}).status == 403 and anna.get("/inbox/").status == 200
    done = anna.post(f"/inbox/tickets/{reference}/take", {"csrf": token})
    assert done.status == 303 and done.location == f"/inbox/tickets/{reference}?gedaan=take"
    assert status_of(web, reference) == TAKEN
    assert "Je hebt het ticket opgepakt." in anna.get(done.location).body


def test_another_contact_person_gets_404_for_a_ticket_not_theirs(web):
    reference = new_ticket(web, "private", question="Een vraag die alleen Anna mag lezen")
    chantal = Client(web.base)
    chantal.log_in("chantal")
    assert reference not in chantal.get("/inbox/?afgerond=1").body
    page = chantal.get(f"/inbox/tickets/{reference}")
    assert page.status == 404 and "Ticket niet gevonden" in page.body and "alleen Anna" not in page.body
    never = chantal.get("/inbox/tickets/CIP-2026-999999")
    assert never.status == 404 and never.body == page.body  # not yours and not there look the same
    for malformed in ("CIP-20x6-1", "alles", "CIP-2026-000001%3Cscript%3E"):
        assert chantal.get(f"/inbox/tickets/{malformed}").status == 404
    token = chantal.get("/inbox/").csrf()
    assert chantal.post(f"/inbox/tickets/{reference}/take", {"csrf": token}).status == 404
    assert chantal.post(f"/inbox/tickets/{reference}/note", {"csrf": token, "note": "stiekem"}).status == 404
    assert status_of(web, reference) == OPEN
    coordinator = Client(web.base)
    coordinator.log_in("coordinator")
    seen = coordinator.get(f"/inbox/tickets/{reference}")
    assert seen.status == 200 and "alleen Anna mag lezen" in seen.body
    assert "Open tickets in de regio" in coordinator.get("/inbox/").body


def test_what_a_user_typed_is_shown_as_text_never_as_markup(web):
    reference = new_ticket(web, "markup", question='<script>alert("x")</script> <b>vet</b>')
    anna = Client(web.base)
    anna.log_in("anna")
    body = anna.get(f"/inbox/tickets/{reference}").body
    assert "&lt;script&gt;" in body and "<script>" not in body and "<b>vet</b>" not in body


def test_the_ticket_page_says_in_which_language_to_call_back(web):
    turkish, dutch = new_ticket(web, "language-tr", language="tr"), new_ticket(web, "language-nl")
    anna = Client(web.base)
    anna.log_in("anna")
    assert "Turks: bel terug in het Engels of met een tolk" in anna.get(f"/inbox/tickets/{turkish}").body
    assert "bel terug in het Engels" not in anna.get(f"/inbox/tickets/{dutch}").body


def test_an_empty_note_or_a_second_close_says_what_to_do(web):
    reference = new_ticket(web, "errors")
    anna = Client(web.base)
    anna.log_in("anna")
    token = anna.get("/inbox/").csrf()
    empty = anna.post(f"/inbox/tickets/{reference}/note", {"csrf": token, "note": "   "})
    assert empty.status == 400 and "Je notitie is leeg. Schrijf eerst iets" in empty.body
    assert anna.post(f"/inbox/tickets/{reference}/close", {"csrf": token, "note": ""}).status == 303
    again = anna.post(f"/inbox/tickets/{reference}/close", {"csrf": token, "note": ""})
    assert again.status == 409 and "Dat kan niet" in again.body and "al afgerond" in again.body


def test_logging_out_ends_the_session_on_the_server(web):
    anna = Client(web.base)
    anna.log_in("anna")
    stolen = [c.value for c in anna.cookies if c.name == "cip_inbox"][0]
    answer = anna.post("/inbox/logout", {"csrf": anna.get("/inbox/").csrf()})
    assert answer.status == 303 and answer.location == "/inbox/login?uitgelogd=1"
    assert "Je bent uitgelogd." in anna.get(answer.location).body
    replay = Client(web.base)
    replay.opener.addheaders = [("Cookie", f"cip_inbox={stolen}")]
    assert replay.get("/inbox/").status == 303


def test_with_secure_cookies_set_the_session_cookie_is_only_sent_over_https(web, tmp_path):
    port = free_port()
    server = Server(
        [CIP, "web", "--port", str(port)],
        tmp_path / "web.log",
        f"http://127.0.0.1:{port}/healthz",
        env={"DATABASE_URL": web.database_url, "CIP_WEB_SECURE_COOKIES": "1"},
    ).start()
    try:
        visitor = Client(f"http://127.0.0.1:{port}")
        form = visitor.get("/inbox/login")
        assert "Secure" in form.headers["Set-Cookie"]
        # a browser keeps a Secure cookie away from plain http, so the log-in form cannot be posted
        assert visitor.log_in("anna").status == 403
    finally:
        server.stop()


def test_an_error_of_the_server_is_a_dutch_page_and_the_log_keeps_no_query(tmp_path):
    """The database cannot be reached: a short Dutch page without details, and a log line with
    the route and error type, but nothing of the request's URL (it may hold what someone typed)."""
    port, log = free_port(), tmp_path / "web.log"
    server = Server(
        [CIP, "web", "--port", str(port)],
        log,
        f"http://127.0.0.1:{port}/healthz",
        env={"DATABASE_URL": f"postgresql://cip:cip@127.0.0.1:{free_port()}/weg"},
    ).start()
    try:
        visitor = Client(f"http://127.0.0.1:{port}")
        visitor.opener.addheaders = [("Cookie", "cip_inbox=een-sessie")]
        answer = visitor.get("/inbox/tickets/CIP-2026-000001?zoek=geheim-woord")
        assert answer.status == 500 and "Er ging bij ons iets mis. Probeer het later opnieuw." in answer.body
        assert '<html lang="nl">' in answer.body and "OperationalError" not in answer.body
        assert answer.headers["Cache-Control"] == "no-store"
    finally:
        server.stop()
    written = log.read_text()
    assert "Fout bij GET (cip_web.inbox.ticket_page): OperationalError" in written
    assert "geheim-woord" not in written and "CIP-2026-000001" not in written


def test_a_one_time_password_from_the_region_must_be_replaced_before_anything_else(tmp_path):
    """Before: the passwords of `cip users from-region` (known to whoever handed them out) were
    never forced to change."""
    from bot.storage.db import upgrade
    from tests.helpers.launch import CIP

    database_url = f"sqlite:///{tmp_path / 'cip.db'}"
    upgrade(database_url)
    made = subprocess.run(
        [CIP, "users", "from-region"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
    )
    one_time = next(line.split()[1] for line in made.stdout.splitlines() if line.startswith("anna "))
    port = free_port()
    server = Server(
        [CIP, "web", "--port", str(port)],
        tmp_path / "web.log",
        f"http://127.0.0.1:{port}/healthz",
        env={"DATABASE_URL": database_url},
    ).start()
    try:
        anna = Client(f"http://127.0.0.1:{port}")
        assert anna.log_in("anna", one_time).status == 303
        for path in ("/inbox/", "/inbox/tickets/CIP-7K4M-Q9TX"):
            assert anna.get(path).location == "/inbox/wachtwoord"
        form = anna.get("/inbox/wachtwoord")
        assert form.status == 200 and "eenmalig wachtwoord" in form.body
        short = anna.post("/inbox/wachtwoord", {"csrf": form.csrf(), "password": "kort", "password_again": "kort"})
        assert short.status == 400 and "minstens 12 tekens" in short.body
        same = anna.post("/inbox/wachtwoord", {"csrf": form.csrf(), "password": one_time, "password_again": one_time})
        assert same.status == 400 and "ander wachtwoord" in same.body
        new = "mijn eigen lange wachtwoord"
        changed = anna.post("/inbox/wachtwoord", {"csrf": form.csrf(), "password": new, "password_again": new})
        assert changed.status == 303 and changed.location == "/inbox/login?nieuw=1"
        assert anna.get("/inbox/").location.startswith("/inbox/login")  # the one-time session ended
        assert Client(anna.base).log_in("anna", one_time).status == 401
        again = Client(anna.base)
        assert again.log_in("anna", new).status == 303 and again.get("/inbox/").status == 200
    finally:
        server.stop()
