"""What is stored is the de-identified text only; the coordinator's list groups it; a group marked
handled leaves the list; the retention job deletes every question after 28 days."""

from __future__ import annotations

import os
import subprocess
from datetime import timedelta

import sqlalchemy as sa

from bot.storage.db import session
from bot.tickets.clock import utcnow
from bot.unanswered.models import CLARIFIED, NOT_ANSWERED, UnansweredQuestion
from bot.unanswered.store import mark_handled, open_groups, record
from tests.helpers.launch import CIP


def test_only_the_deidentified_text_is_stored_and_listed_in_groups(database_url):
    now = utcnow()
    with session(database_url) as db:
        record(db, "Mijn dochter Fatma Yilmaz wordt gepest, bel 06-12345678", NOT_ANSWERED, now)
        record(db, "mijn dochter Sanne wordt gepest", NOT_ANSWERED, now)
        record(db, "mag de hond mee naar school?", CLARIFIED, now)
    with session(database_url) as db:
        stored = db.execute(sa.select(UnansweredQuestion.text)).scalars().all()
        groups = open_groups(db, now)
    assert not any(word in " ".join(stored) for word in ("Fatma", "Yilmaz", "12345678", "Sanne"))
    assert [g.count for g in groups] == [2, 1]
    with session(database_url) as db:
        assert mark_handled(db, groups[0].ids, now) == 2
    with session(database_url) as db:
        assert [g.texts for g in open_groups(db, now)] == [["mag de hond mee naar school?"]]


def test_the_retention_job_deletes_questions_older_than_28_days(database_url):
    now = utcnow()
    with session(database_url) as db:
        for age in (0, 27, 29, 40):
            record(db, f"een vraag van {age} dagen oud over pesten", NOT_ANSWERED, now - timedelta(days=age))
    env = {**os.environ, "DATABASE_URL": database_url, "CIP_RETENTION_DAYS": "60"}
    trial = subprocess.run([CIP, "retention", "run", "--dry-run"], capture_output=True, text=True, env=env, timeout=120)
    assert "Onbeantwoorde vragen ouder dan 28 dagen gevonden (proefdraai, niets veranderd): 2." in trial.stdout
    with session(database_url) as db:
        assert db.execute(sa.select(sa.func.count()).select_from(UnansweredQuestion)).scalar_one() == 4
    done = subprocess.run([CIP, "retention", "run"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Onbeantwoorde vragen ouder dan 28 dagen verwijderd: 2." in done.stdout
    with session(database_url) as db:
        left = db.execute(sa.select(UnansweredQuestion.received_at)).scalars().all()
    assert len(left) == 2 and all(now - moment < timedelta(days=28) for moment in left)
