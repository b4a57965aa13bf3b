"""The assistant's answers with the region's changes (region/answers.yml), through Rasa's NLG hook.

endpoints.yml names this class under `nlg:`; Rasa then asks it for the text of every response.
It is Rasa's own TemplatedNaturalLanguageGenerator (the domain's responses, their variations and
slot filling) with three additions from the region's answer library (bot/region/answers.py):
a maintainer's own text, a sentence for the user's municipality (from the slot `gemeente`), and an
answer switched off, which gives the honest non-answer with a person offered (`utter_no_answer`).
No training and no extra server: the library is read at start and again when the file changed,
and a broken file keeps the previous answers. Why this hook and not Rasa's callback NLG server or
rewriting domain/: docs/answers-library.md.

It also closes the answer to a message with a sign of danger that is no crisis (the parse
result's ``danger_sign``, set by the crisis net) with a short safety line (bot/domain/safety_lines.py),
in the user's language, with only the numbers the reply has not named yet: so once per user
message, never on the crisis answer. Rasa sends every text as soon as its action ran, so which
text will be the last is not known; inside a form the line waits for the form's next question,
which ends the reply.

A subclass and not a wrapper, because `rasa run` makes the generator before it loads the model and
then sets the model's responses only on a TemplatedNaturalLanguageGenerator (`responses`)."""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.domain.safety import CrisisKind
from bot.domain.safety_lines import safety_line
from bot.rasa_plugins.nlu.crisis_net import DANGER_SIGN
from bot.region import load_region
from bot.region.answers import MUNICIPALITY_SLOT, Library, LiveLibrary, with_local_sentence
from bot.region.production import refuse_example_region

NO_ANSWER = "utter_no_answer"  # what a switched-off answer gives instead (domain/answer_choice.yml)
LANGUAGE_SLOT = "user_language"  # set by the language component (domain/languages.yml)
FORM_QUESTION = "utter_ask_"  # how a form asks for its next slot


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
        if message and message.get("text") and not utter_action.startswith("utter_crisis"):
            message["text"] = with_safety_line(message["text"], utter_action, tracker)
        return message


def with_safety_line(text: str, utter_action: str, tracker: DialogueStateTracker) -> str:
    """``text`` with the safety line as its last paragraph when the user's latest message shows a
    sign of danger, with the numbers this reply has not named yet; inside a form only on its
    question."""
    sign = tracker.latest_message.parse_data.get(DANGER_SIGN) if tracker.latest_message else None
    if not sign or (tracker.active_loop_name and not utter_action.startswith(FORM_QUESTION)):
        return text
    given = "\n".join([*_reply_so_far(tracker), text])
    line = safety_line(CrisisKind(sign), tracker.get_slot(LANGUAGE_SLOT), given)
    return f"{text}\n\n{line}" if line else text


def _reply_so_far(tracker: DialogueStateTracker) -> List[str]:
    """The texts already sent in reply to the latest user message."""
    texts: List[str] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        if isinstance(event, BotUttered) and event.text:
            texts.append(event.text)
    return texts


_NO_CHANGES = Library()


def _municipalities() -> List[str]:
    return load_region().municipality_names
