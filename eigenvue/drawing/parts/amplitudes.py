"""A register's amplitudes: a probability bar per basis state, coloured by its phase.

Each bar's height is the probability |a|² of its basis state and its colour
the phase arg a on a cyclic colour map (a legend strip maps colour to phase,
0 to 2π), so a sign flip or a phase gate is visible although no probability
moves. Marked (target) states get a star and an outline; sampled measurement
counts, when given, are drawn as outlined bars beside the exact ones. Above
``compact_above`` states the **compact view** draws the ``top`` most likely
states as bars (labelled by their kets) and every state as one heat strip
underneath.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.colors import Colormap, LinearSegmentedColormap, Normalize, to_rgba
from matplotlib.patches import Rectangle

from eigenvue.drawing.parts._common import axes_px
from eigenvue.text import number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.image import AxesImage
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

#: Above this many basis states the register is drawn in the compact view.
COMPACT_ABOVE = 32
#: Bars shown in the compact view (the most likely states).
TOP = 16
#: A probability below this draws no phase colour (the phase of ~0 means nothing).
NEGLIGIBLE = 1e-9


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 0.5, 0.2, 0.1, 0.05, … that is at least ``value`` (at most 1)."""
    top = 1.0
    for _ in range(12):
        for factor in (0.5, 0.4, 0.5):  # 1 → 0.5 → 0.2 → 0.1 → 0.05 …
            if top * factor < value:
                return top
            top *= factor
    return top


def phase_cmap(theme: Theme) -> Colormap:
    """The cyclic colour map of the phase, from Okabe–Ito hues of the theme.

    A real positive amplitude (phase 0) has the theme's positive colour and a
    real negative one (phase π) its negative colour, as signed values have
    everywhere else; i (π/2) is bluish green and −i (3π/2) reddish purple.
    The map returns to its start at 2π.
    """
    stops = [theme.positive, theme.done, theme.negative, theme.gradient, theme.positive]
    return LinearSegmentedColormap.from_list(
        f"phase-{theme.name}", list(zip(np.linspace(0, 1, len(stops)), stops)), N=360
    )


def phase_colors(amplitudes: np.ndarray, cmap: Colormap, empty: str) -> np.ndarray:
    """RGBA per amplitude: its phase on ``cmap``, ``empty`` where it is ~0."""
    phase = np.mod(np.angle(amplitudes), 2 * np.pi)
    rgba = cmap(phase / (2 * np.pi))
    rgba[np.abs(amplitudes) ** 2 < NEGLIGIBLE] = to_rgba(empty)
    return rgba


class AmplitudesPart:
    """Probability bars of a state vector with the phase as colour.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw the bars; the part owns it.
    theme : eigenvue.drawing.Theme
        The colours (outlines, text; the phase map is the same in both themes).
    labels : sequence of str
        The basis states' kets, one per amplitude (``"|00⟩"``, …); fixes the size.
    legend_ax : matplotlib.axes.Axes, optional
        A small Axes for the phase legend strip; without one, an inset at the
        top right of ``ax`` is used.
    compact_above : int, default 32
        The largest register drawn bar by bar; above it, the compact view.
    top : int, default 16
        Bars in the compact view.
    ymax : float, default 1.0
        The top of the probability axis (fixed, so bars do not jump).
    title : str, optional
        A caption at the top left.

    Attributes
    ----------
    compact : bool
        True when drawn in the compact view.

    Examples
    --------
    >>> import numpy as np
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> fig = Figure(figsize=(6, 3.5), dpi=100)
    >>> part = AmplitudesPart(fig.add_subplot(), get_theme("light"),
    ...                       ["|00⟩", "|01⟩", "|10⟩", "|11⟩"], title="amplitudes")
    >>> h = 0.5 ** 0.5
    >>> part.update(np.array([h, 0, 0, -h]), targets=[3], counts=[480, 0, 0, 520])
    """

    def __init__(
        self,
        ax: Axes,
        theme: Theme,
        labels: Sequence[str],
        *,
        legend_ax: Axes | None = None,
        compact_above: int = COMPACT_ABOVE,
        top: int = TOP,
        ymax: float = 1.0,
        title: str | None = None,
    ) -> None:
        self.ax, self.theme = ax, theme
        self.cmap = phase_cmap(theme)
        self.labels = list(labels)
        self.size = len(self.labels)
        self.compact = self.size > compact_above
        self.slots = min(top, self.size) if self.compact else self.size
        k = self.slots
        x = np.arange(k, dtype=float)
        ax.set_xlim(-0.6, k - 0.4)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        self.strip: AxesImage | None = None
        self.strip_caption: Text | None = None
        self._scale = 0.0
        self._set_scale(ymax)
        ax.tick_params(axis="x", length=0)
        ax.set_ylabel("probability", fontsize=9, color=theme.muted)
        width = self._width = 0.38
        self.bars = [
            Rectangle((xi - width, 0), width, 0, edgecolor=theme.edge, lw=0.6, zorder=3) for xi in x
        ]
        self.sampled = [
            Rectangle(
                (xi, 0),
                width,
                0,
                facecolor="none",
                edgecolor=theme.text,
                lw=1.1,
                hatch="////",
                zorder=3,
            )
            for xi in x
        ]
        for patch in (*self.bars, *self.sampled):
            ax.add_patch(patch)
        self.values = [
            ax.text(xi, 0, "", ha="center", va="bottom", fontsize=8, color=theme.text, zorder=5)
            for xi in x
        ]
        self.stars = ax.scatter(
            [],
            [],
            marker="*",
            s=90,
            color=theme.highlight,
            edgecolors=theme.text,
            linewidths=0.5,
            zorder=6,
        )
        # The kets under the bars are texts of the part's own (made once, renamed in place
        # by the compact view), not tick labels that the axis would make anew.
        ax.set_xticks([])
        self._rotation = self._label_rotation()
        self.kets = [
            ax.text(
                xi,
                -0.015,
                self.labels[int(xi)],
                transform=ax.get_xaxis_transform(),
                ha="center",
                va="top",
                fontsize=8 if k <= 16 else 7,
                rotation=self._rotation,
                color=theme.text,
            )
            for xi in x
        ]
        self.title = ax.text(
            0.0,
            1.0,
            title or "",
            transform=ax.transAxes,
            ha="left",
            va="bottom",
            fontsize=9.5,
            color=theme.text,
        )
        # Inside the top right corner, under the phase legend: bars stop below it.
        self.note = ax.text(
            1.0,
            0.995,
            "",
            transform=ax.transAxes,
            ha="right",
            va="top",
            fontsize=8.5,
            color=theme.muted,
        )
        if self.compact:
            # Every basis state as a thin column, in index order, above the bars.
            self.strip = ax.imshow(
                np.zeros((1, self.size)),
                cmap=theme.sequential,
                norm=Normalize(0, 1),
                aspect="auto",
                interpolation="nearest",
                zorder=2,
            )
            self.strip_caption = ax.text(
                -0.6,
                0,
                f"all {self.size:,} states in index order (bright: likely); "
                f"bars: the {self.slots} likeliest",
                ha="left",
                va="bottom",
                fontsize=8,
                color=theme.muted,
            )
            self._scale = 0.0
            self._set_scale(ymax)
        self._build_legend(legend_ax)

    def _set_scale(self, ymax: float) -> None:
        """Put the probability axis' top at ``ymax`` (the compact view's strip moves with it)."""
        if ymax == self._scale:
            return
        self._scale = ymax
        ax = self.ax
        # The compact view's heat strip of every state sits above the bars.
        ax.set_ylim(0.0, ymax * (1.5 if self.compact else 1.28))
        ax.set_yticks([0, ymax / 2, ymax])
        ax.set_yticklabels([number(0), number(ymax / 2, 2), number(ymax, 2)], fontsize=8)
        ax.spines["left"].set_bounds(0, ymax)
        if self.strip is not None and self.strip_caption is not None:
            self.strip.set_extent((-0.6, self.slots - 0.4, ymax * 1.22, ymax * 1.36))
            self.strip_caption.set_y(ymax * 1.37)

    def _label_rotation(self) -> float:
        width_px, _ = axes_px(self.ax)
        longest = max(len(label) for label in self.labels)
        return 0.0 if width_px / self.slots > 7.2 * longest else 90.0

    def _build_legend(self, legend_ax: Axes | None) -> None:
        ax = legend_ax
        if ax is None:
            # Just above the bars' Axes, level with the title, its labels on top.
            ax = self.ax.inset_axes((0.8, 1.03, 0.2, 0.045))
        ax.imshow(
            np.linspace(0, 1, 256)[None, :],
            cmap=self.cmap,
            aspect="auto",
            extent=(0, 2 * np.pi, 0, 1),
        )
        ax.set_yticks([])
        ax.set_xticks([0, np.pi / 2, np.pi, 3 * np.pi / 2, 2 * np.pi])
        ax.set_xticklabels(["0", "π/2", "π", "3π/2", "2π"], fontsize=8, color=self.theme.muted)
        ax.xaxis.tick_top()
        ax.tick_params(axis="x", length=2, pad=1)
        ax.text(
            -0.04,
            0.5,
            "phase",
            transform=ax.transAxes,
            ha="right",
            va="center",
            fontsize=8,
            color=self.theme.muted,
        )
        for spine in ax.spines.values():
            spine.set_edgecolor(self.theme.edge)
        self.legend_ax = ax

    def update(
        self,
        amplitudes: Any,
        *,
        probabilities: Any = None,
        targets: Iterable[int] = (),
        highlight: Iterable[int] = (),
        counts: Any = None,
        counts_label: str | None = None,
        note: str | None = None,
    ) -> None:
        """Show a state.

        Parameters
        ----------
        amplitudes : array of complex
            One amplitude per basis state.
        probabilities : array of float, optional
            |a|² per state, when the caller has them (else computed for the bars).
        targets : iterable of int
            Marked basis states: a star above the bar.
        highlight : iterable of int
            States this step is about (their bar outlined in the highlight colour).
        counts : array of int, optional
            Sampled measurement counts per state, drawn as hatched bars of the
            sampled frequency beside the exact probability.
        counts_label : str, optional
            What the hatched bars are (default ``"hatched: sampled (N shots)"``).
        note : str, optional
            Text at the top right (e.g. ``"success 0.945"``).
        """
        theme = self.theme
        a = np.asarray(amplitudes, dtype=complex)
        p = np.abs(a) ** 2 if probabilities is None else np.asarray(probabilities, dtype=float)
        shown = self._shown(p)
        colours = phase_colors(a[shown], self.cmap, theme.panel)
        marked = set(int(t) for t in targets)
        outlined = set(int(h) for h in highlight)
        freq = None
        if counts is not None:
            c = np.asarray(counts, dtype=float)
            freq = c / max(c.sum(), 1.0)
        if self.compact:
            # Thousands of states share the probability: a fixed axis to 1 would flatten
            # every bar, so the compact view's axis follows the likeliest state (ticks say so).
            most = max(float(p.max()), float(freq.max()) if freq is not None else 0.0)
            self._set_scale(_nice_ceiling(most))
        k = len(shown)
        star_x, star_y = [], []
        for slot, (bar, sampled, value) in enumerate(zip(self.bars, self.sampled, self.values)):
            if slot >= k:
                bar.set_visible(False)
                sampled.set_visible(False)
                value.set_text("")
                continue
            index = int(shown[slot])
            height = float(p[index])
            bar.set_visible(True)
            bar.set_x(slot - self._width)
            bar.set_width(2 * self._width if freq is None else self._width)
            bar.set_height(height)
            bar.set_facecolor(colours[slot])
            strong = index in outlined
            bar.set_edgecolor(theme.highlight if strong else theme.edge)
            bar.set_linewidth(2.2 if strong else 0.6)
            top = height
            if freq is not None:
                sampled.set_visible(True)
                sampled.set_height(float(freq[index]))
                top = max(top, float(freq[index]))
            else:
                sampled.set_visible(False)
            # Past 8 bars only the tall ones are labelled: small labels would collide.
            floor = 0.0005 if k <= 8 else 0.05 * self.ax.get_ylim()[1]
            text = number(height, 3 if k <= 8 else 2) if k <= 16 and height >= floor else ""
            value.set_text(text)
            value.set_position((slot, top))
            if index in marked:
                star_x.append(slot)
                star_y.append(top + 0.09 * self.ax.get_ylim()[1])
        self.stars.set_offsets(np.column_stack([star_x, star_y]) if star_x else np.empty((0, 2)))
        if self.compact:
            for slot, ket in enumerate(self.kets):
                ket.set_text(self.labels[int(shown[slot])] if slot < k else "")
            assert self.strip is not None
            self.strip.set_data(p[None, :])
            self.strip.set_clim(0, max(float(p.max()), NEGLIGIBLE))
        shots = ""
        if counts is not None:
            shots = counts_label or f"hatched: sampled ({int(np.sum(counts)):,} shots)"
        self.note.set_text("   ".join(t for t in (shots, note or "") if t))

    def _shown(self, p: np.ndarray) -> np.ndarray:
        """Which states get a bar: all of them, or the most likely in index order."""
        if not self.compact:
            return np.arange(self.size)
        top = np.argsort(-p, kind="stable")[: self.slots]
        return np.sort(top)
