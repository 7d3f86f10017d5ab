"""Catalogue thumbnails drawn for the card: legible text only, cropped, the frame untouched."""

import io

import matplotlib.text
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from PIL import Image

import eigenvue
from eigenvue.docs import thumbnails
from eigenvue.docs.thumbnails import (
    ASPECT,
    CARD_PX,
    MIN_CARD_TEXT_PX,
    THUMBNAIL_WIDTH,
    draw_thumbnail,
)
from eigenvue.drawing import get_theme
from eigenvue.drawing.frame import TeachingFrame

SIZE = (THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH / ASPECT))


def _frame(algorithm_id: str, theme: str = "light") -> TeachingFrame:
    frame = TeachingFrame(eigenvue.trace(algorithm_id), theme)
    frame.show_step(0)
    return frame


def _pixels(image: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(image)) as opened:
        assert opened.format == "WEBP"
        return np.asarray(opened.convert("RGB"), dtype=np.int16)


def _texts_state(frame: TeachingFrame) -> list[tuple[bool, str]]:
    texts = frame.diagram_figure.findobj(matplotlib.text.Text)
    return [(t.get_visible(), t.get_text()) for t in texts]


def _spy_on_text(monkeypatch) -> list[list[float]]:
    """Font sizes (pt) written by each draw of the diagram region, draw by draw.

    Listens where the renderer writes text, not where the thumbnail code decides
    what to keep, so it sees whatever the picture really holds.
    """
    draws: list[list[float]] = []
    draw_region = thumbnails._draw_region
    write = RendererAgg.draw_text

    def each_draw(*args, **kwargs):
        draws.append([])
        return draw_region(*args, **kwargs)

    def draw_text(self, gc, x, y, s, prop, angle, *args, **kwargs):
        if draws and s.strip():
            draws[-1].append(prop.get_size_in_points())
        return write(self, gc, x, y, s, prop, angle, *args, **kwargs)

    monkeypatch.setattr(thumbnails, "_draw_region", each_draw)
    monkeypatch.setattr(RendererAgg, "draw_text", draw_text)
    return draws


# The BPE diagram holds words in boxes beside a headline: some text stays, some goes.
@pytest.mark.parametrize("algorithm_id", ["tokenization-bpe", "dijkstra"])
def test_no_text_on_the_card_is_smaller_than_legible(monkeypatch, algorithm_id):
    frame = _frame(algorithm_id)
    draws = _spy_on_text(monkeypatch)
    thumb = draw_thumbnail(frame)
    assert draws, "the region was never drawn"
    region = frame.diagram_figure.bbox
    # The crop is at most the region (at the aspect) and at least half of it.
    widest = max(region.width, region.height * ASPECT)
    assert CARD_PX / widest <= thumb.scale <= CARD_PX / (0.5 * region.width) + 1e-9
    shown = [size * frame.figure.dpi / 72 * thumb.scale for size in draws[-1]]
    assert all(px >= MIN_CARD_TEXT_PX for px in shown), sorted(shown)[:5]
    assert thumb.hidden_texts > 0
    if thumb.smallest_text_px is not None:
        assert min(shown) == pytest.approx(thumb.smallest_text_px)


def test_a_large_text_is_kept_where_it_is_legible():
    # BPE's final token is written 12 pt inside its box: legible once the crop closes in.
    thumb = draw_thumbnail(_frame("tokenization-bpe"))
    assert thumb.smallest_text_px is not None and thumb.smallest_text_px >= MIN_CARD_TEXT_PX


def test_the_legibility_threshold_decides_what_is_hidden():
    frame = _frame("binary-search")
    everything = draw_thumbnail(frame, min_text_px=0)
    nothing = draw_thumbnail(frame, min_text_px=1000)
    assert everything.hidden_texts == 0 and everything.smallest_text_px is not None
    assert nothing.smallest_text_px is None and nothing.hidden_texts > 0


def test_the_thumbnail_has_the_cards_size_and_shows_the_last_step():
    frame = _frame("quicksort")
    thumb = draw_thumbnail(frame)
    assert thumb.size == SIZE and thumb.step == len(frame) - 1
    assert _pixels(thumb.image).shape == (SIZE[1], SIZE[0], 3)
    assert draw_thumbnail(frame, step=2).step == 2


def test_the_frame_is_left_as_it_was():
    frame = _frame("dijkstra")
    frame.show_step(3)
    before_texts = _texts_state(frame)
    before = frame.rgba()
    draw_thumbnail(frame)  # shows the last step, hides text, changes the dpi for a while
    assert frame.index == 3 and frame.figure.dpi == 100
    assert _texts_state(frame) == before_texts
    assert np.array_equal(frame.rgba(), before)


def test_light_and_dark_differ_in_background():
    def corner_luminance(theme):
        image = _pixels(draw_thumbnail(_frame("bfs", theme)).image)
        return float(image[:4, :4].mean())

    light, dark = corner_luminance("light"), corner_luminance("dark")
    assert light > 200 and dark < 70


def test_the_thumbnail_is_not_a_scaled_copy_of_the_frame():
    frame = _frame("self-attention")
    frame.show_step(len(frame) - 1)
    box = frame.diagram_figure.bbox
    height = frame.figure.bbox.height
    crop = (int(box.x0), int(height - box.y1), int(box.x1), int(height - box.y0))
    shrunk = Image.fromarray(frame.rgba()).convert("RGB").crop(crop).resize(SIZE)
    drawn = _pixels(draw_thumbnail(frame).image)
    difference = np.abs(drawn - np.asarray(shrunk, dtype=np.int16)).mean()
    assert difference > 5


# -- the rules, on a sketch whose every part is known ----------------------------------


class _Sketch:
    """The parts of a TeachingFrame the thumbnail uses, around a hand-made diagram."""

    def __init__(self, theme):
        self.theme = get_theme(theme)
        self.figure = Figure(figsize=(12, 7), dpi=100, facecolor=self.theme.background)
        FigureCanvasAgg(self.figure)
        grid = self.figure.add_gridspec(1, 2, width_ratios=(864, 336), left=0, right=1)
        self.diagram_figure = self.figure.add_subfigure(grid[0, 0])
        self.diagram_figure.set_facecolor("none")
        self.index = 0

    def __len__(self):
        return 1

    def show_step(self, index):
        self.index = index


def _count(image: np.ndarray, colour: str) -> int:
    """How many pixels of ``image`` have ``colour`` (give or take antialiasing)."""
    target = np.array([round(c * 255) for c in to_rgb(colour)])
    return int((np.abs(image - target).max(axis=2) < 40).sum())


def test_what_served_hidden_words_goes_with_them():
    sketch = _Sketch("light")
    fig = sketch.diagram_figure
    bar = fig.add_axes((0.05, 0.3, 0.4, 0.6))
    bar.set_axis_off()
    bar.bar([0], [1], color="#ff8000", width=1)
    bar.set_xlim(-0.5, 0.5)
    bar.set_ylim(0, 1)
    # A table: words and a rule under its header.
    table = fig.add_axes((0.55, 0.3, 0.4, 0.6))
    table.set_axis_off()
    table.text(0, 0.9, "node   distance", fontsize=10)
    table.add_line(Line2D([0, 1], [0.85, 0.85], color="#ff0000", lw=2))
    # A colour scale with its words.
    ramp = fig.add_axes((0.55, 0.1, 0.3, 0.04))
    ramp.imshow(np.linspace(0, 1, 256)[None, :], cmap="viridis", aspect="auto")
    ramp.set_xticks([0, 255], ["low", "high"], fontsize=8)
    # A legend of matplotlib's, and one drawn by hand: a line sample and its word.
    (sample,) = bar.plot([], [], color="#00ff00", label="weight")
    bar.legend(handles=[sample], loc="upper right", fontsize=9)
    # Beside the bar, so that no axes is left with lines alone (the table's rule).
    on_bar = {"transform": bar.transAxes, "clip_on": False}
    bar.add_line(Line2D([0, 0.08], [-0.2, -0.2], color="#0000ff", lw=3, **on_bar))
    bar.text(0.1, -0.2, "weight > 0", va="center", fontsize=9, **on_bar)
    bar.add_line(Line2D([0.3, 1.0], [-0.4, -0.4], color="#ff00ff", lw=3, **on_bar))  # no word

    thumb = draw_thumbnail(sketch)
    image = _pixels(thumb.image)
    assert _count(image, "#ff8000") > 1000  # the bar
    assert _count(image, "#ff00ff") > 100  # a level line with no word beside it is a shape
    for gone in ("#ff0000", "#00ff00", "#0000ff", "#440154", "#fde725", "#000000"):
        assert _count(image, gone) == 0, gone  # rule, legends, ramp, words
    assert thumb.smallest_text_px is None


def test_the_sketch_keeps_everything_when_every_text_is_legible():
    sketch = _Sketch("dark")
    ax = sketch.diagram_figure.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_axis_off()
    ax.text(0.5, 0.5, "42", fontsize=40, color="#ffffff", ha="center", va="center")
    ax.add_line(Line2D([0, 1], [0.2, 0.2], color="#ff0000", lw=3))
    thumb = draw_thumbnail(sketch)
    image = _pixels(thumb.image)
    assert _count(image, "#ffffff") > 100 and _count(image, "#ff0000") > 100  # words, rule
    assert thumb.hidden_texts == 0
    assert thumb.smallest_text_px == pytest.approx(40 * 100 / 72 * thumb.scale)


def test_the_catalogue_style_reserves_the_thumbnails_aspect():
    from pathlib import Path

    css = (Path(thumbnails.__file__).parent / "catalogue.css").read_text(encoding="utf-8")
    rule = css[css.index(".ev-card__thumbnail img {") :]
    ratio = rule[
        rule.index("aspect-ratio:") + len("aspect-ratio:") : rule.index(
            ";", rule.index("aspect-ratio:")
        )
    ]
    width, height = (float(v) for v in ratio.split("/"))
    assert width / height == pytest.approx(ASPECT)
