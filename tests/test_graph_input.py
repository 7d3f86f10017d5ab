"""The graph input of the inputs kit, on a model of its own (no algorithm involved)."""

import itertools
import math

import pytest
from pydantic import Field

from eigenvue import InputError
from eigenvue.graph_input import (
    LAYOUT_MARGIN,
    Adjacency,
    GraphInputs,
    NodeId,
    Positions,
    Target,
    WeightedAdjacency,
    graph_limit,
    layout,
    nonnegative_weights,
)
from eigenvue.inputs import validate_inputs


class Plain(GraphInputs):
    adjacencyList: Adjacency = Field(default={"A": ["B"], "B": ["A"]})
    positions: Positions | None = Field(
        default={"A": {"x": 0.2, "y": 0.5}, "B": {"x": 0.8, "y": 0.5}}
    )
    startNode: NodeId = "A"
    targetNode: Target = "B"


def cost(nodes, entries):
    return nodes * nodes + entries


class Weighted(GraphInputs):
    adjacencyList: WeightedAdjacency = Field(default={"A": [{"to": "B", "weight": 1}], "B": []})
    positions: Positions | None = None
    startNode: NodeId = "A"
    targetNode: Target = None

    rules = (nonnegative_weights(), graph_limit(cost, 10_000, unit="units"))


def validate(model, data):
    return validate_inputs(model, data, "fixture")


def test_the_defaults_of_the_default_graph_apply_only_to_it():
    assert validate(Plain, {}).target == "B"
    assert validate(Plain, {}).position("B") == (0.8, 0.5)
    given = validate(Plain, {"adjacencyList": {"A": ["B"], "B": ["A"]}})
    assert given.target is None  # a given graph without a target has none
    assert set(given.laid_out()) == {"A", "B"}  # laid out, not the default positions


def test_a_path_is_laid_out_in_order_inside_the_margin():
    nodes = [f"p{i}" for i in range(7)]
    where = layout(list(zip(nodes, nodes[1:])), nodes)
    xy = [(where[n].x, where[n].y) for n in nodes]
    assert all(LAYOUT_MARGIN - 1e-9 <= c <= 1 - LAYOUT_MARGIN + 1e-9 for p in xy for c in p)
    gap = {(i, j): math.dist(xy[i], xy[j]) for i, j in itertools.combinations(range(7), 2)}
    # Drawn distance grows with the distance along the path, so the two ends are farthest.
    assert max(gap, key=gap.get) == (0, 6)
    assert all(gap[(0, j)] < gap[(0, j + 1)] for j in range(1, 6))


def test_nodes_in_separate_pieces_and_lone_nodes_get_distinct_places():
    where = layout([("A", "B"), ("C", "D")], ["A", "B", "C", "D", "E"])
    assert len({(p.x, p.y) for p in where.values()}) == 5
    assert layout([], ["solo"])["solo"].x == 0.5


def test_a_large_graph_goes_round_a_circle():
    nodes = [str(i) for i in range(300)]
    where = layout([], nodes)
    centre = (0.5, 0.5)
    radii = [math.dist((p.x, p.y), centre) for p in where.values()]
    assert max(radii) - min(radii) < 0.01


def test_negative_weights_are_refused_naming_the_edge():
    with pytest.raises(InputError) as info:
        validate(
            Weighted,
            {"adjacencyList": {"A": [{"to": "B", "weight": 1}], "B": [{"to": "A", "weight": -3}]}},
        )
    assert info.value.input == "adjacencyList.B[0]" and "B → A" in str(info.value)


def test_the_limit_names_a_largest_graph_that_does_fit():
    ring = {str(i): [{"to": str((i + 1) % 200), "weight": 1}] for i in range(200)}
    with pytest.raises(InputError) as info:
        validate(Weighted, {"adjacencyList": ring, "startNode": "0"})
    assert info.value.input == "adjacencyList"
    nodes = int(str(info.value).split("about ")[-1].split(" nodes")[0].replace(",", ""))
    assert cost(nodes, nodes) <= 10_000 < cost(nodes + 1, nodes + 1)


def test_the_schema_offers_null_for_the_target_but_not_for_the_positions():
    properties = Plain.model_json_schema()["properties"]
    assert "null" not in str(properties["positions"])
    assert {"type": "null"} in properties["targetNode"]["anyOf"]
    with pytest.raises(InputError) as info:
        validate(Plain, {"positions": None})
    assert info.value.input == "positions"


def test_positions_left_out_are_laid_out_on_first_use_and_kept():
    given = validate(Plain, {"adjacencyList": {"A": ["B"], "B": ["A"], "C": []}})
    assert given.positions is None  # validating costs no layout
    first = given.position("C")
    assert given.to_dict()["positions"]["C"] == {"x": first[0], "y": first[1]}
    again = validate(Plain, given.to_dict())  # what to_dict gives is valid input
    assert again.position("C") == first
