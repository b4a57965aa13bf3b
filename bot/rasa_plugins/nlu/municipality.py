"""Rasa NLU component: recognises the region's municipalities (and villages in them) in any
message, also with typos and without capitals, from the region file rather than from examples.

It is the only source of the `gemeente` entity (DIET extracts no entities): a municipality of the
region gets its official name. A municipality outside the region ("ik woon in Utrecht") gets no
entity; the handoff form reads its answer as text and action_municipality_given reads the
message, and both say honestly which municipalities are served."""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.nlu.stateless import StatelessComponent
from bot.region import load_region, locate_municipality

ENTITY = "gemeente"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class MunicipalityExtractor(StatelessComponent, EntityExtractorMixin):
    """Sets the `gemeente` entity to the official name of a municipality of the region."""

    def __init__(self) -> None:
        self._region = load_region()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = locate_municipality(self._region, message.get(TEXT) or "")
            if found is None:
                continue
            entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != ENTITY]
            entities.append(
                {
                    ENTITY_ATTRIBUTE_TYPE: ENTITY,
                    ENTITY_ATTRIBUTE_VALUE: found.name,
                    ENTITY_ATTRIBUTE_START: found.start,
                    ENTITY_ATTRIBUTE_END: found.end,
                    EXTRACTOR: "MunicipalityExtractor",
                }
            )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
