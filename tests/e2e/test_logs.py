"""The logs hold no message text, names, e-mail addresses, phone numbers or BSN-like numbers.

A scripted conversation full of such data goes through the real servers (web server, Rasa server,
action server) at the log level of production (INFO, the default of `rasa run`), including a
handoff with e-mail and one with a phone number, an erasure, and a failing action server; then
every log file is searched for every value."""

from __future__ import annotations

import json
import re
import urllib.request
import uuid

from tests.helpers.launch import Assistant

SECRETS = (
    "Jurre",
    "Bakkenes",
    "Marieke",
    "marieke.bakkenes",
    "Oosterveld",
    "111222333",
    "123456782",
    "98765432",
    "wil niet meer naar school",
    "zit al weken thuis",
    "verzuimt veel",
)


def _via_web(assistant: Assistant, sender: str, text: str) -> str:
    """The way the chat widget sends a message: POST /chat on the web server."""
    request = urllib.request.Request(
        f"{assistant.web_url}/chat",
        method="POST",
        data=json.dumps({"sender": sender, "message": text}).encode(),
        headers={"Content-Type": "application/json", "Origin": assistant.web_url},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        return "\n".join(m.get("text", "") for m in json.loads(response.read())["messages"])


def _via_rest(assistant: Assistant, sender: str, text: str) -> str:
    return "\n".join(m.get("text", "") for m in assistant.send(sender, text))


def test_a_conversation_full_of_personal_data_leaves_none_in_the_logs(trained_model, tmp_path):
    assistant = Assistant(trained_model, tmp_path, web=True).start()
    try:
        web = uuid.uuid4().hex
        for text in (
            "Mijn zoon Jurre Bakkenes (BSN 123456782) zit al weken thuis, wat moet ik doen?",
            "ik wil iemand spreken",
            "Winterswijk",
            "ouder",
            "Jurre Bakkenes, BSN 123456782, wil niet meer naar school. Wie helpt ons?",
            "Marieke Bakkenes",
            "Marieke.Bakkenes@example.org",
        ):
            _via_web(assistant, web, text)
        made = _via_web(assistant, web, "ja dat mag")
        if "Waar gaat je vraag vooral over?" in made:  # the theme, when the first answer did not give it
            made = _via_web(assistant, web, "absence")
        assert re.search(r"CIP-[0-9A-Z]{4}-[0-9A-Z]{4}", made)

        rest = uuid.uuid4().hex
        for text in (
            "ik wil iemand spreken",
            "Aalten",
            "leerkracht",
            "Leerling Sem Oosterveld (bsn 111222333) verzuimt veel en ik maak me zorgen",
            "absence",
            "Sem Oosterveld",
            "06-98765432",
        ):
            _via_rest(assistant, rest, text)
        reference = re.search(r"CIP-[0-9A-Z]{4}-[0-9A-Z]{4}", _via_rest(assistant, rest, "nee")).group(0)
        _via_rest(assistant, rest, f"hoe staat het met {reference}? Groet, Sem Oosterveld 0698765432")
        _via_rest(assistant, rest, "verwijder mijn gesprek")
        assert "verwijderd" in _via_rest(assistant, rest, "ja")

        assistant.actions.stop()
        assert "0543-000000" in _via_rest(
            assistant, uuid.uuid4().hex, "Ik ben Marieke Bakkenes, bel me op 06-98765432, ik wil iemand spreken"
        )
        assistant.actions.start()
    finally:
        assistant.stop()

    logs = {path.name: path.read_text(encoding="utf-8", errors="replace") for path in tmp_path.glob("*.log")}
    assert set(logs) == {"actions.log", "rasa.log", "web.log"}
    assert "Rasa server is up and running" in logs["rasa.log"]  # INFO is written: the search means something
    leaks = [
        f"{name}: {secret!r}" for name, text in logs.items() for secret in SECRETS if secret.lower() in text.lower()
    ]
    assert leaks == []
