"""Export a run's teaching frames: images per step, an animation, or the HTML player.

:func:`frame_images` is the one place frames become bytes; ``render()``, the
notebook and standalone players and the documentation site all go through it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from eigenvue.drawing.frame import ImageFormat, TeachingFrame
    from eigenvue.drawing.theme import Theme
    from eigenvue.step import Trace

#: The formats of :func:`render`.
FORMATS = ("png", "svg", "gif", "mp4", "html")
#: Seconds each step stays on screen in GIF and MP4 animations.
SECONDS_PER_STEP = 1.5

FFMPEG_HELP = (
    "MP4 export needs ffmpeg, which was not found on PATH. Install it "
    "(Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; "
    "conda: conda install -c conda-forge ffmpeg; Windows: winget install ffmpeg), "
    "or choose format='gif' or 'html', which need nothing else."
)


class ExportError(RuntimeError):
    """An export needs something this machine lacks (ffmpeg for MP4)."""


def _check_choice(name: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(allowed)}; got {value!r}")


def iter_frame_images(
    trace: Trace,
    *,
    theme: str | Theme = "light",
    format: str = "png",
    dpi: float | None = None,
) -> Iterator[bytes]:
    """Like :func:`frame_images`, one image at a time (stop early to draw fewer)."""
    from eigenvue.drawing.frame import TeachingFrame
    from eigenvue.drawing.theme import Theme

    _check_choice("format", format, ("png", "svg"))
    image_format = cast("ImageFormat", format)  # checked just above
    if not isinstance(theme, Theme):
        _check_choice("theme", theme, ("light", "dark"))
    frame = TeachingFrame(trace, theme)
    try:
        for index in range(len(trace)):
            frame.show_step(index)
            yield frame.image(image_format, dpi=dpi)
    finally:
        frame.figure.clear()


def frame_images(
    trace: Trace,
    *,
    theme: str | Theme = "light",
    format: str = "png",
    dpi: float | None = None,
) -> list[bytes]:
    """One image per step of ``trace``: the teaching frame as PNG or SVG bytes.

    The bytes are deterministic: the same trace, theme, format and dpi give
    the same bytes on every call and in every process (no dates or versions
    in the metadata; fixed SVG ids). A module-level function of picklable
    arguments, so it can run in worker processes.

    Parameters
    ----------
    trace : eigenvue.Trace
        The steps to draw.
    theme : {"light", "dark"} or Theme
        The palette.
    format : {"png", "svg"}
        The image format.
    dpi : float, optional
        Resolution; the default (100) gives 1200 × 700 pixels.
    """
    return list(iter_frame_images(trace, theme=theme, format=format, dpi=dpi))


def render(
    algorithm_id: str,
    inputs: dict[str, Any] | None = None,
    *,
    format: str = "png",
    out: str | Path = ".",
    theme: str = "light",
) -> list[Path]:
    """Run an algorithm and write its frames to files.

    Parameters
    ----------
    algorithm_id : str
        A registered id, e.g. ``"backpropagation"``.
    inputs : dict, optional
        Inputs by their camelCase names; ``None`` runs the defaults.
    format : {"png", "svg", "gif", "mp4", "html"}
        ``png``/``svg``: one file per step, ``<id>-<index:03d>.<ext>``.
        ``gif``/``mp4``: one animation, ``<id>.<ext>``, 1.5 s per step
        (MP4 needs ffmpeg). ``html``: ``<id>.html``, a self-contained player.
    out : str or Path
        The folder to write into; created when missing.
    theme : {"light", "dark"}
        The palette.

    Returns
    -------
    list of pathlib.Path
        The files written, in step order.

    Raises
    ------
    ValueError
        For an unknown format or theme (and :class:`eigenvue.InputError` for bad inputs).
    ExportError
        For ``mp4`` when ffmpeg is not installed; the message says how to get it.
    """
    from eigenvue.api import trace as run

    _check_choice("format", format, FORMATS)
    _check_choice("theme", theme, ("light", "dark"))
    if format == "mp4":
        from matplotlib.animation import FFMpegWriter

        if not FFMpegWriter.isAvailable():
            raise ExportError(FFMPEG_HELP)
    trace = run(algorithm_id, inputs)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    name = trace.algorithm.id

    if format in ("png", "svg"):
        paths = []
        for index, image in enumerate(iter_frame_images(trace, theme=theme, format=format)):
            path = folder / f"{name}-{index:03d}.{format}"
            path.write_bytes(image)
            paths.append(path)
        return paths

    path = folder / f"{name}.{format}"
    if format == "html":
        from eigenvue.player import standalone_html

        images = iter_frame_images(trace, theme=theme)
        page = standalone_html(trace, images, theme=theme)
        path.write_text(page, encoding="utf-8")
        return [path]

    from eigenvue.drawing.frame import TeachingFrame

    frame = TeachingFrame(trace, theme)
    _animate(frame, path, format)
    return [path]


def _animate(frame: TeachingFrame, path: Path, format: str) -> None:
    """Write every step of ``frame`` as an animation, with matplotlib's own writers."""
    from matplotlib.animation import AbstractMovieWriter, FFMpegWriter, FuncAnimation, PillowWriter

    # A fractional rate (two thirds of a frame per second). The writers' stubs say int,
    # but matplotlib itself hands them float rates (1000 / interval) and both write them.
    fps = 1.0 / SECONDS_PER_STEP
    if format == "gif":
        writer: AbstractMovieWriter = PillowWriter(fps=fps)  # type: ignore[arg-type]
    else:
        # h264 in yuv420p plays everywhere; a keyframe per step keeps seeking exact.
        writer = FFMpegWriter(
            fps=fps,  # type: ignore[arg-type]
            codec="h264",
            extra_args=["-pix_fmt", "yuv420p", "-g", "1"],
        )
    with frame._style():
        animation = FuncAnimation(
            frame.figure,
            frame.show_step,
            frames=len(frame),
            repeat=False,
            cache_frame_data=False,
        )
        animation.save(
            str(path),
            writer=writer,
            dpi=frame.figure.dpi,
            savefig_kwargs={"facecolor": frame.theme.background},
        )
