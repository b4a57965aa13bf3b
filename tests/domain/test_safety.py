"""The crisis safety net without the classifier: every crisis message is caught, with the
right kind, and no ordinary question about the themes is mistaken for one."""

from __future__ import annotations

import pytest

from bot.domain.safety import CrisisKind, detect_crisis, normalise
from bot.rasa_plugins.nlu.examples import examples_by_intent
from tests.helpers.project import ROOT, load_yaml

CRISIS_DATA = load_yaml(ROOT / "tests" / "data" / "crisis_messages.yml")
CRISIS_SET = CRISIS_DATA["messages"]
ORDINARY_SET = CRISIS_DATA["ordinary"]


@pytest.mark.parametrize("item", CRISIS_SET, ids=[m["text"] for m in CRISIS_SET])
def test_every_crisis_message_is_caught_with_the_right_kind(item):
    assert detect_crisis(item["text"]) == CrisisKind(item["kind"])


def test_recall_on_the_crisis_set_is_100_percent():
    caught = [m for m in CRISIS_SET if detect_crisis(m["text"]) is not None]
    assert len(caught) == len(CRISIS_SET) >= 45


def _non_crisis_examples():
    paths = sorted((ROOT / "data" / "nlu").glob("*.yml")) + sorted((ROOT / "tests" / "nlu").glob("*.yml"))
    return [
        (intent, text) for intent, texts in examples_by_intent(paths).items() if intent != "crisis" for text in texts
    ]


def test_no_question_about_the_themes_is_taken_for_a_crisis():
    examples = _non_crisis_examples()
    assert len(examples) > 500
    false_alarms = [(i, t) for i, t in examples if detect_crisis(t) is not None]
    assert false_alarms == []


@pytest.mark.parametrize("text", ORDINARY_SET)
def test_ordinary_questions_that_share_words_with_a_crisis_are_no_crisis(text):
    assert detect_crisis(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Wat zegt de meldcode over kindermishandeling?",
        "mag school zonder toestemming melden bij veilig thuis als een kind in gevaar is",
        "welke stappen heeft de meldcode huiselijk geweld",
    ],
)
def test_questions_about_procedures_are_left_to_the_themes(text):
    assert detect_crisis(text) is None


def test_spelling_variants_are_caught():
    assert detect_crisis("IK WIL DOOD!!!") == CrisisKind.SUICIDE
    assert detect_crisis("ik denk aan suïcide") == CrisisKind.SUICIDE
    assert detect_crisis("Mijn vader   slaat   me.") == CrisisKind.ABUSE


def test_empty_input_is_no_crisis():
    assert detect_crisis("") is None
    assert detect_crisis(None) is None


def test_normalise_strips_accents_case_and_punctuation():
    assert normalise("  Zelfdoding?!  Één  ") == "zelfdoding een"
