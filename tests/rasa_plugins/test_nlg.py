"""The NLG class that Rasa loads from endpoints.yml, with Rasa's own domain and tracker objects:
the maintainer's text, the local sentence for the user's municipality, an answer switched off, and
every other response as Rasa gives it; made the way `rasa run` makes it (before the model)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rasa.core.nlg import NaturalLanguageGenerator
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_plugins.nlg import NO_ANSWER, RegionalAnswers
from bot.region.production import ExampleRegionError
from tests.helpers.project import ROOT

DOMAIN = Domain.from_dict(
    {
        "slots": {"gemeente": {"type": "text", "mappings": [{"type": "custom"}]}},
        "responses": {
            "utter_theme/some_answer": [
                {
                    "text": "Het landelijke antwoord over {gemeente}.\n\nMeer lezen bij [NJi](https://www.nji.nl)",
                    "metadata": {"sources": ["https://www.nji.nl"]},
                }
            ],
            "utter_theme/other_answer": [
                {"text": "Een ander antwoord.", "buttons": [{"title": "Ja", "payload": "/ja"}]}
            ],
            NO_ANSWER: [
                {"text": "Daar heb ik geen antwoord op.", "buttons": [{"title": "Ja", "payload": "/request_human"}]}
            ],
        },
    }
)
ANSWERS = """\
version: 1
answers:
  utter_theme/some_answer:
    text: |-
      Het antwoord van de regio.

      Meer lezen bij [LerenWerkt](https://www.lerenwerkt.nu/scholen/)
    sources: [https://www.lerenwerkt.nu/scholen/]
    local:
      Winterswijk:
        text: In Winterswijk kun je ook terecht bij het spreekuur.
        source: https://www.winterswijk.nl
  utter_theme/other_answer:
    off: true
"""


@pytest.fixture
def answers_file(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "answers.yml"
    path.write_text(ANSWERS, encoding="utf-8")
    monkeypatch.setenv("CIP_ANSWERS_FILE", str(path))
    return path


def as_rasa_run_makes_it(domain: Domain) -> NaturalLanguageGenerator:
    """`rasa run`: the generator from endpoints.yml before the model, then the model's responses
    (rasa.core.agent.Agent.load_model)."""
    nlg = NaturalLanguageGenerator.create(EndpointConfig(type="bot.rasa_plugins.nlg.RegionalAnswers"), None)
    nlg.responses = domain.responses
    return nlg


def say(nlg, response: str, municipality: str | None = None, domain: Domain = DOMAIN) -> dict:
    events = [SlotSet("gemeente", municipality)] if municipality else []
    tracker = DialogueStateTracker.from_events("test", events, slots=domain.slots)
    return asyncio.run(nlg.generate(response, tracker, "rest"))


def test_endpoints_yml_names_this_class(monkeypatch):
    monkeypatch.setenv("CIP_ACTION_SECRET", "x" * 32)
    endpoints = AvailableEndpoints.read_endpoints(str(ROOT / "endpoints.yml"))
    assert isinstance(NaturalLanguageGenerator.create(endpoints.nlg, None), RegionalAnswers)


def test_the_maintainers_text_and_sources_are_given(answers_file):
    message = say(as_rasa_run_makes_it(DOMAIN), "utter_theme/some_answer")
    assert (
        message["text"]
        == "Het antwoord van de regio.\n\nMeer lezen bij [LerenWerkt](https://www.lerenwerkt.nu/scholen/)"
    )
    assert message["metadata"]["sources"] == ["https://www.lerenwerkt.nu/scholen/"]


def test_the_local_sentence_only_in_its_municipality(answers_file):
    nlg = as_rasa_run_makes_it(DOMAIN)
    assert say(nlg, "utter_theme/some_answer", "Winterswijk")["text"] == (
        "Het antwoord van de regio.\nIn Winterswijk kun je ook terecht bij het spreekuur.\n\n"
        "Meer lezen bij [LerenWerkt](https://www.lerenwerkt.nu/scholen/)"
    )
    assert "Winterswijk" not in say(nlg, "utter_theme/some_answer", "Aalten")["text"]


def test_an_answer_switched_off_gives_the_non_answer_with_a_person_offered(answers_file):
    message = say(as_rasa_run_makes_it(DOMAIN), "utter_theme/other_answer")
    assert message["text"] == "Daar heb ik geen antwoord op."
    assert message["buttons"] == [{"title": "Ja", "payload": "/request_human"}]


def test_without_changes_every_response_is_rasas_own(tmp_path, monkeypatch):
    monkeypatch.setenv("CIP_ANSWERS_FILE", str(tmp_path / "none.yml"))
    nlg = as_rasa_run_makes_it(DOMAIN)
    assert say(nlg, "utter_theme/some_answer", "Aalten")["text"].startswith("Het landelijke antwoord over Aalten.")
    assert say(nlg, "utter_theme/other_answer")["buttons"] == [{"title": "Ja", "payload": "/ja"}]
    assert say(nlg, "utter_not_in_the_domain") is None


def test_a_change_while_running_is_used_and_a_broken_one_refused(answers_file, caplog):
    nlg = as_rasa_run_makes_it(DOMAIN)
    assert say(nlg, "utter_theme/some_answer")["text"].startswith("Het antwoord van de regio.")
    answers_file.write_text(ANSWERS.replace("Het antwoord van de regio.", "Het nieuwe antwoord."), encoding="utf-8")
    assert say(nlg, "utter_theme/some_answer")["text"].startswith("Het nieuwe antwoord.")
    answers_file.write_text(ANSWERS.replace("utter_theme/other_answer:", "utter_theme/othr_answer:"), encoding="utf-8")
    assert say(nlg, "utter_theme/some_answer")["text"].startswith("Het nieuwe antwoord.")
    assert f"{answers_file}:13:" in caplog.text and "bedoel je utter_theme/other_answer?" in caplog.text


def test_the_projects_domain_with_a_local_sentence(answers_file):
    domain = Domain.load(str(ROOT / "domain"))
    answer = next(name for name in domain.responses if name.startswith("utter_absence/"))
    answers_file.write_text(
        ANSWERS.replace("utter_theme/some_answer:", f"{answer}:").replace("utter_theme/other_answer", NO_ANSWER),
        encoding="utf-8",
    )
    nlg = as_rasa_run_makes_it(domain)
    assert "In Winterswijk kun je ook terecht" in say(nlg, answer, "Winterswijk", domain)["text"]
    assert say(nlg, "utter_greet", "Winterswijk", domain) == say(
        NaturalLanguageGenerator.create(None, domain), "utter_greet", "Winterswijk", domain
    )


def test_the_rasa_server_does_not_start_in_production_with_the_example_region(monkeypatch):
    monkeypatch.setenv("CIP_PRODUCTION", "1")
    with pytest.raises(ExampleRegionError, match="example.org"):
        as_rasa_run_makes_it(DOMAIN)
