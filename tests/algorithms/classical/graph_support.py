"""What the graph-search tests share.

Networkx twins of the inputs, random graphs, layouts, the fallbacks of a given graph, and the
checks every search passes the same way (its frames, mangled inputs, each list read once).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any, NamedTuple

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

import eigenvue
from tests.frames_check import (
    assert_built_once_and_updated_in_place,
    assert_each_image_differs_from_the_last,
    draw_diagram,
)
from tests.reference import assert_matches_reference, case_named
from tests.refusals import assert_refused

NAMES = [chr(c) for c in range(ord("A"), ord("A") + 12)]

#: Left out next to a given graph, these mean "none" (as in Eigenvue, whose inputs are
#: never merged with its defaults): the default layout and target belong to the default graph.
#: Each search's test module keeps its own ``FALLBACKS`` (the registry tests read it there).
GIVEN_GRAPH_FALLBACKS: dict[str, str] = {
    "positions": "left out, the given graph is laid out automatically",
    "targetNode": "left out, there is no target: the search explores every node it reaches",
}


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


def reachable_from(adjacency: dict[str, list[Any]], start: str) -> set[str]:
    """The start and every node networkx finds a path to from it."""
    return {start} | nx.descendants(digraph(adjacency), start)


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


class Search(NamedTuple):
    """A search as drawn by :func:`searches`: an adjacency list, a start and maybe a target."""

    adjacency: dict[str, list[Any]]
    start: str
    target: str | None = None

    @property
    def inputs(self) -> dict[str, Any]:
        """The inputs of ``eigenvue.steps``; without a target, no ``targetNode``."""
        inputs = {"adjacencyList": self.adjacency, "startNode": self.start}
        return inputs if self.target is None else {**inputs, "targetNode": self.target}

    @property
    def target_reachable(self) -> bool:
        """Whether networkx finds a path from the start to the target."""
        return nx.has_path(digraph(self.adjacency), self.start, self.target)


@st.composite
def searches(draw: Any, *, weighted: bool = False, with_target: bool = False) -> Search:
    """A random graph (see :func:`graphs`), a start node of it and maybe a target node of it.

    The target is drawn independently of the start, so it may be the start itself.
    """
    adjacency = draw(graphs(weighted=weighted))
    node = st.sampled_from(sorted(adjacency))
    return Search(adjacency, draw(node), draw(node) if with_target else None)


def assert_each_reachable_list_is_read_once(algorithm: str, search: Search) -> list[dict[str, Any]]:
    """A full search counts every entry of every reachable node's list once.

    ``search`` has no target. Returns the steps, for the checks of the search's own container.
    """
    assert search.target is None
    steps = eigenvue.steps(algorithm, search.inputs)
    lists_read = reachable_from(search.adjacency, search.start)
    assert steps[-1]["state"]["edgesExamined"] == sum(len(search.adjacency[n]) for n in lists_read)
    return steps


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


#: The test each search's module defines for its cases recorded with ``positions: {}``.
LAID_OUT_TEST = "test_cases_recorded_with_empty_positions_match_when_laid_out"


def matched_when_laid_out(names: Iterable[str]) -> dict[str, str]:
    """``DEVIATIONS`` rows for edge cases recorded with ``positions: {}``.

    Each names ``LAID_OUT_TEST``, which runs :func:`assert_cases_match_when_laid_out` on them.
    """
    return dict.fromkeys(names, LAID_OUT_TEST)


def assert_cases_match_when_laid_out(algorithm: str, names: Iterable[str]) -> None:
    """Each named edge case, refused as recorded, matches all but node coordinates laid out."""
    for name in names:
        case = case_named(algorithm, name, edge=True)
        assert_refused(algorithm, case["inputs"], "positions")
        assert_matches_but_for_the_layout(algorithm, case)


def difference_titles(algorithm: str) -> str:
    """The titles of the algorithm's documented differences from Eigenvue, in one string."""
    return " ".join(d.title for d in eigenvue.get(algorithm).differences)


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


def check_mangled_inputs_run_or_are_refused(algorithm: str, *, max_examples: int = 120) -> None:
    """Hypothesis: the defaults, mangled any way, run to a terminal step or name an input."""

    @settings(max_examples=max_examples, deadline=None)
    @given(inputs=mangled_inputs(eigenvue.get(algorithm).defaults))
    def mangled_inputs_run_or_are_refused(inputs: dict[str, Any]) -> None:
        assert_runs_or_refuses(algorithm, inputs)

    mangled_inputs_run_or_are_refused()


def assert_frames_are_built_once_and_every_step_changes_the_picture(algorithm: str) -> None:
    """The default trace's frames add no artist, and (dark theme) no picture repeats the last."""
    trace = eigenvue.trace(algorithm)
    assert_built_once_and_updated_in_place(trace)
    _, images = draw_diagram(trace, "dark")
    assert_each_image_differs_from_the_last(images)
