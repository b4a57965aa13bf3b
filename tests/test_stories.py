"""Story tests with user text: every theme, the crisis net inside a form, and the fallback.

The answer stories (one per question of a theme, tests/stories/test_<theme>.yml) run end to end
(`--e2e`): the user's text goes through the whole NLU pipeline, so a story passes only when the
assistant picks the right answer for words it never saw. The dialogue stories (forms, crisis,
handoff) state the intents and entities they expect and test the dialogue policies."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, THEMES, rasa

STORIES = ROOT / "tests" / "stories"
ANSWER_STORIES = {f"test_{theme}.yml" for theme in THEMES}


def _stories(tmp_path, answers: bool):
    folder = tmp_path / ("answers" if answers else "dialogue")
    folder.mkdir()
    for path in STORIES.glob("*.yml"):
        if (path.name in ANSWER_STORIES) == answers:
            shutil.copy(path, folder)
    return folder


@pytest.mark.parametrize("answers", [True, False], ids=["answers end to end", "dialogue"])
def test_all_test_stories_pass(trained_model, tmp_path, answers):
    stories = _stories(tmp_path, answers)
    assert len(list(stories.iterdir())) >= 3
    result = rasa(
        "test",
        "core",
        "--model",
        str(trained_model),
        "--stories",
        str(stories),
        "--out",
        str(tmp_path / "results"),
        *(["--e2e"] if answers else []),
        "--fail-on-prediction-errors",
        check=False,
        timeout=900,
    )
    failed = tmp_path / "results" / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else ""
    assert result.returncode == 0, details[-6000:] or result.stdout[-4000:] + result.stderr[-4000:]
