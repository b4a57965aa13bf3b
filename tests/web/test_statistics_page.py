"""The coordinator's statistics page and its CSV over HTTP, against the real `cip web` server: the
figures with "< 5" for small groups, a filter, the CSV download; a contact person gets 404."""

from __future__ import annotations

import csv
import io

import pytest

from tests.helpers.inbox_web import Client
from tests.helpers.statistics_page import statistics_server


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    server = statistics_server(tmp_path_factory.mktemp("stats"))
    yield server
    server.stop()


def logged_in(web, name: str) -> Client:
    client = Client(web.base)
    assert client.log_in(name).status == 303
    return client


def test_the_coordinator_sees_the_figures_with_small_groups_as_less_than_five(web):
    page = logged_in(web, "coordinator").get("/inbox/statistieken")
    assert page.status == 200
    assert "<svg" in page.body and 'aria-labelledby="chart-volume"' in page.body
    assert '<th scope="row">leerplicht en verzuim</th><td>0</td><td>6</td>' in page.body
    assert '<th scope="row">privacy</th><td>0</td><td>&lt; 5</td>' in page.body
    assert "Binnen 48 uur opgepakt" in page.body and "100%" in page.body


def test_a_filter_narrows_the_figures(web):
    page = logged_in(web, "coordinator").get("/inbox/statistieken?gemeente=Aalten&periode=month")
    assert page.status == 200
    assert '<option value="Aalten" selected>' in page.body
    assert "<td>6</td>" not in page.body and "&lt; 5" in page.body


def test_an_unknown_filter_value_is_a_clear_error(web):
    page = logged_in(web, "coordinator").get("/inbox/statistieken?gemeente=Amsterdam")
    assert page.status == 400 and "onbekende waarde" in page.body


def test_the_csv_has_dutch_headers_and_the_same_figures(web):
    answer = logged_in(web, "coordinator").get("/inbox/statistieken.csv?thema=absence")
    assert answer.status == 200 and answer.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in answer.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(answer.body), delimiter=";"))
    themes = rows[[row[:1] for row in rows].index(["Per thema"]) + 1 :][:2]
    assert themes[0][:3] == ["Thema", "Gesprekken", "Vragen beantwoord"]
    assert themes[1][:3] == ["leerplicht en verzuim", "0", "6"]


@pytest.mark.parametrize("path", ["/inbox/statistieken", "/inbox/statistieken.csv"])
def test_a_contact_person_gets_not_found(web, path):
    answer = logged_in(web, "anna").get(path)
    assert answer.status == 404
    assert "Statistieken" not in answer.body and "6" not in answer.body.split("<main")[-1]
