"""Build the documentation site for tests, once per session, and read its HTML.

Shared by ``test_docs_build.py``, ``test_docs_pages.py`` and ``test_site_browser.py``.
Frames come from the project's usual cache (``.cache/eigenvue/frames``), which
is keyed by everything that draws them, so a warm cache gives the same site as a
cold one.
"""

from __future__ import annotations

import atexit
import functools
import json
import logging
import posixpath
import shutil
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent

#: The second-level headings of every algorithm page, in order.
SECTIONS = [
    "Overview",
    "Try It",
    "Default Inputs",
    "Input Examples",
    "Parameters",
    "Pseudocode",
    "Implementation",
    "Key Concepts",
    "Common Pitfalls",
    "Quiz",
    "Further Reading",
    "Related Algorithms",
    "Prerequisites",
]


def page_sections(meta: Any, charts: bool = False) -> list[str]:
    """The sections an algorithm's page must have: :data:`SECTIONS` (with *Measured Cost*
    after *Try It* when it has charts), then its differences."""
    sections = list(SECTIONS)
    if charts:
        sections.insert(sections.index("Try It") + 1, "Measured Cost")
    differs = meta.differences or meta.extra_state
    return sections + (["Differences from Eigenvue"] if differs else [])


@dataclass
class BuiltSite:
    """A built site: where it is, the plugin object that built it, what mkdocs warned."""

    site_dir: Path
    plugin: Any
    warnings: list[str]
    use_directory_urls: bool = True

    def page_path(self, src_uri: str) -> Path:
        """The HTML file of the page whose source is ``src_uri`` (``"algorithms/x.md"``)."""
        stem = src_uri[: -len(".md")]
        if stem == "index" or stem.endswith("/index"):
            return self.site_dir / f"{stem}.html"
        if self.use_directory_urls:
            return self.site_dir / stem / "index.html"
        return self.site_dir / f"{stem}.html"


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build(
    site_dir: Path, plugin_options: dict[str, Any] | None = None, **overrides: Any
) -> BuiltSite:
    """Run ``mkdocs build --strict`` in this process; raise (``Abort``) if mkdocs warns.

    ``plugin_options`` set options of the eigenvue plugin, as mkdocs.yml would.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    overrides.setdefault("strict", True)
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), **overrides)
    for name, value in (plugin_options or {}).items():
        config.plugins["eigenvue"].config[name] = value
    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
    finally:
        logger.removeHandler(collect)
    return BuiltSite(
        Path(site_dir), config.plugins["eigenvue"], collect.messages, config.use_directory_urls
    )


def _temporary_folder() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="eigenvue-site-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


#: The session's site leaves out the examples' players: they hold three quarters of all
#: frames, and a cold build (a fresh clone) would take minutes. One algorithm's example
#: players are built and checked by test_docs_build.py on their own.
SESSION_OPTIONS = {"examples": False}


@functools.cache
def session_site() -> BuiltSite:
    """The whole catalogue, built once per test session."""
    return build(_temporary_folder() / "site", SESSION_OPTIONS)


def new_site_dir() -> Path:
    """An empty folder for another build, removed when the session ends."""
    return _temporary_folder() / "site"


# -- reading the HTML -----------------------------------------------------------------


@dataclass
class Page:
    """What the tests need from one HTML page."""

    h1: list[str] = field(default_factory=list)
    h2: list[str] = field(default_factory=list)
    images: list[dict[str, str]] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    players: list[list[dict[str, Any]]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._heading: str | None = None
        self._heading_text: list[str] = []
        self._skip_depth = 0  # inside a heading's permalink anchor
        self._in_frames = False
        self._frames_text: list[str] = []
        self._frames_src: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if tag in ("h1", "h2"):
            self._heading, self._heading_text = tag, []
        elif tag == "a" and self._heading and "headerlink" in attributes.get("class", ""):
            self._skip_depth = 1
        if tag == "img":
            self.page.images.append(attributes)
        if tag == "a" and "href" in attributes:
            self.page.links.append(attributes["href"])
        if tag == "script" and "ev-frames" in attributes.get("class", "").split():
            self._in_frames, self._frames_text = True, []
            self._frames_src = attributes.get("data-src")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip_depth:
            self._skip_depth = 0
        elif self._heading == tag:
            getattr(self.page, tag).append(" ".join("".join(self._heading_text).split()))
            self._heading = None
        elif tag == "script" and self._in_frames:
            if self._frames_src:  # fetched by the player: read from the file beside the page
                self.page.players.append(self._frames_src)
            else:
                self.page.players.append(_frames(json.loads("".join(self._frames_text))))
            self._in_frames = False

    def handle_data(self, data: str) -> None:
        if self._in_frames:
            self._frames_text.append(data)
            return
        if self._heading and not self._skip_depth:
            self._heading_text.append(data)
        self.page.text.append(data)


def _frames(data: Any) -> list[dict[str, Any]]:
    """A player's frames with full URLs, from either form of its JSON (as player.js reads it)."""
    if isinstance(data, list):
        return data
    frames = []
    for frame in data["frames"]:
        frame = {"alt": "", "phase": None, "srcDark": None, **frame}
        frame["src"] = data.get("srcBase", "") + frame["src"]
        if frame["srcDark"] is not None:
            frame["srcDark"] = data.get("srcDarkBase", "") + frame["srcDark"]
        frames.append(frame)
    return frames


def read_page(path: Path) -> Page:
    """Parse one built HTML page."""
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    page = parser.page
    page.players = [
        _frames(json.loads((path.parent / p).read_text(encoding="utf-8")))
        if isinstance(p, str)
        else p
        for p in page.players
    ]
    return page


def resolve(page_path: Path, site_dir: Path, url: str) -> Path | None:
    """The file a relative URL on a page points at; None for external or absolute URLs."""
    url = url.split("#", 1)[0].split("?", 1)[0]
    if not url or "://" in url or url.startswith(("/", "data:", "mailto:")):
        return None
    base = page_path.parent.relative_to(site_dir).as_posix()
    target = posixpath.normpath(posixpath.join(base, url))
    path = site_dir / target
    return path / "index.html" if url.endswith("/") or path.is_dir() else path
