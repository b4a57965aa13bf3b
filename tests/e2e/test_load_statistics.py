"""A coordinator logs in after a load and sees, for its conversations, the right counts (issue 17).

The scripted set of bench/load.py (an answer, a privacy answer then a handoff, a crisis, a question
in English, one outside the themes, one not understood; each five times) goes through the REST
channel of a running assistant. After the servers stopped, the coordinator's figures (the function
the page uses, and the page over HTTP) must equal what the conversations' replies showed: every
group has five conversations, so nothing is held back as "< 5"."""

from __future__ import annotations

import uuid

from bench.load import SCRIPTED, SCRIPTED_TIMES, run_load, scripted, summary


def test_the_coordinator_sees_what_the_scripted_conversations_did(trained_model, tmp_path):
    result = run_load(
        "single", model=trained_model, workdir=tmp_path, plans=scripted(uuid.uuid4().hex[:6]), page=True, timeout=300
    )
    print(summary(result))
    assert result["errors"] == [] and result["ticket_problems"] == []
    rows = {row[0]: list(row[1:]) for row in result["statistics"]["rows"]}
    assert result["statistics"]["differences"] == []
    assert {verdict for *_, verdict in rows.values()} == {"gelijk"}
    # the load's own counts (what the replies showed), the function's and the page's
    assert rows["Gesprekken"][:3] == [str(len(SCRIPTED) * SCRIPTED_TIMES)] * 3
    for outcome in ("Crisisantwoord", "Andere taal", "Doorverwijzing afgerond", "Tickets gemaakt"):
        assert rows[outcome][:3] == [str(SCRIPTED_TIMES)] * 3, outcome
    assert int(rows["Vragen beantwoord"][0]) >= 2 * SCRIPTED_TIMES
    assert int(rows["Geen antwoord"][0]) >= SCRIPTED_TIMES
