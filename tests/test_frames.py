"""Teaching frames: every step of the fixture algorithm draws, in both themes, deterministically."""

import dataclasses
import hashlib
import subprocess
import sys

import matplotlib
import numpy as np
import pytest

import eigenvue
from eigenvue.drawing.frame import TeachingFrame, display_pseudocode
from eigenvue.drawing.theme import THEMES, get_theme
from eigenvue.export import frame_images
from eigenvue.step import Trace
from tests.fixture_plugin import ID
from tests.frames_check import assert_built_once_and_updated_in_place, pixels
from tests.plugin_support import fixture_registered

WIDTH, HEIGHT = 1200, 700
#: The fixture's runs: its defaults and its examples.
RUNS = [
    pytest.param(None, id="defaults"),
    pytest.param({"values": [4, -6, 1], "start": 1.0}, id="negative"),
    pytest.param({"values": [7]}, id="one value"),
]

pytestmark = pytest.mark.usefixtures("fixture_algorithm")


def diagram_region(image: np.ndarray) -> np.ndarray:
    """The diagram's part of a frame: below the header, left of the pseudocode."""
    return image[200:650, 20:800]


def background_share(region: np.ndarray, theme: str) -> float:
    background = np.array(matplotlib.colors.to_rgb(THEMES[theme].background)) * 255
    return float(np.mean(np.all(np.abs(region - background) <= 3, axis=-1)))


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("inputs", RUNS)
def test_every_step_draws_a_distinct_picture(inputs, theme):
    trace = eigenvue.trace(ID, inputs)
    images = frame_images(trace, theme=theme, format="png")
    assert len(images) == len(trace)
    previous = None
    for index, png in enumerate(images):
        image = pixels(png)
        assert image.shape == (HEIGHT, WIDTH, 3)
        region = diagram_region(image)
        # Not blank: the diagram covers a real part of its area with more than a few colours.
        assert background_share(region, theme) < 0.985, f"step {index} diagram is empty"
        packed = region.astype(np.int32) @ np.array([65536, 256, 1])
        assert len(np.unique(packed)) > 20
        if previous is not None:
            changed = np.mean(np.any(region != previous, axis=-1))
            assert changed > 0.002, f"step {index} draws the same diagram as step {index - 1}"
        previous = region


def test_light_and_dark_frames_use_their_theme_background():
    trace = eigenvue.trace(ID)
    for theme in ("light", "dark"):
        frame = TeachingFrame(trace, theme)
        frame.show_step(0)
        corner = pixels(frame.image())[-3:, :3]
        expected = np.array(matplotlib.colors.to_rgb(THEMES[theme].background)) * 255
        assert np.all(np.abs(corner - expected) <= 1)


@pytest.mark.parametrize("format", ["png", "svg"])
def test_rendering_twice_gives_identical_bytes(format):
    trace = eigenvue.trace(ID)
    first = frame_images(trace, format=format)
    second = frame_images(eigenvue.trace(ID), format=format)
    assert first == second
    assert len(set(first)) == len(first)  # and each step is its own picture


def step_hashes():
    with fixture_registered():
        frame = TeachingFrame(eigenvue.trace(ID))
        hashes = []
        for index in (0, 2):
            frame.show_step(index)
            hashes += [hashlib.sha256(frame.image(f)).hexdigest() for f in ("png", "svg")]
    return hashes


def test_frames_are_identical_across_processes():
    # SVG ids are salted and PNGs carry metadata: neither may depend on the process or the date.
    code = "from tests.test_frames import step_hashes; print(*step_hashes())"
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert run.stdout.split() == step_hashes()


def test_svg_frames_carry_no_date():
    svg = frame_images(eigenvue.trace(ID), format="svg")[0].decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg


def test_drawing_leaves_global_rcparams_untouched():
    before = dict(matplotlib.rcParams)
    frame_images(eigenvue.trace(ID), theme="dark")
    after = dict(matplotlib.rcParams)
    assert after == before


def test_the_frame_is_built_once_and_updated_in_place():
    assert_built_once_and_updated_in_place(eigenvue.trace(ID))


def test_the_frame_shows_the_steps_counter_title_and_highlighted_lines():
    trace = eigenvue.trace(ID)
    frame = TeachingFrame(trace)
    for step in trace:
        frame.show_step(step.index)
        assert frame._counter.get_text() == f"{step.index + 1} / {len(trace)}"
        assert frame._title.get_text() == step.title
        assert " ".join(frame._explanation.get_text().split()) == step.explanation
        shown = {n for n, band in enumerate(frame._code_bands, 1) if band.get_visible()}
        assert shown == set(step.lines)
    with pytest.raises(IndexError):
        frame.show_step(len(trace))


def test_pseudocode_keeps_its_line_numbers_when_comments_are_compacted():
    lines = ["a = 1                        // note", "\tb = 2", "c = 3   # fine"]
    shown = display_pseudocode(lines)
    assert shown == ["a = 1  // note", "    b = 2", "c = 3  # fine"]


def test_an_algorithm_without_a_frame_generator_still_gets_a_frame():
    trace = eigenvue.trace(ID)
    bare = dataclasses.replace(trace.algorithm, frames_ref=None)
    frame = TeachingFrame(Trace(bare, trace.inputs, list(trace)))
    assert frame.diagram is None
    frame.show_step(2)
    texts = " ".join(t.get_text() for t in frame.diagram_figure.texts)
    assert "no picture" in texts
    assert background_share(diagram_region(pixels(frame.image())), "light") > 0.9


def test_theme_blocks_nest_and_each_restores_what_it_found():
    light, dark = get_theme("light"), get_theme("dark")
    # A parameter on which the two themes and matplotlib's own setting all differ.
    key = next(
        k
        for k, v in dark.rc_params().items()
        if len({str(v), str(light.rc_params().get(k)), str(matplotlib.rcParams[k])}) == 3
    )
    outside = matplotlib.rcParams[key]
    with dark.context():
        assert matplotlib.rcParams[key] == dark.rc_params()[key]
        with dark.context():  # the same theme again: still in force
            assert matplotlib.rcParams[key] == dark.rc_params()[key]
        assert matplotlib.rcParams[key] == dark.rc_params()[key]
        with light.context():  # another theme inside: applied, then undone
            assert matplotlib.rcParams[key] == light.rc_params()[key]
        assert matplotlib.rcParams[key] == dark.rc_params()[key]
    assert matplotlib.rcParams[key] == outside
    for theme in (light, dark):  # each block left applies in full when entered again
        with theme.context():
            assert matplotlib.rcParams[key] == theme.rc_params()[key]
