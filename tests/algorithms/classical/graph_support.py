"""What the graph-search tests share: networkx twins of the inputs, random graphs, layouts."""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx
from hypothesis import strategies as st

import eigenvue
from tests.reference import assert_matches_reference

NAMES = [chr(c) for c in range(ord("A"), ord("A") + 12)]


def digraph(adjacency: dict[str, list[Any]]) -> nx.DiGraph:
    """The adjacency list as a networkx DiGraph whose successor order is the list order.

    Weighted entries ``{"to", "weight"}`` become edges with a ``weight`` attribute.
    A repeated neighbour keeps its first position (and, weighted, its smallest weight,
    which is the one a shortest-path search can use).
    """
    graph = nx.DiGraph()
    graph.add_nodes_from(adjacency)
    for node, entries in adjacency.items():
        for entry in entries:
            to, weight = (entry, 1) if isinstance(entry, str) else (entry["to"], entry["weight"])
            if graph.has_edge(node, to):
                weight = min(weight, graph[node][to]["weight"])
            graph.add_edge(node, to, weight=weight)
    return graph


@st.composite
def graphs(draw: Any, *, weighted: bool = False, symmetric: bool | None = None) -> dict:
    """A random adjacency list on 1–12 nodes (neighbour order random, maybe asymmetric)."""
    nodes = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=12, unique=True))
    if symmetric is None:
        symmetric = draw(st.booleans())
    pairs = draw(st.lists(st.tuples(st.sampled_from(nodes), st.sampled_from(nodes)), max_size=30))
    adjacency: dict[str, list[Any]] = {node: [] for node in nodes}
    for u, v in pairs:
        if u == v:
            continue
        ends = [(u, v), (v, u)] if symmetric else [(u, v)]
        weight = draw(st.integers(0, 9) | st.floats(0, 10)) if weighted else None
        for a, b in ends:
            already = [e if isinstance(e, str) else e["to"] for e in adjacency[a]]
            if b in already:
                continue
            adjacency[a].append(b if weight is None else {"to": b, "weight": weight})
    return adjacency


def without_positions(inputs: dict[str, Any]) -> dict[str, Any]:
    """The inputs with ``positions`` left out, so that the graph is laid out."""
    return {k: v for k, v in inputs.items() if k != "positions"}


def assert_matches_but_for_the_layout(algorithm: str, case: dict[str, Any]) -> None:
    """A case recorded with ``positions: {}``, run laid out: all but node coordinates match.

    Eigenvue draws every node of such a case at (0.5, 0.5); here ``positions: {}``
    is refused and a graph without positions is laid out, so only the coordinates
    may differ.
    """
    assert case["inputs"]["positions"] == {}
    got = eigenvue.steps(algorithm, without_positions(case["inputs"]))
    expected = copy.deepcopy(case["steps"])
    for g, e in zip(got, expected):
        for ours, theirs in zip(g["state"].get("nodes", []), e["state"].get("nodes", [])):
            assert 0 <= ours["x"] <= 1 and 0 <= ours["y"] <= 1
            theirs["x"], theirs["y"] = ours["x"], ours["y"]
    extra = tuple(eigenvue.get_algorithm(algorithm).meta.extra_state)
    assert_matches_reference(got, expected, extra)


#: Any JSON value, small: what a user might pass for any input by mistake.
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 3)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["", "A", "B", "Z", "to", "weight", "x"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["A", "B", "", "to", "weight", "x", "y"]), inner, max_size=3
        )
    ),
    max_leaves=8,
)


@st.composite
def mangled_inputs(draw: Any, defaults: dict[str, Any]) -> dict[str, Any]:
    """The defaults with some inputs replaced by arbitrary JSON, dropped, or mangled inside."""
    inputs = copy.deepcopy(defaults)
    for name in list(inputs):
        action = draw(st.sampled_from(["keep", "drop", "replace", "replace inside"]))
        if action == "drop":
            del inputs[name]
        elif action == "replace":
            inputs[name] = draw(JSON)
        elif action == "replace inside" and isinstance(inputs[name], dict) and inputs[name]:
            key = draw(st.sampled_from(sorted(inputs[name])))
            inputs[name][key] = draw(JSON)
    return inputs


def assert_runs_or_refuses(algorithm: str, inputs: dict[str, Any]) -> None:
    """Either a trace ending in one terminal step, or an InputError naming a known input."""
    try:
        steps = eigenvue.steps(algorithm, inputs)
    except eigenvue.InputError as error:
        fields = eigenvue.get_algorithm(algorithm).inputs_model.model_fields
        assert error.input.split(".")[0].split("[")[0] in {*fields, *inputs}
        return
    assert steps[-1]["isTerminal"]
