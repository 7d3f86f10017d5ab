"""The teaching frame: one picture per step, laid out the same way for every algorithm.

A frame holds, top to bottom: the algorithm's name, the step's phase and a
step counter ("4 / 9"); the step title; a progress strip (one cell per step,
coloured by phase); the explanation; then the plugin's diagram beside the
pseudocode, whose lines for this step are highlighted. The framework draws
everything except the diagram, which the plugin draws into the subfigure it
is handed (see :class:`eigenvue.drawing.Diagram`).

The frame is built once; :meth:`TeachingFrame.show_step` changes the text,
colours and data of the existing artists (the ``FuncAnimation`` pattern), so
stepping, exporting every step and the desktop window are all cheap.

An algorithm without a frame generator still gets a frame: the text and
pseudocode, with a note in the diagram's place.
"""

from __future__ import annotations

import io
import re
import textwrap
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch, Rectangle

from eigenvue.drawing.theme import Theme, blend, get_theme

if TYPE_CHECKING:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import SubFigure
    from matplotlib.text import Text

    from eigenvue.drawing.diagram import Diagram
    from eigenvue.step import Step, Trace

ImageFormat = Literal["png", "svg"]

#: The default frame: 1200 × 700 pixels at 100 dpi.
WIDTH_PX, HEIGHT_PX, DPI = 1200, 700, 100

_MARGIN = 18  # px around the frame's content
_CODE_SHARE = 0.28  # of the width, for the pseudocode
_EXPLANATION_MAX_LINES = 4
_EXPLANATION_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)
_MONO = "DejaVu Sans Mono"
#: The smallest text the frame itself draws, in points: 8 pt is 11 px at 100 dpi, the
#: least that stays legible where the frame is shown (the docs site shows it 1:1).
MIN_TEXT_PT = 8.0


def display_pseudocode(lines: list[str]) -> list[str]:
    """Pseudocode lines as the frame prints them.

    Tabs become four spaces, and the long runs of spaces that align trailing
    comments in a wide editor shrink to two, so that the code fits a narrow
    panel. Line numbers are kept: a step's highlighted lines still point at
    the same text.
    """
    shown = []
    for line in lines:
        line = line.expandtabs(4).rstrip()
        shown.append(re.sub(r"(\S)\s{3,}(//|#)", r"\1  \2", line))
    return shown


@cache
def _char_width_px(size: float, dpi: float, family: str | None = None) -> float:
    """Average width of a character of running text, measured once per font size."""
    from matplotlib.backends.backend_agg import RendererAgg

    renderer = RendererAgg(10, 10, dpi)
    sample = (
        "Each neuron of layer 1 sums its weighted inputs plus its bias, z = W·a + b = "
        "[0.0589, 0.335], then applies the activation; the error flows back."
    )
    prop = FontProperties(family=family, size=size) if family else FontProperties(size=size)
    width, _, _ = renderer.get_text_width_height_descent(sample, prop, ismath=False)
    return width / len(sample)


class TeachingFrame:
    """The frame of a trace: build once, then :meth:`show_step` for each step.

    Parameters
    ----------
    trace : eigenvue.Trace
        The steps to show.
    theme : str or Theme, default "light"
        ``"light"``, ``"dark"`` or a :class:`~eigenvue.drawing.Theme`.
    width_px, height_px : int
        Size of the image at ``dpi`` (1200 × 700 by default).
    dpi : float, default 100
        Pixels per inch of the figure; fonts are in points, so a larger dpi
        scales the whole picture.
    figure : matplotlib.figure.Figure, optional
        Draw into this figure (a GUI window's) instead of a new off-screen one.
    reserve_bottom_px : int, default 0
        Room left empty at the bottom for controls (the desktop window's buttons).

    Attributes
    ----------
    figure : matplotlib.figure.Figure
        The figure; save it, or hand it to an animation writer.
    diagram : eigenvue.drawing.Diagram or None
        The plugin's diagram; ``None`` when the algorithm has no frame generator.
    index : int
        The step shown, ``-1`` before the first :meth:`show_step`.
    """

    def __init__(
        self,
        trace: Trace,
        theme: str | Theme = "light",
        *,
        width_px: int = WIDTH_PX,
        height_px: int = HEIGHT_PX,
        dpi: float = DPI,
        figure: Figure | None = None,
        reserve_bottom_px: int = 0,
    ) -> None:
        if len(trace) == 0:
            raise ValueError("a trace with no steps has no frames")
        self.trace = trace
        self.theme = get_theme(theme)
        self.index = -1
        self._background: Any = None  # the static parts' bitmap, once drawn (see rgba)
        with self.theme.context():
            if figure is None:
                from matplotlib.backends.backend_agg import FigureCanvasAgg

                figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi)
                FigureCanvasAgg(figure)
            else:
                figure.set_size_inches(width_px / dpi, height_px / dpi)
                figure.set_dpi(dpi)
            figure.set_facecolor(self.theme.background)
            self.figure = figure
            self._width, self._height, self._dpi = width_px, height_px, dpi
            self._build(reserve_bottom_px)

    # -- layout ------------------------------------------------------------------------

    def _build(self, reserve_bottom_px: int) -> None:
        fig = self.figure
        width, height = self._width, self._height
        self._choose_explanation_font(width - 2 * _MARGIN)
        explanation_px = int(
            self._explanation_lines * self._explanation_size * 1.45 * self._dpi / 72
        )
        top_px = 84 + explanation_px + 14
        body_px = height - top_px - reserve_bottom_px
        if body_px < 200:
            raise ValueError(f"a frame of {width}×{height} px leaves no room for the diagram")
        code_px = int(width * _CODE_SHARE)
        heights = [top_px, body_px] + ([reserve_bottom_px] if reserve_bottom_px else [])
        grid = fig.add_gridspec(
            len(heights),
            2,
            height_ratios=heights,
            width_ratios=[width - code_px, code_px],
            left=0,
            right=1,
            bottom=0,
            top=1,
            wspace=0,
            hspace=0,
        )
        self.header: SubFigure = fig.add_subfigure(grid[0, :])
        self.diagram_figure: SubFigure = fig.add_subfigure(grid[1, 0])
        self.code_figure: SubFigure = fig.add_subfigure(grid[1, 1])
        for sub in (self.header, self.diagram_figure, self.code_figure):
            sub.set_facecolor("none")
        self._build_header(top_px)
        self._build_code(code_px, body_px)
        self.diagram = self._build_diagram()

    def _px(
        self, sub: SubFigure, x_px: float, y_px_from_top: float, h_px: float
    ) -> tuple[float, float]:
        """Subfigure coordinates of a point given in pixels from its top-left corner."""
        w_px = sub.bbox.width
        return x_px / w_px, 1.0 - y_px_from_top / h_px

    def _build_header(self, top_px: int) -> None:
        theme, sub, n = self.theme, self.header, len(self.trace)
        w = self._width

        def at(x: float, y: float) -> tuple[float, float]:
            return self._px(sub, x, y, top_px)

        name = self.trace.algorithm.meta.name
        self._name_text = sub.text(
            *at(_MARGIN, 20), name, fontsize=10.5, color=theme.muted, va="center"
        )
        self._counter = sub.text(
            *at(w - _MARGIN, 22),
            f"{n} / {n}",
            fontsize=13,
            color=theme.text,
            ha="right",
            va="center",
            fontweight="bold",
        )
        self._phase = sub.text(
            *at(w - _MARGIN - 100, 22),
            "",
            fontsize=10,
            color=theme.background,
            ha="right",
            va="center",
            fontweight="bold",
            bbox={"boxstyle": "round,pad=0.35", "facecolor": theme.highlight, "edgecolor": "none"},
        )
        self._title = sub.text(
            *at(_MARGIN, 47), "", fontsize=17, fontweight="bold", color=theme.text, va="center"
        )

        # Progress: one cell per step, coloured by its phase; steps to come are faint.
        left, right = _MARGIN, w - _MARGIN
        x0, y0 = at(left, 75)
        x1, y1 = at(right, 69)
        edges = np.linspace(x0, x1, n + 1)
        gap = min(0.002, (x1 - x0) / n * 0.15)
        cells = [
            [(a, y0), (b - gap, y0), (b - gap, y1), (a, y1)] for a, b in zip(edges[:-1], edges[1:])
        ]
        self._progress_colors: np.ndarray = np.array(
            [_rgba(self._meaning_color(step)) for step in self.trace]
        )
        self._progress = PolyCollection(
            cells, transform=sub.transSubfigure, edgecolors="none", antialiased=False
        )
        sub.add_artist(self._progress)
        cy0, cy1 = at(0, 78)[1], at(0, 66)[1]
        self._cursor = Rectangle(
            (x0, cy0),
            (x1 - x0) / n - gap,
            cy1 - cy0,
            transform=sub.transSubfigure,
            facecolor="none",
            edgecolor=theme.text,
            linewidth=1.4,
        )
        self._cell_width = (x1 - x0) / n
        self._progress_x0 = x0
        sub.add_artist(self._cursor)

        self._explanation = sub.text(
            *at(_MARGIN, 88),
            "",
            fontsize=self._explanation_size,
            color=theme.text,
            va="top",
            linespacing=1.35,
        )

    def _choose_explanation_font(self, width_px: float) -> None:
        """The largest font at which every step's explanation fits the lines allowed."""
        texts = [step.explanation for step in self.trace]
        longest = max(texts, key=len)
        for size in _EXPLANATION_SIZES:
            chars = self._chars_per_line(size, width_px)
            lines = max(len(_wrap_prose(text, chars)) for text in {longest, *texts[:200]})
            if lines <= _EXPLANATION_MAX_LINES:
                break
        self._explanation_size = size
        self._explanation_chars = chars
        self._explanation_lines = max(2, min(lines, _EXPLANATION_MAX_LINES))

    def _chars_per_line(self, size: float, width_px: float) -> int:
        return max(20, int(width_px / _char_width_px(size, self._dpi) * 0.93))

    def _build_code(self, code_px: int, body_px: int) -> None:
        theme, sub = self.theme, self.code_figure
        lines = display_pseudocode(self.trace.algorithm.meta.pseudocode_lines)
        pad, right_pad, bottom_pad = 14, _MARGIN, 16
        box_w, box_h = code_px - right_pad, body_px - bottom_pad

        def at(x: float, y: float) -> tuple[float, float]:
            return self._px(sub, x, y, body_px)

        bx0, by0 = at(0, box_h)
        bx1, by1 = at(box_w, 0)
        sub.add_artist(
            FancyBboxPatch(
                (bx0, by0),
                bx1 - bx0,
                by1 - by0,
                boxstyle="round,pad=0,rounding_size=0.012",
                transform=sub.transSubfigure,
                facecolor=theme.panel,
                edgecolor="none",
            )
        )
        sub.text(*at(pad, 16), "Pseudocode", fontsize=9.5, color=theme.muted, va="center")

        number_px = 26
        usable_w = box_w - pad - number_px - 10
        usable_h = box_h - 36 - 10
        size, rows = _fit_code(lines, usable_w, usable_h, self._dpi)
        line_px = min(size * 1.6 * self._dpi / 72, 24.0)
        self._code_bands: list[Rectangle] = []
        self._code_texts: list[list[Text]] = []
        self._code_numbers: list[Text] = []
        row = 0
        for number, pieces in enumerate(rows, start=1):
            y_top = 36 + row * line_px
            if y_top + line_px * len(pieces) > box_h - 4:  # more than fits: the rest is cut
                break
            x0, yb = at(4, y_top + len(pieces) * line_px)
            x1, yt = at(box_w - 4, y_top)
            band = Rectangle(
                (x0, yb),
                x1 - x0,
                yt - yb,
                transform=sub.transSubfigure,
                # Opaque (the highlight mixed into the panel), so that it hides the
                # line's regular text when the bold text is drawn over it.
                facecolor=blend(theme.highlight, theme.panel, 0.3),
                edgecolor="none",
                visible=False,
            )
            sub.add_artist(band)
            self._code_bands.append(band)
            self._code_numbers.append(
                sub.text(
                    *at(pad + number_px - 6, y_top + line_px / 2),
                    str(number),
                    fontsize=max(MIN_TEXT_PT, size * 0.85),
                    color=theme.muted,
                    ha="right",
                    va="center_baseline",
                    family=_MONO,
                )
            )
            texts: list[Text] = []
            for piece in pieces:
                row += 1
                texts.append(
                    sub.text(
                        *at(pad + number_px + 2, y_top + (len(texts) + 0.5) * line_px),
                        piece,
                        fontsize=size,
                        color=theme.text,
                        va="center_baseline",
                        family=_MONO,
                    )
                )
            self._code_texts.append(texts)
        self._highlighted: tuple[int, ...] = ()

    def _build_diagram(self) -> Diagram | None:
        algorithm = self.trace.algorithm
        if algorithm.frames_ref is None:
            self.diagram_figure.text(
                0.5,
                0.5,
                f"{algorithm.meta.name} has no picture yet:\n"
                "follow the explanation above and the highlighted pseudocode.",
                ha="center",
                va="center",
                fontsize=12,
                color=self.theme.muted,
                linespacing=1.5,
            )
            return None
        return algorithm.diagram_class(self.diagram_figure, self.trace, self.theme)

    # -- stepping ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.trace)

    def show_step(self, index: int) -> None:
        """Show step ``index`` (negative counts from the end) by updating the existing artists."""
        n = len(self.trace)
        if not -n <= index < n:
            raise IndexError(f"step {index} is out of range for a trace of {n} steps")
        index %= n
        step = self.trace[index]
        with self._style():
            self._counter.set_text(f"{index + 1} / {n}")
            self._title.set_text(step.title)
            self._explanation.set_text(self._wrap(step.explanation))
            if step.phase:
                self._phase.set_text(step.phase.replace("-", " ").replace("_", " ").upper())
                badge = self._phase.get_bbox_patch()
                assert badge is not None  # the phase text is made with a bbox (_build_header)
                badge.set_facecolor(self._meaning_color(step))
                self._phase.set_visible(True)
            else:
                self._phase.set_visible(False)
            colors: np.ndarray = self._progress_colors.copy()
            colors[index + 1 :, 3] = 0.22
            # An (n, 4) RGBA array is what set_facecolor takes at run time; the stub lists
            # only colour specs and sequences of them.
            self._progress.set_facecolor(colors)  # type: ignore[arg-type]
            self._cursor.set_x(self._progress_x0 + index * self._cell_width)
            self._highlight_lines(tuple(int(k) for k in step.lines))  # numbers after run()
            if self.diagram is not None:
                self.diagram.update(step)
        self.index = index

    def _highlight_lines(self, lines: tuple[int, ...]) -> None:
        for number in self._highlighted:
            if number <= len(self._code_bands):
                self._code_bands[number - 1].set_visible(False)
        self._set_code_weight(self._highlighted, "normal")
        for number in lines:
            if number <= len(self._code_bands):
                self._code_bands[number - 1].set_visible(True)
        self._set_code_weight(tuple(lines), "bold")
        self._highlighted = tuple(lines)

    def _meaning_color(self, step: Step) -> str:
        """The colour of what the step means, as the plugin's metadata declares it."""
        return self.theme.meaning_color(self.trace.algorithm.meta.meaning(step.phase, step.id))

    def _wrap(self, text: str) -> str:
        wrapped = _wrap_prose(text, self._explanation_chars)
        if len(wrapped) > self._explanation_lines:
            wrapped = wrapped[: self._explanation_lines]
            wrapped[-1] = textwrap.shorten(wrapped[-1] + " …", self._explanation_chars - 1)
            if not wrapped[-1].endswith("…"):
                wrapped[-1] += " …"
        return "\n".join(wrapped)

    def _style(self) -> Any:
        return self.theme.context()

    # -- output --------------------------------------------------------------------------------

    def image(self, format: ImageFormat = "png", *, dpi: float | None = None) -> bytes:
        """The current step as image bytes: ``"png"`` or ``"svg"``.

        Deterministic: the same step of the same trace gives the same bytes
        (no dates or versions in the metadata, fixed SVG ids).

        A PNG at the frame's own dpi is drawn the fast way (see :meth:`rgba`);
        other sizes and SVG go through ``savefig``.
        """
        if (
            format == "png"
            and dpi in (None, self._dpi)
            and (canvas := self._agg_canvas()) is not None
        ):
            from PIL import Image

            height, width = self._draw_blitted(canvas).shape[:2]
            rgb = Image.frombuffer(
                "RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1
            ).convert("RGB")
            buffer = io.BytesIO()
            # The frame is opaque: RGB is a quarter less to compress, and level 3 costs
            # about two thirds of the default's time for files a few per cent larger.
            rgb.save(buffer, format="png", compress_level=3)
            return buffer.getvalue()
        buffer = io.BytesIO()
        metadata: dict[str, Any] = {"Software": None}
        if format == "svg":
            metadata = {"Date": None, "Creator": None}
        elif format != "png":
            raise ValueError(f"frame images are 'png' or 'svg', not {format!r}")
        with self._style():
            self.figure.savefig(
                buffer,
                format=format,
                dpi=dpi or self._dpi,
                facecolor=self.theme.background,
                metadata=metadata,
            )
        return buffer.getvalue()

    def rgba(self) -> np.ndarray:
        """The current step drawn as a ``(height, width, 4)`` uint8 array.

        Uses blitting, as animations do: the parts that never change (the
        algorithm's name, the pseudocode) are drawn once and kept as a
        bitmap; each step restores it and draws only what changes on top.
        """
        canvas = self._agg_canvas()
        if canvas is None:  # a window of a non-Agg toolkit: draw a copy off-screen
            buffer = io.BytesIO()
            with self._style():
                self.figure.savefig(buffer, format="rgba", dpi=self._dpi)
            height, width = int(self.figure.bbox.height), int(self.figure.bbox.width)
            return np.frombuffer(buffer.getvalue(), np.uint8).reshape(height, width, 4).copy()
        return self._draw_blitted(canvas).copy()

    def _agg_canvas(self) -> FigureCanvasAgg | None:
        """The figure's canvas if it is an Agg one (blitting reads Agg's pixel buffer), else None."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        canvas = self.figure.canvas
        return canvas if isinstance(canvas, FigureCanvasAgg) else None

    def _draw_blitted(self, canvas: FigureCanvasAgg) -> np.ndarray:
        """Draw the current step on the figure's Agg ``canvas``; a view of its buffer (valid until the next draw)."""
        dynamic = [
            self._counter,
            self._phase,
            self._title,
            self._progress,
            self._cursor,
            self._explanation,
            self.diagram_figure,
            *self._code_bands,
        ]
        for artist in dynamic:
            artist.set_animated(True)
        try:
            with self._style():
                if self._background is None:
                    self._set_code_weight(self._highlighted, "normal")
                    canvas.draw()
                    self._background = canvas.copy_from_bbox(self.figure.bbox)
                    self._set_code_weight(self._highlighted, "bold")
                else:
                    canvas.restore_region(self._background)
                draw = self.figure.draw_artist
                for artist in dynamic[:6]:
                    draw(artist)
                for number in self._highlighted:
                    if number <= len(self._code_bands):
                        draw(self._code_bands[number - 1])
                        draw(self._code_numbers[number - 1])
                        for text in self._code_texts[number - 1]:
                            draw(text)
                draw(self.diagram_figure)
                return np.asarray(canvas.buffer_rgba())
        finally:
            for artist in dynamic:
                artist.set_animated(False)

    def _set_code_weight(self, lines: tuple[int, ...], weight: str) -> None:
        for number in lines:
            if number <= len(self._code_texts):
                for text in self._code_texts[number - 1]:
                    text.set_fontweight(weight)
                bold = weight == "bold"
                self._code_numbers[number - 1].set_color(
                    self.theme.text if bold else self.theme.muted
                )


def _fit_code(
    lines: list[str], width_px: float, height_px: float, dpi: float
) -> tuple[float, list[list[str]]]:
    """The monospace size (10.5 to 8 pt) and rows at which the code fits the panel.

    A line too long for the panel wraps onto continuation rows, indented under
    its start. Preferred: the largest size of at least 9 pt at which nothing
    wraps; else the largest at which the rows fit the height and few lines (at
    most one in six) wrap; else the smallest.
    """
    candidates = []
    for size in np.arange(10.5, MIN_TEXT_PT - 0.01, -0.5):
        char_px = 0.602 * size * dpi / 72  # DejaVu Sans Mono's advance width is 0.602 em
        max_chars = max(12, int(width_px / char_px))
        rows = [_wrap_code(line, max_chars) for line in lines]
        wrapped = sum(len(r) > 1 for r in rows)
        fits = sum(len(r) for r in rows) * size * 1.6 * dpi / 72 <= height_px
        candidates.append((float(size), rows, wrapped, fits))
    for size, rows, wrapped, fits in candidates:
        if fits and wrapped == 0 and size >= 9:
            return size, rows
    for size, rows, wrapped, fits in candidates:
        if fits and wrapped <= max(1, len(lines) // 6):
            return size, rows
    size, rows, _, _ = candidates[-1]
    return size, rows


def _wrap_prose(text: str, width: int) -> list[str]:
    # Never at a hyphen: "backprop-default" and "−0.27" must stay whole.
    return textwrap.wrap(text, width, break_on_hyphens=False)


def _wrap_code(line: str, max_chars: int) -> list[str]:
    if len(line) <= max_chars:
        return [line]
    indent = " " * (len(line) - len(line.lstrip()))
    pieces = textwrap.wrap(
        line,
        max_chars,
        subsequent_indent=indent + "    ",
        break_long_words=True,
        break_on_hyphens=False,
    )
    return pieces or [line[:max_chars]]


def _rgba(color: str) -> tuple[float, float, float, float]:
    from matplotlib.colors import to_rgba

    return to_rgba(color)
