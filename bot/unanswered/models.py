"""The table of the questions without an answer; on the project's one declarative Base (migration 0007)."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Integer, String, Text

from bot.tickets.models import Base

CLARIFIED, NOT_ANSWERED = "clarification", "no_answer"


class UnansweredQuestion(Base):
    """A message that got a clarification or an honest non-answer, de-identified before it was
    stored; no sender id, nothing that leads back to the conversation."""

    __tablename__ = "unanswered_questions"

    id = Column(Integer, primary_key=True)
    text = Column(Text, nullable=False)
    outcome = Column(String(20), nullable=False)  # CLARIFIED or NOT_ANSWERED
    received_at = Column(DateTime, nullable=False, index=True)
    handled_at = Column(DateTime)  # the maintainer marked its group handled
