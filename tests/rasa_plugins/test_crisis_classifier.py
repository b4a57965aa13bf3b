"""The learned crisis model's component: a change to the corpus retrains it (what the crisis net
makes of its probability: tests/rasa_plugins/test_crisis_net_sign.py)."""

from __future__ import annotations

from bot.rasa_plugins.nlu.crisis_classifier import CrisisClassifier


def test_a_change_to_the_corpus_changes_the_fingerprint(tmp_path):
    (tmp_path / "writer.yml").write_text('messages:\n- {text: "help"}\n', encoding="utf-8")
    before = CrisisClassifier.fingerprint_addon({"corpus": str(tmp_path)})
    (tmp_path / "writer.yml").write_text('messages:\n- {text: "help me"}\n', encoding="utf-8")
    assert CrisisClassifier.fingerprint_addon({"corpus": str(tmp_path)}) != before
