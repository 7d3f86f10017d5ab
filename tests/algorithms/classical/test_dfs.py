"""Depth-first search: networkx's preorder and DFS tree; the path DFS took; input rules."""

import copy

import networkx as nx
from hypothesis import given, settings

import eigenvue
from algorithms.classical.graph_search import TRACE_LIMIT
from tests.algorithms.classical import graph_support as shared
from tests.algorithms.classical.graph_support import digraph, graphs, searches
from tests.reference import assert_reference_trace, case_named
from tests.refusals import assert_refused

ID = "dfs"
CYCLE = "fixture: cycle"
TRIANGLE = "edge: path follows first discoverer (triangle)"
EXPLORE_ALL = "edge: explore all of 6-node graph"
LAID_OUT = ["edge: unreachable target"]  # recorded with positions: {}
#: Reference cases deliberately not matched, and the test of the behaviour chosen instead.
DEVIATIONS: dict[str, str] = {
    CYCLE: "test_a_node_pushed_twice_has_the_parent_whose_entry_was_popped",
    TRIANGLE: "test_the_triangle_path_is_the_one_dfs_walked",
    EXPLORE_ALL: "test_a_node_pushed_twice_has_the_parent_whose_entry_was_popped",
    **shared.matched_when_laid_out(LAID_OUT),
}

#: Inputs that, left out next to a given graph, mean "none" (see shared.GIVEN_GRAPH_FALLBACKS).
FALLBACKS: dict[str, str] = dict(shared.GIVEN_GRAPH_FALLBACKS)
DEFAULT_POSITIONS = eigenvue.get(ID).defaults["positions"]

REFUSALS: list[tuple[dict, str]] = [
    ({"adjacencyList": {"A": ["B"], "B": ["A", "Q"]}}, "adjacencyList.B[1]"),
    ({"adjacencyList": {"A": [{"to": "B"}]}}, "adjacencyList.A[0]"),
    ({"adjacencyList": {}}, "adjacencyList"),
    ({"adjacencyList": "A-B"}, "adjacencyList"),
    ({"startNode": "G"}, "startNode"),
    ({"startNode": None}, "startNode"),
    ({"targetNode": "G"}, "targetNode"),
    ({"targetNode": ["F"]}, "targetNode"),
    ({"positions": None}, "positions"),
    ({"positions": {"A": {"x": 0.1, "y": 0.5}}}, "positions"),
    ({"positions": {**DEFAULT_POSITIONS, "F": {"x": 2, "y": 0.5}}}, "positions.F.x"),
    ({"positions": {**DEFAULT_POSITIONS, "F": None}}, "positions.F"),
    (
        {"adjacencyList": {str(i): [str((i + 1) % 3000)] for i in range(3000)}, "startNode": "0"},
        "adjacencyList",
    ),
    ({"stack": []}, "stack"),
]


def run(inputs):
    return eigenvue.steps(ID, inputs)


def ascending(adjacency):
    """The graph with each neighbour list sorted ascending: the order this DFS tries them in."""
    return digraph({node: sorted(set(entries)) for node, entries in adjacency.items()})


def visits(steps):
    return [s["state"]["current"] for s in steps if s["id"] == "visit_node"]


# -- where Eigenvue 1.0.2 is wrong --------------------------------------------------------


def test_the_triangle_path_is_the_one_dfs_walked():
    case = case_named(ID, TRIANGLE, edge=True)
    steps = run(shared.without_positions(case["inputs"]))
    assert visits(steps) == ["A", "B", "C"]
    assert steps[-1]["state"]["path"] == ["A", "B", "C"]  # Eigenvue: ["A", "C"]
    assert steps[-1]["state"]["predecessors"] == {"A": None, "B": "A", "C": "B"}


def test_a_node_pushed_twice_has_the_parent_whose_entry_was_popped():
    # Cycle: A pushes C and B, B pushes C again, and that newer entry of C is popped.
    # 6-node graph: A pushes C early, F pushes it again at the end, and F's entry is popped.
    for name, edge, parent in [(CYCLE, False, "B"), (EXPLORE_ALL, True, "F")]:
        case = copy.deepcopy(case_named(ID, name, edge=edge))
        c_visited = False
        for step in case["steps"]:
            if step["id"] == "visit_node" and step["state"]["current"] == "C":
                assert step["state"]["predecessors"]["C"] == "A"  # Eigenvue's first discoverer
                step["state"]["predecessors"]["C"] = parent
                c_visited = True
        assert c_visited
        if edge:
            case["inputs"]["positions"] = {}
            shared.assert_matches_but_for_the_layout(ID, case)
        else:
            assert_reference_trace(ID, case)


def test_cases_recorded_with_empty_positions_match_when_laid_out():
    shared.assert_cases_match_when_laid_out(ID, LAID_OUT)


def test_the_differences_are_documented():
    titles = shared.difference_titles(ID)
    assert "path" in titles and "checked" in titles


# -- against networkx ---------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(search=searches())
def test_visit_order_and_tree_are_networkx_dfs(search):
    adjacency, start, _ = search
    steps = run(search.inputs)
    graph = ascending(adjacency)
    preorder = list(nx.dfs_preorder_nodes(graph, start))
    assert visits(steps) == preorder
    assert steps[-1]["id"] == "exploration_complete"
    assert steps[-1]["state"]["visitOrder"] == {node: i + 1 for i, node in enumerate(preorder)}
    assert steps[-1]["state"]["visited"] == sorted({start} | nx.descendants(graph, start))
    parents = [s for s in steps if s["id"] == "visit_node"][-1]["state"]["predecessors"]
    tree = nx.dfs_predecessors(graph, start)
    assert {v: parents[v] for v in visits(steps) if v != start} == tree


@settings(max_examples=150, deadline=None)
@given(search=searches(with_target=True))
def test_the_path_found_is_the_dfs_tree_path(search):
    adjacency, start, target = search
    steps = run(search.inputs)
    if not search.target_reachable:
        assert steps[-1]["id"] == "target_not_found"
        return
    graph = ascending(adjacency)
    assert steps[-1]["id"] == "target_found"
    path = steps[-1]["state"]["path"]
    tree = nx.dfs_tree(graph, start)
    assert path == nx.shortest_path(tree, start, target)  # a tree has one path
    assert visits(steps) == list(nx.dfs_preorder_nodes(graph, start))[: len(visits(steps))]
    assert visits(steps)[-1] == target


@settings(max_examples=60, deadline=None)
@given(adjacency=graphs())
def test_the_stack_is_last_in_first_out(adjacency):
    start = sorted(adjacency)[0]
    steps = run({"adjacencyList": adjacency, "startNode": start})
    stack = [start]
    for before, step in zip(steps, steps[1:-1]):
        state = step["state"]
        if step["id"] == "visit_node":
            # Popped from the top, after skipping stale entries of visited nodes.
            visited_before = set(before["state"]["visited"])
            while stack[-1] in visited_before:
                stack.pop()
            assert stack.pop() == state["current"]
        else:
            pushed = state["stack"][len(stack) :]
            assert state["stack"][: len(stack)] == stack
            assert pushed == sorted(pushed, reverse=True)
            stack = list(state["stack"])
        assert state["stack"] == stack == state["dataStructure"]["items"]


def test_hand_worked_default_walk_and_cost():
    # A → B → D (dead end), back to B → E → F.
    steps = run(None)
    assert visits(steps) == ["A", "B", "D", "E", "F"]
    assert steps[-1]["state"]["path"] == ["A", "B", "E", "F"]
    # Entries looked at: A's 2, B's 3, D's 1, E's 2 (F is the target). Pushes: A, then C
    # and B, E and D, F (6); pops: A, B, D, E, F (5).
    assert steps[-1]["state"]["edgesExamined"] == 8
    assert steps[-1]["state"]["stackOperations"] == 11


@settings(max_examples=80, deadline=None)
@given(search=searches())
def test_a_full_search_reads_each_reachable_list_once_and_pops_every_push(search):
    steps = shared.assert_each_reachable_list_is_read_once(ID, search)
    final = steps[-1]["state"]
    pushes = 1 + sum(
        len(s["state"]["stack"]) - len(before["state"]["stack"])
        for before, s in zip(steps, steps[1:])
        if s["id"] == "push_neighbors"
    )
    assert final["stackOperations"] == 2 * pushes  # each entry pushed once and popped once
    assert pushes <= 1 + final["edgesExamined"]


def test_a_too_large_graph_is_refused_with_the_limit_and_the_largest_that_fits():
    ring = {str(i): [str((i + 1) % 3000)] for i in range(3000)}
    error = assert_refused(ID, {"adjacencyList": ring, "startNode": "0"}, "adjacencyList")
    assert f"{TRACE_LIMIT:,}" in str(error) and "nodes" in str(error)


# -- the measured cost and the frames ------------------------------------------------------


def test_the_measured_cost_is_one_push_per_edge():
    from algorithms.classical.dfs.cost import measured

    cost = measured()  # full searches of connected graphs
    assert list(cost.counts["edgesExamined"]) == list(2 * cost.edges)
    # An edge's far end is pushed from whichever end is visited first, and only then;
    # with the start's own push, 1 + E pushes, each popped once.
    assert list(cost.counts["stackOperations"]) == list(2 * (1 + cost.edges))


def test_frames_are_built_once_and_every_step_changes_the_picture():
    shared.assert_frames_are_built_once_and_every_step_changes_the_picture(ID)


def test_any_mangled_input_runs_or_is_refused_naming_an_input():
    shared.check_mangled_inputs_run_or_are_refused(ID)
