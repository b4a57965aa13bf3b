"""Messages that arrive together are parsed together (bot/rasa_patches/parse_batch.py), each with the answer
Rasa gives it alone; a message that breaks the pipeline fails alone."""

import asyncio

import pytest
from rasa.core.channels.channel import UserMessage
from rasa.utils.tensorflow.models import RasaModel

from bot.rasa_patches import parse_batch
from bot.rasa_plugins.nlu.examples import examples_by_intent
from tests.helpers.project import ROOT


@pytest.fixture(scope="module")
def processor(trained_model):
    from rasa.core.agent import Agent

    parse_batch.apply()  # before loading: the model's graph keeps the methods it was built with
    return Agent.load(str(trained_model)).processor


@pytest.fixture(scope="module")
def texts():
    """Every held-out question (360) of every intent."""
    return [
        text
        for examples in examples_by_intent(sorted((ROOT / "tests" / "nlu").glob("*.yml"))).values()
        for text in examples
    ]


def answer(parse_data: dict) -> tuple:
    """What the assistant does with a parse: intents in order, entities, chosen answers."""
    return (
        [
            (i["name"], pytest.approx(i["confidence"], abs=1e-6))
            for i in [parse_data["intent"]] + parse_data.get("intent_ranking", [])
        ],
        [(e["entity"], e["value"]) for e in parse_data["entities"]],
        {
            key: (
                s["response"]["intent_response_key"],
                pytest.approx(s["response"]["confidence"], abs=1e-6),
                [r["intent_response_key"] for r in s["ranking"]],
            )
            for key, s in parse_data.get("response_selector", {}).items()
            if key != "all_retrieval_intents"
        },
    )


def parse_all(processor, texts, event_loop_session) -> list:
    """All texts sent at once, as concurrent requests are."""

    async def together():
        return await asyncio.gather(*(processor.parse_message(UserMessage(text)) for text in texts))

    return event_loop_session.run_until_complete(together())


def test_messages_parsed_together_get_the_answer_rasa_gives_each_alone(processor, texts, event_loop_session):
    alone = [parse_batch._RASA_PARSE_WITH_GRAPH(processor, UserMessage(text), None) for text in texts]
    together = parse_all(processor, texts, event_loop_session)
    assert [p["text"] for p in together] == texts
    assert [answer(p) for p in together] == [answer(p) for p in alone]


def test_concurrent_messages_share_tensorflow_calls(processor, texts, event_loop_session, monkeypatch):
    calls = []
    rasas = RasaModel.run_inference
    monkeypatch.setattr(
        RasaModel, "run_inference", lambda model, *args, **kwargs: calls.append(1) or rasas(model, *args, **kwargs)
    )
    event_loop_session.run_until_complete(processor.parse_message(UserMessage(texts[0])))
    per_message = len(calls)  # DIET (config.yml): one call
    assert per_message >= 1
    calls.clear()
    parse_all(processor, texts[:40], event_loop_session)
    # in batches of at most MAX_BATCH: 5 batches of calls instead of 40
    assert len(calls) == per_message * -(-40 // parse_batch.MAX_BATCH)


def test_a_message_that_breaks_the_pipeline_fails_alone(processor, texts, event_loop_session, monkeypatch):
    nodes = processor.graph_runner._instantiated_nodes
    node = next(n for name, n in nodes.items() if name.startswith("run_bot.rasa_plugins.nlu.municipality."))
    pipeline_step = node._fn

    def breaks_on_one(component, messages):
        if any(message.get("text") == "kapot" for message in messages):
            raise ValueError("stuk")
        return pipeline_step(component, messages)

    monkeypatch.setattr(node, "_fn", breaks_on_one)

    async def together():
        return await asyncio.wait_for(
            asyncio.gather(
                *(processor.parse_message(UserMessage(text)) for text in [*texts[:5], "kapot"]), return_exceptions=True
            ),
            timeout=60,
        )

    results = event_loop_session.run_until_complete(together())
    assert [r["text"] for r in results[:5]] == texts[:5]
    assert "stuk" in str(results[5].__cause__ or results[5])


def test_a_request_that_stops_waiting_does_not_stop_the_others(processor, texts, event_loop_session):
    async def one_gives_up():
        tasks = [asyncio.create_task(processor.parse_message(UserMessage(text))) for text in texts[:6]]
        await asyncio.sleep(0)  # all six are waiting for their batch
        tasks[2].cancel()
        return await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), timeout=60)

    results = event_loop_session.run_until_complete(one_gives_up())
    assert isinstance(results[2], asyncio.CancelledError)
    assert [r["text"] for i, r in enumerate(results) if i != 2] == [t for i, t in enumerate(texts[:6]) if i != 2]
