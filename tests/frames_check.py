"""Pictures under test: an algorithm's examples, its frames and its diagram drawn alone.

The diagram alone is drawn onto a plain Agg figure (no pyplot) so that a test
can compare pixels and read the diagram's artists after ``update(step)``; whole
teaching frames come from ``eigenvue.drawing.frame.TeachingFrame``.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

import numpy as np
import pytest

import eigenvue

THEMES = ["light", "dark"]


def example_params(algorithm: str, *, default: bool = False) -> list[Any]:
    """pytest params of the algorithm's examples' inputs, each named by its example.

    ``default`` adds the inputs ``None`` (the defaults) first, named "default",
    for algorithms whose defaults are not one of their examples.
    """
    examples = eigenvue.get(algorithm).examples
    params = [pytest.param(e.inputs, id=e.name) for e in examples]
    return [pytest.param(None, id="default"), *params] if default else params


def draw_diagram(
    trace: Any,
    theme_name: str = "light",
    indices: Iterable[int] | None = None,
    *,
    figsize: tuple[float, float] = (8.4, 5.0),
    dpi: float = 60,
) -> tuple[Any, list[np.ndarray]]:
    """The diagram alone, drawn for the given steps (all by default), as RGBA arrays."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from eigenvue.drawing import get_theme

    theme = get_theme(theme_name)
    with theme.context():
        fig = Figure(figsize=figsize, dpi=dpi)
        canvas = FigureCanvasAgg(fig)
        diagram = trace.algorithm.diagram_class(fig.subfigures(1, 1), trace, theme)
        images = []
        for index in range(len(trace)) if indices is None else indices:
            diagram.update(trace[index])
            canvas.draw()
            images.append(np.asarray(canvas.buffer_rgba()).copy())
    return diagram, images


def assert_each_image_differs_from_the_last(images: list[np.ndarray]) -> None:
    """Assert that no drawn picture is pixel for pixel the one before it."""
    for index, (a, b) in enumerate(zip(images, images[1:]), start=1):
        assert np.any(a != b), f"picture {index} repeats picture {index - 1}"


def pixels(png: bytes) -> np.ndarray:
    """A PNG's RGB pixels, as signed integers so that differences do not wrap."""
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


def artist_ids(figure: Any) -> set[int]:
    """Every artist of a figure, except axis ticks (matplotlib remakes those as it draws)."""
    import matplotlib.axis

    found, stack = set(), [figure]
    while stack:
        artist = stack.pop()
        if isinstance(artist, matplotlib.axis.Axis):
            continue
        found.add(id(artist))
        stack.extend(artist.get_children())
    return found


def assert_built_once_and_updated_in_place(trace: Any) -> None:
    """Assert that showing every step of a teaching frame adds and removes no artist."""
    from eigenvue.drawing.frame import TeachingFrame

    frame = TeachingFrame(trace)
    frame.show_step(0)
    before = artist_ids(frame.figure)
    for index in range(len(trace)):
        frame.show_step(index)
        frame.rgba()
    assert artist_ids(frame.figure) == before
