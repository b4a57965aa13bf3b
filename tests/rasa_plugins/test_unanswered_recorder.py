"""The recorder at the end of the NLU pipeline stores what got a question back or an honest
non-answer, de-identified, and nothing else: no crisis, no answered question, no form answer, and
nothing at all unless CIP_RECORD_UNANSWERED=1."""

from __future__ import annotations

import sqlalchemy as sa
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.crisis_net import CrisisSafetyNet
from bot.rasa_plugins.nlu.unanswered import UnansweredRecorder
from bot.storage.db import session
from bot.unanswered.models import CLARIFIED, NOT_ANSWERED, UnansweredQuestion

CLARIFY = {"kind": "clarify", "key": None, "offered": ["absence/holiday_leave"], "subject": None}
NO_ANSWER = {"kind": "not_covered", "key": None, "offered": [], "subject": "pesten"}


def _message(text: str, intent: str, choice: dict | None) -> Message:
    data = {"text": text, "intent": {"name": intent, "confidence": 0.4}, "entities": []}
    if choice is not None:
        data["answer_choice"] = choice
    return Message(data=data)


def _run(messages: list) -> None:
    """The last two components of config.yml, in their order."""
    CrisisSafetyNet.create({}, None, None, None).process(messages)
    UnansweredRecorder.create({}, None, None, None).process(messages)


def _stored(url) -> list:
    with session(url) as db:
        return db.execute(sa.select(UnansweredQuestion.outcome, UnansweredQuestion.text)).all()


def test_only_clarified_and_unanswered_questions_are_stored_deidentified(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("CIP_RECORD_UNANSWERED", "1")
    _run(
        [
            _message("mag Daan in mei een week op vakantie naar Turkije", "nlu_fallback", CLARIFY),
            _message("mijn dochter Fatma wordt gepest in Groenlo", "nlu_fallback", NO_ANSWER),
            _message("mijn vader slaat me elke dag", "nlu_fallback", NO_ANSWER),  # a crisis
            _message("mag ik op vakantie buiten de schoolvakantie", "absence", CLARIFY),  # answered
            _message("Kim de Vries", "nlu_fallback", CLARIFY),  # a form's answer
            _message("iets over het weer vandaag zeg", "nlu_fallback", {**NO_ANSWER, "subject": None}),
        ]
    )
    stored = sorted(_stored(database_url))
    assert [outcome for outcome, _ in stored] == [CLARIFIED, NOT_ANSWERED]
    assert "Daan" not in stored[0][1] and "[NAAM]" in stored[0][1] and "vakantie" in stored[0][1]
    assert stored[1][1] == "mijn dochter [NAAM] wordt gepest in [PLAATS]"


def test_nothing_is_stored_when_the_setting_is_off(database_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.delenv("CIP_RECORD_UNANSWERED", raising=False)
    _run([_message("mijn dochter Fatma wordt gepest in Groenlo", "nlu_fallback", NO_ANSWER)])
    assert _stored(database_url) == []
