"""Story tests: every theme, the crisis net inside a form, and the fallback; and every canonical
question of a theme through the whole NLU pipeline.

The dialogue run gives Rasa the intents the stories state and tests the dialogue policies (all
story files, the theme stories included: a theme's answer, then its local door). The canonical
questions (the user text of the theme stories, tests/stories/test_<theme>.yml) are parsed with the
trained model: each must reach its own answer at once or through a question back that offers it
first ("Bedoel je ...?", one click), never another answer; most must be answered at once. A
question back is allowed because the answer is given at once only above the answer threshold
(docs/real-questions.md), which a canonical question can miss by a little after any retraining."""

from __future__ import annotations

import re
import shutil

import yaml

from tests.helpers.project import ROOT, THEMES, rasa

STORIES = ROOT / "tests" / "stories"
MOST_AT_ONCE = 0.7


def canonical_questions():
    """(user text without entity marks, answer key) of every step of the theme stories."""
    found = []
    for theme in THEMES:
        for story in yaml.safe_load((STORIES / f"test_{theme}.yml").read_text(encoding="utf-8"))["stories"]:
            for step in story["steps"]:
                if "user" in step and "/" in str(step.get("intent")):
                    text = re.sub(r"\[([^\]]+)\][({][^)}]*[)}]", r"\1", step["user"].strip())
                    found.append((text, step["intent"]))
    return found


def test_all_test_stories_pass(trained_model, tmp_path):
    stories = tmp_path / "stories"
    shutil.copytree(STORIES, stories)
    result = rasa(
        "test",
        "core",
        "--model",
        str(trained_model),
        "--stories",
        str(stories),
        "--out",
        str(tmp_path / "results"),
        "--fail-on-prediction-errors",
        check=False,
        timeout=900,
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details[-6000:] or result.stdout[-4000:] + result.stderr[-4000:]


def test_every_canonical_question_reaches_its_own_answer(parse):
    questions = canonical_questions()
    assert len(questions) >= 60
    at_once, wrong = 0, []
    for text, key in questions:
        result = parse(text)
        choice = result.get("answer_choice") or {}
        if result["intent"].get("full_retrieval_intent_name") == key:
            at_once += 1
        elif not (choice.get("kind") == "clarify" and key in (choice.get("offered") or [])):
            wrong.append(f"{text!r}: expected {key}, got {result['intent']} {choice}")
    assert not wrong, "\n".join(wrong)
    assert at_once >= MOST_AT_ONCE * len(questions), f"{at_once} of {len(questions)} answered at once"
