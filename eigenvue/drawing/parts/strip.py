"""The contents of a queue, a stack or a priority queue: a strip of labelled boxes.

A fixed pool of boxes (patches) and texts is made once; a step rewrites their
text, colours and visibility. A container longer than the strip shows its
first items, a "… +n more" box and its last item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.patches import FancyBboxPatch

from eigenvue.drawing.parts._common import MarksLegend, axes_px, text_on
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

StripKind = Literal["queue", "stack", "priority"]

CAPTIONS = {
    "queue": "queue: front → back",
    "stack": "stack: top ↓",
    "priority": "priority queue (min first)",
}

_CAPTION_PX = 22.0
_MAX_BOX_PX = 64.0

Item = tuple[Any, Any] | str


def _split(item: Any) -> tuple[str, Any]:
    if isinstance(item, tuple):
        label, key = (*item, None)[:2]
        return str(label), key
    return str(item), None


def _key_text(key: Any, prefix: str) -> str:
    if key is None:
        return ""
    if isinstance(key, (int, float, np.integer, np.floating)) and not isinstance(key, bool):
        value = float(key)
        return prefix + ("∞" if value == np.inf else number(value, 3))
    return prefix + str(key)


class StripPart:
    """A queue, stack or priority queue as a row (or, for a stack, a column) of boxes.

    Item ``0`` is the front of a queue, the first out of a priority queue
    (give the items in that order) and the **bottom** of a stack (the order of
    a Python list used as a stack), which is drawn at the bottom of the
    column with the top item above it. Each item may carry a key (a
    priority, a distance) written under its box (beside it in a stack).
    Marks: ``highlight`` items take the highlight colour (the one being
    taken or looked at), ``added`` items a tint of the update colour with an
    update-coloured outline; ``removed`` shows the item that just left,
    struck through, outside the strip's open end.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw; the part owns it.
    theme : eigenvue.drawing.Theme
        The colours.
    kind : {"queue", "stack", "priority"}
        Which container: sets the caption and the direction.
    capacity : int, default 10
        Boxes drawn; a longer container shows its first ``capacity − 2``
        items, a "… +n more" box and its last item.
    caption : str, optional
        Replaces the default caption ("queue: front → back", …).
    key_prefix : str, default ""
        Written before each key (``"d="``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(8, 2), dpi=100)
    >>> part = StripPart(fig.add_axes((0, 0, 1, 1)), get_theme("light"), kind="priority",
    ...                  key_prefix="d=")
    >>> part.update([("B", 2.0), ("E", 5.0), ("D", 7.5)], highlight=(0,), added=(2,),
    ...             removed=("A", 0.0))
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        *,
        kind: StripKind = "queue",
        capacity: int = 10,
        caption: str | None = None,
        key_prefix: str = "",
    ) -> None:
        if kind not in CAPTIONS:
            raise ValueError(f"kind must be one of {', '.join(CAPTIONS)}, got {kind!r}")
        if capacity < 3:
            raise ValueError(f"a strip needs room for at least 3 boxes, got {capacity}")
        self.ax, self.theme, self.kind = ax, theme, kind
        self.capacity = int(capacity)
        self.key_prefix = key_prefix
        self.vertical = kind == "stack"
        width, height = axes_px(ax)
        ax.set_axis_off()
        ax.set_xlim(0, width)
        ax.set_ylim(0, height)
        self._width, self._height = width, height
        self._caption = ax.text(
            2,
            height - _CAPTION_PX / 2,
            caption or CAPTIONS[kind],
            ha="left",
            va="center",
            fontsize=10,
            color=theme.text,
        )
        self._legend = MarksLegend(
            ax,
            theme,
            [
                ("highlight", "■", theme.highlight, "taken / looked at"),
                ("added", "■", theme.update, "added"),
                ("removed", "■", theme.muted, "removed"),
            ],
            y=1.0 - (_CAPTION_PX * 1.5 + 2 if self.vertical else _CAPTION_PX / 2) / height,
            fontsize=8.5,
            align="left" if self.vertical else "right",
        )
        slots = self.capacity + 1  # the extra one shows the removed item
        top_room = _CAPTION_PX + (36.0 if self.vertical else 0.0)  # a stack's legend: 2 rows
        if self.vertical:
            pitch = (height - top_room - 10.0) / slots
            box_h = min(34.0, pitch * 0.88)
            box_w = min(110.0, width * 0.5)
            x = 12.0
            # Slot 0 (bottom of the stack) at the bottom; the removed item goes above the top.
            centres = [(x + box_w / 2, 6.0 + pitch / 2 + s * pitch) for s in range(slots)]
        else:
            pitch = min(_MAX_BOX_PX / 0.86, (width - 10.0) / slots)
            box_w = pitch * 0.86
            box_h = min(44.0, box_w * 0.85, height - _CAPTION_PX - 30.0)
            y = height - _CAPTION_PX - 10.0 - box_h / 2
            # The removed item sits before the front (left); items follow.
            centres = [(6.0 + box_w / 2 + s * pitch, y) for s in range(slots)]
        self._box = (box_w, box_h)
        label_size = float(np.clip(self._box[1] * 0.32, 8.0, 12.0))
        self._centres = centres
        bw, bh = self._box
        self._boxes: list[FancyBboxPatch] = []
        self._labels: list[Text] = []
        self._keys: list[Text] = []
        for cx, cy in centres:
            box = FancyBboxPatch(
                (cx - bw / 2, cy - bh / 2),
                bw,
                bh,
                boxstyle="round,pad=0,rounding_size=4",
                linewidth=1.2,
                visible=False,
                zorder=2,
            )
            ax.add_patch(box)
            self._boxes.append(box)
            self._labels.append(
                ax.text(cx, cy, "", ha="center", va="center", fontsize=label_size, zorder=3)
            )
            key_xy = (cx + bw / 2 + 6, cy) if self.vertical else (cx, cy - bh / 2 - 4)
            self._keys.append(
                ax.text(
                    *key_xy,
                    "",
                    ha="left" if self.vertical else "center",
                    va="center" if self.vertical else "top",
                    fontsize=9,
                    color=theme.muted,
                    zorder=3,
                )
            )
        self._empty = ax.text(
            *centres[1],
            "(empty)",
            ha="center",
            va="center",
            fontsize=9.5,
            color=theme.muted,
            style="italic",
            visible=False,
        )
        self._strike = ax.plot([], [], color=theme.muted, lw=1.4, zorder=4)[0]
        tag_xy = (
            (centres[-1][0] + bw / 2 + 6, centres[-1][1] + bh * 0.4)
            if self.vertical
            else (centres[0][0], centres[0][1] + bh / 2 + 3)
        )
        self._removed_tag = ax.text(
            *tag_xy,
            "out",
            ha="left" if self.vertical else "center",
            va="bottom",
            fontsize=8.5,
            color=theme.muted,
            visible=False,
        )
        self._fills = {
            None: (to_rgba(theme.panel), to_rgba(theme.edge), 1.2),
            "highlight": (to_rgba(theme.highlight), to_rgba(theme.highlight), 2.0),
            "added": (theme.tint(theme.update), to_rgba(theme.update), 2.0),
            "overflow": ((0.0, 0.0, 0.0, 0.0), to_rgba(theme.edge), 1.0),
            "removed": ((0.0, 0.0, 0.0, 0.0), to_rgba(theme.muted), 1.0),
        }

    def _slot_for(self, n: int) -> list[int | None]:
        """Which item each visible slot shows (``None`` for the overflow box)."""
        if n <= self.capacity:
            return list(range(n))
        return [*range(self.capacity - 2), None, n - 1]

    def update(
        self,
        items: Sequence[Item],
        *,
        highlight: Iterable[int] = (),
        added: Iterable[int] = (),
        removed: Item | None = None,
        caption: str | None = None,
    ) -> None:
        """Show the container's items.

        Parameters
        ----------
        items : sequence of str or (label, key)
            The contents, front (queue), first out (priority queue) or bottom
            (stack) first. A key of ``None`` writes nothing; a float is written
            in 3 significant digits (``inf`` as ∞).
        highlight, added : iterable of int
            Indices into ``items`` to mark (negative indices count from the end).
        removed : str or (label, key), optional
            The item that just left, drawn struck through outside the open end.
        caption : str, optional
            New caption (``None`` keeps the current one).
        """
        n = len(items)
        marked = {(i % n if n else i): "highlight" for i in highlight}
        marked.update({(i % n if n else i): "added" for i in added})
        shown = self._slot_for(n)
        # Slot 0 of a row (or the last of a column) is kept for the removed item.
        item_slots = range(len(self._boxes) - 1) if self.vertical else range(1, len(self._boxes))
        for slot in item_slots:
            box, label, key = self._boxes[slot], self._labels[slot], self._keys[slot]
            k = slot if self.vertical else slot - 1
            if k >= len(shown):
                box.set_visible(False)
                label.set_text("")
                key.set_text("")
                continue
            index = shown[k]
            if index is None:
                self._style(box, label, "overflow")
                label.set_text(f"… +{n - self.capacity + 1}")
                label.set_color(self.theme.muted)
                key.set_text("")
                continue
            text, value = _split(items[index])
            self._style(box, label, marked.get(index))
            label.set_text(text)
            key.set_text(_key_text(value, self.key_prefix))
            key.set_color(self.theme.text if index in marked else self.theme.muted)
        self._empty.set_visible(n == 0)

        out = len(self._boxes) - 1 if self.vertical else 0
        box, label, key = self._boxes[out], self._labels[out], self._keys[out]
        if removed is None:
            box.set_visible(False)
            label.set_text("")
            key.set_text("")
            self._strike.set_data([], [])
            self._removed_tag.set_visible(False)
        else:
            text, value = _split(removed)
            self._style(box, label, "removed")
            box.set_linestyle("--")
            label.set_text(text)
            label.set_color(self.theme.muted)
            key.set_text(_key_text(value, self.key_prefix))
            key.set_color(self.theme.muted)
            # A stack's popped item floats just above the new top.
            cx, cy = self._centres[len(shown) if self.vertical else 0]
            bw, bh = self._box
            box.set_bounds(cx - bw / 2, cy - bh / 2, bw, bh)
            label.set_position((cx, cy))
            key.set_position((cx + bw / 2 + 6, cy) if self.vertical else (cx, cy - bh / 2 - 4))
            self._removed_tag.set_position(
                (cx + bw / 2 + 6, cy + bh * 0.4) if self.vertical else (cx, cy + bh / 2 + 3)
            )
            self._strike.set_data([cx - bw * 0.3, cx + bw * 0.3], [cy - bh * 0.25, cy + bh * 0.25])
            self._removed_tag.set_visible(True)
        if caption is not None:
            self._caption.set_text(caption)
        used = sorted(set(marked.values()), key=["highlight", "added"].index)
        self._legend.show([*used, *(["removed"] if removed is not None else [])])

    def _style(self, box: FancyBboxPatch, label: Text, kind: str | None) -> None:
        face, edge, width = self._fills[kind]
        box.set_facecolor(face)
        box.set_edgecolor(edge)
        box.set_linewidth(width)
        box.set_linestyle("--" if kind == "overflow" else "-")
        box.set_visible(True)
        label.set_color(text_on(face, self.theme) if face[3] else self.theme.text)
        label.set_fontweight("bold" if kind == "highlight" else "normal")
