"""Storing, listing and forgetting the questions without an answer.

`record` de-identifies first and stores only the result: the message itself is never written,
logged or kept. It is called by the NLU component at the end of the pipeline
(bot/rasa_plugins/nlu/unanswered.py) when CIP_RECORD_UNANSWERED=1 (scripts/run sets it)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.privacy.retention_periods import UNANSWERED_DAYS as KEEP_DAYS
from bot.region import load_region
from bot.unanswered.deidentify import deidentify
from bot.unanswered.grouping import Group, group
from bot.unanswered.models import UnansweredQuestion

MAX_CHARS = 1000
MIN_WORDS = 3
_TAGS = re.compile(r"\[[A-Z-]+\]")
_CONTENT_WORD = re.compile(r"\b(?!(?:van|de|der|den|te|ter|ten|het)\b)\w{2,}", re.IGNORECASE)


def record(db: Session, text: str, outcome: str, now: datetime) -> bool:
    """Stores the de-identified `text`; not when, without its tags, it is under three words (a name
    or an address typed into the handoff form is no question). Returns whether it was stored."""
    cleaned = deidentify(text[:MAX_CHARS], load_region())
    if len(_CONTENT_WORD.findall(_TAGS.sub(" ", cleaned))) < MIN_WORDS:
        return False
    db.add(UnansweredQuestion(text=cleaned, outcome=outcome, received_at=now))
    return True


def open_groups(db: Session, now: datetime) -> list[Group]:
    """The groups of the questions of the last 28 days that nobody marked handled."""
    rows = db.execute(
        sa.select(UnansweredQuestion.id, UnansweredQuestion.text)
        .where(
            UnansweredQuestion.handled_at.is_(None), UnansweredQuestion.received_at >= now - timedelta(days=KEEP_DAYS)
        )
        .order_by(UnansweredQuestion.id)
    ).all()
    return group([(row.id, row.text) for row in rows])


def mark_handled(db: Session, ids: list[int], now: datetime) -> int:
    """Marks the questions of a group handled; returns how many were still open."""
    result = db.execute(
        sa.update(UnansweredQuestion)
        .where(UnansweredQuestion.id.in_(ids), UnansweredQuestion.handled_at.is_(None))
        .values(handled_at=now)
    )
    return result.rowcount


def purge(db: Session, now: datetime, days: int = KEEP_DAYS) -> int:
    """Deletes the questions older than `days` (at most 28, handled or not); returns how many."""
    cutoff = now - timedelta(days=min(days, KEEP_DAYS))
    return db.execute(sa.delete(UnansweredQuestion).where(UnansweredQuestion.received_at < cutoff)).rowcount
