"""The ``eigenvue`` mkdocs plugin: a catalogue page for every registered algorithm.

Events used, and why:

- ``on_startup`` -- only so that mkdocs keeps one plugin object for a whole
  ``mkdocs serve`` session (mkdocs >= 1.4 does this when the method exists).
- ``on_config`` -- switches on the Markdown extensions the generated pages need
  (tabs, admonitions, collapsible blocks, attribute lists, Markdown in HTML,
  tables) when ``mkdocs.yml`` lacks them, and adds the player's and the
  catalogue's JavaScript and CSS to every page.
- ``on_files`` -- the work: reads the plugin registry, makes sure every frame
  set exists in the on-disk cache (rendering missing ones in parallel worker
  processes), then adds the generated pages, frames, thumbnails and assets as
  virtual files (``File.generated``), so nothing generated is ever written to
  ``docs_dir`` or committed. It also places the catalogue in the navigation,
  which mkdocs builds right after this event.
- ``on_post_build`` -- logs how many frame sets were reused and rendered.

The frame cache lives outside ``docs_dir``, so ``mkdocs serve`` does not see
the plugin's output change and never rebuilds in a loop.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url, nest_paths

from eigenvue.docs.framecache import (
    CacheKeys,
    EnsureReport,
    FrameCache,
    FrameJob,
    FrameSet,
    compress,
)
from eigenvue.docs.pages import (
    CATEGORY_TITLES,
    Card,
    algorithm_page,
    catalogue_page,
    charts_section,
    implementation_page,
    indent,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from eigenvue.algorithm import Algorithm
    from eigenvue.player import Frame

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

THEMES = ("light", "dark")
#: The hand-written page that shows the drawing parts' pictures (drawn at build time).
GALLERY_PAGE = "drawing-parts.md"
ASSET_DIR = "assets/eigenvue"
CATALOGUE_CSS = Path(__file__).with_name("catalogue.css")
LIGHTBOX_JS = Path(__file__).with_name("lightbox.js")
ACCESSIBILITY_JS = Path(__file__).with_name("accessibility.js")

# Extensions the generated pages rely on, with the options they need.
REQUIRED_EXTENSIONS: dict[str, dict[str, Any]] = {
    "admonition": {},
    "attr_list": {},
    "md_in_html": {},
    "tables": {},
    "pymdownx.details": {},
    "pymdownx.superfences": {},
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.highlight": {},
}


class EigenvuePluginConfig(Config):
    """Options of the ``eigenvue`` plugin, written under ``plugins: - eigenvue:`` in mkdocs.yml."""

    path = opt.Type(str, default="algorithms")
    """Folder of the site that holds the catalogue index and one sub-folder per algorithm."""

    nav_title = opt.Type(str, default="Catalogue")
    """Title of the navigation section (and of the index page) of the catalogue.

    With an explicit ``nav`` in mkdocs.yml, an entry pointing at ``<path>/index.md``
    (for example ``- Catalogue: algorithms/index.md``) marks where the section goes;
    without one, the section is appended at the end.
    """

    cache_dir = opt.Type(str, default=".cache/eigenvue/frames")
    """Where rendered frames are kept, relative to mkdocs.yml; must lie outside ``docs_dir``.

    The environment variable ``EIGENVUE_DOCS_CACHE`` overrides it.
    """

    cache_size = opt.Type(int, default=1000)
    """Megabytes the frame cache may hold; beyond that the least recently used frames go.

    Frames the current build uses are always kept. The whole catalogue in both
    palettes takes a few hundred megabytes.
    """

    workers = opt.Optional(opt.Type(int))
    """Worker processes that render frames; default: one per CPU. ``1`` renders in-process."""

    dpi = opt.Optional(opt.Type(int))
    """Resolution of the frames; default: that of :func:`eigenvue.export.frame_images`."""

    examples = opt.Type(bool, default=True)
    """Give every input example its own player (off: examples show their JSON only)."""

    algorithms = opt.Optional(opt.ListOfItems(opt.Type(str)))
    """Only these algorithm ids get pages (default: every registered one).

    For a quick preview of one page: ``EIGENVUE_DOCS_ONLY=quicksort mkdocs serve``
    (comma-separated ids) overrides it. Links to algorithms left out are plain text.
    """


@dataclass
class _Run:
    """The frames of one run of an algorithm (default inputs or an example), both themes.

    ``same_as_default`` marks an example whose inputs are the defaults: its page
    points at the default player instead of repeating it.
    """

    label: str
    light: FrameSet | None
    dark: FrameSet | None
    error: str | None = None
    same_as_default: bool = False


class EigenvuePlugin(BasePlugin[EigenvuePluginConfig]):
    """Adds the catalogue: an index page and a page per registered algorithm."""

    supports_multiple_instances = False

    def __init__(self) -> None:
        self.report: EnsureReport | None = None
        self.cache_dir: Path | None = None
        self.generated_pages: list[str] = []
        # mkdocs serve: what each plugin folder held at the last build, and the
        # algorithms reloaded from an edited folder since the process started.
        self._folder_digests: dict[str, str] = {}
        self._reloaded: dict[str, Algorithm] = {}
        self.reloaded_ids: list[str] = []

    # -- events ----------------------------------------------------------------

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Nothing to do; defining it makes mkdocs keep this object across ``serve`` rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Enable the Markdown extensions the pages need and add the player's assets."""
        for name, options in REQUIRED_EXTENSIONS.items():
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            if options:
                current = config.mdx_configs.setdefault(name, {})
                for key, value in options.items():
                    current.setdefault(key, value)
        js, css = self._assets()
        for _source, target in (*js, *css):
            url = f"{ASSET_DIR}/{target}"
            if target.endswith(".js"):
                if url not in [str(s) for s in config.extra_javascript]:
                    config.extra_javascript.append(url)
            elif url not in config.extra_css:
                config.extra_css.append(url)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Render or reuse the frames, add the generated pages and images, place the nav."""
        from eigenvue.plugins import get_registry

        registry = get_registry()
        for info in registry.plugins:
            if info.error:
                # A plugin missing from the site must not go unnoticed: this fails --strict.
                log.warning("eigenvue: plugin %r has no page: %s", info.name, info.error)
        registered = {**registry.algorithms, **self._reload_edited(registry.algorithms)}
        algorithms = _catalogue_order(self._selected(registered))
        self.cache_dir = self._cache_dir(config)
        cache = FrameCache(self.cache_dir, workers=self.config.workers)
        runs, charts = self._frames(cache, algorithms)

        root = self.config.path.strip("/")
        names = {a.id: a.meta.name for a in algorithms}
        self.generated_pages = []
        added: set[str] = set()

        def add(src_uri: str, **source: Any) -> None:
            if src_uri in added:
                return
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                if existing.generated_by is None:
                    raise PluginError(
                        f"eigenvue: docs/{src_uri} is in the way of a generated file; "
                        "remove it (generated pages are never written to docs_dir)"
                    )
                files.remove(existing)
            file = File.generated(config, src_uri, **source)
            if "abs_src_path" in source:
                _link_into_site(file)
            files.append(file)
            added.add(src_uri)

        cards = []
        for algorithm in algorithms:
            folder = f"{root}/{algorithm.id}"
            page_uri = f"{root}/{algorithm.id}.md"
            page_url = _url(config, page_uri)
            algorithm_runs = runs.get(algorithm.id, [])
            for run in algorithm_runs:
                for frame_set in (run.light, run.dark):
                    if frame_set is None:  # the run failed, or repeats the default one
                        continue
                    for index, path in enumerate(frame_set.frames):
                        add(f"{folder}/{_frame_name(frame_set, index)}", abs_src_path=str(path))
            # Players are raw HTML, which mkdocs does not rewrite: their image URLs are
            # made relative to the page's URL here (it differs with use_directory_urls).
            url = functools.partial(_relative_url, config, folder, page_url)
            players = []
            for i, run in enumerate(algorithm_runs):
                # An example's frames go in a file of their own, fetched when its player
                # nears the viewport: the page's first load holds the default run only.
                json_name = f"players/example-{i}.json" if i else None
                player, frames_json = self._player(algorithm, run, i, url, json_name)
                if json_name and frames_json is not None:
                    add(f"{folder}/{json_name}", content=frames_json)
                players.append(player)
            default_player = players[0] if players else _no_frames(algorithm)
            example_players = players[1:] or [""] * len(algorithm.meta.examples)
            chart_images = []
            for title, light, dark in charts.get(algorithm.id, []):
                names_by_theme = []
                for frame_set in (light, dark):
                    name = f"charts/{frame_set.key[:16]}.{frame_set.extension}"
                    add(f"{folder}/{name}", abs_src_path=str(frame_set.frames[0]))
                    names_by_theme.append(f"{algorithm.id}/{name}")
                chart_images.append((title, names_by_theme[0], names_by_theme[1], light.info))
            page = algorithm_page(
                algorithm,
                player=default_player,
                example_players=example_players,
                names=names,
                charts=charts_section(chart_images),
            )
            add(page_uri, content=page)
            self.generated_pages.append(page_uri)
            # The source files on a page of their own: the algorithm's page stays light.
            code_uri = f"{folder}/implementation.md"
            add(code_uri, content=implementation_page(algorithm))
            self.generated_pages.append(code_uri)
            first = algorithm_runs[0] if algorithm_runs else None
            cards.append(self._card(algorithm, first))
            if first and first.light and first.dark:
                for theme, frame_set in zip(THEMES, (first.light, first.dark)):
                    add(f"{folder}/thumbnail-{theme}.webp", abs_src_path=str(frame_set.thumbnail))

        add(f"{root}/index.md", content=catalogue_page(cards, self.config.nav_title))
        self.generated_pages.append(f"{root}/index.md")
        js, css = self._assets()
        for source, target in (*js, *css):
            add(f"{ASSET_DIR}/{target}", abs_src_path=str(source))
        for name, path in self._gallery(config, files, cache.keys).items():
            add(name, abs_src_path=str(path))

        config.nav = self._navigation(config.nav, files, algorithms)
        return files

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Callable[..., Any]) -> Any:
        """Watch every plugin folder: an edited plugin's page is rebuilt without a restart."""
        from eigenvue.plugins import get_registry

        watched = set()
        for algorithm in get_registry().algorithms.values():
            if algorithm.folder is None:
                continue
            # The outermost package holding the plugin: its folder and the modules
            # shared beside it (a category's common drawing code, for example).
            folder = algorithm.folder.resolve()
            while (folder.parent / "__init__.py").is_file():
                folder = folder.parent
            if folder not in watched:
                watched.add(folder)
                server.watch(str(folder))
        return server

    def _reload_edited(self, registered: dict[str, Algorithm]) -> dict[str, Algorithm]:
        """Algorithms whose plugin folder changed since the last build, loaded afresh.

        The first build only notes what every folder holds. On a rebuild (``mkdocs
        serve``), a changed folder's modules are imported again and its plugin asked
        to register once more, so its page shows the new metadata, trace and frames
        (the frame cache's key changes with the folder, so only its frames are redrawn).
        """
        keys = CacheKeys()
        current = {**registered, **self._reloaded}
        self.reloaded_ids = []
        for algorithm_id, algorithm in current.items():
            if algorithm.folder is None or not algorithm.folder.is_dir():
                continue
            digest = keys.plugin_digest(algorithm.folder)
            before = self._folder_digests.get(algorithm_id)
            self._folder_digests[algorithm_id] = digest
            if before is None or before == digest or not algorithm.package:
                continue
            try:
                fresh = _reimport(algorithm)
            except Exception as exc:
                log.warning("eigenvue: %s could not be reloaded: %s", algorithm_id, exc)
                continue
            if fresh is not None:
                log.info("eigenvue: %s changed; reloaded its plugin", algorithm_id)
                self._reloaded[algorithm_id] = fresh
                self.reloaded_ids.append(algorithm_id)
        return self._reloaded

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Say what the frame cache did: a warm rebuild renders nothing."""
        if self.report is not None:
            log.info(
                "eigenvue: %d pages; frame sets: %d reused, %d rendered (%d frames)",
                len(self.generated_pages),
                self.report.reused_sets,
                self.report.rendered_sets,
                self.report.rendered_frames,
            )

    def _selected(self, registered: dict[str, Algorithm]) -> list[Algorithm]:
        only = os.environ.get("EIGENVUE_DOCS_ONLY")
        wanted = (
            [i.strip() for i in only.split(",") if i.strip()] if only else self.config.algorithms
        )
        if wanted is None:
            return list(registered.values())
        unknown = sorted(set(wanted) - set(registered))
        if unknown:
            raise PluginError(
                f"eigenvue: no registered algorithm has the id {', '.join(map(repr, unknown))}; "
                f"registered: {', '.join(sorted(registered))}"
            )
        return [registered[i] for i in dict.fromkeys(wanted)]

    # -- frames ------------------------------------------------------------------

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        base = Path(config.config_file_path or ".").resolve().parent
        cache = Path(os.environ.get("EIGENVUE_DOCS_CACHE") or self.config.cache_dir)
        cache = (base / cache).resolve()
        docs = Path(config.docs_dir).resolve()
        if cache == docs or cache.is_relative_to(docs):
            raise PluginError(
                f"eigenvue: cache_dir {cache} lies inside docs_dir; mkdocs serve would "
                "rebuild every time a frame is written. Choose a folder outside docs_dir."
            )
        return cache

    def _frames(
        self, cache: FrameCache, algorithms: list[Algorithm]
    ) -> tuple[dict[str, list[_Run]], dict[str, list[tuple[str, FrameSet, FrameSet]]]]:
        """Every run's frame sets and every chart's images, rendered in one pool.

        Runs are by algorithm id, the default run first, then each example; charts
        are ``(title, light, dark)`` by algorithm id.
        """
        plans: dict[str, list[tuple[str, list[FrameJob], bool]]] = {}
        chart_plans: dict[str, list[tuple[str, list[FrameJob]]]] = {}
        jobs: list[FrameJob] = []
        long_jobs: list[FrameJob] = []
        for algorithm in algorithms:
            for title, ref in algorithm.charts:
                chart_jobs = [
                    FrameJob(algorithm, {}, theme, self.config.dpi, chart=(title, ref))
                    for theme in THEMES
                ]
                chart_plans.setdefault(algorithm.id, []).append((title, chart_jobs))
                jobs.extend(chart_jobs)
            if algorithm.frames_ref is None:
                continue
            defaults = dict(algorithm.meta.defaults)
            runs = [("default inputs", defaults, False)]
            if self.config.examples:
                runs += [
                    (f"example {e.name!r}", dict(e.inputs), {**defaults, **e.inputs} == defaults)
                    for e in algorithm.meta.examples
                ]
            plans[algorithm.id] = []
            for index, (label, inputs, same) in enumerate(runs):
                run_jobs = (
                    []
                    if same
                    else [
                        # The default run (the first) draws the catalogue card's picture.
                        FrameJob(algorithm, inputs, theme, self.config.dpi, card=index == 0)
                        for theme in THEMES
                    ]
                )
                plans[algorithm.id].append((label, run_jobs, same))
                (long_jobs if label != "default inputs" else jobs).extend(run_jobs)

        # Workers take jobs in order: the examples (the long runs, mostly) go first, so
        # the build does not end waiting on one worker drawing a long run alone.
        self.report = report = cache.ensure(long_jobs + jobs)
        removed = cache.prune(self.config.cache_size * 1_000_000, keep=report.sets)
        if removed:
            log.info(
                "eigenvue: removed %d frame sets unused the longest from the cache", len(removed)
            )

        def outcome(pair: list[FrameJob]) -> tuple[FrameSet | None, FrameSet | None, str | None]:
            light_key, dark_key = cache.keys.key(pair[0]), cache.keys.key(pair[1])
            error = report.errors.get(light_key) or report.errors.get(dark_key)
            if error:
                return None, None, error
            return report.sets[light_key], report.sets[dark_key], None

        out: dict[str, list[_Run]] = {}
        for algorithm_id, planned in plans.items():
            out[algorithm_id] = []
            for label, pair, same in planned:
                if same:
                    out[algorithm_id].append(_Run(label, None, None, same_as_default=True))
                    continue
                light, dark, error = outcome(pair)
                if error:
                    log.warning(
                        "eigenvue: the frames of %s (%s) failed: %s", algorithm_id, label, error
                    )
                out[algorithm_id].append(_Run(label, light, dark, error))
        charts: dict[str, list[tuple[str, FrameSet, FrameSet]]] = {}
        for algorithm_id, chart_list in chart_plans.items():
            for title, pair in chart_list:
                light, dark, error = outcome(pair)
                if light is None or dark is None:
                    log.warning(
                        "eigenvue: the chart %r of %s failed: %s", title, algorithm_id, error
                    )
                    continue
                charts.setdefault(algorithm_id, []).append((title, light, dark))
        return out, charts

    def _player(
        self,
        algorithm: Algorithm,
        run: _Run,
        index: int,
        url: Callable[[str], str],
        json_name: str | None = None,
    ) -> tuple[str, str | None]:
        """The player's HTML, and its frames' JSON when it goes in the file ``json_name``."""
        if run.same_as_default:
            return (
                '<p class="ev-same-run">These are the default inputs: the player under '
                '<a href="#try-it">Try It</a> steps through this run.</p>'
            ), None
        if run.light is None or run.dark is None:
            reason = html.escape(run.error or "unknown error")
            return (
                f'!!! failure "The frames of this run could not be drawn"\n\n{indent(reason)}',
                None,
            )
        from eigenvue.player import frames_json, player_fragment

        frames: list[Frame] = []
        for i, step in enumerate(run.light.steps):
            title, explanation = step["title"], step["explanation"]
            frames.append(
                {
                    "src": url(_frame_name(run.light, i)),
                    "srcDark": url(_frame_name(run.dark, i)),
                    # Only the first frame's alt text is written out (it is in the
                    # markup); the player makes the others from title and explanation.
                    "alt": _alt(title, explanation) if i == 0 else "",
                    "title": title,
                    "explanation": explanation,
                    "phase": step.get("phase"),
                }
            )
        player_id = f"{algorithm.id}-{'default' if index == 0 else f'example-{index}'}"
        label = f"{algorithm.meta.name}, step by step" + (f": {run.label}" if index else "")
        info = run.light.info
        size = (int(info["width"]), int(info["height"])) if info.get("width") else None
        fragment = player_fragment(
            frames,
            player_id=player_id,
            label=label,
            size=size,
            text_px=info.get("text_px"),
            frames_url=url(json_name) if json_name else None,
        )
        return fragment, frames_json(frames) if json_name else None

    def _card(self, algorithm: Algorithm, run: _Run | None) -> Card:
        meta = algorithm.meta
        card = Card(
            id=meta.id,
            name=meta.name,
            category=meta.category,
            difficulty=meta.difficulty,
            description=meta.description.short,
            time=meta.complexity.time,
            space=meta.complexity.space,
            link=f"{meta.id}.md",
        )
        if run is None or run.light is None or run.dark is None:
            return card
        shown = run.light.steps[run.light.thumbnail_step]
        return dataclasses.replace(
            card,
            thumbnail_light=f"{meta.id}/thumbnail-light.webp",
            thumbnail_dark=f"{meta.id}/thumbnail-dark.webp",
            alt=_alt(shown["title"], shown["explanation"]),
        )

    # -- assets and navigation --------------------------------------------------------

    def _assets(self) -> tuple[list[tuple[Path, str]], list[tuple[Path, str]]]:
        """(source, name) pairs of the JavaScript and CSS files every page loads."""
        from eigenvue.player import asset_paths

        js_path, css_path = (Path(p) for p in asset_paths())
        js = [(js_path, js_path.name), (LIGHTBOX_JS, LIGHTBOX_JS.name)]
        js.append((ACCESSIBILITY_JS, ACCESSIBILITY_JS.name))
        return js, [(css_path, css_path.name), (CATALOGUE_CSS, CATALOGUE_CSS.name)]

    def _gallery(self, config: MkDocsConfig, files: Files, keys: CacheKeys) -> dict[str, Path]:
        """The drawing parts' pictures for ``drawing-parts.md``, drawn at build time.

        ``eigenvue.drawing.gallery.render_gallery(folder, theme)`` writes
        ``<part>-<theme>.png``; the page shows them as ``drawing-parts/<part>-<theme>.png``.
        They are cached like frames, keyed by the framework's sources.
        """
        if files.get_file_from_path(GALLERY_PAGE) is None or self.cache_dir is None:
            return {}
        digest = keys.gallery_key()
        folder = self.cache_dir / f"gallery-{digest[:24]}"
        if not (folder / ".complete").is_file():
            import shutil
            import tempfile

            # Imported only to draw: it brings matplotlib, a second of a warm build.
            try:
                from eigenvue.drawing.gallery import render_gallery
            except ImportError:
                log.info("eigenvue: no eigenvue.drawing.gallery; the parts page has no pictures")
                return {}

            self.cache_dir.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".gallery-", dir=self.cache_dir))
            try:
                for theme in THEMES:
                    render_gallery(staging, theme)
                for image in staging.glob("*.png"):
                    image.write_bytes(compress(image.read_bytes()))
                (staging / ".complete").write_text("", encoding="utf-8")
                if folder.exists():
                    shutil.rmtree(folder)
                os.replace(staging, folder)
            finally:
                if staging.exists():
                    shutil.rmtree(staging, ignore_errors=True)
        else:
            os.utime(folder)
        stem = GALLERY_PAGE.rsplit(".", 1)[0]
        return {f"{stem}/{image.name}": image for image in sorted(folder.glob("*.png"))}

    def _navigation(self, nav: Any, files: Files, algorithms: list[Algorithm]) -> list[Any]:
        """The site's nav with the catalogue section in place (mkdocs builds the nav next)."""
        root = self.config.path.strip("/")
        index = f"{root}/index.md"
        groups: dict[str, list[dict[str, str]]] = {}
        for algorithm in algorithms:
            groups.setdefault(algorithm.meta.category, []).append(
                {algorithm.meta.name: f"{root}/{algorithm.id}.md"}
            )
        section = {
            self.config.nav_title: [
                index,
                *({CATEGORY_TITLES.get(c, c): pages} for c, pages in groups.items()),
            ]
        }
        if nav is None:
            # mkdocs would nest every file by folder; keep that for the hand-written
            # pages and give the catalogue its category sections.
            written = [
                f.src_uri
                for f in files.documentation_pages()
                if f.generated_by is None and f.inclusion.is_in_nav()
            ]
            return [*nest_paths(sorted(written, key=_home_first)), section]
        entries = list(nav)
        extra = []
        if files.get_file_from_path(GALLERY_PAGE) is not None and GALLERY_PAGE not in str(nav):
            extra = [{"Drawing parts": GALLERY_PAGE}]
        for position, entry in enumerate(entries):
            target = (
                next(iter(entry.values())) if isinstance(entry, dict) and len(entry) == 1 else entry
            )
            if target == index:
                entries[position : position + 1] = [section, *extra]
                return entries
        return [*entries, section, *extra]


def _link_into_site(file: File) -> None:
    """Hard-link a cached image to its place in the site instead of copying its bytes.

    Thousands of frames make most of a warm build's copying; a link costs nothing. mkdocs
    then finds the file already in place (it skips a copy onto the same file). Where a
    link cannot be made (another file system), mkdocs copies as usual.
    """
    source = file.abs_src_path
    if source is None:
        return
    target = Path(file.abs_dest_path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() and not target.samefile(source):
            # Never copy onto it: it may be a link to another cache entry (a --dirty
            # build), whose bytes a copy would overwrite.
            target.unlink()
        if not target.exists():
            os.link(source, target)
    except OSError:
        return
    file.abs_src_path = str(target)


def _reimport(algorithm: Algorithm) -> Algorithm | None:
    """The algorithm as its plugin registers it after importing the plugin's modules afresh."""
    import importlib
    import sys

    package = algorithm.package
    # The plugin's own modules, and the plain modules its enclosing packages share
    # (``algorithms.classical.arrays``): all are imported again from disk.
    shared = {package.rsplit(".", 1)[0]} if "." in package else set()
    stale = [
        name
        for name, module in list(sys.modules.items())
        if name == package
        or name.startswith(f"{package}.")
        or (
            name.rsplit(".", 1)[0] in shared
            and not hasattr(module, "__path__")  # a plain module, not another plugin
        )
    ]
    for name in stale:
        del sys.modules[name]
    importlib.invalidate_caches()
    module = importlib.import_module(package)
    hook = getattr(module, "register_algorithms", None)
    if hook is None:
        return None
    collected: list[Algorithm] = []
    hook(register=collected.append)
    for fresh in collected:
        if fresh.id == algorithm.id:
            object.__setattr__(fresh, "plugin", algorithm.plugin)
            return fresh
    return None


def _catalogue_order(algorithms: Any) -> list[Algorithm]:
    order = {category: i for i, category in enumerate(CATEGORY_TITLES)}
    return sorted(
        algorithms, key=lambda a: (order.get(a.meta.category, len(order)), a.meta.name.lower())
    )


def _frame_name(frame_set: FrameSet, index: int) -> str:
    # The key in the URL busts browser caches exactly when the pixels change.
    return f"frames/{frame_set.key[:16]}/{index:03d}.{frame_set.extension}"


def _alt(title: str, explanation: str) -> str:
    title = title.strip()
    separator = " " if title.endswith((".", "!", "?", ":")) else ". "
    return f"{title}{separator}{explanation.strip()}"


def _url(config: MkDocsConfig, src_uri: str) -> str:
    """The URL mkdocs gives the file at ``src_uri``."""
    return File(src_uri, None, config.site_dir, config.use_directory_urls).url


def _relative_url(config: MkDocsConfig, folder: str, page_url: str, name: str) -> str:
    """The URL of ``folder/name`` relative to the page at ``page_url``."""
    return get_relative_url(_url(config, f"{folder}/{name}"), page_url)


def _home_first(src_uri: str) -> tuple[int, str]:
    return (0 if src_uri == "index.md" else 1, src_uri)


def _no_frames(algorithm: Algorithm) -> str:
    return (
        '!!! note "No pictures yet"\n\n'
        f"    {algorithm.meta.name} has no frame generator yet; "
        "`eigenvue.steps` still gives every step as data."
    )
