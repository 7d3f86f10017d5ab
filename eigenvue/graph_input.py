"""The graph input of the inputs kit: an adjacency list, node positions, a start and a target.

A graph algorithm declares its inputs by deriving from :class:`GraphInputs` and
giving each of the four fields its default; the checks below come with it, so
the plugin writes no validator::

    class Inputs(GraphInputs):
        adjacencyList: Adjacency = Field(default={"A": ["B"], "B": ["A"]})
        positions: Positions | None = Field(default={"A": {"x": 0.2, "y": 0.5},
                                                     "B": {"x": 0.8, "y": 0.5}})
        startNode: NodeId = "A"
        targetNode: Target = "B"

What a user may write, and what is refused (each refusal an
:class:`eigenvue.InputError` naming the input):

``adjacencyList``
    node id → list of neighbour ids (:data:`Adjacency`), or of ``{"to": id,
    "weight": w}`` entries (:data:`WeightedAdjacency`, weights finite, at most
    :data:`MAX_WEIGHT` in magnitude). At least one node; node ids non-empty.
    Every neighbour must itself be a key: an edge to a node the graph does not
    list is refused rather than half-drawn. Lists need not be symmetric (a
    directed graph is fine); repeated entries and self-loops are allowed.
``positions``
    node id → ``{"x": x, "y": y}`` with both coordinates in [0, 1]. When given,
    every node needs one and every entry must name a node. An explicit ``null``
    is refused. **Left out**, the graph is laid out deterministically (see
    :func:`layout`) — and when the user gives an ``adjacencyList`` but no
    ``positions``, the default positions (which belong to the default graph)
    are not used.
``startNode``
    a node of the graph.
``targetNode``
    a node of the graph, or ``""`` / ``null`` for "no target: explore
    everything". Like ``positions``, the default target belongs to the default
    graph: given an ``adjacencyList`` and no ``targetNode``, there is no target.

Algorithm-specific rules are declared in ``rules`` as usual:
:func:`nonnegative_weights` (for shortest paths: the error names the edge) and
:func:`graph_limit` (refuse a graph whose trace would be too large, naming the
largest graph of the same density that fits), e.g.
``rules = (nonnegative_weights(), graph_limit(cost, 8e6, unit="ids"))``. The
declared rules run before the graph checks, so that an oversized graph is
refused before any work (the layout included).

After validation an algorithm reads :attr:`GraphInputs.target` (``None`` for
none), :meth:`GraphInputs.neighbours`, :meth:`GraphInputs.weighted_neighbours`,
:meth:`GraphInputs.position` and the sizes :attr:`GraphInputs.node_count` and
:attr:`GraphInputs.entry_count`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eigenvue.errors import InputError
from eigenvue.inputs import Bounded, Finite, Inputs, Limit, Rule

#: A node's id: any non-empty string ("" is how Eigenvue spells "no target"; an empty
#: key is refused by the graph check, which can say so in words).
NodeId = str

#: The target input: a node id, or ``""`` / ``None`` for none.
Target = str | None

#: Up to this many nodes a graph without positions gets a force-directed layout
#: (networkx's spring layout refined by stress majorization, at most about 0.15 s,
#: at 100 nodes); beyond, where that would cost more than the trace itself, a circle.
SPRING_LAYOUT_NODES = 100

#: The layout keeps this margin inside [0, 1] so that nodes are not drawn on the frame's edge.
LAYOUT_MARGIN = 0.05


class _Strict(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class Position(_Strict):
    """Where a node is drawn: ``x`` from left (0) to right (1), ``y`` from bottom (0) to top (1)."""

    x: Bounded(0, 1)  # type: ignore[valid-type]
    y: Bounded(0, 1)  # type: ignore[valid-type]


#: The largest edge weight in magnitude: a path of any accepted length then has a finite
#: length (a sum of a million such weights is still far below the float maximum).
MAX_WEIGHT = 1e100


class WeightedEdge(_Strict):
    """One entry of a weighted adjacency list: the neighbour and the edge's weight."""

    to: NodeId
    weight: Finite  # at most MAX_WEIGHT in magnitude: checked with the graph, in words


#: node id → neighbour ids.
Adjacency = dict[NodeId, list[NodeId]]
#: node id → ``{"to": neighbour id, "weight": w}`` entries.
WeightedAdjacency = dict[NodeId, list[WeightedEdge]]
#: node id → position.
Positions = dict[NodeId, Position]


def _neighbour_id(entry: str | WeightedEdge) -> str:
    return entry if isinstance(entry, str) else entry.to


def _names(ids: list[str], limit: int = 8) -> str:
    shown = ", ".join(repr(i) for i in ids[:limit])
    return shown + (f" … ({len(ids):,} nodes)" if len(ids) > limit else "")


class GraphInputs(Inputs):
    """Base class of a graph algorithm's inputs (see the module docstring).

    Subclasses redeclare the four fields with their defaults (a weighted
    algorithm types ``adjacencyList`` as :data:`WeightedAdjacency`). Positions
    left out are laid out on first use (:meth:`laid_out`, :meth:`position`,
    :meth:`to_dict`), not during validation: checking inputs (every plugin's
    examples are checked when the catalogue loads) then costs no layout and
    does not import networkx.
    """

    # Defaults are validated too, so that a default position is a Position like a given one.
    model_config = ConfigDict(validate_default=True)

    adjacencyList: Adjacency | WeightedAdjacency = Field(
        description="The graph: each node id and the list of its neighbours.",
    )
    positions: Positions | None = Field(
        default=None,
        description=(
            "Where each node is drawn, {x, y} in [0, 1]; leave it out to have the graph "
            "laid out automatically."
        ),
    )
    startNode: NodeId = Field(description="The node the search starts from.")
    targetNode: Target = Field(
        default=None,
        description='The node searched for; "" or null (or left out) to explore everything.',
    )

    #: The inputs that belong to the default graph: left out next to a user's own
    #: ``adjacencyList`` they mean "none" (laid out / no target), not the defaults.
    _belong_to_default_graph: ClassVar[tuple[str, ...]] = ("positions", "targetNode")

    @model_validator(mode="before")
    @classmethod
    def _defaults_of_the_default_graph(cls, data: Any) -> Any:
        if not isinstance(data, Mapping):
            return data
        if "positions" in data and data["positions"] is None:
            raise InputError(
                "positions",
                "must be an object of node id → {x, y}; got null (leave 'positions' out "
                "to have the graph laid out)",
            )
        if "adjacencyList" in data:
            data = dict(data)
            for name in cls._belong_to_default_graph:
                data.setdefault(name, None)
        return data

    @model_validator(mode="after")
    def _a_consistent_graph(self) -> GraphInputs:
        graph: Mapping[str, list[Any]] = self.adjacencyList
        if not graph:
            raise InputError("adjacencyList", "must have at least one node; got {}")
        if "" in graph:
            raise InputError("adjacencyList", "must name every node with a non-empty id; got ''")
        for node, entries in graph.items():
            for i, entry in enumerate(entries):
                if isinstance(entry, WeightedEdge) and abs(entry.weight) > MAX_WEIGHT:
                    raise InputError(
                        f"adjacencyList.{node}[{i}].weight",
                        f"must be at most {MAX_WEIGHT:g} in magnitude; got {entry.weight:g}",
                    )
                neighbour = _neighbour_id(entry)
                if neighbour not in graph:
                    raise InputError(
                        f"adjacencyList.{node}[{i}]",
                        f"names node {neighbour!r}, which is not a node of the graph "
                        f"(every neighbour must also be a key; the nodes are "
                        f"{_names(list(graph))})",
                    )
        for name in ("startNode", "targetNode"):
            node = getattr(self, name)
            if (node or name == "startNode") and node not in graph:
                raise InputError(
                    name,
                    f"must be a node of the graph; got {node!r} (the nodes are "
                    f"{_names(list(graph))})",
                )
        if self.positions is not None:
            missing = [node for node in graph if node not in self.positions]
            if missing:
                raise InputError(
                    "positions",
                    f"must give every node a position; there is none for {_names(missing)} "
                    "(or leave 'positions' out to have the graph laid out)",
                )
            unknown = [node for node in self.positions if node not in graph]
            if unknown:
                raise InputError(
                    "positions",
                    f"must name only nodes of the graph; it also names {_names(unknown)}",
                )
        return self

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON schema, without the ``null`` that ``positions`` holds only internally.

        ``positions`` is typed ``Positions | None`` so that a left-out value can wait for
        the layout; a user's explicit ``null`` is refused, so the schema does not offer it.
        """
        schema = super().model_json_schema(*args, **kwargs)
        field = schema.get("properties", {}).get("positions", {})
        options = [s for s in field.pop("anyOf", []) if s.get("type") != "null"]
        if len(options) == 1:
            field.update(options[0])
        elif options:
            field["anyOf"] = options
        return schema

    # -- what an algorithm reads -----------------------------------------------------

    @property
    def target(self) -> str | None:
        """The target node, or ``None`` when there is none (``""`` means none)."""
        return self.targetNode or None

    @property
    def node_count(self) -> int:
        """The number of nodes (keys of the adjacency list)."""
        return len(self.adjacencyList)

    @property
    def entry_count(self) -> int:
        """The number of neighbour entries, all lists together (each undirected edge twice)."""
        return sum(len(entries) for entries in self.adjacencyList.values())

    def neighbours(self, node: str) -> list[str]:
        """The neighbour ids of ``node``, in list order."""
        return [_neighbour_id(entry) for entry in self.adjacencyList[node]]

    def weighted_neighbours(self, node: str) -> list[tuple[str, float]]:
        """``(neighbour, weight)`` of ``node`` in list order (weight 1 in an unweighted graph)."""
        return [
            (entry, 1.0) if isinstance(entry, str) else (entry.to, entry.weight)
            for entry in self.adjacencyList[node]
        ]

    def edge_pairs(self) -> Iterator[tuple[str, str]]:
        """Every ``(node, neighbour)`` entry of the adjacency list, in list order."""
        for node, entries in self.adjacencyList.items():
            for entry in entries:
                yield node, _neighbour_id(entry)

    def laid_out(self) -> Positions:
        """Every node's position: the user's, or the deterministic layout (made once)."""
        if self.positions is None:
            # The model is frozen; the layout is what the user would have given, stored
            # once so that every later reader (and to_dict) sees the same positions.
            object.__setattr__(
                self, "positions", layout(self.edge_pairs(), list(self.adjacencyList))
            )
        assert self.positions is not None
        return self.positions

    def position(self, node: str) -> tuple[float, float]:
        """The ``(x, y)`` where ``node`` is drawn."""
        where = self.laid_out()[node]
        return where.x, where.y

    def to_dict(self) -> dict[str, Any]:
        """The inputs as a JSON-ready dict, with the positions laid out if they were left out."""
        self.laid_out()
        return super().to_dict()


def layout(edges: Iterator[tuple[str, str]] | list[tuple[str, str]], nodes: list[str]) -> Positions:
    """A deterministic layout of a graph, scaled into [0, 1] with a small margin.

    Up to :data:`SPRING_LAYOUT_NODES` nodes, networkx's force-directed spring layout
    with a fixed seed, refined by stress majorization (:func:`_stress_refine`) so
    that the distance between two nodes on the page follows the number of edges
    between them: grids come out as grids and trees spread their branches instead
    of folding them over each other. Beyond, the nodes in sorted order round a
    circle. The same graph always gets the same positions.

    Parameters
    ----------
    edges : iterable of (str, str)
        The edges (direction is ignored).
    nodes : list of str
        Every node, including those on no edge.

    Examples
    --------
    >>> where = layout([("A", "B"), ("B", "C")], ["A", "B", "C"])
    >>> sorted(where) == ["A", "B", "C"] and all(0 <= p.x <= 1 for p in where.values())
    True
    """
    import networkx as nx
    import numpy as np

    ordered = sorted(nodes)
    graph = nx.Graph()
    graph.add_nodes_from(ordered)
    graph.add_edges_from((u, v) for u, v in edges if u != v)
    if len(ordered) == 1:
        return {ordered[0]: Position(x=0.5, y=0.5)}
    if len(ordered) <= SPRING_LAYOUT_NODES:
        raw = nx.spring_layout(graph, seed=0)
        start = np.array([raw[node] for node in ordered], dtype=float)
        xy = _stress_refine(graph, ordered, start)
    else:
        raw = nx.circular_layout(graph)
        xy = np.array([raw[node] for node in ordered], dtype=float)
    low, high = xy.min(axis=0), xy.max(axis=0)
    span = np.where(high - low > 0, high - low, 1.0)
    scaled = LAYOUT_MARGIN + (1 - 2 * LAYOUT_MARGIN) * (xy - low) / span
    scaled[:, (high - low) <= 0] = 0.5  # a coordinate all nodes share: centre it
    return {
        node: Position(x=round(float(x), 4), y=round(float(y), 4))
        for node, (x, y) in zip(ordered, scaled)
    }


def _stress_refine(graph: Any, ordered: list[str], xy: Any, iterations: int = 200) -> Any:
    """Move nodes so that drawn distances match edge-count distances (stress majorization).

    Localized stress majorization (Gansner, Koren & North, 2004) with weights
    1/d²: each round moves every node to the weighted mean of where each other
    node would have it at the right distance, which never increases the stress.
    It needs no matrix inverse, only sums over pairs. Nodes in different pieces
    of the graph are kept one edge further apart than the farthest pair.
    """
    import networkx as nx
    import numpy as np

    n = len(ordered)
    index = {node: i for i, node in enumerate(ordered)}
    target = np.zeros((n, n))
    for u, lengths in nx.all_pairs_shortest_path_length(graph):
        for v, d in lengths.items():
            target[index[u], index[v]] = d
    apart = target.max() + 1.0
    off = ~np.eye(n, dtype=bool)
    target[(target == 0) & off] = apart
    weight = np.zeros((n, n))
    weight[off] = target[off] ** -2.0
    total = weight.sum(axis=1)
    pull = weight * target  # w_ij · d_ij
    x, y = (xy[:, k] * (apart / max(float(np.ptp(xy)), 1e-9)) for k in (0, 1))
    for _ in range(iterations):
        dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
        gaps = np.sqrt(dx * dx + dy * dy)
        ratio = np.divide(pull, gaps, out=np.zeros_like(gaps), where=gaps > 1e-9)
        new_x = (weight @ x + (ratio * dx).sum(axis=1)) / total
        new_y = (weight @ y + (ratio * dy).sum(axis=1)) / total
        step = max(np.abs(new_x - x).max(), np.abs(new_y - y).max())
        x, y = new_x, new_y
        if step < 1e-3:  # in edge lengths: far below a pixel
            break
    return np.column_stack([x, y])


# -- rules a graph algorithm declares --------------------------------------------------


def nonnegative_weights() -> Rule:
    """Rule: every edge weight is ≥ 0 (Dijkstra's algorithm is wrong with negative ones).

    The error names the edge: ``adjacencyList.B[0]``, "edge B → A has weight −1; ...".
    """

    def check(inputs: Inputs) -> None:
        graph: Mapping[str, list[Any]] = getattr(inputs, "adjacencyList")  # noqa: B009
        for node, entries in graph.items():
            for i, entry in enumerate(entries):
                if isinstance(entry, WeightedEdge) and entry.weight < 0:
                    raise InputError(
                        f"adjacencyList.{node}[{i}]",
                        f"is the edge {node} → {entry.to} with weight {entry.weight:g}; every "
                        "weight must be ≥ 0 (with a negative edge, a node's distance can still "
                        "drop after it has been settled, so the answer would be wrong)",
                    )

    return check


def graph_limit(cost: Callable[[int, int], float], limit: float, unit: str) -> Limit:
    """Rule: refuse graphs whose trace would cost more than ``limit``, before any work.

    Parameters
    ----------
    cost : callable
        ``cost(nodes, entries)``: the trace size for a graph of ``nodes`` nodes and
        ``entries`` adjacency-list entries (each undirected edge counts twice).
    limit : float
        The largest cost accepted.
    unit : str
        What ``cost`` counts, for the message.

    Returns
    -------
    Limit
        Blames ``adjacencyList``; the message names the largest graph that fits at
        the same density (entries per node).
    """

    def size(inputs: Any) -> float:
        return cost(inputs.node_count, inputs.entry_count)

    def largest(inputs: Any) -> str:
        density = inputs.entry_count / max(inputs.node_count, 1)
        nodes = max(inputs.node_count, 1)
        low, high = 0, nodes  # the cost grows with the size: bisect on the node count
        while low < high:
            mid = (low + high + 1) // 2
            if cost(mid, round(mid * density)) <= limit:
                low = mid
            else:
                high = mid - 1
        return f"about {low:,} nodes with {round(low * density):,} adjacency entries"

    return Limit(input="adjacencyList", cost=size, limit=limit, largest=largest, unit=unit)
