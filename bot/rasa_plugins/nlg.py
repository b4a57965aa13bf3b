"""The assistant's answers with the region's changes (region/answers.yml), through Rasa's NLG hook.

endpoints.yml names this class under `nlg:`; Rasa then asks it for the text of every response.
It is Rasa's own TemplatedNaturalLanguageGenerator (the domain's responses, their variations and
slot filling) with three additions from the region's answer library (bot/region/answers.py):
a maintainer's own text, a sentence for the user's municipality (from the slot `gemeente`), and an
answer switched off, which gives the honest non-answer with a person offered (`utter_no_answer`).
No training and no extra server: the library is read at start and again when the file changed,
and a broken file keeps the previous answers. Why this hook and not Rasa's callback NLG server or
rewriting domain/: docs/answers-library.md.

A subclass and not a wrapper, because `rasa run` makes the generator before it loads the model and
then sets the model's responses only on a TemplatedNaturalLanguageGenerator (`responses`)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.region import load_region
from bot.region.answers import MUNICIPALITY_SLOT, Library, LiveLibrary, with_local_sentence
from bot.region.production import refuse_example_region

NO_ANSWER = "utter_no_answer"  # what a switched-off answer gives instead (domain/answer_choice.yml)


class RegionalAnswers(TemplatedNaturalLanguageGenerator):
    """Rasa's responses with the region's own texts, local sentences and switched-off answers."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None) -> None:
        refuse_example_region()  # the Rasa server does not start in production with the example region
        self._live: LiveLibrary | None = None
        self._applied: tuple = (None, {})  # (library, the domain's responses with its changes)
        super().__init__((domain or Domain.empty()).responses)

    @property
    def responses(self) -> Dict[Text, List[Dict[Text, Any]]]:
        """The domain's responses with the library's changes (as of the last `generate`)."""
        return self._applied[1]

    @responses.setter
    def responses(self, responses: Dict[Text, List[Dict[Text, Any]]]) -> None:
        """The domain's responses (Rasa sets them when it loads the model): the library is checked
        against their names."""
        self._domain_responses = responses
        self._live = LiveLibrary(responses=set(responses), municipalities=_municipalities) if responses else None
        self._applied = (None, responses)
        self._library()

    def _library(self) -> Library:
        """The library of now (one stat of the file; read again when it changed), with the
        responses it makes."""
        library = self._live.current() if self._live else _NO_CHANGES
        if self._applied[0] is not library:
            self._applied = (library, library.applied_to(self._domain_responses))
        return library

    async def generate(
        self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        library = self._library()
        name = NO_ANSWER if library.is_off(utter_action) else utter_action
        message = await super().generate(name, tracker, output_channel, **kwargs)
        sentence = library.local_sentence(utter_action, tracker.get_slot(MUNICIPALITY_SLOT))
        if sentence and message and message.get("text"):
            message["text"] = with_local_sentence(message["text"], sentence)
        return message


_NO_CHANGES = Library()


def _municipalities() -> List[str]:
    return load_region().municipality_names
