"""bot.graph_runner runs the trained model's graph as Rasa's dask runner does: the same NLU
results for the held-out examples and the same policy predictions after every event of the test
stories (its speed: bench/RESULTS.md)."""

import pytest
from rasa.engine.runner.dask import DaskGraphRunner

from bot import graph_runner
from tests.test_rasa_speedups import held_out_answers
from tests.test_tracker_speedups import grown, long_conversation


def test_the_nlu_results_are_rasas(trained_model, event_loop_session, monkeypatch):
    monkeypatch.setattr(DaskGraphRunner, "run", graph_runner.run)
    ours = held_out_answers(trained_model, event_loop_session)
    monkeypatch.setattr(DaskGraphRunner, "run", graph_runner._RASA_RUN)
    assert ours == held_out_answers(trained_model, event_loop_session)


@pytest.fixture(scope="module")
def processor(trained_model):
    from rasa.core.agent import Agent

    return Agent.load(str(trained_model)).processor


def predictions(processor) -> list:
    found = []
    for tracker in grown(long_conversation()):
        prediction = processor._predict_next_with_tracker(tracker)
        found.append(
            (
                prediction.policy_name,
                prediction.probabilities,
                prediction.events,
                prediction.is_no_user_prediction,
                prediction.hide_rule_turn,
            )
        )
    return found


def test_the_policy_predictions_are_rasas(processor, monkeypatch):
    monkeypatch.setattr(DaskGraphRunner, "run", graph_runner.run)
    ours = predictions(processor)
    monkeypatch.setattr(DaskGraphRunner, "run", graph_runner._RASA_RUN)
    assert ours == predictions(processor)
    assert {policy for policy, *_ in ours} >= {"RulePolicy"}


def test_an_input_named_like_a_node_is_refused(processor):
    from rasa.engine.exceptions import GraphRunError

    runner = processor.graph_runner
    node = next(iter(runner._graph_schema.nodes))
    with pytest.raises(GraphRunError, match="clashes with a node name"):
        graph_runner.run(runner, inputs={"__tracker__": node}, targets=[node])
