"""Breadth-first search: networkx's BFS order, levels and paths; the fixes; input rules."""

import math

import networkx as nx
import pytest
from hypothesis import given, settings

import eigenvue
from tests.algorithms.classical import graph_support as shared
from tests.algorithms.classical.graph_support import digraph, graphs, searches
from tests.reference import assert_matches_reference, case_named
from tests.refusals import assert_refused

ID = "bfs"
START_IS_TARGET = "edge: KNOWN BUG: target equals start is never found"
#: Edge cases whose graphs Eigenvue runs but cannot draw, and the input their refusal names.
UNDRAWABLE = {
    "edge: start node not in graph": "startNode",
    "edge: neighbour that is not a key": "adjacencyList.A[0]",
}
LAID_OUT = ["edge: empty targetNode means no target"]  # recorded with positions: {}
#: Reference cases deliberately not matched, and the test of the behaviour chosen instead.
DEVIATIONS: dict[str, str] = {
    START_IS_TARGET: "test_a_target_equal_to_the_start_is_found_at_once",
    **dict.fromkeys(UNDRAWABLE, "test_graphs_eigenvue_accepts_but_cannot_draw_are_refused"),
    **shared.matched_when_laid_out(LAID_OUT),
}

#: Inputs that, left out next to a given graph, mean "none" (see shared.GIVEN_GRAPH_FALLBACKS).
FALLBACKS: dict[str, str] = dict(shared.GIVEN_GRAPH_FALLBACKS)
DEFAULT_POSITIONS = eigenvue.get(ID).defaults["positions"]
EXTRA = tuple(eigenvue.get_algorithm(ID).meta.extra_state)  # our keys beyond Eigenvue's
CHAIN = {str(i): [str(j) for j in (i - 1, i + 1) if 0 <= j < 5000] for i in range(5000)}

REFUSALS: list[tuple[dict, str]] = [
    ({"adjacencyList": {"A": ["Z"]}}, "adjacencyList.A[0]"),
    ({"adjacencyList": {"A": [1]}}, "adjacencyList.A[0]"),
    ({"adjacencyList": {"A": "B"}}, "adjacencyList.A"),
    ({"adjacencyList": {}}, "adjacencyList"),
    ({"adjacencyList": [["A", "B"]]}, "adjacencyList"),
    ({"adjacencyList": None}, "adjacencyList"),
    ({"adjacencyList": {"": []}, "startNode": ""}, "adjacencyList"),
    ({"adjacencyList": CHAIN, "startNode": "0"}, "adjacencyList"),
    ({"startNode": "Z"}, "startNode"),
    ({"startNode": ""}, "startNode"),
    ({"startNode": 1}, "startNode"),
    ({"targetNode": "Z"}, "targetNode"),
    ({"targetNode": True}, "targetNode"),
    ({"positions": None}, "positions"),
    ({"positions": {}}, "positions"),
    ({"positions": [[0.1, 0.5]]}, "positions"),
    ({"positions": {**DEFAULT_POSITIONS, "A": [0.1, 0.5]}}, "positions.A"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": 1.5, "y": 0.5}}}, "positions.A.x"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": 0.1, "y": -0.1}}}, "positions.A.y"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": math.nan, "y": 0.5}}}, "positions.A.x"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": "0.1", "y": 0.5}}}, "positions.A.x"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": 0.1}}}, "positions.A.y"),
    ({"positions": {**DEFAULT_POSITIONS, "A": {"x": 0.1, "y": 0.5, "z": 0}}}, "positions.A.z"),
    ({"positions": {**DEFAULT_POSITIONS, "Z": {"x": 0.1, "y": 0.5}}}, "positions"),
    ({"queue": ["A"]}, "queue"),
]


def run(inputs):
    return eigenvue.steps(ID, inputs)


# -- where Eigenvue 1.0.2 is wrong --------------------------------------------------------


def test_a_target_equal_to_the_start_is_found_at_once():
    case = case_named(ID, START_IS_TARGET, edge=True)
    steps = run(case["inputs"])
    assert [s["id"] for s in steps] == ["initialize", "target_found"]
    assert steps[-1]["state"]["path"] == ["A"]
    assert steps[-1]["state"]["predecessors"] == {"A": None}
    assert_matches_reference(steps[:1], case["steps"][:1], EXTRA)  # the same start


def test_graphs_eigenvue_accepts_but_cannot_draw_are_refused():
    for name, input_name in UNDRAWABLE.items():
        assert_refused(ID, case_named(ID, name, edge=True)["inputs"], input_name)


def test_cases_recorded_with_empty_positions_match_when_laid_out():
    shared.assert_cases_match_when_laid_out(ID, LAID_OUT)


def test_the_differences_are_documented():
    titles = shared.difference_titles(ID)
    assert "start" in titles and "checked" in titles


# -- against networkx ---------------------------------------------------------------------


def discovered(steps):
    return [
        (s["state"]["current"], s["state"]["neighbor"])
        for s in steps
        if s["id"] == "visit_neighbor"
    ]


@settings(max_examples=150, deadline=None)
@given(search=searches())
def test_discovery_order_and_tree_are_networkx_bfs(search):
    adjacency, start, _ = search
    steps = run(search.inputs)
    assert steps[-1]["id"] == "exploration_complete"
    graph = digraph(adjacency)
    assert discovered(steps) == list(nx.bfs_edges(graph, start))
    reachable = shared.reachable_from(adjacency, start)
    assert steps[-1]["state"]["visited"] == sorted(reachable)
    # The levels are the edge distances, and every discovered node's parent is one
    # level closer to the start.
    levels = nx.single_source_shortest_path_length(graph, start)
    assert steps[-1]["state"]["levels"] == levels
    last_tree = [s for s in steps if "predecessors" in s["state"]]
    parents = last_tree[-1]["state"]["predecessors"] if last_tree else {start: None}
    assert set(parents) == reachable
    for node, parent in parents.items():
        assert (parent is None) == (node == start)
        if parent is not None:
            assert graph.has_edge(parent, node) and levels[parent] + 1 == levels[node]


@settings(max_examples=150, deadline=None)
@given(search=searches(with_target=True))
def test_a_target_is_reached_by_a_shortest_path_or_reported_unreachable(search):
    adjacency, start, target = search
    steps = run(search.inputs)
    graph = digraph(adjacency)
    if search.target_reachable:
        assert steps[-1]["id"] == "target_found"
        path = steps[-1]["state"]["path"]
        assert path[0] == start and path[-1] == target
        assert all(graph.has_edge(u, v) for u, v in zip(path, path[1:]))
        assert len(path) - 1 == nx.shortest_path_length(graph, start, target)
    else:
        assert steps[-1]["id"] == "target_not_found"
        assert steps[-1]["state"]["visited"] == sorted({start} | nx.descendants(graph, start))


@settings(max_examples=60, deadline=None)
@given(adjacency=graphs())
def test_the_queue_is_first_in_first_out(adjacency):
    start = sorted(adjacency)[0]
    queue: list[str] = [start]
    for step in run({"adjacencyList": adjacency, "startNode": start})[1:-1]:
        state = step["state"]
        if step["id"] == "dequeue":
            assert state["current"] == queue.pop(0)
        else:
            queue.append(state["neighbor"])
        assert state["queue"] == queue == state["dataStructure"]["items"]
        assert state["visited"] == sorted(state["visited"])


def test_hand_worked_default_levels_and_cost():
    # A; then B, C; then D, E (from B) and F (from C), where the search stops.
    steps = run(None)
    assert discovered(steps) == [("A", "B"), ("A", "C"), ("B", "D"), ("B", "E"), ("C", "F")]
    assert steps[-1]["state"]["path"] == ["A", "C", "F"]
    # Entries looked at: A's 2, B's 3, C's 2 up to F. Queue: 6 in, 3 out (A, B, C).
    assert steps[-1]["state"]["edgesExamined"] == 7
    assert steps[-1]["state"]["queueOperations"] == 9


@settings(max_examples=80, deadline=None)
@given(search=searches())
def test_a_full_search_reads_each_reachable_list_once_and_queues_each_node_once(search):
    reachable = shared.reachable_from(search.adjacency, search.start)
    final = shared.assert_each_reachable_list_is_read_once(ID, search)[-1]["state"]
    assert final["queueOperations"] == 2 * len(reachable)


# -- the graph input ----------------------------------------------------------------------


def test_a_graph_without_positions_is_laid_out_inside_the_unit_square():
    adjacency = {"P": ["Q"], "Q": ["P", "R"], "R": ["Q"], "S": []}
    nodes = run({"adjacencyList": adjacency, "startNode": "P"})[0]["state"]["nodes"]
    assert [n["id"] for n in nodes] == ["P", "Q", "R", "S"]
    xy = {(n["x"], n["y"]) for n in nodes}
    assert len(xy) == 4  # no two nodes on one spot
    assert all(0 <= c <= 1 for point in xy for c in point)


def test_given_positions_are_drawn_where_given():
    nodes = run(None)[0]["state"]["nodes"]
    assert {n["id"]: {"x": n["x"], "y": n["y"]} for n in nodes} == DEFAULT_POSITIONS


def test_the_default_target_belongs_to_the_default_graph():
    # An own graph without a target explores everything (as in Eigenvue), even one
    # that happens to contain the default target F.
    adjacency = {"A": ["F"], "F": ["A"]}
    assert run({"adjacencyList": adjacency, "startNode": "A"})[-1]["id"] == "exploration_complete"
    assert run({"startNode": "B"})[-1]["id"] == "target_found"  # default graph: target F


def test_a_too_large_graph_is_refused_with_the_largest_that_fits():
    error = assert_refused(ID, {"adjacencyList": CHAIN, "startNode": "0"}, "adjacencyList")
    assert "limit" in str(error) and "nodes" in str(error)
    largest = int(str(error).split("about ")[-1].split(" nodes")[0].replace(",", ""))
    chain = {str(i): [str(j) for j in (i - 1, i + 1) if 0 <= j < largest] for i in range(largest)}
    assert run({"adjacencyList": chain, "startNode": "0"})[-1]["id"] == "exploration_complete"


@pytest.mark.parametrize("inputs", [{"targetNode": ""}, {"targetNode": None}])
def test_an_empty_or_null_target_means_none(inputs):
    assert run(inputs)[-1]["id"] == "exploration_complete"


# -- the measured cost and the frames ------------------------------------------------------


def test_the_measured_cost_is_two_entries_per_edge_and_two_operations_per_node():
    from algorithms.classical.bfs.cost import measured

    cost = measured()  # full searches of connected graphs
    assert list(cost.counts["edgesExamined"]) == list(2 * cost.edges)
    assert list(cost.counts["queueOperations"]) == list(2 * cost.nodes)


def test_frames_are_built_once_and_every_step_changes_the_picture():
    shared.assert_frames_are_built_once_and_every_step_changes_the_picture(ID)


def test_any_mangled_input_runs_or_is_refused_naming_an_input():
    shared.check_mangled_inputs_run_or_are_refused(ID)
