"""The speed-ups of bot.rasa_speedups give Rasa's own answers (their speed: bench/RESULTS.md)."""

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event, UserUttered, deserialise_events
from rasa.shared.utils.common import all_subclasses

from bot import rasa_speedups
from bot.tracker_store import ErasableSQLTrackerStore
from tests.conftest import ROOT

RASA_RESOLVE = rasa_speedups._RASA_RESOLVE_BY_TYPE
SCHEMA = RemoteAction.action_response_format_spec()


@pytest.mark.parametrize("name", sorted({cls.type_name for cls in all_subclasses(Event)}))
def test_every_event_name_gives_rasas_class(name):
    assert rasa_speedups.resolve_event_type(name) is RASA_RESOLVE(name)


def test_unknown_event_names_are_answered_as_rasa_does():
    assert rasa_speedups.resolve_event_type("topic") is None
    assert rasa_speedups.resolve_event_type("no_such_event", UserUttered) is UserUttered
    with pytest.raises(ValueError, match="Unknown event name 'no_such_event'"):
        rasa_speedups.resolve_event_type("no_such_event")


def test_an_event_class_defined_later_is_found():
    class LaterEvent(UserUttered):
        type_name = "cip_test_later_event"

    assert rasa_speedups.resolve_event_type("cip_test_later_event") is LaterEvent


@pytest.mark.parametrize(
    "result",
    [
        {"events": [{"event": "slot", "name": "gemeente", "value": "Aalten"}], "responses": [{"text": "Hoi"}]},
        {"events": [], "responses": []},
        {},
    ],
)
def test_a_valid_action_server_answer_passes(result):
    jsonschema.validate(result, SCHEMA)
    assert rasa_speedups.validate_action_result(None, result) is True


@pytest.mark.parametrize(
    "result",
    [
        {"events": "geen lijst"},
        {"events": [{"event": 3}]},
        {"responses": ["geen object"]},
    ],
)
def test_an_invalid_action_server_answer_fails_with_rasas_error(result):
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        jsonschema.validate(result, SCHEMA)
    with pytest.raises(jsonschema.ValidationError) as ours:
        rasa_speedups.validate_action_result(None, result)
    assert ours.value.message.startswith(rasa_error.value.message + ". Failed to validate Action server")
    assert list(ours.value.path) == list(rasa_error.value.path)


def test_the_rasa_server_gets_them_with_the_tracker_store(tmp_path, monkeypatch):
    monkeypatch.setattr(Event, "resolve_by_type", staticmethod(RASA_RESOLVE))
    monkeypatch.setattr(RemoteAction, "_validate_action_result", lambda self, result: "rasa")
    ErasableSQLTrackerStore(dialect="sqlite", db=str(tmp_path / "tracker.db"))
    assert RemoteAction._validate_action_result(None, {}) is True
    [event] = deserialise_events([{"event": "user", "text": "hallo", "parse_data": {"intent": {"name": "greet"}}}])
    assert isinstance(event, UserUttered) and event.intent_name == "greet"
    assert Event.resolve_by_type is rasa_speedups.resolve_event_type


def held_out_answers(agent_path, loop) -> list:
    """Intent, entities and chosen answer with their confidences for the first held-out example
    of every intent, from a freshly loaded model."""
    from rasa.core.agent import Agent

    from bot.nlu.examples import examples_by_intent

    agent = Agent.load(str(agent_path))
    texts = [texts[0] for texts in examples_by_intent(sorted((ROOT / "tests" / "nlu").glob("*.yml"))).values()]
    results = [loop.run_until_complete(agent.parse_message(text)) for text in texts]
    return [
        (
            r["intent"]["name"],
            round(r["intent"]["confidence"], 6),
            [(e["entity"], e["value"]) for e in r["entities"]],
            {
                key: (s["response"]["intent_response_key"], round(s["response"]["confidence"], 6))
                for key, s in r.get("response_selector", {}).items()
                if key != "all_retrieval_intents"
            },
        )
        for r in results
    ]


@pytest.mark.parametrize(
    "owner, name, ours, rasas",
    [
        (
            "rasa.utils.tensorflow.models.RasaModel",
            "load",
            classmethod(rasa_speedups.load_model),
            classmethod(rasa_speedups._RASA_MODEL_LOAD),
        ),
        ("rasa.utils.tensorflow.models.RasaModel", "_rasa_predict", rasa_speedups.predict, rasa_speedups._RASA_PREDICT),
        (
            "rasa.shared.nlu.training_data.message.Message",
            "get_sparse_features",
            rasa_speedups.sparse_features,
            rasa_speedups._RASA_SPARSE_FEATURES,
        ),
    ],
    ids=["model loaded without the training graph", "graph called directly", "sparse features combined once"],
)
def test_the_nlu_answers_as_with_rasas_code(owner, name, ours, rasas, trained_model, event_loop_session, monkeypatch):
    monkeypatch.setattr(f"{owner}.{name}", ours)
    with_ours = held_out_answers(trained_model, event_loop_session)
    monkeypatch.setattr(f"{owner}.{name}", rasas)
    assert with_ours == held_out_answers(trained_model, event_loop_session)


def answers_to_check() -> list:
    """Action server answers with every event of the test conversations, one event each."""
    from tests.test_tracker_speedups import CONVERSATIONS

    events = [event.as_dict() for conversation in CONVERSATIONS.values() for event in conversation]
    broken = [
        {"event": "slot", "value": 3},
        {"event": "user", "parse_data": {"entities": [{"entity": "x"}]}},
        {"event": "no_such_event"},
        {"event": 7},
        {"event": "slot", "name": 5, "value": 1},
        {"timestamp": 1},
    ]
    return [{"events": [event], "responses": []} for event in events + broken]


def test_every_event_name_has_one_alternative_of_its_own():
    item = SCHEMA["properties"]["events"]["items"]
    assert len(rasa_speedups._validators()[1]) == len(item["oneOf"])


def test_the_quick_check_agrees_with_the_whole_schema():
    verdicts = []
    for answer in answers_to_check():
        try:
            jsonschema.validate(answer, SCHEMA)
            valid = True
        except jsonschema.ValidationError:
            valid = False
        assert rasa_speedups._obviously_valid(answer) == valid, answer
        verdicts.append(valid)
    assert verdicts.count(False) == 6 and verdicts.count(True) > 50
