"""NLU quality on questions the model never saw, and the crisis net through the whole model."""

from __future__ import annotations

from bot.nlu.evaluation import held_out_scores
from tests.conftest import ROOT, load_yaml

MIN_MACRO_F1 = 0.90


def test_macro_f1_on_held_out_examples(parse, capsys):
    macro_f1, count, wrong = held_out_scores(parse)
    with capsys.disabled():
        print(f"\nheld-out NLU: {count} examples, macro-F1 {macro_f1:.3f}, {len(wrong)} missed")
        for line in wrong:
            print("  wrong:", line)
    assert macro_f1 >= MIN_MACRO_F1


def test_every_crisis_message_gets_the_crisis_intent_from_the_model(parse):
    messages = load_yaml(ROOT / "tests" / "data" / "crisis_messages.yml")["messages"]
    missed = [m["text"] for m in messages if parse(m["text"])["intent"]["name"] != "crisis"]
    assert missed == []


def test_gibberish_is_not_guessed(parse):
    for text in ("qwpz lrrrm xkcd", "asdfghjkl", "blub blub"):
        assert parse(text)["intent"]["name"] == "nlu_fallback", text
