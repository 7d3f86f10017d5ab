"""Catalogue thumbnails: bytes per card and time to draw, against the shrunken frame they replace.

For every registered algorithm (default inputs, last step, both themes) prints:

- ``shrunk``: the diagram box of the last frame scaled to 400 px, as a palette
  PNG (what the catalogue showed before the cards were drawn for themselves);
- ``card``: :func:`eigenvue.docs.thumbnails.draw_thumbnail` (600 px, WebP), with
  the same picture as a palette PNG for comparison, and the best time to draw it.

Run: ``python bench/bench_thumbnails.py [id,id,...]``. Writes the card pictures
(PNG copies, to look at) to ``/tmp/eigenvue-thumbnails/``.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from measure import best_time
from PIL import Image

from eigenvue.docs.framecache import compress
from eigenvue.docs.thumbnails import draw_thumbnail
from eigenvue.drawing.frame import TeachingFrame
from eigenvue.plugins import get_registry

OUT = Path("/tmp/eigenvue-thumbnails")


def shrunk(frame: TeachingFrame) -> bytes:
    """The old thumbnail: the last frame's diagram box, 400 px wide, palette PNG."""
    box = frame.diagram_figure.bbox
    height = frame.figure.bbox.height
    crop = (int(box.x0), int(height - box.y1), int(box.x1), int(height - box.y0))
    picture = Image.fromarray(frame.rgba()).convert("RGB").crop(crop)
    picture.thumbnail((400, 1600), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return compress(out.getvalue())


def as_palette_png(webp: bytes) -> bytes:
    """The same picture as a palette PNG of 256 colours (zlib's default level)."""
    with Image.open(io.BytesIO(webp)) as image:
        out = io.BytesIO()
        image.convert("RGB").save(out, format="PNG")
    return compress(out.getvalue())


def main() -> None:
    only = set(sys.argv[1].split(",")) if len(sys.argv) > 1 else None
    OUT.mkdir(exist_ok=True)
    totals = {theme: [0, 0, 0] for theme in ("light", "dark")}
    times = []
    print(f"{'algorithm':28s} {'theme':5s} {'shrunk':>7s} {'card':>6s} {'as PNG':>7s} {'ms':>5s}")
    for algorithm in sorted(get_registry().algorithms.values(), key=lambda a: a.id):
        if algorithm.frames_ref is None or (only and algorithm.id not in only):
            continue
        trace = algorithm.run(dict(algorithm.meta.defaults))
        for theme in ("light", "dark"):
            frame = TeachingFrame(trace, theme)
            frame.show_step(len(trace) - 1)
            before = shrunk(frame)
            seconds, card = best_time(lambda frame=frame: draw_thumbnail(frame))
            png = as_palette_png(card.image)
            (OUT / f"{algorithm.id}-{theme}.png").write_bytes(png)
            frame.figure.clear()
            times.append(seconds)
            for i, size in enumerate((len(before), len(card.image), len(png))):
                totals[theme][i] += size
            print(
                f"{algorithm.id:28s} {theme:5s} {len(before):7d} {len(card.image):6d} "
                f"{len(png):7d} {seconds * 1000:5.0f}"
            )
    for theme, (before, card, png) in totals.items():
        print(f"{'total':28s} {theme:5s} {before:7d} {card:6d} {png:7d}")
    if times:
        print(f"draw_thumbnail: {sum(times) / len(times) * 1000:.0f} ms a card on average")


if __name__ == "__main__":
    main()
