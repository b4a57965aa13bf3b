"""Messages that arrive together are parsed together: one run of the NLU pipeline, and one
TensorFlow call each for DIET and the ResponseSelector, for all of them.

Why: Rasa 3.6 parses each message on its own, and most of a DIET or ResponseSelector prediction
is the cost of the call, not of the message: 0.96 ms per message alone, 0.34 in a batch of 4 and
0.20 in a batch of 8 (bench/RESULTS.md). Under load a Rasa process has several requests that are
ready at the same moment (the answers they wait for arrived while it was busy).

How: `parse_message` puts the message in the processor's batch and lets the event loop run the
requests that are ready; as soon as a turn of the loop brings no new message (or the batch is
full) the batch is parsed and every request goes on with its own result. A lone message waits
two turns of the loop, microseconds. Each result is what Rasa's `_parse_message_with_graph` makes
of the message, and Rasa's `parse_message` does the rest as before. When a batch fails, its
messages are parsed one by one, so a message that breaks the pipeline fails alone, with Rasa's
error. The NLU pipeline does not read the conversation (checked on the model's graph; batching
is off for a model whose NLU needs it).

The figures of one message can differ from those it gets alone in the last digits of a float
(TensorFlow adds up a batch in another order); tests/test_parse_batch.py compares intents,
answers and confidences with the ones Rasa gives each message alone.
"""

from __future__ import annotations

import asyncio
from typing import Any, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor
from rasa.engine.constants import PLACEHOLDER_MESSAGE, PLACEHOLDER_TRACKER
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.nlu.selectors.response_selector import ResponseSelector
from rasa.shared.constants import DIAGNOSTIC_DATA
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_NAME_KEY, PREDICTED_CONFIDENCE_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.tensorflow.constants import ENTITY_RECOGNITION

from bot import graph_runner

MAX_BATCH = 8  # 4 gave fewer messages/s, 16 no more than 8 (bench/RESULTS.md)

_RASA_PARSE = MessageProcessor.parse_message
_RASA_PARSE_WITH_GRAPH = MessageProcessor._parse_message_with_graph
_RASA_PREDICT = DIETClassifier._predict
_RASA_PROCESS = {DIETClassifier: DIETClassifier.process, ResponseSelector: ResponseSelector.process}
_BATCHER = "_cip_batcher"
_PARSED = "_cip_parsed"
_PREDICTED = "_cip_predicted"

Waiting = Tuple[UserMessage, bool, "asyncio.Future[Dict[Text, Any]]"]


class Batcher:
    """The messages of one processor waiting to be parsed."""

    def __init__(self, processor: MessageProcessor) -> None:
        self.processor = processor
        self.waiting: List[Waiting] = []
        self.counted = 0
        self.scheduled = False

    async def parse(self, message: UserMessage, only_output_properties: bool) -> Dict[Text, Any]:
        """The message's parse data, parsed with the messages that arrive in the same turns."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.waiting.append((message, only_output_properties, future))
        if not self.scheduled:
            self.scheduled, self.counted = True, 0
            loop.call_soon(self._settle, loop)
        return await future

    def _settle(self, loop: asyncio.AbstractEventLoop) -> None:
        """Parse the batch once a turn of the loop brought no new message, or it is full."""
        if self.counted < len(self.waiting) < MAX_BATCH:
            self.counted = len(self.waiting)
            loop.call_soon(self._settle, loop)
            return
        batch, self.waiting = self.waiting[:MAX_BATCH], self.waiting[MAX_BATCH:]
        self.counted = len(self.waiting)
        self.scheduled = bool(self.waiting)
        if self.scheduled:  # the rest is the next batch, with what arrives meanwhile
            loop.call_soon(self._settle, loop)
        self._parse_batch(batch)

    def _parse_batch(self, batch: List[Waiting]) -> None:
        """Give each waiting request its result; one by one when the batch fails."""
        try:
            results = parse_together(
                self.processor, [message for message, _, _ in batch], [only for _, only, _ in batch]
            )
        except Exception as error:  # noqa: BLE001 - each message gets its own outcome below
            if len(batch) == 1:
                _settle_future(batch[0][2], error=error)
                return
            for waiting in batch:
                self._parse_batch([waiting])
            return
        for (_, _, future), result in zip(batch, results):
            _settle_future(future, result=result)


def _settle_future(future: asyncio.Future, result: Any = None, error: Optional[BaseException] = None) -> None:
    """Set the outcome, unless the request gave up waiting (its client went away)."""
    if future.done():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


def parse_together(
    processor: MessageProcessor, messages: List[UserMessage], only_output_properties: List[bool]
) -> List[Dict[Text, Any]]:
    """Rasa's `_parse_message_with_graph` for several messages in one run of the NLU graph."""
    target = processor.model_metadata.nlu_target
    results = processor.graph_runner.run(
        inputs={PLACEHOLDER_MESSAGE: messages, PLACEHOLDER_TRACKER: None}, targets=[target]
    )
    parsed = []
    for message, only in zip(results[target], only_output_properties, strict=True):
        parse_data = {TEXT: "", INTENT: {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}, ENTITIES: []}
        parse_data.update(message.as_dict(only_output_properties=only))
        parsed.append(parse_data)
    return parsed


def can_batch(processor: MessageProcessor) -> bool:
    """Whether the processor's NLU runs on our graph runner without reading the conversation."""
    runner = processor.graph_runner
    if processor.http_interpreter is not None or not isinstance(runner, DaskGraphRunner):
        return False
    steps = graph_runner.plan(runner, (processor.model_metadata.nlu_target,))
    return all(PLACEHOLDER_TRACKER not in needs for _, _, needs in steps)


async def parse_message(
    self: MessageProcessor, message: UserMessage, tracker=None, only_output_properties: bool = True
) -> Dict[Text, Any]:
    """Rasa's `parse_message`, with the graph's part done in a batch."""
    batcher = self.__dict__.get(_BATCHER)
    if batcher is None:
        batcher = self.__dict__[_BATCHER] = Batcher(self) if can_batch(self) else False
    if batcher:
        message.__dict__[_PARSED] = await batcher.parse(message, only_output_properties)
    return await _RASA_PARSE(self, message, tracker, only_output_properties)


def parse_message_with_graph(
    self: MessageProcessor, message: UserMessage, tracker, only_output_properties: bool = True
) -> Dict[Text, Any]:
    """The batch's result for the message (parsed with the same `only_output_properties`), or
    Rasa's when it has none."""
    parsed = message.__dict__.pop(_PARSED, None)
    if parsed is not None:
        return parsed
    return _RASA_PARSE_WITH_GRAPH(self, message, tracker, only_output_properties)


def predict_together(component: DIETClassifier, messages: List[Message]) -> None:
    """One TensorFlow call for the messages; each message's share of the output is kept for
    `_predict`. Only for intents without diagnostics (every output row is one message; the
    diagnostic data, per token and padded to the longest message, is left out, as `process` reads
    it only with diagnostics on); else, and when a message has no features (no row), each message
    is predicted alone as Rasa does."""
    if (
        component.model is None
        or component.component_config.get(ENTITY_RECOGNITION)
        or component._execution_context.should_add_diagnostic_data
    ):
        return
    model_data = component._create_model_data(messages, training=False)
    if model_data.is_empty() or model_data.number_of_examples() != len(messages):
        return
    out = component.model.run_inference(model_data, batch_size=len(messages))
    component.__dict__[_PREDICTED] = {
        id(message): {key: value[row : row + 1] for key, value in out.items() if key != DIAGNOSTIC_DATA}
        for row, message in enumerate(messages)
    }


def predict(self: DIETClassifier, message: Message):
    """The kept output of the batch for the message, or Rasa's prediction."""
    kept = self.__dict__.get(_PREDICTED)
    if kept is not None and id(message) in kept:
        return kept[id(message)]
    return _RASA_PREDICT(self, message)


def _batched(process: Callable) -> Callable:
    def process_batch(self: DIETClassifier, messages: List[Message]) -> List[Message]:
        """Rasa's `process`, after one prediction for all messages."""
        if len(messages) > 1:
            predict_together(self, messages)
        try:
            return process(self, messages)
        finally:
            self.__dict__.pop(_PREDICTED, None)

    return process_batch


def apply() -> None:
    """Install the replacements (idempotent)."""
    MessageProcessor.parse_message = parse_message
    MessageProcessor._parse_message_with_graph = parse_message_with_graph
    DIETClassifier._predict = predict
    for component, process in _RASA_PROCESS.items():
        component.process = _batched(process)
