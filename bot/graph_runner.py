"""Rasa's model graph run without dask, for every message and every prediction.

Why: Rasa 3.6 runs its NLU pipeline (about 20 nodes) once per message and its policies two or
three times per message through `DaskGraphRunner.run`, which first works out the nodes the
targets need (walking every path of the graph again, each run), builds a dask graph and hands it
to dask's scheduler, whose bookkeeping per node cost more than several of the nodes themselves
(bench/RESULTS.md). Here the nodes a set of targets needs are worked out once, in an order where
each node comes after the nodes it needs, and called one after the other with the same arguments
dask gives them: the output of each needed node, or the name of a needed input that was not given.
The graph, its nodes and their results are Rasa's own; so is the error for a failing node.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

_RASA_RUN = DaskGraphRunner.run
_PLANS = "_cip_plans"

Plan = List[Tuple[Text, Any, List[Text]]]  # (node name, node, names of what it needs), in order


def plan(runner: DaskGraphRunner, targets: Tuple[Text, ...]) -> Plan:
    """The nodes the targets need, each after the nodes it needs; made once per set of targets."""
    plans: Dict[Tuple[Text, ...], Plan] = runner.__dict__.setdefault(_PLANS, {})
    if targets not in plans:
        schema = runner._graph_schema.nodes
        ordered: Plan = []
        done = set()

        def visit(name: Text) -> None:
            if name in done or name not in schema:
                return
            done.add(name)
            needs = list(schema[name].needs.values())
            for needed in needs:
                visit(needed)
            ordered.append((name, runner._instantiated_nodes[name], needs))

        for target in targets:
            visit(target)
        plans[targets] = ordered
    return plans[targets]


def run(
    self: DaskGraphRunner, inputs: Optional[Dict[Text, Any]] = None, targets: Optional[List[Text]] = None
) -> Dict[Text, Any]:
    """`DaskGraphRunner.run`, with the same results and errors."""
    run_targets = tuple(targets if targets else self._graph_schema.target_names)
    steps = plan(self, run_targets)
    values: Dict[Text, Any] = {}
    nodes = {name for name, _, _ in steps}
    for input_name, input_value in (inputs or {}).items():
        if isinstance(input_value, str) and input_value in nodes:
            raise GraphRunError(
                f"Input value '{input_value}' clashes with a node name. Make sure "
                f"that none of the input names passed to the `run` method are the "
                f"same as node names in the graph schema."
            )
        values[input_name] = (input_name, input_value)
    try:
        for name, node, needs in steps:
            values[name] = node(*(values[needed] if needed in values else needed for needed in needs))
    except RuntimeError as error:
        raise GraphRunError("Error running runner.") from error
    return dict(values[target] for target in run_targets)


def apply() -> None:
    """Install the replacement (idempotent)."""
    DaskGraphRunner.run = run
