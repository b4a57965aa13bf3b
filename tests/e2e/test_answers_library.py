"""A region maintainer's change in the answers file reaches users after a restart of the assistant,
without `rasa train`: their own text, the sentence for the user's municipality, an answer switched
off. A broken change is refused, with the file and line in the log, and the previous answers stay."""

from __future__ import annotations

import uuid

import pytest

from tests.helpers.launch import Assistant

# The buttons a user presses for these answers (a typed question may first get "Bedoel je ...?",
# depending on how sure the model is; the region's texts are the subject here, not the model).
LEERPLICHT = '/choose_answer{"answer_key": "absence/leerplicht_age"}'
LEAVE = '/choose_answer{"answer_key": "absence/special_leave"}'
CHANGED = """\
version: 1
answers:
  utter_absence/leerplicht_age:
    text: |-
      Dit is de tekst van de regio over de leerplicht. Een kind is leerplichtig vanaf de eerste schooldag van de maand na de 5e verjaardag.

      Meer lezen bij [Rijksoverheid](https://www.rijksoverheid.nl/onderwerpen/leerplicht)
    sources:
    - https://www.rijksoverheid.nl/onderwerpen/leerplicht
    local:
      Winterswijk:
        text: In Winterswijk kun je ook terecht bij het spreekuur op het gemeentehuis.
        source: https://www.winterswijk.nl
  utter_absence/special_leave:
    off: true
"""
BROKEN = CHANGED.replace("      Winterswijk:", "      Winterswyk:").replace("Dit is de tekst", "Dit was de tekst")


def chat(assistant: Assistant):
    sender = f"test-{uuid.uuid4().hex[:8]}"
    return lambda text: "\n".join(m.get("text", "") for m in assistant.send(sender, text))


def replies(assistant: Assistant) -> tuple:
    """(the leerplicht answer in Winterswijk, the same without a municipality, the leave answer)."""
    in_winterswijk = chat(assistant)
    in_winterswijk("ik woon in Winterswijk")
    return in_winterswijk(LEERPLICHT), chat(assistant)(LEERPLICHT), chat(assistant)(LEAVE)


def test_a_maintainers_change_shows_after_a_restart_and_a_broken_one_keeps_it(trained_model, tmp_path, monkeypatch):
    answers = tmp_path / "answers.yml"
    monkeypatch.setenv("CIP_ANSWERS_FILE", str(answers))  # the servers started below inherit it
    model = trained_model.stat().st_mtime_ns
    assistant = Assistant(trained_model, tmp_path / "server").start()
    try:
        local, plain, leave = replies(assistant)
        assert "leerplichtig" in plain and "tekst van de regio" not in plain
        assert "In Winterswijk kun je ook terecht bij het spreekuur" not in local
        assert "Daar heb ik geen antwoord op" not in leave

        answers.write_text(CHANGED, encoding="utf-8")
        assistant.rasa.stop()
        assistant.rasa.start()
        local, plain, leave = replies(assistant)
        assert "Dit is de tekst van de regio over de leerplicht." in plain
        assert "In Winterswijk kun je ook terecht bij het spreekuur" not in plain
        assert "Dit is de tekst van de regio over de leerplicht." in local
        assert "In Winterswijk kun je ook terecht bij het spreekuur op het gemeentehuis." in local
        assert "Daar heb ik geen antwoord op" in leave

        answers.write_text(BROKEN, encoding="utf-8")
        assistant.rasa.stop()
        assistant.rasa.start()
        assert replies(assistant) == (local, plain, leave)  # the previous answers stay
        log = assistant.rasa.log.read_text(encoding="utf-8")
        line = BROKEN.splitlines().index("      Winterswyk:") + 1
        assert f"{answers}:{line}: answers.utter_absence/leerplicht_age.local.Winterswyk" in log
        assert "bedoel je Winterswijk?" in log and "de assistent geeft de vorige antwoorden" in log
    finally:
        assistant.stop()
    assert trained_model.stat().st_mtime_ns == model  # no training in between


def test_the_rasa_server_does_not_start_in_production_with_the_example_region(trained_model, tmp_path, monkeypatch):
    monkeypatch.setenv("CIP_PRODUCTION", "1")
    assistant = Assistant(trained_model, tmp_path / "server")
    with pytest.raises(RuntimeError, match="did not start"):
        assistant.rasa.start()
    log = assistant.rasa.log.read_text(encoding="utf-8")
    assert "Productiemodus (CIP_PRODUCTION=1), maar het regiobestand" in log and "voorbeeldadres" in log
