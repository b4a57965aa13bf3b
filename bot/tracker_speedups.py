"""Places where Rasa 3.6 goes through the whole conversation for a few new events, replaced by
versions that give the same results. Each message of a conversation of n events cost O(n) in
them, several times per message: under load a long conversation got slower with every turn
(bench/RESULTS.md, "load test").

- `DialogueStateTracker.copy()` makes an empty tracker and applies every event to it. The
  processor copies the tracker before every action it runs. Here the copy takes the events and
  the state (slot values, active form, latest message and action) as they are: the same tracker
  as the replay, because that state is what replaying the events produces.
- `applied_events()` (the events without those undone) walks all events, for every message and
  every prediction. Here the list is kept on the tracker and extended with the new events, as
  long as they are of the kinds the walk only appends.
- The policies ask for the conversation's states (`past_states`) at every prediction, and Rasa
  computes them by replaying the conversation from its start. Here the states computed for a
  tracker are kept on it, with the replayed tracker they were computed from; the next call
  replays only the events added since. When the events Rasa would replay no longer start with
  those (an undone message, a restart, a new session), everything is computed again.
- The RulePolicy then formats, copies and compares all those states, twice per prediction, but a
  rule only looks at as many of the last states as it has turns; here it gets only those.

They give Rasa's own answer where they do not apply: a tracker that keeps a limited history (its
replay starts from the oldest event kept), a tracker without a domain's slots, and the trackers
of training (a subclass with a cache of its own)."""

from __future__ import annotations

import dataclasses
import itertools
import operator
from contextvars import ContextVar
from typing import Any, Dict, List, Optional, Set, Text, Tuple

from rasa.core.policies.rule_policy import RULES, RULES_FOR_LOOP_UNHAPPY_PATH, RulePolicy
from rasa.shared.core.domain import Domain, State
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import AnySlotDict, DialogueStateTracker

_RASA_COPY = DialogueStateTracker.copy
_RASA_PAST_STATES = DialogueStateTracker.past_states
_RASA_APPLIED_EVENTS = DialogueStateTracker.applied_events
_RASA_RULE_STATES = RulePolicy._prediction_states
# Kept on a tracker: its applied events, and the states computed for it per set of arguments.
_APPLIED = "_cip_applied_events"
_KEPT = "_cip_past_states"
# Kept on a RulePolicy: how many states its longest rule compares.
_WINDOW_OF = "_cip_rule_window"
# Set while the RulePolicy asks for states: how many of the last it needs.
_WINDOW: ContextVar[Optional[int]] = ContextVar("cip_states_window", default=None)


def _replays_exactly(tracker: DialogueStateTracker) -> bool:
    """Whether the tracker's state is what replaying all its events gives: not for a tracker
    whose history is cut off, nor one without the domain's slots, nor a subclass."""
    return (
        type(tracker) is DialogueStateTracker
        and tracker._max_event_history is None
        and not isinstance(tracker.slots, AnySlotDict)
    )


def copy_tracker(self: DialogueStateTracker) -> DialogueStateTracker:
    """`DialogueStateTracker.copy` without the replay: a tracker with the same events and the
    state they produced. Like Rasa's copy it shares the event objects and starts from
    `init_copy()` (no model id, no sender source)."""
    if not _replays_exactly(self):
        return _RASA_COPY(self)
    copy = self.init_copy()
    copy.events.extend(self.events)
    for name, slot in self.slots.items():
        copy.slots[name]._value = slot._value
        copy.slots[name]._has_been_set = slot._has_been_set
    copy._paused = self._paused
    copy.followup_action = self.followup_action
    copy.latest_action = dict(self.latest_action) if self.latest_action is not None else None
    copy.latest_message = self.latest_message
    copy.latest_bot_utterance = self.latest_bot_utterance
    copy.active_loop = dataclasses.replace(self.active_loop) if self.active_loop else None
    return copy


@dataclasses.dataclass
class _History:
    """Rasa's `Domain.states_for_tracker_history` loop, stopped after `applied` events so that it
    can go on with more: the tracker replayed so far, the states of every action in it, and the
    loop's two variables."""

    domain: Domain
    replayed: DialogueStateTracker
    omit_unset_slots: bool
    ignore_rule_only_turns: bool
    rule_only_data: Optional[Dict[Text, Any]]
    applied: List[Event] = dataclasses.field(default_factory=list)
    states: List[State] = dataclasses.field(default_factory=list)
    last_ml_action_sub_state: Optional[Dict[Text, Text]] = None
    turn_was_hidden: bool = False

    def continues(self, applied: List[Event]) -> bool:
        """Whether `applied` starts with the very events replayed so far."""
        return len(applied) >= len(self.applied) and all(map(operator.is_, self.applied, applied))

    def extend(self, events: List[Event]) -> None:
        for event in events:
            if isinstance(event, ActionExecuted):
                state, self.last_ml_action_sub_state, self.turn_was_hidden = self._state(event.hide_rule_turn)
                if state is not None:
                    self.states.append(state)
            self.replayed.update(event)
            self.applied.append(event)

    def all_states(self, window: Optional[int] = None) -> List[State]:
        """The states of every action and of the current turn, as Rasa returns them, or only the
        last `window` of them; copies, for the featurizers change them."""
        states = [_copy_state(state) for state in (self.states[-window:] if window else self.states)]
        current, _, _ = self._state(False)
        if current is not None:
            states.append(current)
        return states[-window:] if window else states

    def _state(self, hide_rule_turn: bool) -> Tuple[Optional[State], Optional[Dict[Text, Text]], bool]:
        """One pass of Rasa's loop for the tracker replayed so far: (the state or None when the
        turn is left out, the loop's two variables afterwards)."""
        domain, tracker = self.domain, self.replayed
        last_ml_action_sub_state, turn_was_hidden = self.last_ml_action_sub_state, self.turn_was_hidden
        if self.ignore_rule_only_turns:
            if not turn_was_hidden:
                last_ml_action_sub_state = domain._get_prev_action_sub_state(tracker)
            if not tracker.followup_action and not tracker.latest_action_name == tracker.active_loop_name:
                turn_was_hidden = hide_rule_turn
            if turn_was_hidden:
                return None, last_ml_action_sub_state, turn_was_hidden
        state = domain.get_active_state(tracker, omit_unset_slots=self.omit_unset_slots)
        if self.ignore_rule_only_turns:
            domain._remove_rule_only_features(state, self.rule_only_data)
            if self.states:
                domain._substitute_rule_only_user_input(state, self.states[-1])
            if last_ml_action_sub_state:
                state["prev_action"] = last_ml_action_sub_state
        return domain._clean_state(state), last_ml_action_sub_state, turn_was_hidden


def _copy_state(state: State) -> State:
    return {kind: dict(sub_state) for kind, sub_state in state.items()}


@dataclasses.dataclass
class _Applied:
    """A tracker's `applied_events()` (its events without those undone), kept to be extended:
    Rasa's walk over all events takes as long as the rest of `past_states`."""

    seen: List[Event] = dataclasses.field(default_factory=list)  # the events it was computed from
    loop_names: Set[Text] = dataclasses.field(default_factory=set)  # the forms among them
    applied: List[Event] = dataclasses.field(default_factory=list)

    def of(self, tracker: DialogueStateTracker) -> List[Event]:
        """Rasa's walk, or, when the tracker only added events that the walk would append as
        they are, the events applied so far and those."""
        events = tracker.events
        if len(events) >= len(self.seen) and all(map(operator.is_, self.seen, events)):
            added = list(itertools.islice(events, len(self.seen), None))
            if not any(map(self._changes_history, added)):
                self.seen.extend(added)
                self.applied.extend(added)
                return self.applied
        self.seen = list(events)
        self.loop_names = {event.name for event in events if isinstance(event, ActiveLoop) and event.name}
        self.applied = _RASA_APPLIED_EVENTS(tracker)
        return self.applied

    def _changes_history(self, event: Event) -> bool:
        """Whether Rasa's walk does more with this event than append it: it undoes events, starts
        over, names a form not seen before (earlier runs of it may become undone), or runs a
        form (which may undo that form's earlier turns)."""
        return (
            isinstance(event, (Restarted, SessionStarted, ActionReverted, UserUtteranceReverted))
            or (isinstance(event, ActiveLoop) and bool(event.name) and event.name not in self.loop_names)
            or (isinstance(event, ActionExecuted) and event.action_name in self.loop_names)
        )


def past_states(
    self: DialogueStateTracker,
    domain: Domain,
    omit_unset_slots: bool = False,
    ignore_rule_only_turns: bool = False,
    rule_only_data: Optional[Dict[Text, Any]] = None,
) -> List[State]:
    """`DialogueStateTracker.past_states`, replaying only the events added since the last call
    with the same arguments; see the module's docstring."""
    if not _replays_exactly(self):
        return _RASA_PAST_STATES(self, domain, omit_unset_slots, ignore_rule_only_turns, rule_only_data)
    applied = _applied(self)
    kept: Dict[Tuple[bool, bool], _History] = self.__dict__.setdefault(_KEPT, {})
    key = (omit_unset_slots, ignore_rule_only_turns)
    history = kept.get(key)
    if (
        history is None
        or history.domain is not domain
        or history.rule_only_data != rule_only_data
        or not history.continues(applied)
    ):
        history = kept[key] = _History(
            domain, self.init_copy(), omit_unset_slots, ignore_rule_only_turns, rule_only_data
        )
    history.extend(applied[len(history.applied) :])
    return history.all_states(_WINDOW.get())


def _applied(tracker: DialogueStateTracker) -> List[Event]:
    return tracker.__dict__.setdefault(_APPLIED, _Applied()).of(tracker)


def applied_events(self: DialogueStateTracker) -> List[Event]:
    """`DialogueStateTracker.applied_events`, extending the list of the last call (a copy: Rasa's
    callers may change it)."""
    if not _replays_exactly(self):
        return _RASA_APPLIED_EVENTS(self)
    return list(_applied(self))


def rule_window(policy: RulePolicy) -> int:
    """The number of states of the longest rule: the RulePolicy compares a rule with the
    conversation's last states only, one per turn of the rule, and counts every earlier state as
    a match."""
    if _WINDOW_OF not in policy.__dict__:
        keys = [*policy.lookup.get(RULES, {}), *policy.lookup.get(RULES_FOR_LOOP_UNHAPPY_PATH, {})]
        policy.__dict__[_WINDOW_OF] = max((len(policy._rule_key_to_state(key)) for key in keys), default=1)
    return policy.__dict__[_WINDOW_OF]


def rule_prediction_states(
    self: RulePolicy,
    tracker: DialogueStateTracker,
    domain: Domain,
    use_text_for_last_user_input: bool = False,
    rule_only_data: Optional[Dict[Text, Any]] = None,
) -> List[State]:
    """The RulePolicy's states, only the last `rule_window` of them: the rule it finds is the same
    (see rule_window); when no rule fits, the key it names as the source of its prediction is made
    of these states instead of all (it only tells whether the turn is hidden from the other
    policies, which it is not: a rule key of this length would have fitted). Its debug log shows
    these states."""
    token = _WINDOW.set(rule_window(self))
    try:
        return _RASA_RULE_STATES(self, tracker, domain, use_text_for_last_user_input, rule_only_data)
    finally:
        _WINDOW.reset(token)


def apply() -> None:
    """Install the replacements (idempotent)."""
    DialogueStateTracker.copy = copy_tracker
    DialogueStateTracker.past_states = past_states
    DialogueStateTracker.applied_events = applied_events
    RulePolicy._prediction_states = rule_prediction_states
