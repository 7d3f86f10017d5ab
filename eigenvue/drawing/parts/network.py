"""A layered, fully connected network: neurons in columns, one line per weight.

:class:`NetworkDrawing` switches to a compact view (activations as colour
strips, weight matrices as heat maps) when a layer is too wide to draw neuron
by neuron. Backpropagation and the feedforward network both draw with it, so
the two lessons look alike.

Like every part, the drawing is built once and then updated: each ``set_*``
method changes the data, colours or text of artists made in ``__init__``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize, to_rgba, to_rgba_array
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from eigenvue.text import short_number

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.image import AxesImage
    from matplotlib.text import Text

    from eigenvue.drawing.theme import Theme

ArrayLike = Any

#: Above this many neurons in any layer, a network is drawn in the compact view.
MAX_DRAWN_NEURONS = 12
#: Columns of neurons closer than this many pixels get short captions and numbers.
NARROW_GAP_PX = 95


def default_layer_names(layer_sizes: Sequence[int]) -> list[str]:
    """``["input", "hidden 1", …, "output"]`` for a network with these layer sizes."""
    last = len(layer_sizes) - 1
    return [
        "input" if layer == 0 else "output" if layer == last else f"hidden {layer}"
        for layer in range(len(layer_sizes))
    ]


def _weight_matrices(weights: Sequence[ArrayLike], n_layers: int) -> list[np.ndarray]:
    """Weight matrices indexed by destination layer (``[0]`` an empty placeholder).

    Accepts the step format's ``[[], W[1], …, W[L-1]]`` or a plain ``[W[1], …]``.
    """
    matrices = [np.asarray(w, dtype=float) for w in weights]
    if len(matrices) == n_layers - 1:
        matrices = [np.empty((0, 0)), *matrices]
    if len(matrices) != n_layers:
        raise ValueError(f"expected {n_layers - 1} weight matrices, got {len(weights)}")
    return matrices


class NetworkDrawing:
    """A layered network on one Axes: neurons, weighted connections, per-layer emphasis.

    Layers are columns from left (input) to right (output); neuron ``i`` of a
    layer is drawn top-down. In the **graph view** every neuron is a circle
    holding its value and every weight a line whose colour is the weight's
    sign (``theme.positive`` / ``theme.negative``) and whose width grows with
    ``|w|``. When any layer has more than ``max_neurons`` neurons the drawing
    uses the **compact view** instead: each layer's values become a colour
    strip and each weight matrix a heat map, so a 1000-wide layer costs a few
    images rather than a million lines. Both views answer the same methods;
    check :attr:`compact` before drawing anything of your own next to a neuron.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        Where to draw. The drawing owns the Axes: it turns its frame off and
        sets its limits.
    layer_sizes : sequence of int
        Neurons per layer, input layer first.
    theme : eigenvue.drawing.Theme
        The colours.
    max_neurons : int, default 12
        The widest layer drawn neuron by neuron.
    layer_names : sequence of str, optional
        A caption per layer; by default "input", "hidden 1", …, "output".
    value_format, note_format : str or None
        ``str.format`` patterns of neuron values and of notes. ``None`` (the
        default) writes numbers short enough for a circle: three significant
        digits, and a short exponent for very small or large values ("5.9e-4");
        two digits when the layers stand close together (see :attr:`narrow`).
    notes : bool, default True
        Whether room is kept for a second number per neuron (a note, e.g. the
        gradient δ in backpropagation): under each neuron in the graph view,
        a second strip beside each layer in the compact view.
    legend : bool, default True
        Explain the connection colours and widths under the drawing.
    empty_text : str, default ""
        Shown in a neuron whose value is not known yet (``set_values(layer, None)``),
        e.g. ``"?"``.
    right_margin : float, default 0.45
        Free room right of the output layer in the graph view, in units of the
        distance between layers, for a plugin's own labels (targets, say).

    Attributes
    ----------
    compact : bool
        True when drawn in the compact (heat-map) view.
    narrow : bool
        True in the graph view when the layers stand so close that only short
        captions and two-digit numbers fit; a plugin should then show notes
        for one layer at a time.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from eigenvue.drawing import get_theme
    >>> theme = get_theme("light")
    >>> fig = Figure(figsize=(8, 4.5), dpi=100)
    >>> drawing = NetworkDrawing(fig.add_axes((0, 0, 1, 1)), [2, 2, 1], theme)
    >>> drawing.set_weights([[[0.5, -1.0], [1.5, 0.2]], [[1.0, -0.7]]])
    >>> drawing.set_values(0, [1.0, 0.0])
    >>> drawing.set_values(1, [0.62, 0.55])
    >>> drawing.emphasize_layer(1, theme.forward)
    """

    def __init__(
        self,
        ax: Axes,
        layer_sizes: Sequence[int],
        theme: Theme,
        *,
        max_neurons: int = MAX_DRAWN_NEURONS,
        layer_names: Sequence[str] | None = None,
        value_format: str | None = None,
        note_format: str | None = None,
        notes: bool = True,
        legend: bool = True,
        right_margin: float = 0.45,
        empty_text: str = "",
    ) -> None:
        self.ax = ax
        self.empty_text = empty_text
        self.theme = theme
        self.layer_sizes = tuple(int(n) for n in layer_sizes)
        if len(self.layer_sizes) < 2 or min(self.layer_sizes) < 1:
            raise ValueError(f"a network needs ≥ 2 layers of ≥ 1 neuron, got {layer_sizes}")
        self.n_layers = len(self.layer_sizes)
        self.compact = max(self.layer_sizes) > max_neurons
        self.value_format = value_format
        self.note_format = note_format
        self._digits = 3
        self.layer_names = list(layer_names or default_layer_names(self.layer_sizes))
        self._weight_scale: float | None = None
        self._has_notes = notes
        self.narrow = False
        ax.set_axis_off()
        if self.compact:
            self._build_compact(notes, legend)
        else:
            self._build_graph(notes, legend, right_margin)
        self.reset()

    # -- the graph view -----------------------------------------------------------

    def _build_graph(self, notes: bool, legend: bool, right_margin: float) -> None:
        theme, ax = self.theme, self.ax
        sizes = self.layer_sizes
        widest = max(sizes)
        top = (widest - 1) / 2
        # Vertical room: half a spacing above the top neuron for the layer captions,
        # and below the bottom one for its note and the legend.
        bottom_room = 0.55 + (0.35 if notes else 0) + (0.45 if legend else 0)
        ax.set_xlim(-0.45, self.n_layers - 1 + right_margin)
        ax.set_ylim(-top - bottom_room, top + 0.75)

        # Sizes in pixels follow from the Axes' size, fixed once the figure is laid out.
        width_px, height_px = ax.bbox.width, ax.bbox.height
        dpi = ax.figure.dpi
        spacing_px = height_px / (widest + bottom_room + 0.75 - 1 + 1e-9)
        gap_px = width_px / (self.n_layers - 1 + 0.45 + right_margin)
        radius_px = float(np.clip(min(0.3 * spacing_px, 0.22 * gap_px), 5.0, 27.0))
        self._radius_points = radius_px * 72.0 / dpi
        self._spacing_px = spacing_px
        self._radius_px, self._gap_px = radius_px, gap_px
        # Layers closer than this are "narrow": shorter captions and numbers, so
        # that neighbouring columns' text does not collide.
        self.narrow = gap_px < NARROW_GAP_PX
        self._digits = 2 if self.narrow else 3
        # Values sit inside the circle when it is large enough to hold them
        # ("−0.123", or "−0.12" when narrow), otherwise beside it in smaller type.
        self._values_inside = radius_px >= (13 if self.narrow else 19)
        value_size = 9.0 if radius_px >= 19 else 8.0

        self.positions: list[np.ndarray] = []
        for layer, n in enumerate(sizes):
            ys = (n - 1) / 2 - np.arange(n, dtype=float)
            self.positions.append(np.column_stack([np.full(n, float(layer)), ys]))
        xy = np.concatenate(self.positions)
        self._offsets = np.concatenate([[0], np.cumsum(sizes)])

        # Connections: one collection for all weights, layer after layer,
        # destination neuron outer and source neuron inner (the weight-matrix order).
        segments = []
        self._connection_offsets = [0, 0]
        for layer in range(1, self.n_layers):
            src, dst = self.positions[layer - 1], self.positions[layer]
            for j in range(len(dst)):
                for i in range(len(src)):
                    segments.append((src[i], dst[j]))
            self._connection_offsets.append(len(segments))
        self._connections = LineCollection(
            segments, colors=theme.edge, linewidths=1.0, capstyle="round", zorder=1
        )
        ax.add_collection(self._connections)

        # Emphasis bands behind the layer columns.
        self._bands: list[Rectangle] = []
        for layer in range(self.n_layers):
            band = Rectangle(
                (layer - 0.3, -top - 0.5 - (0.32 if notes else 0)),
                0.6,
                2 * top + 1.5 + (0.32 if notes else 0),
                facecolor=theme.highlight,
                edgecolor="none",
                alpha=0.14,
                zorder=0,
                visible=False,
            )
            ax.add_patch(band)
            self._bands.append(band)

        self._neurons = ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=(2 * self._radius_points) ** 2,
            facecolors=theme.background,
            edgecolors=theme.text,
            linewidths=1.4,
            zorder=3,
        )

        count = len(xy)
        self._faces: np.ndarray = np.tile(to_rgba(theme.background), (count, 1))
        self._edges: np.ndarray = np.tile(to_rgba(theme.text), (count, 1))
        self._widths: np.ndarray = np.full(count, 1.4)

        inside = self._values_inside
        dx = 0.0 if inside else (radius_px + 3) / gap_px
        self._value_texts: list[list[Text]] = []
        self._note_texts: list[list[Text]] = []
        for pos in self.positions:
            self._value_texts.append(
                [
                    ax.text(
                        x + dx,
                        y,
                        "",
                        ha="center" if inside else "left",
                        va="center",
                        fontsize=value_size,
                        color=theme.text,
                        zorder=4,
                    )
                    for x, y in pos
                ]
            )
            note_dy = (radius_px + 3) / spacing_px
            self._note_texts.append(
                [
                    ax.text(
                        x,
                        y - note_dy,
                        "",
                        ha="center",
                        va="top",
                        fontsize=8.5,
                        color=theme.gradient,
                        zorder=5,
                        bbox={
                            "boxstyle": "round,pad=0.15",
                            "facecolor": theme.background,
                            "edgecolor": "none",
                            "alpha": 0.85,
                        },
                    )
                    for x, y in pos
                ]
                if notes
                else []
            )

        self._captions = [
            ax.text(
                layer,
                top + 0.55,
                f"{_short(name) if self.narrow else name}\n"
                + (f"{n}" if self.narrow else f"{n} neuron{'s' if n != 1 else ''}"),
                ha="center",
                va="center",
                fontsize=9,
                color=theme.muted,
                linespacing=1.25,
            )
            for layer, (name, n) in enumerate(zip(self.layer_names, sizes))
        ]
        if legend:
            self._add_line_legend()

    def _add_line_legend(self) -> None:
        """Line samples and words under the drawing (plain artists: a Legend costs more to draw)."""
        theme, ax = self.theme, self.ax
        entries = [
            (theme.positive, 3.0, "weight > 0"),
            (theme.negative, 3.0, "weight < 0"),
            (theme.muted, 1.0, "thicker = larger |weight|"),
        ]
        x = 0.0
        for color, width, label in entries:
            ax.add_line(
                Line2D(
                    [x, x + 0.045], [0.012, 0.012], transform=ax.transAxes, color=color, lw=width
                )
            )
            ax.text(
                x + 0.06,
                0.012,
                label,
                transform=ax.transAxes,
                va="center",
                fontsize=9,
                color=theme.muted,
            )
            x += 0.06 + 0.0155 * len(label) + 0.05

    # -- the compact view ------------------------------------------------------------

    def _build_compact(self, notes: bool, legend: bool) -> None:
        theme, ax = self.theme, self.ax
        strip_w, note_gap, gap = 0.06, 0.006, 0.016
        # Every layer has a value strip; layers after the input also a note strip.
        with_note = [notes and layer > 0 for layer in range(self.n_layers)]
        strips_w = sum(strip_w + (strip_w + note_gap if n else 0) for n in with_note)
        n_matrices = self.n_layers - 1
        free = 1.0 - strips_w - 2 * n_matrices * gap
        matrix_w = max(free / n_matrices, 0.02)
        bottom, height = (0.17 if legend else 0.04), (0.66 if legend else 0.8)

        self._strips: list[AxesImage] = []
        self._note_strips: list[AxesImage | None] = []
        self._strip_axes = []
        self._matrix_images: list[AxesImage | None] = [None]
        self._matrix_axes: list[Any] = [None]
        self._cell_texts: list[list[Text]] = []
        self._captions = []
        self._matrix_captions: list[Text | None] = [None]
        self._cmap = _with_bad(theme.diverging, theme.panel)

        def image(axes: Axes, shape: tuple[int, int], interpolation: str) -> AxesImage:
            shown = axes.imshow(
                np.full(shape, np.nan),
                cmap=self._cmap,
                norm=Normalize(-1, 1),
                aspect="auto",
                interpolation=interpolation,
            )
            _plain_frame(axes, theme)
            return shown

        x = 0.0
        for layer, n in enumerate(self.layer_sizes):
            if layer > 0:
                mat_ax = ax.inset_axes((x, bottom, matrix_w, height))
                shape = (n, self.layer_sizes[layer - 1])
                self._matrix_images.append(image(mat_ax, shape, "antialiased"))
                self._matrix_axes.append(mat_ax)
                self._matrix_captions.append(
                    mat_ax.set_title(
                        f"W[{layer}]\n{shape[0]:,}×{shape[1]:,}",
                        fontsize=9,
                        color=theme.muted,
                        linespacing=1.15,
                        y=1.0,
                    )
                )
                x += matrix_w + gap
            strip_ax = ax.inset_axes((x, bottom, strip_w, height))
            self._strips.append(image(strip_ax, (n, 1), "nearest"))
            self._strip_axes.append(strip_ax)
            strip_ax.set_title(
                "a" if with_note[layer] else "", fontsize=9, color=theme.muted, y=1.0
            )
            self._cell_texts.append(
                [
                    strip_ax.text(0, i, "", ha="center", va="center", fontsize=8)
                    for i in range(n if n <= MAX_DRAWN_NEURONS else 0)
                ]
            )
            pair_w = strip_w + (strip_w + note_gap if with_note[layer] else 0)
            self._captions.append(
                strip_ax.text(
                    pair_w / strip_w / 2,
                    -0.02,
                    f"{self.layer_names[layer]}\n{n:,}",
                    transform=strip_ax.transAxes,
                    ha="center",
                    va="top",
                    fontsize=9,
                    color=theme.muted,
                    linespacing=1.2,
                )
            )
            x += strip_w
            if with_note[layer]:
                note_ax = ax.inset_axes((x + note_gap, bottom, strip_w, height))
                self._note_strips.append(image(note_ax, (n, 1), "nearest"))
                note_ax.set_title("δ", fontsize=9, color=theme.gradient, y=1.0)
                x += strip_w + note_gap
            else:
                self._note_strips.append(None)
            x += gap
        if legend:
            self._add_colour_legend(bottom)

    def _add_colour_legend(self, bottom: float) -> None:
        theme = self.theme
        cbar_ax = self.ax.inset_axes((0.3, 0.02, 0.4, 0.035))
        gradient = np.linspace(-1, 1, 256)[None, :]
        cbar_ax.imshow(gradient, cmap=theme.diverging, aspect="auto", extent=(-1, 1, 0, 1))
        cbar_ax.set_yticks([])
        cbar_ax.set_xticks([-1, 0, 1], ["negative", "0", "positive"], fontsize=8.5)
        cbar_ax.tick_params(colors=theme.muted, length=2, pad=2)
        for spine in cbar_ax.spines.values():
            spine.set_visible(False)
        self.ax.text(
            0.5,
            0.065,
            "colour = value (each picture scaled to its largest |value|)",
            transform=self.ax.transAxes,
            ha="center",
            va="bottom",
            fontsize=8.5,
            color=theme.muted,
        )

    # -- queries -------------------------------------------------------------------------

    def neuron_position(self, layer: int, index: int) -> tuple[float, float]:
        """Data coordinates of a neuron's centre (graph view only).

        Raises
        ------
        RuntimeError
            In the compact view, where neurons are not drawn one by one.
        """
        if self.compact:
            raise RuntimeError("neurons have no position in the compact view")
        x, y = self.positions[layer][index]
        return float(x), float(y)

    def beside(self, layer: int, index: int, pad_px: float = 5.0) -> tuple[float, float]:
        """Data coordinates just right of a neuron's circle, for a label (graph view only)."""
        x, y = self.neuron_position(layer, index)
        return x + (self._radius_px + pad_px) / self._gap_px, y

    # -- updates ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Blank every value and note and remove all emphasis (weights stay)."""
        for layer in range(self.n_layers):
            self.set_values(layer, None)
            if self._has_notes:
                self.set_notes(layer, None)
            self.set_neuron_style(layer)
        self.emphasize_layer(None)
        self.emphasize_connections(None)

    def set_values(
        self,
        layer: int,
        values: ArrayLike | None,
        *,
        color: str | None = None,
        scale: float | None = None,
    ) -> None:
        """Show one number per neuron of ``layer`` (``None`` blanks them).

        Parameters
        ----------
        layer : int
            Which layer.
        values : array-like of shape (n,), or None
            The numbers, e.g. activations; ``None`` for "not computed yet".
        color : str, optional
            Colour of the numbers' text (graph view); the theme's text colour by default.
        scale : float, optional
            Compact view: the |value| mapped to the ends of the colour map;
            by default the largest |value| of ``values``.
        """
        theme = self.theme
        if self.compact:
            data = self._column(layer, values)
            self._strips[layer].set_data(data)
            self._strips[layer].set_norm(_symmetric(data, scale))
            norm = self._strips[layer].norm
            for text, value in zip(self._cell_texts[layer], data[:, 0]):
                if np.isnan(value):
                    text.set_text("")
                    continue
                text.set_text(self._format(None, value, 2))  # a strip is narrow
                r, g, b, _ = self._cmap(norm(value))
                text.set_color("black" if 0.299 * r + 0.587 * g + 0.114 * b > 0.5 else "white")
            return
        texts = self._value_texts[layer]
        if values is None:
            for text in texts:
                text.set_text(self.empty_text)
                text.set_color(theme.muted)
            return
        flat = np.asarray(values, dtype=float).ravel()
        for text, value in zip(texts, flat):
            text.set_text(self._format(self.value_format, value, self._digits))
            text.set_color(color or theme.text)

    def set_notes(
        self,
        layer: int,
        values: ArrayLike | None,
        *,
        color: str | None = None,
        prefix: str = "",
        scale: float | None = None,
    ) -> None:
        """Show a second number per neuron of ``layer`` (``None`` hides them).

        Parameters
        ----------
        layer : int
            Which layer.
        values : array-like of shape (n,), or None
            The numbers, e.g. the gradients δ.
        color : str, optional
            Text colour (graph view); ``theme.gradient`` by default.
        prefix : str
            Written before each number in the graph view (``"δ "``).
        scale : float, optional
            Compact view: the |value| at the ends of the colour map.
        """
        if not self._has_notes:
            raise RuntimeError("this drawing was made with notes=False")
        if self.compact:
            data = self._column(layer, values)
            note = self._note_strips[layer]
            if note is None:
                return  # the input layer has no note strip
            note.set_data(data)
            note.set_norm(_symmetric(data, scale))
            return
        texts = self._note_texts[layer]
        if values is None:
            for text in texts:
                text.set_visible(False)
            return
        flat = np.asarray(values, dtype=float).ravel()
        for text, value in zip(texts, flat):
            text.set_text(prefix + self._format(self.note_format, value, self._digits, sign=True))
            text.set_color(color or self.theme.gradient)
            text.set_visible(True)

    def set_neuron_style(
        self,
        layer: int,
        *,
        face: str | Sequence[Any] | None = None,
        edge: str | None = None,
        width: float = 1.4,
    ) -> None:
        """Fill and outline the neurons of ``layer`` (graph view; ignored when compact).

        ``face`` is one colour or one per neuron; ``None`` restores the theme's
        background fill and text-coloured outline.
        """
        if self.compact:
            return
        start, stop = self._offsets[layer], self._offsets[layer + 1]
        self._faces[start:stop] = to_rgba_array(face if face is not None else self.theme.background)
        self._edges[start:stop] = to_rgba(edge or self.theme.text)
        self._widths[start:stop] = width
        # Per-neuron arrays are what these setters take at run time; matplotlib's stubs
        # list only colour specs, floats and sequences of them, not numpy arrays.
        self._neurons.set_facecolor(self._faces)  # type: ignore[arg-type]
        self._neurons.set_edgecolor(self._edges)  # type: ignore[arg-type]
        self._neurons.set_linewidth(self._widths)  # type: ignore[arg-type]

    def set_weight_scale(self, scale: float | None) -> None:
        """Fix the |weight| drawn thickest (graph) or at the colour map's ends (compact).

        Keep one scale for a whole trace so that a change of width or colour
        between steps means a change of weight. ``None`` rescales at each
        :meth:`set_weights` to the largest |weight| given.
        """
        self._weight_scale = None if scale is None else float(scale) or 1.0

    def set_weights(self, weights: Sequence[ArrayLike]) -> None:
        """Colour each connection by its weight's sign and size it by ``|w|``.

        Parameters
        ----------
        weights : sequence of array-like
            ``weights[l]`` of shape ``(n_l, n_{l-1})`` for each layer ``l ≥ 1``,
            optionally preceded by an empty placeholder for the input layer (the
            step format's ``[[], W[1], …]``).
        """
        matrices = _weight_matrices(weights, self.n_layers)
        scale = self._weight_scale
        if scale is None:
            scale = max((float(np.max(np.abs(m))) for m in matrices[1:] if m.size), default=1.0)
            scale = scale or 1.0
        if self.compact:
            for layer in range(1, self.n_layers):
                image = self._matrix_images[layer]
                assert image is not None
                image.set_data(matrices[layer])
                image.set_norm(Normalize(-scale, scale))
            return
        flat = np.concatenate([m.ravel() for m in matrices[1:]])
        self._weights_flat = flat
        magnitude = np.clip(np.abs(flat) / scale, 0.0, 1.0)
        self._base_widths: np.ndarray = 0.4 + 5.0 * magnitude
        self._base_colors: np.ndarray = np.where(
            (flat >= 0)[:, None],
            np.array(to_rgba(self.theme.positive)),
            np.array(to_rgba(self.theme.negative)),
        )
        self._apply_connection_style()

    def emphasize_layer(self, layer: int | None, color: str | None = None) -> None:
        """Mark ``layer`` as the one the step is about (``None``: no layer).

        Graph view: a tinted band behind the column and a coloured caption.
        Compact view: a coloured frame around the layer's strip.
        """
        color = color or self.theme.highlight
        for index, caption in enumerate(self._captions):
            on = index == layer
            caption.set_color(color if on else self.theme.muted)
            caption.set_fontweight("bold" if on else "normal")
        if self.compact:
            for index, strip_ax in enumerate(self._strip_axes):
                _frame_colour(
                    strip_ax, color if index == layer else self.theme.edge, index == layer
                )
            return
        for index, band in enumerate(self._bands):
            band.set_visible(index == layer)
            band.set_facecolor(color)

    def emphasize_connections(
        self, layer: int | None, color: str | None = None, *, recolor: bool = False
    ) -> None:
        """Bring the connections into ``layer`` forward and fade the others.

        Parameters
        ----------
        layer : int or None
            The destination layer of the connections (``None``: all drawn alike).
        color : str, optional
            The emphasis colour: of the weight matrix's frame and caption in the
            compact view. In the graph view the lines keep their sign colours…
        recolor : bool, default False
            … unless this is true: then the emphasised lines are drawn in
            ``color`` (which hides their signs).
        """
        self._emphasis = (layer, color if recolor else None)
        if self.compact:
            for index in range(1, self.n_layers):
                on = layer is None or index == layer
                image = self._matrix_images[index]
                assert image is not None
                image.set_alpha(1.0 if on else 0.45)
                chosen = index == layer
                target = (color or self.theme.highlight) if chosen else self.theme.edge
                _frame_colour(self._matrix_axes[index], target, chosen)
                caption = self._matrix_captions[index]
                assert caption is not None
                caption.set_color(target if chosen else self.theme.muted)
                caption.set_fontweight("bold" if chosen else "normal")
            return
        if hasattr(self, "_base_colors"):
            self._apply_connection_style()

    def _apply_connection_style(self) -> None:
        layer, color = getattr(self, "_emphasis", (None, None))
        colors: np.ndarray = self._base_colors.copy()
        widths: np.ndarray = self._base_widths.copy()
        if layer is not None:
            start, stop = (
                self._connection_offsets[layer],
                self._connection_offsets[layer + 1],
            )
            faded = np.ones(len(colors), dtype=bool)
            faded[start:stop] = False
            colors[faded, 3] = 0.22
            if color is not None:
                colors[start:stop] = to_rgba(color)
                widths[start:stop] = np.maximum(widths[start:stop], 1.2)
        # Arrays, as in set_neuron_style: accepted at run time, missing from the stubs.
        self._connections.set_colors(colors)  # type: ignore[arg-type]
        self._connections.set_linewidth(widths)  # type: ignore[arg-type]

    # -- helpers ---------------------------------------------------------------------------

    def _column(self, layer: int, values: ArrayLike | None) -> np.ndarray:
        n = self.layer_sizes[layer]
        if values is None:
            return np.full((n, 1), np.nan)
        return np.asarray(values, dtype=float).reshape(n, 1)

    @staticmethod
    def _format(pattern: str | None, value: float, digits: int = 3, sign: bool = False) -> str:
        text = pattern.format(value) if pattern is not None else short_number(value, digits, sign)
        # A typographic minus reads better than a hyphen next to digits.
        return text.replace("-", "−")


def _short(name: str) -> str:
    """A caption for a narrow column: "hidden 3" → "h3", "input" → "in", "output" → "out"."""
    words = {"input": "in", "output": "out"}
    if name in words:
        return words[name]
    if name.startswith("hidden "):
        return "h" + name.removeprefix("hidden ")
    return name


def _symmetric(data: np.ndarray, scale: float | None) -> Normalize:
    if scale is None:
        finite = data[np.isfinite(data)]
        scale = float(np.max(np.abs(finite))) if finite.size else 1.0
    scale = scale or 1.0
    return Normalize(-scale, scale)


def _with_bad(cmap_name: str, bad: str) -> Any:
    from matplotlib import colormaps

    return colormaps[cmap_name].with_extremes(bad=bad)


def _plain_frame(ax: Axes, theme: Theme) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(theme.edge)
        spine.set_linewidth(0.8)


def _frame_colour(ax: Axes, color: str, strong: bool) -> None:
    for spine in ax.spines.values():
        spine.set_color(color)
        spine.set_linewidth(2.5 if strong else 0.8)
