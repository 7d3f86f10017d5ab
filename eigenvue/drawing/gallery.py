"""A picture of each drawing part, for the "Drawing parts" page of the docs.

``render_gallery(out_dir, theme)`` draws every part's example at the size a
diagram gets in a teaching frame (800 × 450 px) and writes
``<part>-<theme>.png``. The docs build calls it once per theme::

    from eigenvue.drawing.gallery import render_gallery
    for theme in ("light", "dark"):
        render_gallery("docs/parts", theme)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from eigenvue.drawing.theme import Theme, get_theme

if TYPE_CHECKING:
    from matplotlib.axes import Axes

#: Size of a diagram in the 1200 × 700 teaching frame, in pixels at 100 dpi.
WIDTH_PX, HEIGHT_PX, DPI = 800, 450, 100


def _array(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import ArrayPart

    top, bottom = _two_rows(fig)
    bars = ArrayPart(top, theme, 10, value_range=(0, 9), title="bars: quicksort partition")
    bars.update(
        [3, 1, 2, 8, 9, 4, 7, 5, 6, 5],
        compare=(4,),
        swap=(3, 5),
        pivot=9,
        done=(0, 1, 2),
        active=(3, 9),
        pointers={"i": 3, "j": 5},
    )
    cells = ArrayPart(
        bottom,
        theme,
        12,
        style="cells",
        value_range=(0, 99),
        pointer_rows=3,
        title="cells: binary search for 42",
    )
    cells.update(
        [2, 5, 8, 13, 21, 34, 42, 55, 61, 70, 88, 99],
        compare=(6,),
        active=(6, 11),
        pointers={"lo": 6, "mid": 6, "hi": 11},
    )


def _graph(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import GraphPart

    grid = fig.add_gridspec(
        1, 2, width_ratios=(1.1, 1), wspace=0.04, left=0.01, right=0.99, top=0.98, bottom=0.02
    )
    pos = {
        "A": (0, 0.5),
        "B": (0.3, 1),
        "C": (0.3, 0),
        "D": (0.65, 0.8),
        "E": (0.65, 0.15),
        "F": (1, 0.5),
    }
    edges = [
        ("A", "B", 4),
        ("A", "C", 2),
        ("C", "B", 1),
        ("B", "D", 5),
        ("C", "E", 10),
        ("D", "E", 2),
        ("D", "F", 6),
        ("E", "F", 3),
    ]
    small = GraphPart(
        fig.add_subplot(grid[0]), theme, pos, edges, title="Dijkstra: relax the edges of C"
    )
    small.update(
        node_states={"A": "visited", "C": "current", "B": "frontier", "E": "frontier"},
        node_notes={"A": "d=0", "C": "d=2", "B": "d=3", "E": "d=12", "D": "∞", "F": "∞"},
        edge_states={("A", "C"): "tree", ("C", "B"): "relaxed", ("C", "E"): "active"},
    )
    side = 7
    grid_pos = {
        r * side + c: (c / (side - 1), 1 - r / (side - 1)) for r in range(side) for c in range(side)
    }
    grid_edges = [(a, a + 1) for a in grid_pos if a % side < side - 1]
    grid_edges += [(a, a + side) for a in grid_pos if a + side in grid_pos]
    big = GraphPart(
        fig.add_subplot(grid[1]), theme, grid_pos, grid_edges, title="BFS on 49 nodes (compact)"
    )
    order = sorted(grid_pos, key=lambda a: (a // side + a % side, a))
    states = {a: "visited" for a in order[:14]}
    states.update({a: "frontier" for a in order[14:19]})
    states[order[14]] = "current"
    big.update(node_states=states, edge_states={(order[14], order[14] + 1): "active"})


def _strip(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import StripPart

    grid = fig.add_gridspec(
        2,
        2,
        width_ratios=(2.6, 1),
        wspace=0.05,
        hspace=0.1,
        left=0.01,
        right=0.99,
        top=0.98,
        bottom=0.02,
    )
    queue = StripPart(fig.add_subplot(grid[0, 0]), theme, kind="queue", capacity=8)
    queue.update(
        ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"],
        highlight=(0,),
        added=(-1,),
        removed="A",
        caption="queue: front → back (BFS frontier)",
    )
    heap = StripPart(
        fig.add_subplot(grid[1, 0]), theme, kind="priority", capacity=8, key_prefix="d="
    )
    heap.update(
        [("C", 2.0), ("B", 3.0), ("E", 12.0), ("D", float("inf"))], highlight=(0,), added=(1,)
    )
    stack = StripPart(fig.add_subplot(grid[:, 1]), theme, kind="stack", capacity=8)
    stack.update(["A", "C", "F"], added=(2,), removed="G")


def _grid(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import GridPart

    tokens = ["the", "cat", "sat", "on", "the", "mat"]
    scores = np.array([[((r * 7 + c * 3) % 5) + 1.0 for c in range(6)] for r in range(6)])
    causal = np.where(np.tri(6, dtype=bool), scores, np.nan)
    weights = causal / np.nansum(causal, axis=1, keepdims=True)
    left = fig.add_axes((0.08, 0.1, 0.38, 0.72))
    attention = GridPart(
        left,
        theme,
        (6, 6),
        vmin=0,
        vmax=1,
        row_labels=tokens,
        col_labels=tokens,
        title="causal attention weights",
    )
    attention.update(weights, highlight_row=3, highlight_cell=(3, 1))
    right = fig.add_axes((0.58, 0.1, 0.34, 0.72))
    rng = np.random.default_rng(7)
    big = GridPart(
        right,
        theme,
        (24, 24),
        scale="diverging",
        vmin=-1,
        vmax=1,
        title="24 × 24 weights (compact)",
    )
    big.update(np.tanh(rng.normal(size=(24, 24))), highlight_col=5)


def _curve(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import CurvePart

    epochs = np.arange(1, 201)
    loss = 0.7 * np.exp(-epochs / 25.0) + 0.002
    left = fig.add_axes((0.09, 0.14, 0.36, 0.7))
    curve = CurvePart(
        left,
        theme,
        {"loss": "compare"},
        x_range=(1, 200),
        y_values=loss,
        xlabel="epoch",
        ylabel="loss",
        title="loss per epoch",
    )
    curve.update(loss[:120], title="loss per epoch: epoch 120")

    n = np.arange(2, 65)
    comparisons = n * (n - 1) / 2
    swaps = comparisons / 2.2
    right = fig.add_axes((0.58, 0.14, 0.33, 0.7))
    counts = CurvePart(
        right,
        theme,
        {"comparisons": "compare", "swaps": "update"},
        x_range=(2, 64),
        y_values=np.concatenate([comparisons, swaps]),
        references={"n²": (n, n * n), "n log₂ n": (n, n * np.log2(n))},
        xlabel="n (items)",
        title="bubble sort: counts against n",
    )
    counts.update({"comparisons": comparisons[:40], "swaps": swaps[:40]}, x=n[:40])


def _network(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import NetworkDrawing, TablePanel

    drawing = NetworkDrawing(fig.add_axes((0.01, 0.02, 0.62, 0.96)), [2, 3, 1], theme)
    drawing.set_weights([[[0.8, -1.2], [1.5, 0.3], [-0.4, 0.9]], [[1.1, -0.7, 0.5]]])
    drawing.set_values(0, [1.0, 0.0])
    drawing.set_values(1, [0.69, 0.82, 0.4])
    drawing.set_values(2, None)
    drawing.emphasize_layer(1, theme.forward)
    drawing.emphasize_connections(1, theme.forward)
    panel = TablePanel(fig.add_axes((0.68, 0.08, 0.3, 0.84)), theme)
    panel.show(
        "Forward pass: layer 1",
        title_color=theme.forward,
        header=["neuron", "z", "a"],
        rows=[["1", "0.8", "0.69"], ["2", "1.5", "0.82"], ["3", "−0.4", "0.4"]],
        note="a = σ(z): each hidden neuron squashes its weighted input.",
    )


def _table(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import TablePanel

    panel = TablePanel(fig.add_axes((0.05, 0.05, 0.55, 0.9)), theme, max_rows=6, max_columns=4)
    panel.show(
        "Epoch 40 of 200",
        big="loss = 0.0213",
        big_color=theme.done,
        header=["layer", "‖∂loss/∂W‖", "step"],
        rows=[
            ["W[1]", "0.0031", "6.2e−4"],
            ["W[2]", "0.012", "0.0024"],
            ["W[3]", "0.094", "0.019"],
        ],
        column_colors=[None, theme.gradient, theme.update],
        note="Gradients shrink towards the input layer: the early layers learn slowest.",
    )


def _bars(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import BarsPart

    left = fig.add_axes((0.08, 0.16, 0.38, 0.68))
    norms = BarsPart(
        left,
        theme,
        [f"W[{k}]" for k in range(1, 6)],
        value_range=(2e-5, 0.3),
        meaning="gradient",
        title="‖∂loss/∂W‖ per layer (log scale)",
        xlabel="layer: input side → output side",
    )
    norms.update([2e-5, 4e-4, 6e-3, 0.05, None], current=3)
    right = fig.add_axes((0.58, 0.16, 0.38, 0.68))
    counts = BarsPart(
        right,
        theme,
        ["a", "b", "c", "d", "e", "f"],
        value_range=(0, 9),
        meaning="compare",
        title="letter counts",
    )
    counts.update([9, 2, 4, 3, 8, 1])


def _plane(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import PlanePart

    xs = np.linspace(-0.5, 1.5, 41)
    gx, gy = np.meshgrid(xs, xs)
    # A band around the diagonal: the shape of a network that has learned XOR.
    values = 1 / (1 + np.exp(-9 * (np.abs(gx - gy) - 0.5)))
    points = [[0, 0], [0, 1], [1, 0], [1, 1]]
    part = PlanePart(
        fig.add_axes((0.3, 0.2, 0.4, 0.7)),
        theme,
        (-0.5, 1.5, -0.5, 1.5),
        values.shape,
        points=points,
        classes=[0, 1, 1, 0],
        class_names=("target 1", "target 0"),
        key_ax=fig.add_axes((0.36, 0.05, 0.28, 0.02)),
        key_caption="output (line: 0.5, the boundary)",
        title="XOR: the output over the plane",
    )
    part.update(values, point_values=[0.03, 0.97, 0.97, 0.03])


def _function(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import FunctionPart

    xs = np.linspace(-6, 6, 481)
    left = FunctionPart(
        fig.add_axes((0.08, 0.15, 0.38, 0.7)),
        theme,
        xs,
        1 / (1 + np.exp(-xs)),
        ylim=(-0.08, 1.12),
        names=("z", "a"),
        title="σ(z) = 1 / (1 + e⁻ᶻ)",
        xlabel="weighted sum z",
        ylabel="output a = f(z)",
    )
    left.update(1.2, float(1 / (1 + np.exp(-1.2))))
    right = FunctionPart(
        fig.add_axes((0.58, 0.15, 0.38, 0.7)),
        theme,
        xs,
        np.maximum(xs, 0),
        ylim=(-0.36, 6.36),
        names=("z", "a"),
        title="ReLU(z): z known, a not yet",
        xlabel="weighted sum z",
    )
    right.update(-2.5, emphasis="near")


def _path(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import PathPart

    # Momentum on f(x, y) = x² + 3y², whose contours are drawn under the path.
    points, velocity = [np.array([4.0, 2.0])], np.zeros(2)
    for _ in range(14):
        velocity = 0.6 * velocity + 0.08 * np.array([2, 6]) * points[-1]
        points.append(points[-1] - velocity)
    ax = fig.add_axes((0.08, 0.08, 0.84, 0.84))
    xs, ys = np.linspace(-5, 5, 161), np.linspace(-2.8, 2.8, 91)
    ax.contour(xs, ys, xs[None, :] ** 2 + 3 * ys[:, None] ** 2, levels=10, colors=theme.edge)
    ax.set_aspect("equal")
    path = PathPart(ax, theme, points, goal=(0.0, 0.0), goal_label="minimum", arrow_label="−∇f")
    path.update(4, direction=-np.array([2, 6]) * points[4])


def _gap(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import GapPart

    part = GapPart(fig.add_axes((0.15, 0.2, 0.75, 0.55)), theme, [f"ex {k}" for k in range(1, 5)])
    part.update([0.23, 0.81, 0.64, 0.12], [1, 1, 0, 0])


def _circuit(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import CircuitPart

    operations = [
        {"gate": "H", "qubits": [0]},
        {"gate": "CNOT", "qubits": [0, 1]},
        {"gate": "RZ", "qubits": [1], "caption": "π/4"},
        {"gate": "CNOT", "qubits": [1, 2]},
        {"gate": "MEASURE", "qubits": [0]},
        {"gate": "MEASURE", "qubits": [1]},
    ]
    circuit = CircuitPart(fig.add_axes((0.03, 0.1, 0.94, 0.8)), theme, 3, operations, initial="|0⟩")
    circuit.update(3)


def _bloch(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import BlochPart

    left = BlochPart(fig.add_axes((0.04, 0.04, 0.42, 0.9)), theme, title="after H: |+⟩")
    left.update((1.0, 0.0, 0.0), label="|+⟩", trail=[(0.0, 0.0, 1.0)])
    right = BlochPart(fig.add_axes((0.54, 0.04, 0.42, 0.9)), theme, title="after S: |+i⟩")
    right.update(
        (0.0, 1.0, 0.0),
        label="|+i⟩",
        caption="θ = π/2, φ = π/2",
        reference=(1.0, 0.0, 0.0),
        trail=[(0.0, 0.0, 1.0), (1.0, 0.0, 0.0)],
    )


def _amplitudes(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import AmplitudesPart

    labels = [f"|{i:03b}⟩" for i in range(8)]
    part = AmplitudesPart(
        fig.add_axes((0.08, 0.14, 0.88, 0.74)),
        theme,
        labels,
        title="Grover search for |101⟩, one iteration",
    )
    amplitudes = np.full(8, -0.177 + 0j)
    amplitudes[5] = 0.884
    part.update(amplitudes, targets=[5], highlight=[5])


def _token_strip(fig: Figure, theme: Theme) -> None:
    from eigenvue.drawing.parts import TokenStripPart

    grid = fig.add_gridspec(2, 1, hspace=0.15, left=0.02, right=0.98, top=0.92, bottom=0.04)
    before = TokenStripPart(fig.add_subplot(grid[0]), theme, title="pair (e, s) occurs most")
    before.update(
        ["l", "o", "w", "e", "s", "t", " ", "n", "e", "w", "e", "s", "t"], highlight=[3, 4, 10, 11]
    )
    after = TokenStripPart(fig.add_subplot(grid[1]), theme, title="after the merge e + s → es")
    after.update(["l", "o", "w", "es", "t", " ", "n", "e", "w", "es", "t"], merged=[3, 9])


def _two_rows(fig: Figure) -> tuple[Axes, Axes]:
    grid = fig.add_gridspec(
        2, 1, height_ratios=(1.25, 1), hspace=0.08, left=0.02, right=0.98, top=0.98, bottom=0.02
    )
    return fig.add_subplot(grid[0]), fig.add_subplot(grid[1])


#: The gallery: part name → a function drawing its example into a figure.
EXAMPLES: dict[str, Callable[[Figure, Theme], None]] = {
    "array": _array,
    "graph": _graph,
    "strip": _strip,
    "grid": _grid,
    "curve": _curve,
    "network": _network,
    "table": _table,
    "bars": _bars,
    "plane": _plane,
    "gap": _gap,
    "function": _function,
    "path": _path,
    "circuit": _circuit,
    "bloch": _bloch,
    "amplitudes": _amplitudes,
    "token-strip": _token_strip,
}


def render_part(name: str, theme: str | Theme = "light") -> Figure:
    """The figure of one part's example (``name`` a key of :data:`EXAMPLES`)."""
    chosen = get_theme(theme)
    with chosen.context():
        fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI)
        fig.set_facecolor(chosen.background)
        EXAMPLES[name](fig, chosen)
    return fig


def render_gallery(out_dir: str | Path, theme: str | Theme = "light") -> list[Path]:
    """Write ``<part>-<theme>.png`` for every part into ``out_dir``; returns the paths."""
    chosen = get_theme(theme)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name in EXAMPLES:
        fig = render_part(name, chosen)
        path = out / f"{name}-{chosen.name}.png"
        with chosen.context():
            fig.savefig(path, dpi=DPI, facecolor=chosen.background, metadata={"Software": None})
        paths.append(path)
    return paths


__all__ = ["EXAMPLES", "render_gallery", "render_part"]
