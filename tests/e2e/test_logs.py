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


# The handoff form's questions (domain/handoff.yml) and the answers full of personal data. The form
# skips what it already knows (the question or the theme from the conversation so far), so the test
# answers what is asked instead of following a fixed order.
FORM_ANSWERS = (
    ("In welke gemeente", "Winterswijk"),
    ("Wie ben je?", "ouder"),
    ("Wat is je vraag?", "Jurre Bakkenes, BSN 123456782, wil niet meer naar school. Wie helpt ons?"),
    ("Waar gaat je vraag vooral over?", "absence"),
    ("Hoe mag de contactpersoon je noemen?", "Marieke Bakkenes"),
    ("Hoe kan de contactpersoon je bereiken?", "Marieke.Bakkenes@example.org"),
    ("Mag ik je vraag en een korte samenvatting", "ja dat mag"),
)


def _answer_the_form(send, first: str) -> str:
    """Sends ``first`` and then the answer to each question of the form; the form's last reply.
    Answers the form did not ask for are sent afterwards, so every value passes the servers."""
    reply, sent = send(first), set()
    for _ in range(len(FORM_ANSWERS) + 2):
        answer = next((a for prompt, a in FORM_ANSWERS if prompt in reply), None)
        if answer is None:
            break
        reply = send(answer)
        sent.add(answer)
    for _, answer in FORM_ANSWERS:
        if answer not in sent:
            send(answer)
    return reply


def test_a_conversation_full_of_personal_data_leaves_none_in_the_logs(trained_model, tmp_path):
    assistant = Assistant(trained_model, tmp_path, web=True).start()
    try:
        web = uuid.uuid4().hex
        _via_web(assistant, web, "Mijn zoon Jurre Bakkenes (BSN 123456782) zit al weken thuis, wat moet ik doen?")
        made = _answer_the_form(lambda text: _via_web(assistant, web, text), "ik wil iemand spreken")
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
