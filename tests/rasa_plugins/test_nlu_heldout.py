"""NLU quality on questions the model never saw, and the crisis net through the whole model."""

from __future__ import annotations

from bot.rasa_plugins.nlu.evaluation import held_out_scores
from tests.helpers.project import ROOT, load_yaml

MIN_MACRO_F1 = 0.90


def test_macro_f1_on_held_out_examples(parse, capsys):
    """The classifier's own choice, before the answer choice turns an unsure one into a question."""
    macro_f1, count, wrong = held_out_scores(parse, gated=False)
    with capsys.disabled():
        print(f"\nheld-out NLU (classifier): {count} examples, macro-F1 {macro_f1:.3f}, {len(wrong)} missed")
        for line in wrong:
            print("  wrong:", line)
    assert macro_f1 >= MIN_MACRO_F1


def test_held_out_questions_get_no_answer_about_another_rule(parse, capsys):
    """What the user gets: the right answer, or a question back / an honest non-answer
    (nlu_fallback), and at most 2 % an answer about something else."""
    _, count, wrong = held_out_scores(parse, gated=True)
    other = [line for line in wrong if not line.endswith("got nlu_fallback")]
    with capsys.disabled():
        print(
            f"\nheld-out, as answered: {count} examples, {len(wrong) - len(other)} asked back or not "
            f"answered, {len(other)} answered with something else"
        )
        for line in other:
            print("  other:", line)
    assert len(other) <= 0.02 * count


def test_every_crisis_message_gets_the_crisis_intent_from_the_model(parse):
    messages = load_yaml(ROOT / "tests" / "data" / "crisis_messages.yml")["messages"]
    messages += load_yaml(ROOT / "data" / "crisis" / "own.yml")["messages"]
    missed = [m["text"] for m in messages if parse(m["text"])["intent"]["name"] != "crisis"]
    assert missed == []


def test_no_hard_negative_gets_the_crisis_intent_from_the_model(parse):
    """Ordinary questions with family words or crisis-like words: the classifier alone raises no alarm."""
    negatives = load_yaml(ROOT / "data" / "crisis" / "own.yml")["negatives"]
    alarms = [m["text"] for m in negatives if parse(m["text"])["intent"]["name"] == "crisis"]
    assert alarms == []


def test_gibberish_is_not_guessed(parse):
    for text in ("qwpz lrrrm xkcd", "asdfghjkl", "blub blub"):
        assert parse(text)["intent"]["name"] == "nlu_fallback", text
