"""Multi-head attention's picture: the input, the head at work, each head's weights, the output.

Top row: X; the active head's Q | K | V side by side (n × 3·d_k); its scaled
scores. Bottom row: one small heat map of attention weights per head, filled
in as each head finishes; the concatenation, whose block of columns for a
head fills in when that head's output is ready; the output after W_O.
Masked (causal) cells are hatched and empty.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

import eigenvue.drawing

from ..attention_frames import MatrixBoard, as_matrix, column_labels, largest, short_labels

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


class Diagram(eigenvue.drawing.Diagram):
    """X, the active head's Q|K|V and scores; a weights map per head; concat and output."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        first = trace[0].state
        self.tokens = list(first["tokens"])
        n, d, h, dk = len(self.tokens), first["embeddingDim"], first["numHeads"], first["d_k"]
        self.h, self.dk = h, dk
        by_id = {step.id: step.state for step in trace}
        self.x = first["X"]
        self.qkv = [
            np.hstack([as_matrix(by_id[f"head-{i}-projections"][m]) for m in "QKV"])
            for i in range(h)
        ]
        self.scores = [as_matrix(by_id[f"head-{i}-scores"]["scaledScores"]) for i in range(h)]
        self.weights = [
            np.where(
                np.isnan(self.scores[i]),
                np.nan,
                as_matrix(by_id[f"head-{i}-softmax"]["attentionWeights"]),
            )
            for i in range(h)
        ]
        self.head_out = [as_matrix(by_id[f"head-{i}-output"]["headOutput"]) for i in range(h)]
        self.concat = by_id["concatenate"]["concat"]
        self.final = trace[-1].state["finalOutput"]

        cols = column_labels(self.tokens)
        layout = fig.add_gridspec(
            2, 12, left=0.08, right=0.98, top=0.9, bottom=0.04, wspace=1.4, hspace=0.45
        )
        values = largest(trace, "X", "Q", "K", "V", "headOutput", "concat", "finalOutput")
        board = self.board = MatrixBoard(fig, theme, rows=short_labels(self.tokens), bound=values)
        board.add("X", layout[0, 0:4], (n, d), "X (embeddings)")
        qkv_cols = [f"{m}{c}" for m in "qkv" for c in range(dk)] if dk <= 4 else None
        board.add("qkv", layout[0, 4:8], (n, 3 * dk), "head: Q | K | V", cols=qkv_cols)
        scores = largest(trace, "scaledScores")
        board.add("scores", layout[0, 8:12], (n, n), "head: scaled scores", cols=cols, bound=scores)
        # One weights map per head, in a block of near-square shape; in a block more than
        # two wide only the first column keeps its row labels, and only a lone head its
        # column labels.
        across = math.ceil(math.sqrt(h))
        down = math.ceil(h / across)
        heads = layout[1, 0:6].subgridspec(down, across, wspace=0.35, hspace=0.6)
        for i in range(h):
            board.add(
                f"head{i}",
                heads[i // across, i % across],
                (n, n),
                f"head {i}",
                labelled=not (across > 2 and i % across),
                cols=None if h > 1 else cols,
                signed=False,
            )
        board.add("concat", layout[1, 6:9], (n, d), "concat heads")
        board.add("output", layout[1, 9:12], (n, d), "output C·W_O")

    def update(self, step: Step) -> None:
        """Show the head at work, the heads done so far, and what follows them."""
        board, sid, state = self.board, step.id, step.state
        board.show("X", self.x, "new" if sid == "show-input" else "used")
        after = sid in ("concatenate", "final-projection", "complete")
        stage = sid.rsplit("-", 1)[1] if sid.startswith("head-") else ""
        if stage:
            i = int(state["activeHead"])
            weights_ready = i + (stage in ("softmax", "output"))
            outputs_ready = i + (stage == "output")
        else:
            i = self.h - 1
            weights_ready = outputs_ready = self.h if after else 0
        shown = bool(stage) or after
        board.show(
            "qkv",
            self.qkv[i] if shown else None,
            "new" if stage == "projections" else "used",
            title=f"head {i}: Q | K | V",
        )
        board.show(
            "scores",
            self.scores[i] if shown and stage != "projections" else None,
            "new" if stage == "scores" else "used",
            title=f"head {i}: scaled scores",
        )
        for k in range(self.h):
            new = k == i and stage == "softmax"
            board.show(
                f"head{k}", self.weights[k] if k < weights_ready else None, "new" if new else "used"
            )
        # The concatenation fills in head by head, as each head's output is ready.
        if after:
            board.show("concat", self.concat, "new" if sid == "concatenate" else "used")
        elif outputs_ready:
            partial = np.full((len(self.tokens), self.h * self.dk), np.nan)
            for k in range(outputs_ready):
                partial[:, k * self.dk : (k + 1) * self.dk] = self.head_out[k]
            last = outputs_ready - 1
            board.show(
                "concat",
                partial,
                "new" if stage == "output" else "used",
                title=f"head outputs 0–{last}" if last else "head output 0",
            )
        else:
            board.show("concat", None, "idle")
        final = sid in ("final-projection", "complete")
        board.show("output", self.final if final else None, "new" if final else "idle")
