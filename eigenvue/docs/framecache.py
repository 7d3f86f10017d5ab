"""Frames for the docs site, rendered in parallel worker processes and cached on disk.

A *frame set* is every frame of one trace (an algorithm run on one set of
inputs) drawn in one theme. It is stored under a key that hashes everything
that produces it: the algorithm's metadata and plugin folder, the framework's
own sources, the inputs, the theme, the resolution and the versions of the
libraries that draw. A rebuild with nothing changed therefore finds every key
on disk and renders nothing; touching one plugin re-renders only its sets.

The cache lives outside ``docs_dir`` (by default ``.cache/eigenvue/frames``
next to ``mkdocs.yml``), so ``mkdocs serve`` never sees its own output change
and does not rebuild in a loop.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import logging
import multiprocessing
import os
import pickle
import platform
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eigenvue.docs import thumbnails
from eigenvue.docs.palette import palette_webp, reduced

if TYPE_CHECKING:
    from eigenvue.algorithm import Algorithm

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: Bumped when the layout or the encoding of a cache entry changes, so old entries are ignored.
CACHE_FORMAT = 4
#: Width in pixels of the catalogue's thumbnails (see :mod:`eigenvue.docs.thumbnails`).
THUMBNAIL_WIDTH = thumbnails.THUMBNAIL_WIDTH
#: Libraries whose versions change the pixels.
DRAWING_PACKAGES = ("eigenvue", "matplotlib", "numpy", "pillow")

_STEPS_FILE = "steps.json"
_INFO_FILE = "info.json"
_STALE_STAGING_SECONDS = 3600
_THUMBNAIL_FILE = "thumbnail.webp"
_FRAMEWORK_DIR = Path(__file__).resolve().parent.parent
_THUMBNAILS = Path(thumbnails.__file__).resolve()
# The docs package writes pages and the player shows images; neither draws a pixel of a
# frame, so editing them must not invalidate frames (a changed encoding bumps CACHE_FORMAT).
_NOT_DRAWING = {
    Path(__file__).resolve().parent,
    _FRAMEWORK_DIR / "player.py",
    _FRAMEWORK_DIR / "player_assets",
}


@dataclass(frozen=True)
class FrameJob:
    """What to draw: one algorithm on one set of inputs, in one theme.

    The algorithm object itself travels to the worker process (it is small
    and picklable when its plugin is importable), so plugins registered at
    run time render as well as those found on disk; the trace is computed in
    the worker and never pickled.
    """

    algorithm: Algorithm = field(compare=False)
    # As written in the metadata: validation may depend on which inputs were given.
    inputs: dict[str, Any]
    theme: str
    dpi: int | None = None
    #: ``(title, "module:function")`` of one of the algorithm's charts: draw that figure
    #: (a set of one image) instead of the steps of a run.
    chart: tuple[str, str] | None = None
    #: Draw the catalogue card's thumbnail for this run (see :mod:`eigenvue.docs.thumbnails`);
    #: otherwise the thumbnail is a scaled copy of the last frame's diagram, which no card shows.
    card: bool = False


@dataclass(frozen=True)
class RenderedFrames:
    """A renderer's output: PNG bytes per step and the text of each step.

    Attributes
    ----------
    images : list of bytes
        One PNG per step.
    steps : list of dict
        ``{"title", "explanation", "phase"}`` per step.
    text_px : float, optional
        Height in image pixels of the smallest text drawn (its font size), so a
        page can tell how large it shows once the image is scaled.
    diagram_box : (left, top, right, bottom), optional
        The diagram's part of the image, in pixels: the thumbnail shows only it.
    thumbnail : bytes, optional
        The catalogue card's picture, drawn for the card; without it, the
        thumbnail is the last image cut to ``diagram_box`` and scaled down.
    thumbnail_step : int, optional
        The index of the step the thumbnail shows (the last without one).
    """

    images: list[bytes]
    steps: list[dict[str, Any]]
    text_px: float | None = None
    diagram_box: tuple[int, int, int, int] | None = None
    thumbnail: bytes | None = None
    thumbnail_step: int | None = None


@dataclass(frozen=True)
class FrameSet:
    """A cached frame set: one PNG per step, a thumbnail and the steps' text."""

    key: str
    directory: Path
    steps: list[dict[str, Any]]
    #: What :class:`RenderedFrames` said besides the images (``text_px``, ``width``, ``height``).
    info: dict[str, Any] = field(default_factory=dict)

    @property
    def frames(self) -> list[Path]:
        """The PNG files, one per step, in step order."""
        extension = self.extension
        return [self.directory / _frame_name(i, extension) for i in range(len(self.steps))]

    @property
    def extension(self) -> str:
        """The file extension of the frames: ``"webp"`` or ``"png"``."""
        return str(self.info.get("extension", "png"))

    @property
    def thumbnail(self) -> Path:
        """The catalogue card's picture, a WebP (see :attr:`FrameJob.card`)."""
        return self.directory / _THUMBNAIL_FILE

    @property
    def thumbnail_step(self) -> int:
        """The index of the step the thumbnail shows."""
        step = self.info.get("thumbnail_step")
        return len(self.steps) - 1 if step is None else int(step)


Renderer = Callable[[FrameJob], RenderedFrames]


def render_frames(job: FrameJob) -> RenderedFrames:
    """Run the algorithm and draw every step; the default renderer (runs in a worker).

    Frames are stored as 256-colour WebPs (see :func:`frame_image`). A chart job
    draws the chart instead, as a set of one image. A card job also draws the
    catalogue card's thumbnail from the live frame (see :mod:`eigenvue.docs.thumbnails`).

    Parameters
    ----------
    job : FrameJob
        The algorithm, inputs and theme.
    """
    if job.chart is not None:
        return _render_chart(job)
    import matplotlib.text

    from eigenvue.drawing.frame import DPI, TeachingFrame

    trace = job.algorithm.run(job.inputs)
    frame = TeachingFrame(trace, job.theme, dpi=job.dpi or DPI)
    images: list[bytes] = []
    smallest = float("inf")
    sampled = {0, len(trace) // 2, len(trace) - 1}
    try:
        # One theme block for all frames: entering it twice per step is 3 % of the drawing.
        with frame.theme.context():
            for index in range(len(trace)):
                frame.show_step(index)
                images.append(frame_image(frame.rgba()))
                if index in sampled:
                    sizes = [
                        float(t.get_fontsize())
                        for t in frame.figure.findobj(matplotlib.text.Text)
                        if t.get_visible() and t.get_text().strip() and _shown(t)
                    ]
                    smallest = min(smallest, *sizes) if sizes else smallest
        box = frame.diagram_figure.bbox
        height = frame.figure.bbox.height
        diagram_box = (
            int(box.x0),
            int(height - box.y1),
            int(box.x1),
            int(height - box.y0),
        )
        dpi = frame.figure.dpi
        card = thumbnails.draw_thumbnail(frame) if job.card else None
    finally:
        frame.figure.clear()
    steps = [{"title": s.title, "explanation": s.explanation, "phase": s.phase} for s in trace]
    text_px = smallest * dpi / 72 if smallest != float("inf") else None
    if card is None:
        return RenderedFrames(images, steps, text_px, diagram_box)
    return RenderedFrames(images, steps, text_px, diagram_box, card.image, card.step)


def _shown(text: Any) -> bool:
    # A text drawn fully transparent, or placed outside the figure, is not seen.
    alpha = text.get_alpha()
    return alpha is None or alpha > 0


def _render_chart(job: FrameJob) -> RenderedFrames:
    from matplotlib.figure import Figure

    from eigenvue.drawing.theme import get_theme

    assert job.chart is not None
    title, _ref = job.chart
    functions = dict(job.algorithm.chart_functions())
    theme = get_theme(job.theme)
    with theme.context():
        figure = functions[title](theme)
        if not isinstance(figure, Figure):
            raise TypeError(f"the chart {title!r} returned {type(figure).__name__}, not a Figure")
        buffer = io.BytesIO()
        figure.savefig(
            buffer, format="png", facecolor=theme.background, metadata={"Software": None}
        )
    step = {"title": title, "explanation": "", "phase": None}
    return RenderedFrames([compress(buffer.getvalue())], [step])


def frame_image(rgba: Any) -> bytes:
    """A drawn frame (a ``(height, width, 4)`` uint8 array) as a 256-colour lossless WebP.

    The colours are reduced to a palette of 256 without dithering (frames are flat
    colours and antialiased text), then stored losslessly. Measured on sorting,
    attention and network frames, WebP holds them in 65-75 % of the bytes of the
    same palette as PNG (zlib level 9, optimised) and in half its encoding time.
    """
    from PIL import Image

    height, width = rgba.shape[:2]
    # Reading the buffer as RGBA and converting in C is twice as fast as slicing the
    # alpha off in numpy, which makes Pillow copy a strided array.
    rgb = Image.frombuffer("RGBA", (width, height), rgba, "raw", "RGBA", 0, 1).convert("RGB")
    # method 2, quality 20: libwebp's effort below quality 25 skips a search that saves
    # 8 % of the bytes at 35 % more time per frame (20 ms against 27 ms at quality 25,
    # on 15 frames of five algorithms); the build's time is the scarcer budget.
    return palette_webp(rgb, method=2, quality=20)


def compress(png: bytes) -> bytes:
    """A PNG as a palette PNG of at most 256 colours (see :mod:`eigenvue.docs.palette`).

    An image that does not shrink is returned as it was.
    """
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        quantized = reduced(image)
    out = io.BytesIO()
    quantized.save(out, format="PNG")  # optimize=True: 5 % smaller, 5 times slower
    return out.getvalue() if out.tell() < len(png) else png


def thumbnail(
    image: bytes, width: int = THUMBNAIL_WIDTH, box: tuple[int, int, int, int] | None = None
) -> bytes:
    """An image (PNG or WebP) cut to ``box`` (left, top, right, bottom), scaled down to ``width``.

    Never scaled up; without ``box`` the whole image. Stored as a WebP, like
    the cards' pictures. The thumbnail of a run no card shows (and of a
    renderer that draws none): cheap, and its text is as small as the frame's.
    """
    from PIL import Image

    with Image.open(io.BytesIO(image)) as opened:
        picture = opened.convert("RGB")
        if box is not None:
            picture = picture.crop(box)
        picture.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
    return thumbnails.encode(picture)


def _render_with_thumbnail(render: Renderer, job: FrameJob) -> tuple[RenderedFrames, bytes]:
    # The worker's entry point: the thumbnail is made where the pixels already are.
    rendered = render(job)
    if len(rendered.images) != len(rendered.steps) or not rendered.images:
        raise ValueError(
            f"the renderer returned {len(rendered.images)} images for {len(rendered.steps)} steps"
        )
    if rendered.thumbnail is not None:
        return rendered, rendered.thumbnail
    return rendered, thumbnail(rendered.images[-1], box=rendered.diagram_box)


def _frame_name(index: int, extension: str = "png") -> str:
    return f"frame-{index:04d}.{extension}"


class CacheKeys:
    """Computes cache keys; hashes each source folder once per instance (one build)."""

    def __init__(self) -> None:
        self._trees: dict[Path, str] = {}
        self._files: dict[Path, str] = {}
        self._folders: dict[Path, str] = {}
        # What a key says of an algorithm (its metadata, folder, release), by id: the same
        # for each of its jobs, and the bulk of a warm build's hashing.
        self._algorithms: dict[str, dict[str, Any]] = {}
        self._versions = _versions()

    def tree_digest(self, folder: Path, skip: Iterable[Path] = ()) -> str:
        """A hash of the names and contents of every file under ``folder``."""
        folder = folder.resolve()
        if folder not in self._trees:
            skipped = [s.resolve() for s in skip]
            digest = hashlib.sha256()
            for path in sorted(folder.rglob("*")):
                if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
                    continue
                if any(path.is_relative_to(s) for s in skipped):
                    continue
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(b"\0")
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            self._trees[folder] = digest.hexdigest()
        return self._trees[folder]

    def file_digest(self, path: Path) -> str:
        """A hash of one file's contents (read once per instance)."""
        if path not in self._files:
            self._files[path] = hashlib.sha256(path.read_bytes()).hexdigest()
        return self._files[path]

    def files_digest(self, folder: Path) -> str:
        """A hash of the names and contents of the files directly in ``folder`` (no sub-folders)."""
        folder = folder.resolve()
        if folder not in self._folders:
            digest = hashlib.sha256()
            for path in sorted(folder.iterdir()):
                if path.is_file() and path.suffix != ".pyc":
                    digest.update(path.name.encode())
                    digest.update(b"\0")
                    digest.update(hashlib.sha256(path.read_bytes()).digest())
            self._folders[folder] = digest.hexdigest()
        return self._folders[folder]

    def plugin_digest(self, folder: Path) -> str:
        """A hash of a plugin folder and of the modules its enclosing packages share.

        Plugins of one category may share modules beside their folders (for example
        ``algorithms/classical/arrays.py``): those files count for each of them, so an
        edit there redraws every plugin that may import it, and only those.
        """
        parts = [self.tree_digest(folder)]
        parent = folder.resolve().parent
        while (parent / "__init__.py").is_file():
            parts.append(self.files_digest(parent))
            parent = parent.parent
        return hashlib.sha256("".join(parts).encode()).hexdigest()

    def gallery_key(self) -> str:
        """The key of the drawing parts' gallery: the framework's sources and the versions."""
        described = {
            "format": CACHE_FORMAT,
            "gallery": True,
            "versions": self._versions,
            "framework": self.tree_digest(_FRAMEWORK_DIR, skip=_NOT_DRAWING),
        }
        text = json.dumps(described, sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def key(self, job: FrameJob) -> str:
        """The key of a job: a hash of everything that determines its pixels."""
        described = {
            **self._algorithm_part(job.algorithm),
            "inputs": job.inputs,
            "theme": job.theme,
            "dpi": job.dpi,
            "chart": job.chart,
            # The docs package draws no frame (_NOT_DRAWING), but this module draws the cards.
            "card": self.file_digest(_THUMBNAILS) if job.card else None,
        }
        text = json.dumps(described, sort_keys=True, ensure_ascii=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()

    def _algorithm_part(self, algorithm: Algorithm) -> dict[str, Any]:
        # Keyed by the object too: `mkdocs serve` re-imports an edited plugin as a new one.
        cached = self._algorithms.get(algorithm.id)
        if cached is None or cached["object"] is not algorithm:
            cached = {
                "object": algorithm,
                "described": {
                    "format": CACHE_FORMAT,
                    "algorithm": algorithm.id,
                    "metadata": algorithm.meta.model_dump(mode="json"),
                    "refs": [algorithm.package, algorithm.trace_ref, algorithm.frames_ref],
                    "versions": self._versions,
                    "plugin": _plugin_version(algorithm.plugin),
                    "framework": self.tree_digest(_FRAMEWORK_DIR, skip=_NOT_DRAWING),
                    "folder": self.plugin_digest(algorithm.folder) if algorithm.folder else None,
                },
            }
            self._algorithms[algorithm.id] = cached
        return dict(cached["described"])


def _versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"python": platform.python_version()}
    for name in DRAWING_PACKAGES:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _plugin_version(plugin: str | None) -> str | None:
    # A third-party plugin's code may live outside its folder: its release counts too.
    if plugin is None:
        return None
    from eigenvue.plugins import get_registry

    for info in get_registry().plugins:
        if info.name == plugin:
            return f"{info.distribution}=={info.version}" if info.distribution else None
    return None


@dataclass
class EnsureReport:
    """The outcome of :meth:`FrameCache.ensure`."""

    sets: dict[str, FrameSet] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    rendered_sets: int = 0
    rendered_frames: int = 0
    reused_sets: int = 0


class FrameCache:
    """Frame sets on disk, rendering what is missing in parallel worker processes.

    Parameters
    ----------
    root : path
        The cache folder; created on demand.
    workers : int, optional
        Worker processes for rendering; default: the number of CPUs. ``0`` or
        ``1`` renders in this process.
    render : callable, optional
        ``render(job) -> RenderedFrames``; must be a module-level function so
        workers can import it. The default draws with :func:`eigenvue.export.frame_images`.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        workers: int | None = None,
        render: Renderer = render_frames,
    ) -> None:
        self.root = Path(root)
        self.workers = (os.cpu_count() or 1) if workers is None else workers
        self.render = render
        self.keys = CacheKeys()

    def load(self, key: str) -> FrameSet | None:
        """The cached frame set of ``key``, or None when it is absent or incomplete."""
        directory = self.root / key
        try:
            steps = json.loads((directory / _STEPS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            info = json.loads((directory / _INFO_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        frame_set = FrameSet(key, directory, steps, info)
        if not frame_set.thumbnail.is_file() or not all(p.is_file() for p in frame_set.frames):
            return None
        # The folder's time is its last use: prune() removes the least recently used first.
        with contextlib.suppress(OSError):
            os.utime(directory)
        return frame_set

    def prune(self, max_bytes: int, keep: Iterable[str] = ()) -> list[str]:
        """Remove the least recently used entries until the cache holds at most ``max_bytes``.

        Entries in ``keep`` (those the current build uses) are never removed, even
        when they alone exceed the limit. Returns the keys removed.
        """
        if not self.root.is_dir():
            return []
        kept = set(keep)
        entries = []
        total = 0
        for directory in self.root.iterdir():
            if directory.name.startswith("."):
                # A staging folder left by a build that was killed half way.
                if time.time() - directory.stat().st_mtime > _STALE_STAGING_SECONDS:
                    shutil.rmtree(directory, ignore_errors=True)
                continue
            size = sum(f.stat().st_size for f in directory.iterdir() if f.is_file())
            total += size
            if directory.name not in kept:
                entries.append((directory.stat().st_mtime, size, directory))
        removed = []
        for _, size, directory in sorted(entries):
            if total <= max_bytes:
                break
            shutil.rmtree(directory, ignore_errors=True)
            total -= size
            removed.append(directory.name)
        return removed

    def ensure(self, jobs: Sequence[FrameJob]) -> EnsureReport:
        """Make sure every job's frame set is on disk; render the missing ones.

        Returns
        -------
        EnsureReport
            The frame sets by key, the error of each job that failed (by key),
            and how many sets were rendered and reused.
        """
        report = EnsureReport()
        missing: dict[str, FrameJob] = {}
        for job in jobs:
            key = self.keys.key(job)
            if key in report.sets or key in missing:
                continue
            cached = self.load(key)
            if cached is None:
                missing[key] = job
            else:
                report.sets[key] = cached
                report.reused_sets += 1
        if missing:
            self._render_missing(missing, report)
        return report

    # -- rendering -----------------------------------------------------------

    def _render_missing(self, missing: dict[str, FrameJob], report: EnsureReport) -> None:
        in_process: dict[str, FrameJob] = {}
        parallel: dict[str, FrameJob] = {}
        for key, job in missing.items():
            # A plugin defined where a fresh process cannot import it renders here instead.
            (parallel if self.workers > 1 and _picklable(job) else in_process)[key] = job
        if len(parallel) == 1:
            in_process.update(parallel)
            parallel = {}
        if parallel:
            n = min(self.workers, len(parallel))
            log.info("eigenvue: rendering %d frame sets in %d processes", len(parallel), n)
            # spawn, not fork: mkdocs serve runs threads, and forking a threaded process can hang.
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(
                max_workers=n, mp_context=context, initializer=keep_freed_memory
            ) as pool:
                futures = {
                    key: pool.submit(_render_with_thumbnail, self.render, job)
                    for key, job in parallel.items()
                }
                for key, future in futures.items():
                    self._collect(key, missing[key], future, report)
        for key, job in in_process.items():
            done: Future[tuple[RenderedFrames, bytes]] = Future()
            try:
                done.set_result(_render_with_thumbnail(self.render, job))
            except Exception as exc:
                done.set_exception(exc)
            self._collect(key, job, done, report)

    def _collect(
        self,
        key: str,
        job: FrameJob,
        future: Future[tuple[RenderedFrames, bytes]],
        report: EnsureReport,
    ) -> None:
        try:
            rendered, thumb = future.result()
        except Exception as exc:
            report.errors[key] = f"{type(exc).__name__}: {exc}"
            return
        report.sets[key] = self._store(key, rendered, thumb)
        report.rendered_sets += 1
        report.rendered_frames += len(rendered.images)

    def _store(self, key: str, rendered: RenderedFrames, thumb: bytes) -> FrameSet:
        # Write into a private folder, then rename it into place in one step: a build
        # interrupted half way, or two builds at once, never leave a partial entry.
        self.root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{key[:12]}-", dir=self.root))
        try:
            info = _image_info(rendered)
            for i, image in enumerate(rendered.images):
                (staging / _frame_name(i, info["extension"])).write_bytes(image)
            (staging / _THUMBNAIL_FILE).write_bytes(thumb)
            (staging / _STEPS_FILE).write_text(
                json.dumps(rendered.steps, ensure_ascii=False), encoding="utf-8"
            )
            (staging / _INFO_FILE).write_text(json.dumps(info), encoding="utf-8")
            target = self.root / key
            if target.exists():
                shutil.rmtree(target)  # an incomplete entry left by an older build
            os.replace(staging, target)
        finally:
            if staging.exists():
                shutil.rmtree(staging, ignore_errors=True)
        return FrameSet(key, self.root / key, rendered.steps, info)


def _image_info(rendered: RenderedFrames) -> dict[str, Any]:
    from PIL import Image

    with Image.open(io.BytesIO(rendered.images[0])) as image:
        width, height = image.size
        extension = {"WEBP": "webp", "PNG": "png"}.get(image.format or "", "png")
    formats = set()
    for data in rendered.images:
        formats.add("webp" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else "png")
    if len(formats) > 1:
        raise ValueError("the images of one frame set must share one format")
    return {
        "width": width,
        "height": height,
        "text_px": rendered.text_px,
        "extension": extension,
        "thumbnail_step": rendered.thumbnail_step,
    }


def keep_freed_memory() -> None:
    """Let this process's C allocator keep the memory it frees, where it is glibc's.

    Each frame's encoding allocates and frees image-sized buffers. By default glibc
    maps buffers this large afresh and returns them to the system on free, so every
    frame pays for page faults: measured on bubble sort's frames, 10 ms of system time
    per frame beside 37 ms of user time. Raising the mmap and trim thresholds keeps
    the memory for the next frame (2 ms). Elsewhere this does nothing.
    """
    import ctypes

    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 64 << 20)
    mallopt(m_trim_threshold, 256 << 20)


def _picklable(job: FrameJob) -> bool:
    try:
        pickle.dumps(job)
    except Exception:
        return False
    return True
