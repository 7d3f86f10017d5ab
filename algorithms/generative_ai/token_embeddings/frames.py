"""Token embeddings' picture: the tokens, their vectors, how alike they are, and a 2-D view.

Top, the tokens as a strip, the one being looked up (or the pair being
compared) highlighted. Below, left to right: the embedding table's rows
looked up so far (a heat map, n × d); the cosine similarities found so far
(n × n, −1 to 1, the pair of the step outlined, the mirror cell and the
diagonal filled in with it); and the vectors projected on their two principal
axes, the compared pair joined by a line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

import eigenvue.drawing
from eigenvue.drawing.parts import TokenStripPart
from eigenvue.text import number

from ..attention_frames import MatrixBoard, column_labels, largest, short_labels

if TYPE_CHECKING:
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace


class Diagram(eigenvue.drawing.Diagram):
    """Token strip; embeddings, similarity heat map and PCA scatter side by side."""

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        last = trace[-1].state
        self.tokens = list(last["tokens"])
        n, d = len(self.tokens), int(last["embeddingDim"])
        layout = self.panels(
            2, 3, heights=(0.28, 1.0), box=(0.08, 0.06, 0.98, 0.93), gaps=(0.45, 0.25)
        )
        self.strip = TokenStripPart(fig.add_subplot(layout[0, :]), theme, title="tokens")
        rows = short_labels(self.tokens)
        board = self.board = MatrixBoard(fig, theme, rows=rows, bound=largest(trace, "embeddings"))
        board.add("embeddings", layout[1, 0], (n, d), "embedding rows")
        cols = column_labels(self.tokens)
        board.add("similarity", layout[1, 1], (n, n), "cosine similarity", cols=cols, bound=1.0)
        self.table = np.asarray(last["embeddings"], dtype=float)
        self.similarity = np.asarray(last.get("similarityMatrix", np.eye(n)), dtype=float)
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n)]
        self.rank = {pair: k for k, pair in enumerate(pairs)}

        ax = self.scatter_ax = fig.add_subplot(layout[1, 2])
        projection = np.asarray(last.get("projection", np.zeros((n, 2))), dtype=float)
        self.projection = projection
        self.kept = last.get("projectionVariance")
        span = float(np.max(np.abs(projection))) if projection.size else 1.0
        span = 1.15 * (span or 1.0)
        ax.set_xlim(-span, span)
        ax.set_ylim(-span, span)
        ax.set_aspect("equal")
        ax.tick_params(labelsize=8, colors=theme.muted, length=2)
        for spine in ax.spines.values():
            spine.set_color(theme.edge)
        ax.axhline(0, color=theme.edge, linewidth=0.6, zorder=0)
        ax.axvline(0, color=theme.edge, linewidth=0.6, zorder=0)
        self.points = ax.scatter(
            projection[:, 0],
            projection[:, 1],
            s=36,
            zorder=3,
            color=theme.forward,
            edgecolors=theme.background,
            linewidths=0.8,
        )
        # One name per point; tokens sharing a vector (repeats) share a name.
        places: dict[tuple[float, float], list[str]] = {}
        for label, (x, y) in zip(self.tokens, projection):
            places.setdefault((round(float(x), 9), round(float(y), 9)), []).append(label)
        labelled = len(places) <= 24  # beyond that, names would cover one another
        # Names sit on the side of their point towards the middle, so none leaves the plot.
        self.names = [
            ax.text(
                x,
                y,
                f" {' = '.join(dict.fromkeys(labels))} ",
                fontsize=8.5,
                color=theme.text,
                va="bottom",
                ha="right" if x > 0 else "left",
                zorder=4,
            )
            for (x, y), labels in (places.items() if labelled else [])
        ]
        (self.link,) = ax.plot([], [], color=theme.highlight, linewidth=2.2, zorder=2)
        self.scatter_title = ax.set_title("2-D view (PCA)", fontsize=10, loc="left", pad=8, y=1.0)
        self.note = ax.text(
            0.5,
            0.5,
            "shown once every\nvector is looked up",
            ha="center",
            va="center",
            transform=ax.transAxes,
            fontsize=9,
            color=theme.muted,
        )

    def update(self, step: Step) -> None:
        """Reveal the rows looked up and the similarities found so far; show the pair."""
        state, theme, n = step.state, self.theme, len(self.tokens)
        current = state.get("currentTokenIndex")
        pair = state.get("similarityPair")
        highlight = [current] if current is not None else list(pair or [])
        self.strip.update(self.tokens, highlight=highlight)

        known_rows = len(state["embeddings"])
        rows = np.full(self.table.shape, np.nan)
        rows[:known_rows] = self.table[:known_rows]
        self.board.show(
            "embeddings",
            rows if known_rows else None,
            "new" if step.id == "lookup-embedding" else "used",
            row=current,
        )

        if pair is not None or step.is_terminal:
            upto = self.rank[tuple(pair)] if pair is not None else len(self.rank)
            known = np.eye(n, dtype=bool)
            for (i, j), k in self.rank.items():
                if k <= upto:
                    known[i, j] = known[j, i] = True
            shown = np.where(known, self.similarity, np.nan)
            title = "cosine similarity"
            if pair is not None:
                title = f"cos(v{pair[0]}, v{pair[1]}) = {number(state['similarityScore'], 3)}"
            self.board.show(
                "similarity",
                shown,
                "new" if pair is not None else "used",
                cell=tuple(pair) if pair is not None else None,
                title=title,
            )
        else:
            self.board.show("similarity", None, "idle")

        # The 2-D view needs every vector: it appears once the lookups are done.
        has_view = pair is not None or step.is_terminal
        self.points.set_visible(has_view)
        self.note.set_visible(not has_view)
        for name in self.names:
            name.set_visible(has_view)
        colours = np.array([theme.forward] * n, dtype=object)
        if pair is not None:
            colours[list(pair)] = theme.highlight
            (i, j) = pair
            self.link.set_data(self.projection[[i, j], 0], self.projection[[i, j], 1])
        else:
            self.link.set_data([], [])
        self.points.set_color(list(colours))
        kept = self.kept if has_view else None
        self.scatter_title.set_text(
            f"2-D view (PCA, {100 * kept:.0f}% of spread)" if kept is not None else "2-D view (PCA)"
        )
        self.scatter_title.set_color(theme.text if has_view else theme.muted)
