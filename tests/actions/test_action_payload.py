"""What the Rasa server sends the action server with each custom action call: the domain (all
answer texts, ~55 kB of JSON, encoded and decoded on every call) only to the form validations,
which read the form's slots from it (endpoints.yml, domain/)."""

import json

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.utils import AvailableEndpoints
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from tests.helpers.launch import _project_endpoints_yaml
from tests.helpers.project import ROOT

DOMAIN = Domain.load(str(ROOT / "domain"))
FORM_VALIDATIONS = {"validate_handoff_form", "validate_age_check_form"}


def payload(action: str, endpoints_file) -> dict:
    endpoint = AvailableEndpoints.read_endpoints(str(endpoints_file)).action
    return RemoteAction(action, endpoint)._action_call_format(DialogueStateTracker("test", DOMAIN.slots), DOMAIN)


@pytest.mark.parametrize("action", sorted(a for a in DOMAIN.user_actions if not a.startswith("utter_")))
def test_only_the_form_validations_get_the_domain(action, tmp_path):
    launched = tmp_path / "endpoints.yml"  # as tests.helpers.launch writes it for the tests and the load test
    launched.write_text(_project_endpoints_yaml(5055), encoding="utf-8")
    for endpoints_file in (ROOT / "endpoints.yml", launched):
        sent = payload(action, endpoints_file)
        assert ("domain" in sent) == (action in FORM_VALIDATIONS)
        if action in FORM_VALIDATIONS:
            assert sent["domain"]["forms"][action.replace("validate_", "", 1)]["required_slots"]
        assert len(json.dumps(sent)) < 5000 or action in FORM_VALIDATIONS
