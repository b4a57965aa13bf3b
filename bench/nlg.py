"""What the region's answers layer (bot/rasa_plugins/nlg.py) costs per response, beside Rasa's own
TemplatedNaturalLanguageGenerator on the project's domain.

Both generators are asked for the same responses with the same tracker (municipality slot set):
an answer the region left alone (the layer's own cost: one stat of the answers file and two
look-ups), an answer the region changed (its own text, plus a local sentence), and an answer
switched off (the non-answer instead). The answers file is a temporary one, so the run changes
nothing. Prints microseconds per response (median of the rounds) for each.

    .venv/bin/python bench/nlg.py [--rounds 9] [--calls 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ANSWERS = """\
version: 1
answers:
  {changed}:
    text: |-
      Dit is de tekst van de regio.

      Meer lezen: https://www.rijksoverheid.nl/onderwerpen/leerplicht
    sources: [https://www.rijksoverheid.nl/onderwerpen/leerplicht]
    local:
      Winterswijk:
        text: In Winterswijk kun je ook terecht bij het spreekuur op het gemeentehuis.
        source: https://www.winterswijk.nl
  {off}:
    off: true
"""


def _microseconds(generators, name, tracker, calls: int, rounds: int) -> list:
    """Median microseconds per response of each generator; their rounds alternate, so that the
    other work on the machine falls on both alike."""

    async def run(nlg) -> float:
        start = time.perf_counter()
        for _ in range(calls):
            await nlg.generate(name, tracker, "rest")
        return (time.perf_counter() - start) / calls * 1e6

    times = [[] for _ in generators]
    for _ in range(rounds):
        for kept, nlg in zip(times, generators):
            kept.append(asyncio.run(run(nlg)))
    return [statistics.median(kept) for kept in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()

    from rasa.core.nlg import NaturalLanguageGenerator, TemplatedNaturalLanguageGenerator
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import SlotSet
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.utils.endpoints import EndpointConfig

    from bot import PROJECT_ROOT

    domain = Domain.load(str(PROJECT_ROOT / "domain"))
    answers = sorted(name for name in domain.responses if "/" in name)
    changed, off, untouched = answers[0], answers[1], answers[2]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "answers.yml"
        path.write_text(ANSWERS.format(changed=changed, off=off), encoding="utf-8")
        os.environ["CIP_ANSWERS_FILE"] = str(path)  # read by bot.settings in this process only
        regional = NaturalLanguageGenerator.create(EndpointConfig(type="bot.rasa_plugins.nlg.RegionalAnswers"), None)
        regional.responses = domain.responses  # as rasa.core.agent.Agent.load_model does
        rasa_own = TemplatedNaturalLanguageGenerator(domain.responses)
        tracker = DialogueStateTracker.from_events("bench", [SlotSet("gemeente", "Winterswijk")], slots=domain.slots)
        print("us per response: Rasa's TemplatedNaturalLanguageGenerator / RegionalAnswers (bot/rasa_plugins/nlg.py)")
        for kind, name in (("left alone", untouched), ("changed + local sentence", changed), ("switched off", off)):
            theirs, ours = _microseconds((rasa_own, regional), name, tracker, args.calls, args.rounds)
            print(f"{kind:25} {name:35} {theirs:6.1f} / {ours:6.1f} ({ours - theirs:+.1f})")


if __name__ == "__main__":
    main()
