"""bot.tracker_speedups gives Rasa's own copies and states, event by event, for the project's test
conversations (forms, slots, fallbacks) and for conversations that undo, restart and hide turns."""

from functools import lru_cache

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

from bot import tracker_speedups
from tests.conftest import ROOT

RASA_COPY = tracker_speedups._RASA_COPY
RASA_PAST_STATES = tracker_speedups._RASA_PAST_STATES
OURS = ("_cip_past_states", "_cip_applied_events")
RULE_ONLY = {"rule_only_slots": ["requested_slot", "handoff_consent"], "rule_only_loops": ["handoff_form"]}
OPTIONS = [(False, False, None), (True, False, None), (False, True, RULE_ONLY), (True, True, RULE_ONLY)]


@lru_cache(maxsize=1)
def domain() -> Domain:
    return Domain.load(str(ROOT / "domain"))


def stories():
    """name -> events of every test story (tests/stories), with the listens Rasa adds."""
    found = {}
    for path in sorted((ROOT / "tests" / "stories").glob("*.yml")):
        for step in YAMLStoryReader(domain()).read_from_file(str(path)):
            found[step.block_name] = step.explicit_events(domain())
    return found


def user(intent: str) -> UserUttered:
    return UserUttered(intent, {"name": intent, "confidence": 1.0})


def listen(**kwargs) -> ActionExecuted:
    return ActionExecuted("action_listen", **kwargs)


# Conversations with everything that makes Rasa's walk over the events do more than append them.
UNDOING = {
    "a fallback undoes the message": [
        listen(),
        user("greet"),
        ActionExecuted("utter_greet"),
        listen(),
        user("nlu_fallback"),
        ActionExecuted("action_default_fallback"),
        UserUtteranceReverted(),
        user("thank"),
        ActionExecuted("utter_thank"),
        listen(),
    ],
    "an action is undone": [
        listen(),
        user("greet"),
        ActionExecuted("utter_greet"),
        ActionReverted(),
        listen(),
        user("goodbye"),
    ],
    "restart and new session in the middle": [
        listen(),
        user("greet"),
        SlotSet("gemeente", "Aalten"),
        ActionExecuted("utter_greet"),
        listen(),
        Restarted(),
        listen(),
        user("greet"),
        ActionExecuted("utter_greet"),
        SessionStarted(),
        SlotSet("gemeente", "Winterswijk"),
        listen(),
        user("thank"),
    ],
    "a form runs, is interrupted and runs again": [
        listen(),
        user("request_human"),
        ActionExecuted("handoff_form"),
        ActiveLoop("handoff_form"),
        SlotSet("requested_slot", "gemeente"),
        listen(),
        user("nlu_fallback"),
        ActionExecuted("handoff_form"),
        SlotSet("gemeente", "Aalten"),
        listen(),
        user("greet"),
        ActionExecuted("utter_greet"),
        ActionExecuted("handoff_form"),
        listen(),
        user("stop"),
        ActiveLoop(None),
        ActionExecuted("utter_greet"),
        listen(),
        user("request_human"),
        ActionExecuted("handoff_form"),
        ActiveLoop("handoff_form"),
        listen(),
    ],
    "turns hidden by rules": [
        listen(),
        user("greet"),
        ActionExecuted("utter_greet", hide_rule_turn=True),
        listen(hide_rule_turn=True),
        user("thank"),
        ActionExecuted("utter_thank"),
        listen(),
        user("request_human"),
        ActionExecuted("handoff_form", hide_rule_turn=True),
        ActiveLoop("handoff_form"),
        ActionExecuted("handoff_form"),
        listen(),
    ],
}
CONVERSATIONS = {**stories(), **UNDOING}


def test_the_test_stories_have_forms_slots_and_several_turns():
    events = [event for conversation in stories().values() for event in conversation]
    assert len(stories()) >= 10
    assert any(isinstance(event, ActiveLoop) and event.name for event in events)
    assert any(isinstance(event, SlotSet) for event in events)


def grown(events):
    """One tracker, as the server has it: the same object after every event added."""
    tracker = DialogueStateTracker("test", domain().slots)
    for event in events:
        tracker.update(event)
        yield tracker


def replayed(tracker: DialogueStateTracker) -> DialogueStateTracker:
    return DialogueStateTracker.from_events(tracker.sender_id, list(tracker.events), domain().slots)


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_past_states_are_rasas_after_every_event(name):
    for tracker in grown(CONVERSATIONS[name]):
        for omit_unset_slots, ignore_rule_only_turns, rule_only_data in OPTIONS:
            ours = tracker_speedups.past_states(
                tracker, domain(), omit_unset_slots, ignore_rule_only_turns, rule_only_data
            )
            rasas = RASA_PAST_STATES(
                replayed(tracker), domain(), omit_unset_slots, ignore_rule_only_turns, rule_only_data
            )
            assert ours == rasas, (len(tracker.events), omit_unset_slots, ignore_rule_only_turns)


def test_past_states_can_be_changed_by_the_caller():
    tracker = next(t for t in grown(CONVERSATIONS["a form runs, is interrupted and runs again"]) if len(t.events) == 8)
    first = tracker_speedups.past_states(tracker, domain())
    first[-1].pop("user", None)
    first[0].clear()
    assert tracker_speedups.past_states(tracker, domain()) == RASA_PAST_STATES(tracker, domain())


def test_the_states_follow_a_change_of_domain():
    tracker = DialogueStateTracker.from_events("test", CONVERSATIONS["turns hidden by rules"], domain().slots)
    tracker_speedups.past_states(tracker, domain())
    other = Domain.from_dict({**domain().as_dict(), "slots": {}})
    assert tracker_speedups.past_states(tracker, other) == RASA_PAST_STATES(tracker, other)


def state_of(tracker: DialogueStateTracker) -> dict:
    slots = {name: (slot.value, slot.has_been_set) for name, slot in tracker.slots.items()}
    others = {key: value for key, value in vars(tracker).items() if key not in OURS + ("slots", "events")}
    return {
        "slots": slots,
        "events": list(tracker.events),
        **others,
        "current": tracker.current_state(EventVerbosity.ALL),
    }


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_a_copy_is_rasas_after_every_event(name):
    for tracker in grown(CONVERSATIONS[name]):
        tracker.model_id = "model"
        before = state_of(tracker)
        copy = tracker_speedups.copy_tracker(tracker)
        assert state_of(copy) == state_of(RASA_COPY(tracker))
        copy.update(SlotSet("gemeente", "Oost Gelre"))
        copy.update(ActiveLoop("handoff_form"))
        copy.update(listen())
        assert state_of(tracker) == before, "the copy changed the original"


def test_a_tracker_with_a_limited_history_is_copied_as_rasa_does():
    events = CONVERSATIONS["restart and new session in the middle"]
    tracker = DialogueStateTracker.from_events("test", events, domain().slots, max_event_history=4)
    assert state_of(tracker_speedups.copy_tracker(tracker)) == state_of(RASA_COPY(tracker))
    assert tracker_speedups.past_states(tracker, domain()) == RASA_PAST_STATES(tracker, domain())


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_applied_events_are_rasas_after_every_event(name):
    for tracker in grown(CONVERSATIONS[name]):
        ours = tracker_speedups.applied_events(tracker)
        assert ours == tracker_speedups._RASA_APPLIED_EVENTS(tracker)
        ours.clear()  # a caller changing the list changes nothing kept
        assert tracker_speedups.applied_events(tracker) == tracker_speedups._RASA_APPLIED_EVENTS(tracker)


@pytest.fixture(scope="module")
def rule_policy(trained_model):
    from rasa.core.agent import Agent

    agent = Agent.load(str(trained_model))
    nodes = agent.processor.graph_runner._instantiated_nodes
    return next(node._component for name, node in nodes.items() if name.startswith("run_RulePolicy")), agent.domain


def long_conversation():
    """All test stories one after the other: longer than any rule, with forms opened and closed."""
    return [event for name in sorted(stories()) for event in stories()[name]]


def prediction(policy, model_domain, tracker):
    result = policy.predict_action_probabilities(tracker, model_domain)
    return result.probabilities, result.hide_rule_turn, result.events, result.is_no_user_prediction


def test_the_rule_policy_predicts_as_with_all_states(rule_policy, monkeypatch):
    policy, model_domain = rule_policy
    window = tracker_speedups.rule_window(policy)
    events = long_conversation()
    assert 2 <= window < len(events) // 4
    monkeypatch.setattr(type(policy), "_prediction_states", tracker_speedups.rule_prediction_states)
    ours = [prediction(policy, model_domain, tracker) for tracker in grown(events)]
    monkeypatch.setattr(type(policy), "_prediction_states", tracker_speedups._RASA_RULE_STATES)
    rasas = [prediction(policy, model_domain, tracker) for tracker in grown(events)]
    assert ours == rasas
    assert sum(1 for probabilities, *_ in ours if max(probabilities) == 1.0) > len(events) // 4  # rules applied
