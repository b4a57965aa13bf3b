"""Test conversations for the Rasa patches: the story tests' conversations (tests/stories) with
the listens Rasa adds, conversations that undo, restart and hide turns, and how they grow."""

from functools import lru_cache

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
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader

from tests.helpers.project import ROOT


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


def grown(events):
    """One tracker, as the server has it: the same object after every event added."""
    tracker = DialogueStateTracker("test", domain().slots)
    for event in events:
        tracker.update(event)
        yield tracker


def long_conversation():
    """All test stories one after the other: longer than any rule, with forms opened and closed."""
    return [event for name in sorted(stories()) for event in stories()[name]]


def held_out_answers(agent_path, loop) -> list:
    """Intent, entities and chosen answer with their confidences for the first held-out example
    of every intent, from a freshly loaded model."""
    from rasa.core.agent import Agent

    from bot.rasa_plugins.nlu.examples import examples_by_intent

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
