"""Catalogue thumbnails drawn for the card, not shrunk from a frame.

A card shows its thumbnail about :data:`CARD_PX` CSS pixels wide: a third of
the frame's diagram region. Scaled that much, the diagram's text (8 to 12 pt)
ends up 4 to 6 px tall, a grey smudge. :func:`draw_thumbnail` therefore draws
the diagram of a live :class:`~eigenvue.drawing.frame.TeachingFrame` once
more, for the card:

- without every text that would show smaller than :data:`MIN_CARD_TEXT_PX`
  on the card (shapes stay: bars, nodes and edges, heat maps, circuits,
  curves; an annotation's arrow stays, wordless);
- cropped to what it draws, plus a margin, at one aspect ratio
  (:data:`ASPECT`), so that every card's picture has the same height and the
  drawing fills it; a large text (a headline number) comes back when it is
  legible in the crop that holds it;
- :data:`DENSITY` image pixels per CSS pixel, crisp on phones and
  high-density screens, stored as a 256-colour lossless WebP.

Nothing here knows an algorithm: the rules read font sizes and pixels only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.text import Text
    from PIL.Image import Image

    from eigenvue.drawing.frame import TeachingFrame

#: Width of a card's picture on the catalogue page, in CSS pixels: three cards a row
#: at 1280 px leave each about this much; one a row on a phone, a little more.
CARD_PX = 300
#: Image pixels per CSS pixel.
DENSITY = 2
#: Width of the thumbnail image, in pixels.
THUMBNAIL_WIDTH = CARD_PX * DENSITY
#: Width over height of every thumbnail (a frame's diagram region is about 1.6).
ASPECT = 1.6
#: Text whose font would show smaller than this on the card, in CSS pixels, is left out.
MIN_CARD_TEXT_PX = 9.0
#: Room kept around the drawing, as a fraction of the crop's width.
MARGIN = 0.03
#: The crop is at least this fraction of the diagram region across and down, so
#: that a lone small shape is not blown up to fill a card.
_LEAST_CROP = 0.5
#: How far a colour channel may differ from the background before a pixel counts as drawn.
_INK = 12

#: (left, top, right, bottom) in pixels of the frame, from the region's top left corner.
Box = tuple[float, float, float, float]


@dataclass(frozen=True)
class Thumbnail:
    """A card's picture and what it shows.

    Attributes
    ----------
    image : bytes
        The picture, a lossless WebP.
    step : int
        The index of the step it shows.
    size : (width, height)
        Its size in pixels.
    scale : float
        CSS pixels on the card per pixel of the frame.
    smallest_text_px : float or None
        Font size, in CSS pixels on the card, of the smallest text it shows;
        None when it shows none.
    hidden_texts : int
        How many texts of the diagram it leaves out as too small.
    """

    image: bytes
    step: int
    size: tuple[int, int]
    scale: float
    smallest_text_px: float | None
    hidden_texts: int


def thumbnail_step(steps: int) -> int:
    """The step a card shows, of a trace of ``steps``: the last.

    The last step is the one picture that means the same for every algorithm,
    its finished result (the sorted array, the visited graph, the trained
    network, the measured state). Mid-way, a sort or a search looks busier,
    but attention's and a transformer's panels are still empty (hatched) and
    a quantum search has not yet raised its answer.
    """
    return steps - 1


def draw_thumbnail(
    frame: TeachingFrame,
    step: int | None = None,
    *,
    width: int = THUMBNAIL_WIDTH,
    card_px: float = CARD_PX,
    min_text_px: float = MIN_CARD_TEXT_PX,
    aspect: float = ASPECT,
) -> Thumbnail:
    """The diagram of ``frame`` drawn for a catalogue card.

    Shows ``step`` (by default :func:`thumbnail_step`) and leaves the frame as
    it found it: the same step shown, every text as it was.

    Parameters
    ----------
    frame : TeachingFrame
        A frame of the trace (any off-screen frame; it is drawn with Agg).
    step : int, optional
        Which step to show.
    width : int
        Width of the image in pixels (``card_px`` times the pixel density).
    card_px : float
        Width of the picture on the card, in CSS pixels.
    min_text_px : float
        The smallest font size legible on the card, in CSS pixels.
    aspect : float
        Width over height of the image.

    Returns
    -------
    Thumbnail

    Examples
    --------
    >>> frame = TeachingFrame(eigenvue.trace("quicksort"), "dark")  # doctest: +SKIP
    >>> draw_thumbnail(frame).size  # doctest: +SKIP
    (600, 375)
    """
    import matplotlib.text

    shown = frame.index
    index = thumbnail_step(len(frame)) if step is None else step % len(frame)
    region = frame.diagram_figure
    size = (region.bbox.width, region.bbox.height)
    # Pixels enough that the smallest crop still needs no enlarging.
    factor = max(1.0, width / (_LEAST_CROP * min(size[0], size[1] * aspect)))
    fits = _Legibility(frame.figure.dpi, card_px, min_text_px)
    hidden: dict[Text, Callable[[], None]] = {}
    orphans: list[Callable[[], None]] = []
    try:
        if index != frame.index:
            frame.show_step(index)
        with frame.theme.context():
            # Judged at the widest crop the region allows, a text kept now stays
            # legible whatever the crop turns out to be.
            widest = max(size[0], size[1] * aspect)
            texts = region.findobj(matplotlib.text.Text)
            _hide(texts, fits, widest, hidden)
            orphans = _hide_orphans(region, hidden)
            pixels, drawn, crop = _draw_legible(frame, factor, aspect, fits, hidden)
            # A large text (a headline number beside the drawing) may be legible in
            # the narrower crop that holds it: bring it back.
            if _bring_back(frame, hidden, _ink(pixels, frame, factor), aspect, fits):
                for undo in orphans:
                    undo()
                orphans = _hide_orphans(region, hidden)
                pixels, drawn, crop = _draw_legible(frame, factor, aspect, fits, hidden)
    finally:
        for undo in (*reversed(hidden.values()), *orphans):
            undo()
        if shown >= 0 and frame.index != shown:
            frame.show_step(shown)
    scale = card_px / (crop[2] - crop[0])
    picture = _cut(pixels, crop, factor, frame.theme.background)
    height = round(width / aspect)
    image = encode(picture.resize((width, height), _lanczos()))
    smallest = min((fits.px(t, scale) for t in drawn), default=None)
    return Thumbnail(image, index, (width, height), scale, smallest, len(hidden))


def encode(picture: Image) -> bytes:
    """A picture as a lossless WebP of at most 256 colours, the smallest way found.

    Measured on the 46 catalogue thumbnails (``bench/bench_thumbnails.py``): a
    third fewer bytes than the same palette as PNG (162 KB against 243 KB), in
    4 ms each. libwebp's slowest effort saves 1 % more at 200 times the time.
    """
    from eigenvue.docs.palette import palette_webp

    return palette_webp(picture, method=4, quality=50)


@dataclass(frozen=True)
class _Legibility:
    """Whether a text shows large enough on a card, given the crop's scale."""

    dpi: float
    card_px: float
    min_text_px: float

    def px(self, text: Text, scale: float) -> float:
        """The font size of ``text`` on the card in CSS px, at ``scale`` (card px per frame px)."""
        return float(text.get_fontsize()) * self.dpi / 72 * scale

    def legible(self, text: Text, crop_width: float) -> bool:
        return self.px(text, self.card_px / crop_width) >= self.min_text_px


def _draw_legible(
    frame: TeachingFrame,
    factor: float,
    aspect: float,
    fits: _Legibility,
    hidden: dict[Text, Callable[[], None]],
) -> tuple[np.ndarray, list[Text], Box]:
    """Draw the region, its pixels, texts drawn and crop, with no text too small for the crop.

    A text drawn too small for the crop found is hidden (added to ``hidden``)
    and the region drawn again: hiding never widens the crop, so this ends.
    A draw may make tick labels anew; the next round hides those too.
    """
    region = frame.diagram_figure
    size = (region.bbox.width, region.bbox.height)
    for _ in range(5):
        pixels, drawn = _draw_region(frame, frame.figure.dpi * factor)
        crop = _fit(_ink(pixels, frame, factor), size, aspect)
        if not _hide(drawn, fits, crop[2] - crop[0], hidden):
            return pixels, drawn, crop
    raise RuntimeError("the diagram keeps making text too small for its thumbnail")


def _bring_back(
    frame: TeachingFrame,
    hidden: dict[Text, Callable[[], None]],
    ink: Box | None,
    aspect: float,
    fits: _Legibility,
) -> bool:
    """Show again each hidden text legible in the crop that holds it and the drawing.

    Texts that leave the crop as it is (labels on the shapes) are tried
    first, then those that widen it least; larger first among equals. A text
    comes back only if every text back so far stays legible in the crop that
    holds them all. Returns whether any came back.
    """
    from matplotlib.backends.backend_agg import RendererAgg

    region = frame.diagram_figure
    size = (region.bbox.width, region.bbox.height)
    renderer = RendererAgg(1, 1, frame.figure.dpi)  # measures text; draws nothing

    def crop_width(box: Box) -> float:
        left, _, right, _ = _fit(box, size, aspect)
        return right - left

    candidates = []
    for text in hidden:
        extent = _extent(text, renderer, region.bbox)
        if extent is not None:
            widened = crop_width(extent if ink is None else _union(ink, extent))
            candidates.append((round(widened), -float(text.get_fontsize()), extent, text))
    back: list[Text] = []
    for _, _, extent, text in sorted(candidates, key=lambda c: c[:2]):
        box = extent if ink is None else _union(ink, extent)
        if all(fits.legible(t, crop_width(box)) for t in (*back, text)):
            back.append(text)
            ink = box
    for text in back:
        hidden.pop(text)()
    return bool(back)


def _extent(text: Text, renderer: RendererBase, region: Any) -> Box | None:
    """Where ``text`` draws when shown, in region pixels from the top left; None if it leaves it."""
    from matplotlib.text import Annotation

    if isinstance(text, Annotation) and text.arrow_patch is not None:
        return None  # its arrow is drawn already; its words stay with the small ones
    box = _window_box(text, renderer)
    left, right = box.x0 - region.x0, box.x1 - region.x0
    top, bottom = region.y1 - box.y1, region.y1 - box.y0
    if left < 0 or top < 0 or right > region.width or bottom > region.height:
        return None
    return (left, top, right, bottom)


def _window_box(text: Text, renderer: RendererBase) -> Any:
    """The display box of ``text`` as if shown (a hidden text has none of its own)."""
    visible = text.get_visible()
    text.set_visible(True)
    try:
        return text.get_window_extent(renderer)
    finally:
        text.set_visible(visible)


def _hide(
    texts: Iterable[Text],
    fits: _Legibility,
    crop_width: float,
    hidden: dict[Text, Callable[[], None]],
) -> int:
    """Hide each shown text too small in a crop ``crop_width`` wide, noting its undo; how many."""
    from matplotlib.text import Annotation

    count = 0
    for text in texts:
        if text in hidden or not text.get_visible() or not text.get_text():
            continue
        if fits.legible(text, crop_width):
            continue
        if isinstance(text, Annotation) and text.arrow_patch is not None:
            # The arrow says something on its own (a pointer, a step): keep it, wordless.
            words = text.get_text()
            text.set_text("")
            hidden[text] = partial(text.set_text, words)
        else:
            text.set_visible(False)
            hidden[text] = partial(text.set_visible, True)
        count += 1
    return count


def _hide_orphans(region: Any, hidden: Iterable[Text]) -> list[Callable[[], None]]:
    """Hide what only served words now hidden; the undos.

    Four kinds, found by shape alone:

    - the rules of a table: an axes drawn without its frame, whose texts are all
      hidden and which draws nothing else but straight lines (two points each);
    - a colour scale without its words: an axes whose texts are all hidden
      drawing one image alone, a ramp (one row or column of at least 32
      values, each larger than the one before);
    - a legend whose words are all hidden;
    - a legend's line sample drawn by hand: a short level line with a hidden
      word starting just right of it, on the same row.
    """
    import matplotlib.text
    from matplotlib.axes import Axes
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.legend import Legend
    from matplotlib.lines import Line2D

    orphans: list[Any] = []
    for ax in region.findobj(Axes):
        if not ax.get_visible() or ax.child_axes:
            continue
        if any(_shown(t) for t in ax.findobj(matplotlib.text.Text)):
            continue
        drawn = [c for c in ax.get_children() if c.get_visible() and _draws_in_axes(c, ax)]
        lines = [c for c in drawn if isinstance(c, Line2D) and np.size(c.get_xdata()) <= 2]
        if len(drawn) == 1 and _is_ramp(drawn[0]):
            orphans.append(ax)
        elif lines and len(lines) == len(drawn) and not ax.axison:
            orphans += lines
    for legend in region.findobj(Legend):
        if legend.get_visible() and not any(
            _shown(t) for t in legend.findobj(matplotlib.text.Text)
        ):
            orphans.append(legend)
    renderer = RendererAgg(1, 1, region.figure.dpi)  # measures; draws nothing
    words = [
        (_window_box(t, renderer), float(t.get_fontsize()) * region.figure.dpi / 72)
        for t in hidden
        if not t.get_visible()  # hidden whole, not an arrow's words
    ]
    for line in region.findobj(Line2D):
        if not line.get_visible() or np.size(line.get_xdata()) != 2 or line in orphans:
            continue
        sample = line.get_window_extent(renderer)
        if sample.height > 1 or sample.width == 0:
            continue
        for box, em in words:
            beside = 0 <= box.x0 - sample.x1 <= em and box.y0 <= sample.y0 <= box.y1
            if beside and sample.width <= 3 * em:
                orphans.append(line)
                break
    for artist in orphans:
        artist.set_visible(False)
    return [partial(artist.set_visible, True) for artist in orphans]


def _is_ramp(artist: Any) -> bool:
    from matplotlib.image import AxesImage

    if not isinstance(artist, AxesImage):
        return False
    values = np.asarray(artist.get_array(), dtype=float)
    if values.ndim != 2 or min(values.shape) != 1 or values.size < 32:
        return False
    return bool(np.all(np.diff(values.ravel()) > 0))


def _draws_in_axes(artist: Any, ax: Any) -> bool:
    # Texts are judged apart; spines and axes are not drawn by an axes without its frame.
    if artist is ax.patch:
        return False
    from matplotlib.axis import Axis
    from matplotlib.spines import Spine
    from matplotlib.text import Text

    return not isinstance(artist, (Text, Spine, Axis))


def _shown(text: Text) -> bool:
    return bool(text.get_visible() and text.get_text().strip())


def _draw_region(frame: TeachingFrame, dpi: float) -> tuple[np.ndarray, list[Text]]:
    """The diagram region drawn alone at ``dpi`` (RGBA pixels) and the texts drawn in it.

    The texts are those whose words the renderer was asked to write, so the
    list holds exactly what shows: no hidden text, no tick label of an axes
    drawn without its axis, and every tick label the draw made anew. (A text
    drawn through path effects reaches the renderer as paths and is missed;
    the framework's parts use none.)
    """
    import matplotlib.text
    from matplotlib.backends.backend_agg import RendererAgg

    figure, region = frame.figure, frame.diagram_figure
    fonts: dict[int, Any] = {}  # every text has a font of its own: it names the text
    frame_dpi = figure.dpi
    figure.dpi = dpi  # every transform follows: the same picture with more pixels
    try:
        width, height = figure.bbox.width, figure.bbox.height
        renderer = RendererAgg(round(width), round(height), dpi)
        write = renderer.draw_text

        def draw_text(
            gc: Any, x: float, y: float, s: str, prop: Any, angle: float, *args: Any, **kw: Any
        ) -> None:
            fonts[id(prop)] = prop
            write(gc, x, y, s, prop, angle, *args, **kw)

        renderer.draw_text = draw_text  # type: ignore[method-assign]
        figure.patch.draw(renderer)  # the background
        region.draw(renderer)
        x0, y0, x1, y1 = region.bbox.extents
        everything = np.asarray(renderer.buffer_rgba())
        pixels = everything[round(height - y1) : round(height - y0), round(x0) : round(x1)].copy()
    finally:
        figure.dpi = frame_dpi
    texts = region.findobj(matplotlib.text.Text)
    return pixels, [t for t in texts if id(t.get_fontproperties()) in fonts]


def _ink(pixels: np.ndarray, frame: TeachingFrame, factor: float) -> Box | None:
    """The box of what is drawn (pixels unlike the background), in frame pixels; None if nothing."""
    from matplotlib.colors import to_rgb

    ground = np.array([round(c * 255) for c in to_rgb(frame.theme.background)], dtype=np.int16)
    ink = (np.abs(pixels[:, :, :3].astype(np.int16) - ground) > _INK).any(axis=2)
    rows, cols = np.nonzero(ink.any(axis=1))[0], np.nonzero(ink.any(axis=0))[0]
    if len(rows) == 0:
        return None
    return (cols[0] / factor, rows[0] / factor, (cols[-1] + 1) / factor, (rows[-1] + 1) / factor)


def _fit(ink: Box | None, region: tuple[float, float], aspect: float) -> Box:
    """The crop around ``ink``: a margin added, at ``aspect``, no smaller than ``_LEAST_CROP``.

    It may reach beyond the region where the drawing is too tall or too wide
    for the aspect; :func:`_cut` fills that with the background.
    """
    width, height = region
    left, top, right, bottom = ink if ink is not None else (0.0, 0.0, width, height)
    w = max(right - left, _LEAST_CROP * width)
    h = max(bottom - top, _LEAST_CROP * height)
    w, h = max(w, h * aspect), max(h, w / aspect)
    w, h = w * (1 + 2 * MARGIN), h * (1 + 2 * MARGIN)
    cx, cy = (left + right) / 2, (top + bottom) / 2
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _union(a: Box, b: Box) -> Box:
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def _cut(pixels: np.ndarray, crop: Box, factor: float, background: str) -> Image:
    """The crop (frame pixels) of ``pixels`` (drawn ``factor`` times as fine), background beyond."""
    from matplotlib.colors import to_rgb
    from PIL import Image

    rows, cols = pixels.shape[:2]
    ground = tuple(round(c * 255) for c in to_rgb(background))
    left, top, right, bottom = (round(v * factor) for v in crop)
    drawn = Image.frombuffer("RGBA", (cols, rows), pixels.tobytes(), "raw", "RGBA", 0, 1)
    picture = Image.new("RGB", (right - left, bottom - top), ground)
    picture.paste(drawn.convert("RGB"), (-left, -top))
    return picture


def _lanczos() -> Any:
    from PIL import Image

    return Image.Resampling.LANCZOS
