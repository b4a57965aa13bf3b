"""Replacements of Rasa 3.6's private internals, installed by one `install()`.

Each module here replaces methods of Rasa's classes by versions that give the same results with
less work (docs/rasa-patches.md says why each one, bench/RESULTS.md what it saves):

- rasa_speedups: event class lookup, action server answer check, model loading, DIET's and the
  ResponseSelector's prediction call, the spaCy pipeline loaded once, sparse features combined once
- tracker_speedups: tracker copies, applied events and past states without replaying the conversation
- graph_runner: the model's graph run without dask
- parse_batch: messages that arrive together parsed together
- action_calls: the JSON of a custom action call made once per event
- kept_connections: kept HTTP connections to the action server
- count_vectors: the count-vector features of many messages with one vectorizer call per attribute
- fingerprints: fingerprints of tokens and features for the training cache in one hash each
(tracker_cache is no patch: the project's tracker store, bot/rasa_plugins/tracker_store.py, uses it.)

`install()` is called on import by the packages that Rasa loads from config.yml and credentials.yml
(bot/rasa_plugins/nlu, policies and channels), so every process that trains, loads or serves this
project's model gets the patches (`rasa train`, `rasa run`, `rasa shell`, `rasa test`), whatever
tracker and lock store endpoints.yml names. It installs them once per process, logs once what it
installed, refuses with one log line on a Rasa version other than the one they were written for
(RASA_VERSION), and does nothing with CIP_RASA_PATCHES=0 (stock Rasa, e.g. to compare: bench/).
Modelled on rasa-sdk's tracing instrumentation (patch behind a switch, never twice, logged).

TARGETS lists every class attribute replaced, with the parameters of Rasa's original;
tests/rasa_patches/test_install.py checks them against the installed Rasa without a model."""

from __future__ import annotations

import importlib
import logging
import threading
from typing import List, Optional, Tuple

from bot.settings import settings

log = logging.getLogger(__name__)

RASA_VERSION = "3.6.21"
MODULES = (
    "rasa_speedups",
    "tracker_speedups",
    "graph_runner",
    "action_calls",
    "parse_batch",
    "kept_connections",
    "count_vectors",
    "fingerprints",
)

# (module, class, attribute, parameter names of Rasa's original), per patch module
TARGETS: Tuple[Tuple[str, str, str, Tuple[str, ...]], ...] = (
    # rasa_speedups
    ("rasa.shared.core.events", "Event", "resolve_by_type", ("type_name", "default")),
    ("rasa.core.actions.action", "RemoteAction", "_validate_action_result", ("self", "result")),
    (
        "rasa.utils.tensorflow.models",
        "RasaModel",
        "load",
        ("model_file_name", "model_data_example", "predict_data_example", "finetune_mode", "args", "kwargs"),
    ),
    ("rasa.utils.tensorflow.models", "RasaModel", "_rasa_predict", ("self", "batch_in")),
    ("rasa.shared.nlu.training_data.message", "Message", "get_sparse_features", ("self", "attribute", "featurizers")),
    ("rasa.nlu.utils.spacy_utils", "SpacyNLP", "load_model", ("spacy_model_name",)),
    # tracker_speedups
    ("rasa.shared.core.trackers", "DialogueStateTracker", "copy", ("self",)),
    (
        "rasa.shared.core.trackers",
        "DialogueStateTracker",
        "past_states",
        ("self", "domain", "omit_unset_slots", "ignore_rule_only_turns", "rule_only_data"),
    ),
    ("rasa.shared.core.trackers", "DialogueStateTracker", "applied_events", ("self",)),
    (
        "rasa.core.policies.rule_policy",
        "RulePolicy",
        "_prediction_states",
        ("self", "tracker", "domain", "use_text_for_last_user_input", "rule_only_data"),
    ),
    # graph_runner
    ("rasa.engine.runner.dask", "DaskGraphRunner", "run", ("self", "inputs", "targets")),
    # action_calls
    ("rasa.core.actions.action", "RemoteAction", "_action_call_format", ("self", "tracker", "domain")),
    # parse_batch
    (
        "rasa.core.processor",
        "MessageProcessor",
        "parse_message",
        ("self", "message", "tracker", "only_output_properties"),
    ),
    (
        "rasa.core.processor",
        "MessageProcessor",
        "_parse_message_with_graph",
        ("self", "message", "tracker", "only_output_properties"),
    ),
    ("rasa.nlu.classifiers.diet_classifier", "DIETClassifier", "_predict", ("self", "message")),
    ("rasa.nlu.classifiers.diet_classifier", "DIETClassifier", "process", ("self", "messages")),
    ("rasa.nlu.selectors.response_selector", "ResponseSelector", "process", ("self", "messages")),
    # kept_connections
    ("rasa.utils.endpoints", "EndpointConfig", "session", ("self",)),
    # count_vectors
    (
        "rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer",
        "CountVectorsFeaturizer",
        "process",
        ("self", "messages"),
    ),
    # fingerprints
    ("rasa.nlu.tokenizers.tokenizer", "Token", "fingerprint", ("self",)),
    ("rasa.shared.nlu.training_data.features", "Features", "fingerprint", ("self",)),
)
# Private parts of Rasa and TensorFlow the patches call without replacing them.
USED: Tuple[Tuple[str, str, str], ...] = (
    ("tensorflow.python.eager.polymorphic_function.monomorphic_function", "ConcreteFunction", "_call_flat"),
    ("rasa.core.policies.rule_policy", "RulePolicy", "_rule_key_to_state"),
    ("rasa.shared.core.domain", "Domain", "_get_prev_action_sub_state"),
    ("rasa.shared.core.domain", "Domain", "_remove_rule_only_features"),
    ("rasa.shared.core.domain", "Domain", "_substitute_rule_only_user_input"),
    ("rasa.shared.core.domain", "Domain", "_clean_state"),
    ("rasa.core.tracker_store", "SQLTrackerStore", "_event_query"),
)

_lock = threading.Lock()
_installed: Optional[List[str]] = None  # None: install() has not decided yet; []: not installed


def install() -> List[str]:
    """Install the patches in this process, once; returns the targets replaced (empty when they
    are switched off or refused)."""
    global _installed
    with _lock:
        if _installed is not None:
            return _installed
        _installed = []
        if not settings.rasa_patches:
            log.info(
                "Rasa-patches uitgeschakeld (CIP_RASA_PATCHES=0): Rasa %s draait zonder aanpassingen.", _rasa_version()
            )
            return _installed
        version = _rasa_version()
        if version != RASA_VERSION:
            log.error(
                "Rasa-patches NIET geïnstalleerd: geschreven voor Rasa %s, geïnstalleerd is %s "
                "(zie docs/rasa-patches.md).",
                RASA_VERSION,
                version,
            )
            return _installed
        for name in MODULES:
            importlib.import_module(f"{__name__}.{name}").apply()
        _installed = [f"{cls}.{attribute}" for _, cls, attribute, _ in TARGETS]
        log.info("Rasa-patches geïnstalleerd voor Rasa %s (%d): %s.", version, len(_installed), ", ".join(_installed))
        return _installed


def installed() -> List[str]:
    """What install() replaced in this process (empty before it ran)."""
    return list(_installed or [])


def _rasa_version() -> str:
    from rasa.version import __version__

    return __version__
