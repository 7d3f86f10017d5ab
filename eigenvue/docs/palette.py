"""Pictures reduced to 256 colours, the form in which the docs site stores frames and cards.

Frames are flat colours and antialiased text: 256 colours without dithering
keep both (a picture with more colours loses only the rarest shades of its
edges), in a quarter of the bytes.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image


def reduced(picture: Image) -> Image:
    """``picture`` as a palette image of at most 256 colours, without dithering."""
    from PIL import Image

    rgb = picture if picture.mode == "RGB" else picture.convert("RGB")  # a copy costs 2 ms
    return rgb.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def palette_webp(picture: Image, *, method: int, quality: int) -> bytes:
    """``picture`` reduced to 256 colours and stored as a lossless WebP.

    ``method`` (0–6) and ``quality`` (0–100) set libwebp's effort only: the
    pixels are the same at every setting, the bytes and the time are not.
    """
    out = io.BytesIO()
    reduced(picture).save(out, format="WEBP", lossless=True, method=method, quality=quality)
    return out.getvalue()
