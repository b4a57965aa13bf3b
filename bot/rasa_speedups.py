"""Places where Rasa 3.6 does work it does not need, replaced by versions that give the same
results. Measured on the Rasa server (py-spy and peak memory, bench/RESULTS.md).

- Every answer of the action server is checked with `jsonschema.validate`, which first checks the
  (constant) schema itself against the JSON Schema meta-schema: most of the cost of a custom action
  call. Here the validators are built once, and each event is checked against the one alternative
  of the schema's `oneOf` for its name instead of all 23; what fails is checked against the whole
  schema as before, for the same error.
- Every stored event that is read back (each message reads the whole conversation) looks up its
  class by walking all subclasses of `Event`. Here the lookup is a table, rebuilt when a name is
  not in it (a class defined later), with the same answers as Rasa's walk.
- Loading a trained DIET or ResponseSelector model runs one training step to create its weights
  before it reads them from the model; run as a TensorFlow graph, that step builds the whole
  training graph, about half of the server's peak memory. Here the step runs eagerly (no graph):
  the same weights are created and then overwritten by the trained ones; prediction still runs
  as a graph. Loading for fine-tuning is left to Rasa.
- Each prediction of DIET and the ResponseSelector calls their `tf.function`, which looks up the
  graph for its inputs again and checks them against its fixed input signature, as long as
  running the graph itself. The signature allows one graph; here it is called directly with
  the inputs converted as those checks convert them.
- The spaCy pipeline is loaded once per node of the model's graph that uses it (twice); here
  once per pipeline name (it only reads). About 70 MB less.
- DIET and the ResponseSelector each combine the message's sparse features (a deep copy and a
  sparse matrix stacked per featurizer); here the second gets what the first combined, as long
  as no features were added in between (the message is the same one, read only by both).
- Replaying the whole conversation where a few new events would do: bot/tracker_speedups.py.
- Running the model's graph through dask's scheduler: bot/graph_runner.py.
- Encoding the whole conversation as JSON for every custom action call: bot/action_calls.py.
- Parsing each message alone while others are waiting: bot/parse_batch.py.
- A new connection to the action server for every custom action: bot/kept_connections.py.

Rasa has no hook to run code when its server starts. The tracker store named in endpoints.yml
(bot.tracker_store) is built once in every Rasa server process before the first message, so it
calls `apply()`; `rasa train` and the action server do not need these."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List, Optional, Text, Tuple, Type

import tensorflow as tf
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from keras.utils import tf_utils
from rasa.core.actions.action import RemoteAction
from rasa.nlu.utils.spacy_utils import SpacyNLP
from rasa.shared.constants import DIAGNOSTIC_DATA, DOCS_BASE_URL
from rasa.shared.core.events import Event
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.utils.common import all_subclasses
from rasa.utils.tensorflow.constants import LEARNING_RATE, RUN_EAGERLY
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.models import RasaModel
from tensorflow.python.util import nest

from bot import action_calls, graph_runner, kept_connections, parse_batch, tracker_speedups

_RASA_RESOLVE_BY_TYPE = Event.resolve_by_type
_RASA_MODEL_LOAD = RasaModel.load.__func__
_RASA_SPACY_LOAD = SpacyNLP.load_model
_RASA_PREDICT = RasaModel._rasa_predict
_RASA_SPARSE_FEATURES = Message.get_sparse_features
_COMBINED = "_cip_combined_sparse"
_CONCRETE = "_cip_predict_graph"
_event_classes: Dict[Text, Type[Event]] = {}
_action_result_validator = None


def _event_class_table() -> Dict[Text, Type[Event]]:
    """type name -> class, the first class in Rasa's order winning, as in Rasa's own loop."""
    table: Dict[Text, Type[Event]] = {}
    for cls in all_subclasses(Event):
        table.setdefault(cls.type_name, cls)
    return table


def resolve_event_type(type_name: Text, default: Optional[Type[Event]] = None) -> Optional[Type[Event]]:
    """Same contract as `Event.resolve_by_type`: the class, `default`, or Rasa's own answer for
    names it does not know (None for the old 'topic', else ValueError)."""
    global _event_classes
    if type_name not in _event_classes:
        _event_classes = _event_class_table()
    if type_name in _event_classes:
        return _event_classes[type_name]
    return _RASA_RESOLVE_BY_TYPE(type_name, default)


def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    """`RemoteAction._validate_action_result` with validators built once: the same errors, with
    the same hint appended. A valid answer is recognised faster (see _obviously_valid)."""
    global _action_result_validator
    if _obviously_valid(result):
        return True
    if _action_result_validator is None:
        schema = RemoteAction.action_response_format_spec()
        _action_result_validator = validator_for(schema)(schema)
    error = best_match(_action_result_validator.iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your "
        "response from the Action endpoint is valid. For more information about the "
        f"format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


@lru_cache(maxsize=1)
def _validators() -> Tuple[Any, Dict[Text, Any]]:
    """The answer's schema without its events' items, and per event name the schema of such an
    event: the item schema with, of its `oneOf`, only the alternative for that name. Each
    alternative fixes `event` to its own name, so an event can only match that one, and `oneOf`
    holds exactly when it does."""
    schema = RemoteAction.action_response_format_spec()
    item = schema["properties"]["events"]["items"]
    outer = {key: value for key, value in item.items() if key != "oneOf"}
    answer = {**schema, "properties": {**schema["properties"], "events": {"type": "array"}}}
    by_event = {
        alternative["properties"]["event"]["const"]: {**outer, "allOf": [alternative]} for alternative in item["oneOf"]
    }
    return (validator_for(answer)(answer), {name: validator_for(event)(event) for name, event in by_event.items()})


def _obviously_valid(result: Any) -> bool:
    """Whether the answer is valid, checking each event against its own alternative only; False
    also when that cannot be told this way (an event without a known name): then the whole
    schema decides, and gives Rasa's error."""
    answer, by_event = _validators()
    if not answer.is_valid(result):
        return False
    for event in result.get("events") or []:
        validator = by_event.get(event.get("event")) if isinstance(event, dict) else None
        if validator is None or not validator.is_valid(event):
            return False
    return True


def load_model(
    cls,
    model_file_name: Text,
    model_data_example,
    predict_data_example=None,
    finetune_mode: bool = False,
    *args: Any,
    **kwargs: Any,
) -> RasaModel:
    """`RasaModel.load` whose weight-creating step runs eagerly; see the module's docstring."""
    if finetune_mode:
        return _RASA_MODEL_LOAD(
            cls, model_file_name, model_data_example, predict_data_example, finetune_mode, *args, **kwargs
        )
    model = cls(*args, **kwargs)
    config = kwargs.get("config", {})
    model.compile(optimizer=tf.keras.optimizers.Adam(config.get(LEARNING_RATE, 0.001)), run_eagerly=True)
    model.fit(RasaBatchDataGenerator(model_data_example, batch_size=1), verbose=False)
    model.load_weights(model_file_name)
    model.run_eagerly = config.get(RUN_EAGERLY)
    if predict_data_example:
        model.run_inference(predict_data_example)  # builds the prediction graph now, not at the first message
    return model


def predict(self: RasaModel, batch_in) -> Dict[Text, Any]:
    """`RasaModel._rasa_predict` calling the one graph of its prediction step directly, with the
    batch's arrays as tensors of the signature's types (what the tf.function's checks make of
    them), through TensorFlow's `_call_flat` (TensorFlow is pinned by Rasa)."""
    if self._run_eagerly or self._tf_predict_step is None:
        return _RASA_PREDICT(self, batch_in)  # eager, or the first call, which makes the tf.function
    kept = self.__dict__.get(_CONCRETE)
    if kept is None:
        graph = self._tf_predict_step.get_concrete_function()
        specs = nest.flatten(graph.structured_input_signature[0], expand_composites=True)
        kept = self.__dict__[_CONCRETE] = (graph, [spec.dtype for spec in specs])
    graph, dtypes = kept
    inputs = [
        tf.convert_to_tensor(array, dtype=dtype)
        for array, dtype in zip(nest.flatten(batch_in, expand_composites=True), dtypes, strict=True)
    ]
    outputs = tf_utils.sync_to_numpy_or_python_type(graph._call_flat(inputs, graph.captured_inputs))
    if DIAGNOSTIC_DATA in outputs:
        outputs[DIAGNOSTIC_DATA] = self._empty_lists_to_none_in_dict(outputs[DIAGNOSTIC_DATA])
    return outputs


def sparse_features(self: Message, attribute: Text, featurizers: Optional[List[Text]] = None):
    """`Message.get_sparse_features`, combined once per attribute, featurizers and features."""
    key = (attribute, tuple(featurizers or ()), len(self.features))
    combined = self.__dict__.setdefault(_COMBINED, {})
    if key not in combined:
        combined[key] = _RASA_SPARSE_FEATURES(self, attribute, featurizers)
    return combined[key]


def apply() -> None:
    """Install the replacements (idempotent)."""
    Event.resolve_by_type = staticmethod(resolve_event_type)
    RemoteAction._validate_action_result = validate_action_result
    RasaModel.load = classmethod(load_model)
    RasaModel._rasa_predict = predict
    Message.get_sparse_features = sparse_features
    if SpacyNLP.load_model is _RASA_SPACY_LOAD:
        SpacyNLP.load_model = staticmethod(lru_cache(maxsize=None)(_RASA_SPACY_LOAD))
    tracker_speedups.apply()
    graph_runner.apply()
    action_calls.apply()
    parse_batch.apply()
    kept_connections.apply()
