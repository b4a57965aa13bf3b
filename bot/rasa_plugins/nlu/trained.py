"""The life cycle Rasa asks of a trainable graph component, written once.

Rasa creates a component empty, trains it and writes what it learned to the component's resource,
or loads it from there; every trained component of this project (the vocabulary gate, the
closed-class entities, the crisis model, the answer model) does the same with a different thing
learned. A subclass says what it learns (``learn``) and how that is written and read back (a
``learned_type`` with ``save(directory)`` and ``load(directory)``, or its own ``write`` and
``read``), and uses ``self.learned`` in ``process``.

Rasa reuses a trained node from its cache when the node's configuration and inputs are the same,
whatever the component's code: ``stored_as`` goes into the fingerprint, so a change of what a
component stores retrains it instead of failing to read an old file. A component may also learn
from a corpus beside Rasa's training data (config ``corpus``: a folder of YAML files, such as
``data/crisis``): Rasa does not fingerprint those files, so their bytes go into the fingerprint too,
and a change to them retrains this node (and only this one).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.training_data import TrainingData


class TrainedComponent(GraphComponent):
    """A component with one learned thing, ``self.learned``, stored in its resource."""

    learned_type: Any = None
    stored_as = "1"

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(
        self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, learned: Any = None
    ) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self.learned = learned

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[Text]:
        digest = hashlib.sha256(cls.stored_as.encode())
        for path in cls.corpus_files(config):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        return digest.hexdigest()

    @classmethod
    def corpus_files(cls, config: Dict[Text, Any]) -> List[Path]:
        """The YAML files of the component's corpus (config ``corpus``), none without one."""
        folder = {**cls.get_default_config(), **config}.get("corpus")
        return sorted(Path(folder).glob("*.yml")) if folder else []

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "TrainedComponent":
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "TrainedComponent":
        with model_storage.read_from(resource) as directory:
            learned = cls.read(directory)
        return cls(config, model_storage, resource, learned)

    def train(self, training_data: TrainingData) -> Resource:
        self.learned = self.learn(training_data)
        with self._model_storage.write_to(self._resource) as directory:
            self.write(self.learned, directory)
        return self._resource

    def learn(self, training_data: TrainingData) -> Any:
        raise NotImplementedError

    @staticmethod
    def write(learned: Any, directory: Path) -> None:
        learned.save(directory)

    @classmethod
    def read(cls, directory: Path) -> Any:
        return cls.learned_type.load(directory)
