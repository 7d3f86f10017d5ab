"""Pictures shared by the searches and sorts: the array with its marks, the counters, the cost chart.

:class:`ArrayDiagram` draws a step's array with the drawing kit's
:class:`~eigenvue.drawing.parts.ArrayPart` and, under it, the operation
counters of the step, the one that just grew in its meaning's colour. A
plugin's ``frames.py`` subclasses it and says, per step, which items are
compared, swapped, done… (:meth:`ArrayDiagram.marks`). :func:`draw_cost`
draws the counts :mod:`.sorting_cost` measured against growth laws.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import numpy as np
from matplotlib.figure import Figure

import eigenvue.drawing
from eigenvue.drawing.parts import ArrayPart, CurvePart

from .sorting_cost import Measurement, reference_curves

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import SubFigure

    from eigenvue.drawing import Theme
    from eigenvue.step import Step, Trace

#: The colour meaning of each counter, as the metadata's phases name meanings.
COUNTER_MEANINGS = {"comparisons": "compare", "swaps": "update", "writes": "update"}


def value_range(values: Sequence[Any]) -> tuple[float, float]:
    """The bars' scale: from 0 (or the smallest value, if negative) to the largest value."""
    numbers = [float(v) for v in values if v is not None]
    if not numbers:
        return (0.0, 1.0)
    return (min(0.0, min(numbers)), max(0.0, max(numbers)))


class Counters:
    """One line of counters (``comparisons 12   swaps 5``); a counter that grew is coloured.

    Parameters
    ----------
    fig : SubFigure
        Where to write, at ``(x, y)`` in its coordinates.
    theme : Theme
        The colours; a counter that grew at this step takes its meaning's colour.
    names : sequence of str
        The state keys to show, in order.
    """

    def __init__(
        self, fig: SubFigure, theme: Theme, names: Sequence[str], x: float = 0.02, y: float = 0.03
    ) -> None:
        self.theme, self.names = theme, list(names)
        self.texts = [
            fig.text(x + 0.24 * k, y, "", ha="left", va="bottom", fontsize=10.5)
            for k in range(len(self.names))
        ]

    def update(self, state: dict[str, Any], before: dict[str, Any] | None) -> None:
        """Write the counters of ``state``; those larger than in ``before`` stand out."""
        for name, text in zip(self.names, self.texts):
            value = int(state.get(name, 0))
            grew = before is not None and value > int(before.get(name, 0))
            text.set_text(f"{name}: {value:,}")
            meaning = COUNTER_MEANINGS.get(name, "compare")
            text.set_color(self.theme.meaning_color(meaning) if grew else self.theme.text)
            text.set_fontweight("bold" if grew else "normal")


class ArrayDiagram(eigenvue.drawing.Diagram):
    """The array of a search or sort with this step's marks, and its counters below.

    Subclasses set :attr:`counters` (state keys) and implement :meth:`marks`;
    they may add panels in the space left by :attr:`array_box`.
    """

    #: The state keys of the counters, in the order shown.
    counters: ClassVar[tuple[str, ...]] = ("comparisons", "swaps")
    #: Bars (height ∝ value) or cells (value written in a box).
    style: ClassVar[Literal["bars", "cells"]] = "bars"
    #: What the array part's legend calls items in their final place.
    done_label: ClassVar[str] = "sorted"
    #: The array's place in the diagram: (left, bottom, width, height), fractions.
    array_box: ClassVar[tuple[float, float, float, float]] = (0.01, 0.1, 0.98, 0.88)

    def __init__(self, fig: SubFigure, trace: Trace, theme: Theme) -> None:
        super().__init__(fig, trace, theme)
        values = list(trace[0].state["array"])
        self.size = max(len(values), 1)  # an empty array is drawn as one empty slot
        self.array_ax: Axes = fig.add_axes(self.array_box)
        self.array = ArrayPart(
            self.array_ax,
            theme,
            self.size,
            style=self.style,
            value_range=value_range(values),
            done_label=self.done_label,
            labels=None if values else [""],
        )
        self.counter_line = Counters(fig, theme, self.counters)

    def marks(self, step: Step) -> dict[str, Any]:
        """The :meth:`ArrayPart.update` keywords of ``step`` (compare, swap, done, …)."""
        raise NotImplementedError

    def values(self, step: Step) -> list[Any]:
        """The values drawn; an empty array is one empty slot."""
        values = list(step.state["array"])
        return values if values else [None]

    def update(self, step: Step) -> None:
        """Draw the array with the step's marks and the counters."""
        marks = self.marks(step)
        if not len(step.state["array"]):
            marks["title"] = "the array is empty"
        self.array.update(self.values(step), **marks)
        before = self.trace[step.index - 1].state if step.index > 0 else None
        self.counter_line.update(step.state, before)


def draw_cost(
    theme: Theme,
    measured: Measurement,
    operation: str,
    *,
    laws: Sequence[str] = ("n log₂ n", "n²"),
    title: str,
    kinds: dict[str, str] | None = None,
    suffix: str = " input",
) -> Figure:
    """A measured count (``operation``) against n, per input kind, with growth laws to compare.

    Parameters
    ----------
    theme : Theme
        The colours.
    measured : Measurement
        What :func:`.sorting_cost.measure` counted.
    operation : str
        ``"comparisons"``, ``"swaps"`` or ``"writes"``.
    laws : sequence of str
        Growth laws of :data:`.sorting_cost.LAWS`, each scaled to the kind it follows best.
    title : str
        The chart's caption.
    kinds : dict of str to str, optional
        Input kind → colour meaning; by default random "forward", sorted "result",
        reversed "gradient".
    suffix : str
        Added to a kind's name in the legend ("random input").
    """
    kinds = kinds or {"random": "forward", "sorted": "result", "reversed": "gradient"}
    counts = measured.counts[operation]
    sizes = measured.sizes
    # A kind that costs nothing (no swap on sorted input) has no place on a log scale: say so.
    none = [kind for kind in kinds if not np.any(counts[kind])]
    kinds = {kind: meaning for kind, meaning in kinds.items() if kind not in none}
    if none:
        title += f" ({' and '.join(none)} input: none)"
    fitted = reference_curves(sizes, {kind: counts[kind] for kind in kinds}, laws)
    references = {name: (sizes, curve) for name, curve in fitted.items()}
    # Kinds with equal counts draw one line: say so, or the one below seems missing.
    kind_list = list(kinds)
    same = [
        f"{a} = {b}"
        for k, a in enumerate(kind_list)
        for b in kind_list[k + 1 :]
        if np.array_equal(counts[a], counts[b])
    ]
    if same:
        title += f" ({', '.join(same)})"
    fig = Figure(figsize=(8.0, 4.6), dpi=100)
    ax = fig.add_axes((0.1, 0.13, 0.78, 0.76))
    every = np.concatenate([np.asarray(counts[k], dtype=float) for k in kinds])
    part = CurvePart(
        ax,
        theme,
        {f"{kind}{suffix}": meaning for kind, meaning in kinds.items()},
        x_range=(float(sizes[0]), float(sizes[-1])),
        y_values=np.maximum(every, 1.0),
        references=references,
        xlabel="array length n",
        ylabel=operation,
        title=title,
    )
    part.update({f"{kind}{suffix}": np.maximum(counts[kind], 1) for kind in kinds}, x=sizes)
    # Sizes double: a log₂ axis spaces them evenly.
    ax.set_xscale("log", base=2)
    ax.set_xlim(float(sizes[0]) / 1.2, float(sizes[-1]) * 1.2)
    ax.set_xticks(sizes, [f"{n:,}" for n in sizes])
    ax.minorticks_off()
    return fig
