"""A graph of labelled nodes at fixed positions, with node and edge states coloured by meaning.

As in networkx's ``nx_pylab``, all nodes are one
:class:`~matplotlib.collections.PathCollection` and all edges one
:class:`~matplotlib.collections.LineCollection` (arrowheads one more
collection): a step changes their colours and widths, never their shapes.
The Axes' data units are pixels, so round nodes stay round and text sizes
follow the room each node has.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba

from eigenvue.drawing.parts._common import MIN_TEXT_PT, MarksLegend, axes_px, text_on, text_width_px
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

NODE_STATES = ("unvisited", "frontier", "current", "visited", "path")
EDGE_STATES = ("active", "tree", "relaxed", "path")

_TITLE_PX = 22.0
_LEGEND_PX = 38.0  # two rows of legend
#: Up to this many nodes keep the full node size; more nodes get smaller ones.
ROOMY_NODES = 15
_RADIUS = 20.0  # px, of a node when there is room


def _weight_text(weight: Any) -> str:
    if isinstance(weight, str):
        return weight
    return number(float(weight), 3)


class GraphPart:
    """Nodes at given positions joined by (weighted, possibly directed) edges.

    Node states: ``"unvisited"`` (plain), ``"frontier"`` (discovered, waiting:
    a tint of the forward colour), ``"current"`` (the node the step is about:
    highlight), ``"visited"`` (done tint), ``"path"`` (strong done colour).
    Edge states: ``"active"`` (being looked at: highlight), ``"tree"``
    (kept, e.g. a BFS or spanning tree: forward colour), ``"relaxed"`` (just
    improved a distance: update colour), ``"path"`` (the answer: strong done
    colour, thickest). Weights are written at edge midpoints on a small
    background patch; notes (``"d=3"``) beside nodes. A legend names the
    states in use. Beyond 15 nodes the nodes and their labels shrink to keep
    ~50 nodes legible.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it.
    theme : eigenvue.drawing.Theme
        The colours.
    positions : mapping of node id to (x, y)
        Node positions in [0, 1] × [0, 1] (y up). Their order is the nodes' order.
    edges : sequence of (u, v) or (u, v, weight)
        The edges; a weight (number or text) is written at the edge's middle.
    directed : bool, default False
        Draw arrowheads; an edge and its reverse are drawn side by side.
    labels : mapping of node id to str, optional
        Text inside each node; ``str(id)`` by default.
    title : str, optional
        A caption at the top left.
    legend : bool, default True
        Name the node and edge states in use under the graph.
    legend_words : mapping of str to str, optional
        The legend's words for states, by state name (``{"visited": "sorted"}``;
        edge states as ``"edge:tree"``), where an algorithm's own word is clearer.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 4.5), dpi=100)
    >>> pos = {"A": (0, 0.5), "B": (0.5, 1), "C": (0.5, 0), "D": (1, 0.5)}
    >>> part = GraphPart(fig.add_axes((0, 0, 1, 1)), get_theme("dark"), pos,
    ...                  [("A", "B", 4), ("A", "C", 1), ("C", "B", 2), ("B", "D", 5)])
    >>> part.update(node_states={"A": "visited", "C": "current", "B": "frontier"},
    ...             node_notes={"A": "d=0", "C": "d=1", "B": "d=3"},
    ...             edge_states={("A", "C"): "tree", ("C", "B"): "relaxed"})
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        positions: Mapping[Any, Sequence[float]],
        edges: Sequence[Sequence[Any]],
        *,
        directed: bool = False,
        labels: Mapping[Any, str] | None = None,
        title: str | None = None,
        legend: bool = True,
        legend_words: Mapping[str, str] | None = None,
    ) -> None:
        self.ax, self.theme, self.directed = ax, theme, directed
        self.nodes = list(positions)
        if not self.nodes:
            raise ValueError("a graph part needs at least one node")
        self._index = {node: i for i, node in enumerate(self.nodes)}
        self.edges: list[tuple[Hashable, Hashable]] = []
        weights: list[Any] = []
        for edge in edges:
            u, v = edge[0], edge[1]
            for end in (u, v):
                if end not in self._index:
                    raise ValueError(f"edge {tuple(edge)!r} names an unknown node {end!r}")
            self.edges.append((u, v))
            weights.append(edge[2] if len(edge) > 2 else None)
        self._edge_index = {edge: k for k, edge in enumerate(self.edges)}

        width, height = axes_px(ax)
        ax.set_axis_off()
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        n = len(self.nodes)
        dpi = ax.figure.dpi

        # Node size: full up to 15 nodes, then shrinking, and never touching a neighbour.
        radius = (
            _RADIUS
            if n <= ROOMY_NODES
            else float(np.clip(_RADIUS * np.sqrt(ROOMY_NODES / n), 8, _RADIUS))
        )
        margin_x, bottom = radius + 6.0, (_LEGEND_PX if legend else 0.0) + radius + 6.0
        top = height - _TITLE_PX - radius - 16.0  # room for a note above a top node
        raw = np.array([positions[node] for node in self.nodes], dtype=float).reshape(n, 2)
        xy = np.column_stack(
            [
                margin_x + raw[:, 0] * (width - 2 * margin_x - 30.0),  # 30 px for notes, right
                bottom + raw[:, 1] * max(top - bottom, 1.0),
            ]
        )
        if n > 1:
            gaps = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=2)
            gaps[np.diag_indices(n)] = np.inf
            radius = float(min(radius, max(0.38 * gaps.min(), 6.0)))
        self.radius_px = radius
        self.xy = xy
        node_labels = [str(labels[node]) if labels else str(node) for node in self.nodes]
        longest = max(len(text) for text in node_labels)
        label_size = float(
            np.clip(radius * 1.5 / max(longest, 1.4) * 72 / dpi * 1.15, MIN_TEXT_PT, 11.0)
        )

        # Edges: one LineCollection; an edge and its reverse sit apart, side by side.
        segments, mids, sides, heads = [], [], [], []
        pairs = set(self.edges)
        for u, v in self.edges:
            a, b = xy[self._index[u]], xy[self._index[v]]
            direction = b - a
            length = float(np.hypot(*direction)) or 1.0
            unit = direction / length
            normal = np.array([-unit[1], unit[0]])
            shift = normal * 4.0 if directed and (v, u) in pairs else np.zeros(2)
            start = a + unit * radius + shift
            end = b - unit * (radius + (1.0 if directed else 0.0)) + shift
            segments.append([start, end])
            mids.append((start + end) / 2)
            # The weight sits beside the line: above it (or right of a vertical one), or
            # on the edge's own side when its reverse runs alongside.
            upward = normal[1] > 1e-9 or (abs(normal[1]) <= 1e-9 and normal[0] > 0)
            sides.append(normal if (directed and (v, u) in pairs) or upward else -normal)
            if directed:
                tip, back = end, end - unit * 10.0
                heads.append([tip, back + normal * 4.5, back - normal * 4.5])
                segments[-1] = [start, back + unit * 2.0]
        self._lines = LineCollection(
            segments, colors=theme.edge, linewidths=1.6, zorder=1, capstyle="round"
        )
        ax.add_collection(self._lines)
        self._heads = PolyCollection(heads, closed=True, zorder=1, linewidths=0)
        if directed:
            ax.add_collection(self._heads)
        self._weights: list[Text | None] = []
        weight_size = 9.0 if n <= ROOMY_NODES else 7.5
        for mid, side, weight in zip(mids, sides, weights):
            if weight is None:
                self._weights.append(None)
                continue
            text = _weight_text(weight)
            # Far enough from the line's centre that the text's box clears a thick line.
            half_w = text_width_px(text, weight_size, dpi) / 2 + 1.5
            half_h = weight_size * dpi / 72.0 * 0.5 + 1.0
            away = abs(side[0]) * half_w + abs(side[1]) * half_h + 2.5
            at = mid + side * away
            self._weights.append(
                ax.text(
                    float(at[0]),
                    float(at[1]),
                    text,
                    ha="center",
                    va="center",
                    fontsize=weight_size,
                    color=theme.muted,
                    zorder=2,
                    bbox={
                        "boxstyle": "round,pad=0.12",
                        "facecolor": theme.background,
                        "edgecolor": "none",
                    },
                )
            )

        radius_points = radius * 72.0 / dpi
        self._nodes = ax.scatter(
            xy[:, 0], xy[:, 1], s=(2 * radius_points) ** 2, zorder=3, linewidths=1.4
        )
        self._labels = [
            ax.text(x, y, text, ha="center", va="center", fontsize=label_size, zorder=4)
            for (x, y), text in zip(xy, node_labels)
        ]
        note_size = 9.5 if n <= ROOMY_NODES else 7.5
        self._notes = [
            ax.text(
                x + radius * 0.75 + 2,
                y + radius * 0.75 + 1,
                "",
                ha="left",
                va="bottom",
                fontsize=note_size,
                color=theme.text,
                zorder=5,
                bbox={
                    "boxstyle": "round,pad=0.1",
                    "facecolor": theme.background,
                    "edgecolor": "none",
                    "alpha": 0.85,
                },
            )
            for x, y in xy
        ]
        self._title = ax.text(
            2,
            height - _TITLE_PX / 2,
            title or "",
            ha="left",
            va="center",
            fontsize=10,
            color=theme.text,
        )

        # Colours by meaning: face, outline, outline width.
        self._node_style = {
            "unvisited": (to_rgba(theme.panel), to_rgba(theme.edge), 1.4),
            "frontier": (theme.tint(theme.forward), to_rgba(theme.forward), 2.2),
            "current": (to_rgba(theme.highlight), to_rgba(theme.text), 2.4),
            "visited": (theme.tint(theme.done), to_rgba(theme.done), 1.8),
            "path": (to_rgba(theme.done), to_rgba(theme.text), 2.4),
        }
        self._edge_style = {
            None: (to_rgba(theme.edge), 1.6),
            "active": (to_rgba(theme.highlight), 3.4),
            "tree": (to_rgba(theme.forward), 2.8),
            "relaxed": (to_rgba(theme.update), 3.0),
            "path": (to_rgba(theme.done), 4.2),
        }
        self._legend: MarksLegend | None = None
        if legend:
            glyph_size = 9.0
            entries = [
                ("unvisited", "●", theme.edge, "unvisited"),
                ("frontier", "●", theme.forward, "frontier"),
                ("current", "●", theme.highlight, "current"),
                ("visited", "●", self._node_style["visited"][0], "visited"),
                ("path", "●", theme.done, "on path"),
                ("edge:active", "━", theme.highlight, "edge checked"),
                ("edge:tree", "━", theme.forward, "tree edge"),
                ("edge:relaxed", "━", theme.update, "relaxed"),
                ("edge:path", "━", theme.done, "path edge"),
            ]
            words = legend_words or {}
            entries = [(m, g, c, words.get(m, w)) for m, g, c, w in entries]
            self._legend = MarksLegend(
                ax,
                theme,
                entries,
                y=(_LEGEND_PX - 10.0) / height,
                fontsize=glyph_size,
                align="left",
            )
        self.update()

    def position(self, node: Hashable) -> tuple[float, float]:
        """Data coordinates (pixels of the Axes) of a node's centre, for a plugin's own marks."""
        x, y = self.xy[self._index[node]]
        return float(x), float(y)

    def update(
        self,
        node_states: Mapping[Any, str] | None = None,
        node_notes: Mapping[Any, str | None] | None = None,
        edge_states: Mapping[tuple[Any, Any], str] | None = None,
        *,
        title: str | None = None,
        labels: Mapping[Any, str] | None = None,
    ) -> None:
        """Colour nodes and edges by state and write the notes.

        Parameters
        ----------
        node_states : mapping of node id to state, optional
            One of :data:`NODE_STATES`; a node left out is ``"unvisited"``.
        node_notes : mapping of node id to str, optional
            A short text beside the node (``"d=3"``, ``"∞"``); left out: none.
        edge_states : mapping of (u, v) to state, optional
            One of :data:`EDGE_STATES`; an undirected edge matches either order.
        title : str, optional
            New caption (``None`` keeps the current one).
        labels : mapping of node id to str, optional
            New text inside these nodes (e.g. a heap's values as they move); the
            others keep theirs. The font size is the one fitted to the labels given
            at construction, so give the widest texts there.
        """
        states = dict(node_states or {})
        for node, label_text in (labels or {}).items():
            self._labels[self._index[node]].set_text(str(label_text))
        faces, outlines, widths = [], [], []
        for node, label in zip(self.nodes, self._labels):
            state = states.get(node, "unvisited")
            if state not in self._node_style:
                raise ValueError(f"unknown node state {state!r}; states: {', '.join(NODE_STATES)}")
            face, outline, width = self._node_style[state]
            faces.append(face)
            outlines.append(outline)
            widths.append(width)
            label.set_color(text_on(face, self.theme))
            label.set_fontweight("bold" if state in ("current", "path") else "normal")
        self._nodes.set_facecolor(faces)
        self._nodes.set_edgecolor(outlines)
        self._nodes.set_linewidth(widths)

        notes = node_notes or {}
        for node, note in zip(self.nodes, self._notes):
            text = notes.get(node)
            note.set_text("" if text is None else str(text))
            note.set_visible(text is not None)

        edge_kinds: list[str | None] = [None] * len(self.edges)
        for key, state in (edge_states or {}).items():
            if state not in EDGE_STATES:
                raise ValueError(f"unknown edge state {state!r}; states: {', '.join(EDGE_STATES)}")
            u, v = key
            k = self._edge_index.get((u, v))
            if k is None and not self.directed:
                k = self._edge_index.get((v, u))
            if k is not None:
                edge_kinds[k] = state
        colors = [self._edge_style[kind][0] for kind in edge_kinds]
        self._lines.set_color(colors)
        self._lines.set_linewidth([self._edge_style[kind][1] for kind in edge_kinds])
        if self.directed:
            self._heads.set_facecolor(colors)
        for weight, kind in zip(self._weights, edge_kinds):
            if weight is not None:
                weight.set_color(self.theme.text if kind else self.theme.muted)
                weight.set_fontweight("bold" if kind in ("active", "relaxed") else "normal")
        if title is not None:
            self._title.set_text(title)
        if self._legend is not None:
            used = [s for s in NODE_STATES if s in states.values()]
            used += [f"edge:{s}" for s in EDGE_STATES if s in edge_kinds]
            self._legend.show(used)
