"""A quantum circuit: wires, gates, controls, targets, swaps and meters, the current one lit.

One column per operation, in order, on horizontal qubit wires (qubit 0 at the
top, as a ket is read left to right). A one-qubit gate is a labelled box; a
CNOT a control dot joined to a ⊕ target; CZ two dots; SWAP two crosses; a
measurement a box with a meter. Qiskit's matplotlib circuit drawer is the
model. Operations already applied are drawn solid, those still to come faded,
and the current column is lit in the highlight colour.

Long circuits are drawn through a **window** of columns around the current
one (with a count of the columns left out on either side), so a 200-gate
circuit stays legible: the part keeps a fixed pool of column slots, made once,
and each update assigns operations to them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.patches import Arc, Rectangle

from eigenvue.drawing.parts._common import MIN_TEXT_PT, axes_px, text_width_px
from eigenvue.drawing.theme import blend

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from eigenvue.drawing.theme import Theme

Operation = Mapping[str, Any]

#: Narrowest column, in pixels, before the circuit is drawn through a window.
MIN_COLUMN_PX = 46.0
#: Widest column, in pixels: a short circuit is not stretched across the Axes.
MAX_COLUMN_PX = 90.0
#: Gates drawn with dots, ⊕ and crosses rather than a box.
CONTROLLED = {"CNOT": "target", "CX": "target", "CZ": "dot"}
SWAPS = {"SWAP"}
MEASURE = {"MEASURE", "M"}

# Sizes in data units (one column and one wire are 1 apart).
_BOX = 0.62
_DOT_PX = 7.0


class CircuitPart:
    """A circuit of one- and two-qubit operations, with the current column highlighted.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it.
    theme : eigenvue.drawing.Theme
        The colours: gates in ``theme.panel`` boxes outlined in ``theme.text``,
        the current column in ``theme.highlight``, measurements in ``theme.done``.
    num_qubits : int
        Number of wires (qubit 0 at the top).
    operations : sequence of mapping
        Each ``{"gate": name, "qubits": [...], "label"?: str, "caption"?: str}``.
        ``gate`` is ``"CNOT"`` (control, target), ``"CZ"``, ``"SWAP"``,
        ``"MEASURE"`` or any one-qubit name, drawn in a box as ``label``
        (default: the name). ``caption`` is small text under the box (an angle,
        a condition such as ``"if m1"``).
    wire_labels : sequence of str, optional
        Left of each wire (default ``q0``, ``q1``, …).
    initial : str, optional
        Written at the start of each wire (e.g. ``"|0⟩"``).
    max_columns : int, optional
        The most columns shown at once; by default as many as fit the Axes'
        width at :data:`MIN_COLUMN_PX` pixels per column.

    Attributes
    ----------
    window : int
        Columns shown at once (less than ``len(operations)`` when windowed).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(6, 2.5), dpi=100)
    >>> circuit = CircuitPart(
    ...     fig.add_axes((0.02, 0.05, 0.96, 0.9)), get_theme("light"), 2,
    ...     [{"gate": "H", "qubits": [0]}, {"gate": "CNOT", "qubits": [0, 1]},
    ...      {"gate": "MEASURE", "qubits": [0]}], initial="|0⟩")
    >>> circuit.update(1)  # the CNOT is the current operation
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        num_qubits: int,
        operations: Sequence[Operation],
        *,
        wire_labels: Sequence[str] | None = None,
        initial: str | None = None,
        max_columns: int | None = None,
    ) -> None:
        self.ax, self.theme = ax, theme
        self.n = num_qubits
        self.ops = list(operations)
        width_px, height_px = axes_px(ax)
        wire_px = height_px / (self.n + 0.6)
        self.font = float(np.clip(wire_px * 0.36 * 72 / ax.figure.dpi, MIN_TEXT_PT, 11.0))
        labels = list(wire_labels) if wire_labels else [f"q{q}" for q in range(self.n)]
        texts = [f"{label}  {initial}" if initial else label for label in labels]
        label_px = 10 + max(text_width_px(t, self.font, ax.figure.dpi) for t in texts)
        fits = max(int((width_px - label_px) // MIN_COLUMN_PX), 3)
        self.window = min(len(self.ops), max_columns or fits)
        self.windowed = self.window < len(self.ops)
        # Wires start at x = -0.75; the labels get label_px pixels left of that.
        # A short circuit keeps columns of at most MAX_COLUMN_PX, left-aligned.
        columns = max(self.window, (width_px - label_px) / MAX_COLUMN_PX)
        start, right = -0.75, columns - 0.3 + (0.4 if self.windowed else 0)
        share = min(label_px / width_px, 0.5)
        x_left = (start - share * right) / (1 - share)
        ax.set_xlim(x_left, right)
        left = start - 0.05
        ax.set_ylim(self.n - 0.2, -0.75)  # room under the last wire for captions
        ax.set_axis_off()
        self.band = Rectangle(
            (-0.5, -0.5),
            1.0,
            self.n,
            facecolor=blend(theme.highlight, theme.background, 0.22),
            edgecolor="none",
            zorder=0,
            visible=False,
        )
        ax.add_patch(self.band)
        end = self.window - 0.5 + (0.3 if self.windowed else 0)
        for q in range(self.n):
            ax.plot([start, end], [q, q], color=theme.muted, lw=1.0, zorder=1)
            ax.text(
                left,
                q,
                texts[q],
                ha="right",
                va="center",
                fontsize=self.font,
                color=theme.text,
            )
        self.before = ax.text(
            start,
            -0.62,
            "",
            ha="left",
            va="center",
            fontsize=max(MIN_TEXT_PT, self.font * 0.8),
            color=theme.muted,
        )
        self.after = ax.text(
            end,
            -0.62,
            "",
            ha="right",
            va="center",
            fontsize=max(MIN_TEXT_PT, self.font * 0.8),
            color=theme.muted,
        )
        self.slots = [self._make_slot(x) for x in range(self.window)]
        self.start = -1

    # -- artists of one column, made once -------------------------------------------

    def _make_slot(self, x: int) -> dict[str, Any]:
        theme, ax = self.theme, self.ax
        dot = _DOT_PX * 72 / ax.figure.dpi
        slot: dict[str, Any] = {}
        (slot["link"],) = ax.plot([x, x], [0, 0], color=theme.text, lw=1.4, zorder=2)
        slot["box"] = Rectangle(
            (x - _BOX / 2, -_BOX / 2),
            _BOX,
            _BOX,
            facecolor=theme.panel,
            edgecolor=theme.text,
            lw=1.2,
            zorder=3,
        )
        ax.add_patch(slot["box"])
        slot["text"] = ax.text(
            x, 0, "", ha="center", va="center", fontsize=self.font, color=theme.text, zorder=4
        )
        slot["caption"] = ax.text(
            x,
            0,
            "",
            ha="center",
            va="top",
            fontsize=max(MIN_TEXT_PT, self.font * 0.72),
            color=theme.muted,
            zorder=4,
        )
        (slot["dots"],) = ax.plot([], [], "o", ms=dot, color=theme.text, zorder=4)
        (slot["target"],) = ax.plot(
            [],
            [],
            "o",
            ms=dot * 3.0,
            markerfacecolor=theme.background,
            markeredgecolor=theme.text,
            mew=1.4,
            zorder=4,
        )
        (slot["plus"],) = ax.plot([], [], "+", ms=dot * 3.0, color=theme.text, mew=1.4, zorder=5)
        (slot["cross"],) = ax.plot([], [], "x", ms=dot * 1.8, color=theme.text, mew=1.8, zorder=4)
        slot["arc"] = Arc(
            (x, 0.12),
            _BOX * 0.7,
            _BOX * 0.7,
            theta1=180,
            theta2=360,
            color=theme.text,
            lw=1.1,
            zorder=5,
        )
        ax.add_patch(slot["arc"])
        (slot["needle"],) = ax.plot([], [], color=theme.text, lw=1.1, zorder=5)
        return slot

    # -- updating --------------------------------------------------------------------

    def update(self, current: int | tuple[int, int] | None) -> None:
        """Light operation ``current`` (0-based); earlier ones solid, later ones faded.

        ``current`` may be a ``(first, last)`` pair to light several adjacent
        operations that one step applies together. ``None`` or ``-1`` lights
        nothing (before the circuit runs); ``len(operations)`` or more shows
        every operation as done.
        """
        total = len(self.ops)
        if current is None:
            first = last = -1
        elif isinstance(current, tuple):
            first, last = (int(c) for c in current)
        else:
            first = last = int(current)
        start = 0
        if self.windowed:
            start = int(np.clip(last - self.window // 2, 0, total - self.window))
        if start != self.start:
            for x, slot in enumerate(self.slots):
                self._draw_op(slot, x, self.ops[start + x])
            self.start = start
            self.before.set_text(f"◀ {start} earlier" if start else "")
            later = total - start - self.window
            self.after.set_text(f"{later} more ▶" if later > 0 else "")
        for x, slot in enumerate(self.slots):
            index = start + x
            lit = first <= index <= last and index >= 0
            state = "current" if lit else "done" if index < first else "future"
            self._style(slot, state)
        lo, hi = max(first, start), min(last, start + self.window - 1)
        shown = last >= 0 and first < total and lo <= hi
        self.band.set_visible(shown)
        if shown:
            self.band.set_x(lo - start - 0.5)
            self.band.set_width(hi - lo + 1)

    def _draw_op(self, slot: dict[str, Any], x: int, op: Operation) -> None:
        name = str(op["gate"])
        qubits = [int(q) for q in op["qubits"]]
        low, high = min(qubits), max(qubits)
        for key in ("dots", "target", "plus", "cross", "needle"):
            slot[key].set_data([], [])
        slot["arc"].set_visible(False)
        slot["box"].set_visible(False)
        slot["text"].set_text("")
        slot["caption"].set_text(op.get("caption", ""))
        slot["link"].set_data([x, x], [low, high])
        slot["link"].set_visible(len(qubits) > 1)
        kind = CONTROLLED.get(name)
        if kind is not None and len(qubits) == 2:
            control, target = qubits
            if kind == "target":
                slot["dots"].set_data([x], [control])
                slot["target"].set_data([x], [target])
                slot["plus"].set_data([x], [target])
            else:
                slot["dots"].set_data([x, x], qubits)
            slot["caption"].set_position((x, high + 0.32))
            return
        if name in SWAPS and len(qubits) == 2:
            slot["cross"].set_data([x, x], qubits)
            slot["caption"].set_position((x, high + 0.32))
            return
        box = slot["box"]
        box.set_visible(True)
        box.set_y(low - _BOX / 2)
        box.set_height(high - low + _BOX)
        middle = (low + high) / 2
        if name in MEASURE:
            slot["arc"].set_center((x, middle + 0.12))
            slot["arc"].set_visible(True)
            slot["needle"].set_data([x, x + 0.2], [middle + 0.12, middle - 0.2])
        else:
            slot["text"].set_text(str(op.get("label", name)))
            slot["text"].set_position((x, middle))
        slot["caption"].set_position((x, high + _BOX / 2 + 0.02))

    def _style(self, slot: dict[str, Any], state: str) -> None:
        theme = self.theme
        measure = slot["arc"].get_visible()
        ink = {
            "current": theme.highlight,
            "done": theme.done if measure else theme.text,
            "future": theme.muted,
        }[state]
        alpha = 0.55 if state == "future" else 1.0
        width = 2.4 if state == "current" else 1.2
        box = slot["box"]
        box.set_edgecolor(ink)
        box.set_linewidth(width)
        box.set_alpha(alpha)
        box.set_facecolor(
            blend(theme.highlight, theme.background, 0.35) if state == "current" else theme.panel
        )
        slot["text"].set_color(theme.text if state != "future" else theme.muted)
        slot["text"].set_fontweight("bold" if state == "current" else "normal")
        for key in ("link", "dots", "plus", "cross", "needle"):
            slot[key].set_color(ink)
            slot[key].set_alpha(alpha)
        slot["target"].set_markeredgecolor(ink)
        slot["target"].set_alpha(alpha)
        slot["arc"].set_edgecolor(ink)
        slot["arc"].set_alpha(alpha)
        slot["caption"].set_color(theme.text if state == "current" else theme.muted)
