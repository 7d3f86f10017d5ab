"""The transformer block's picture: nine matrices in the order the block computes them.

Three rows read like the block: X, the attention weights, the attention
output; the first residual R1, its layer norm N1, the FFN's hidden layer H;
the FFN output F, the second residual R2 and its layer norm N2, the output.
At each step the matrices it computes are captioned in the highlight colour,
the ones it reads in the text colour (so a residual shows "X + A → R1"), and
the rest are muted or still empty. Causally masked weights are hatched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import eigenvue.drawing

from ..attention_frames import MatrixBoard, column_labels, largest, short_labels

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: Panel name, the step that makes it, the state key holding it, its caption.
PANELS = (
    ("X", "show-input", "X", "X (input)"),
    ("weights", "self-attention-result", "attnWeights", "attention weights"),
    ("A", "self-attention-result", "attnOutput", "A = attention(X)"),
    ("R1", "residual-1", "residual1", "R1 = X + A"),
    ("N1", "layer-norm-1", "norm1", "N1 = LayerNorm(R1)"),
    ("H", "ffn-expand", "hidden", "H = ReLU(N1·W1 + b1)"),
    ("F", "ffn-compress", "ffnOutput", "F = H·W2 + b2"),
    ("R2", "residual-2", "residual2", "R2 = N1 + F"),
    ("N2", "layer-norm-2", "norm2", "N2 = LayerNorm(R2)"),
)

#: What each step reads: these panels get the text colour, the rest are muted.
READS = {
    "self-attention-start": ("X",),
    "self-attention-result": ("X",),
    "residual-1": ("X", "A"),
    "layer-norm-1": ("R1",),
    "ffn-start": ("N1",),
    "ffn-expand": ("N1",),
    "ffn-compress": ("H",),
    "residual-2": ("N1", "F"),
    "layer-norm-2": ("R2",),
    "complete": (),
}


class Diagram(eigenvue.drawing.Diagram):
    """X, weights, A; R1, N1, H; F, R2, N2: filled in as the block computes them."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        by_id = {step.id: step.state for step in trace}
        first = trace[0].state
        tokens = list(first["tokens"])
        n, d = len(tokens), int(first["embeddingDim"])
        f = int(by_id["ffn-expand"]["hiddenShape"][1])
        self.order = [step.id for step in trace]
        self.made = {name: made for name, made, _, _ in PANELS}
        self.values = {name: by_id[made][key] for name, made, key, _ in PANELS}
        heads = by_id["self-attention-result"].get("headWeights")
        causal = bool(first.get("causal"))
        weights = np.asarray(self.values["weights"], dtype=float)
        if causal:  # masked cells are left empty, as the scores the softmax never saw
            weights = np.where(np.triu(np.ones((n, n), dtype=bool), k=1), np.nan, weights)
        self.values["weights"] = weights
        rows, cols = short_labels(tokens), column_labels(tokens)
        layout = fig.add_gridspec(
            3, 3, left=0.09, right=0.98, top=0.93, bottom=0.03, wspace=0.35, hspace=0.55
        )
        bound = largest(
            trace, "X", "attnOutput", "residual1", "norm1", "ffnOutput", "residual2", "norm2"
        )
        board = self.board = MatrixBoard(fig, theme, rows=rows, bound=bound)
        for k, (name, _, _, title) in enumerate(PANELS):
            where = layout[k // 3, k % 3]
            if name == "weights":
                if heads is not None:
                    title = f"weights (mean of {len(heads)} heads)"
                board.add(name, where, (n, n), title, cols=cols, signed=False)
            elif name == "H":
                board.add(name, where, (n, f), title, bound=largest(trace, "hidden"))
            else:
                board.add(name, where, (n, d), title)

    def update(self, step: Step) -> None:
        """Show what is computed so far; caption this step's result and what it reads."""
        at = self.order.index(step.id)
        reads = READS.get(step.id, ())
        for name, made, _, _ in PANELS:
            computed = self.order.index(made) <= at
            if not computed:
                self.board.show(name, None, "idle")
            elif made == step.id or (step.is_terminal and name == "N2"):
                self.board.show(name, self.values[name], "new")
            else:
                self.board.show(name, self.values[name], "used" if name in reads else "idle")
