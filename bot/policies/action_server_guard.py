"""Rasa policy: when a custom action could not run (the action server is down or crashed), the
user still gets an answer: the region's central phone number, and an open form is closed.

Rasa logs such a failure and carries on as if the action had run without events, so the user
would see nothing. This policy sees exactly that state: the last event is the execution of one
of our own actions (or forms) and nothing came after it. Every working custom action of this
project says something or sets a slot, so after a successful run other events follow it."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, SlotSet
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

UNAVAILABLE_RESPONSE = "utter_service_unavailable"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class ActionServerGuard(Policy):
    """Predicts the 'service unavailable' answer right after a custom action failed."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        # Above the RulePolicy (6), which would otherwise just wait for the next message.
        return {"priority": 7}

    def train(self, training_trackers: List[TrackerWithCachedStates], domain: Domain, **kwargs: Any) -> Resource:
        return self._resource

    def predict_action_probabilities(
        self,
        tracker: DialogueStateTracker,
        domain: Domain,
        rule_only_data: Optional[Dict[Text, Any]] = None,
        **kwargs: Any,
    ) -> PolicyPrediction:
        probabilities = self._default_predictions(domain)
        if not failed_custom_action(tracker, domain):
            return self._prediction(probabilities)
        probabilities[domain.index_for_action(UNAVAILABLE_RESPONSE)] = 1.0
        close_form = [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else []
        # Marked as not depending on the user, like the RulePolicy's prediction that an active form
        # goes on: Rasa lets such predictions overrule all others, so without the mark a failure
        # inside a form would end in silence.
        return self._prediction(probabilities, optional_events=close_form, is_no_user_prediction=True)


def failed_custom_action(tracker: DialogueStateTracker, domain: Domain) -> bool:
    own = {a for a in domain.user_actions if not a.startswith("utter_")} | set(domain.form_names)
    last = tracker.events[-1] if tracker.events else None
    if not isinstance(last, ActionExecuted) or last.action_name not in own:
        return False
    # Story tests replay actions without running them: their messages come from a file, not
    # through a channel (rest, socketio, cmdline), so only live conversations are guarded.
    return bool(tracker.latest_message and tracker.latest_message.input_channel)
