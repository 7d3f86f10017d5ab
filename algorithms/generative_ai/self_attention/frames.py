"""Self-attention's picture: X, Q, K, V, the scores, the weights and the output as heat maps.

Top row, the n × d matrices X, Q, K and V; bottom row, the n × n scores (raw,
then scaled), the n × n attention weights and the n × d output. Each step fills
in what it computes (caption in the highlight colour) and leaves later matrices
empty; at a query's step its row of weights and of the output is outlined.
Masked (causal) cells are hatched and empty. Past 12 rows or columns a heat
map is drawn as colours alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import eigenvue.drawing

from ..attention_frames import MatrixBoard, Role, as_matrix, column_labels, largest, short_labels

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


class Diagram(eigenvue.drawing.Diagram):
    """Seven heat maps: X, Q, K, V above; scores, weights, output below."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        by_id = {step.id: step.state for step in trace}
        first = trace[0].state
        self.tokens = list(first["tokens"])
        n, d = len(self.tokens), int(first["embeddingDim"])
        self.x = first["X"]
        self.q, self.k, self.v = (
            by_id["compute-q"]["Q"],
            by_id["compute-k"]["K"],
            by_id["compute-v"]["V"],
        )
        self.raw = by_id["compute-scores"]["rawScores"]
        self.scaled = as_matrix(by_id["scale-scores"]["scaledScores"])
        self.weights = by_id["apply-softmax"]["attentionWeights"]
        self.output = trace[-1].state["output"]
        # Masked cells are those the scaled scores leave out; the weights show them empty too.
        self.masked = np.isnan(self.scaled)
        # Twelve columns: four n × d matrices above, three wider panels below.
        layout = fig.add_gridspec(
            2, 12, left=0.08, right=0.98, top=0.9, bottom=0.04, wspace=1.4, hspace=0.4
        )
        values = largest(trace, "X", "Q", "K", "V", "output")
        board = self.board = MatrixBoard(fig, theme, rows=short_labels(self.tokens), bound=values)
        for col, (name, title) in enumerate(
            [("X", "X (embeddings)"), ("Q", "Q = X·W_Q"), ("K", "K = X·W_K"), ("V", "V = X·W_V")]
        ):
            board.add(name, layout[0, 3 * col : 3 * col + 3], (n, d), title)
        cols = column_labels(self.tokens)
        scores = largest(trace, "scaledScores")  # the raw step may saturate: the scaled ones matter
        board.add("scores", layout[1, 0:4], (n, n), "scores Q·Kᵀ", cols=cols, bound=scores)
        board.add("weights", layout[1, 4:8], (n, n), "weights (softmax)", cols=cols, signed=False)
        board.add("output", layout[1, 8:12], (n, d), "output A·V")

    def update(self, step: Step) -> None:
        """Fill in the matrices computed so far; caption this step's in the highlight colour."""
        board, state, sid = self.board, step.state, step.id
        order = [
            "show-input",
            "compute-q",
            "compute-k",
            "compute-v",
            "compute-scores",
            "scale-scores",
            "apply-softmax",
            "per-query-attention",
            "complete",
        ]
        at = order.index(sid)

        def role(made_at: str) -> Role:
            return "new" if sid == made_at else "used"

        board.show("X", self.x, role("show-input"))
        for name, made_at, matrix in (
            ("Q", "compute-q", self.q),
            ("K", "compute-k", self.k),
            ("V", "compute-v", self.v),
        ):
            shown = matrix if at >= order.index(made_at) else None
            board.show(name, shown, role(made_at))
        if at < order.index("compute-scores"):
            board.show("scores", None, "idle")
        elif sid == "compute-scores":
            board.show("scores", self.raw, "new", title="raw scores Q·Kᵀ")
        else:
            scale = state.get("scaleFactor")
            caption = "scaled scores Q·Kᵀ / √d"
            if scale is not None:
                caption = f"scaled scores Q·Kᵀ / {scale:.3g}"
            board.show("scores", self.scaled, role("scale-scores"), title=caption)
        query = state.get("currentQuery")
        weights = None
        if at >= order.index("apply-softmax"):
            weights = np.where(self.masked, np.nan, as_matrix(self.weights))
        board.show("weights", weights, role("apply-softmax"), row=query)
        if query is not None:
            filled = np.full(np.shape(self.output), np.nan)
            filled[: query + 1] = as_matrix(self.output)[: query + 1]
            board.show("output", filled, "new", row=query)
            board.show("V", self.v, "used")
        elif step.is_terminal:
            board.show("output", self.output, "new")
        else:
            board.show("output", None, "idle")
