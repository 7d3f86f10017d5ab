"""The documentation site: a strict build, a page per algorithm, frames, cache, nav, plugins."""

import pytest

import eigenvue
from eigenvue import plugins
from eigenvue.docs.pages import complexity_html
from eigenvue.metadata import CATEGORIES
from tests.docs_site import (
    REPO,
    SESSION_OPTIONS,
    build,
    new_site_dir,
    page_sections,
    read_page,
    resolve,
    session_site,
)
from tests.plugin_support import clone_algorithm

CATEGORY_NAMES = {
    "classical": "Classical",
    "deep-learning": "Deep learning",
    "generative-ai": "Generative AI",
    "quantum": "Quantum",
}


@pytest.fixture(scope="module")
def site():
    return session_site()


def test_strict_build_succeeds_without_warnings(site):
    assert site.warnings == []
    assert (site.site_dir / "index.html").is_file()
    assert (site.site_dir / "algorithms" / "index.html").is_file()
    api = (site.site_dir / "api" / "index.html").read_text(encoding="utf-8")
    assert "eigenvue.steps" in api
    # Docstrings' Sphinx roles are rewritten as code, never shown raw.
    assert ":func:" not in api and ":class:" not in api


@pytest.mark.parametrize("info", eigenvue.list(), ids=lambda i: i.id)
def test_every_algorithm_has_a_page_with_every_section_in_order(site, info):
    meta = eigenvue.get(info.id)
    path = site.page_path(f"algorithms/{info.id}.md")
    page = read_page(path)
    assert page.h1 == [meta.name]
    expected = page_sections(meta, charts=bool(eigenvue.get_algorithm(info.id).charts))
    assert page.h2 == expected
    text = " ".join(" ".join(page.text).split())
    assert meta.difficulty.capitalize() in text
    source = path.read_text(encoding="utf-8")
    for complexity in (meta.complexity.time, meta.complexity.space):
        assert complexity_html(complexity) in source
    for question in meta.quiz:
        assert " ".join(question.options[question.correct].split()) in text
    for concept in meta.key_concepts:
        assert " ".join(concept.title.split()) in text


def _check_players(page, algorithm_id, runs):
    assert len(page.players) == len(runs)
    for player, inputs in zip(page.players, runs):
        trace = eigenvue.trace(algorithm_id, inputs)
        assert [f["title"] for f in player] == [s.title for s in trace]
        # The first frame's alt text is the step's title and explanation; the player
        # makes the others' alike from the JSON's title and explanation.
        assert trace[0].title in player[0]["alt"] and trace[0].explanation in player[0]["alt"]
        for frame, step in zip(player, trace):
            assert frame["explanation"] == step.explanation
            assert frame["src"] != frame["srcDark"]


@pytest.mark.parametrize("info", eigenvue.list(), ids=lambda i: i.id)
def test_the_player_holds_one_frame_per_step_with_alt_text(site, info):
    algorithm = eigenvue.get_algorithm(info.id)
    if algorithm.frames_ref is None:
        pytest.skip(f"{info.id} has no frame generator")
    page = read_page(site.page_path(f"algorithms/{info.id}.md"))
    _check_players(page, info.id, [algorithm.meta.defaults])


def test_every_image_and_frame_referenced_exists(site):
    checked = 0
    for html_file in site.site_dir.rglob("*.html"):
        page = read_page(html_file)
        sources = [image.get("src", "") for image in page.images]
        sources += [f[key] for player in page.players for f in player for key in ("src", "srcDark")]
        for image in page.images:
            assert image.get("alt"), f"{html_file}: an image without alt text: {image}"
        for source in sources:
            target = resolve(html_file, site.site_dir, source)
            if target is not None:
                assert target.is_file(), f"{html_file} references missing {source}"
                checked += 1
    assert checked > 0


def test_catalogue_has_a_card_per_algorithm_grouped_by_category(site):
    page = read_page(site.site_dir / "algorithms" / "index.html")
    registered = eigenvue.list()
    categories = [c for c in CATEGORIES if any(i.category == c for i in registered)]
    assert page.h2 == [CATEGORY_NAMES[c] for c in categories]
    html = (site.site_dir / "algorithms" / "index.html").read_text(encoding="utf-8")
    for info in registered:
        assert info.name in html
        href = f"{info.id}/" if site.use_directory_urls else f"{info.id}.html"
        assert href in page.links
        algorithm = eigenvue.get_algorithm(info.id)
        if algorithm.frames_ref is not None:
            thumbnails = [i["src"] for i in page.images if f"{info.id}/thumbnail-" in i["src"]]
            assert {t.rsplit("#", 1)[1] for t in thumbnails} == {"only-light", "only-dark"}


def test_navigation_groups_the_catalogue_by_category(site):
    html = (site.site_dir / "index.html").read_text(encoding="utf-8")
    nav = html[html.index("md-nav--primary") :]
    assert "Catalogue" in nav
    for info in eigenvue.list():
        assert CATEGORY_NAMES[info.category] in nav
        assert f"algorithms/{info.id}/" in nav


def test_generated_pages_are_never_written_to_docs_dir(site):
    assert not (REPO / "docs" / "algorithms").exists()
    # Outside docs_dir, so mkdocs serve never sees its own output change.
    assert not site.plugin.cache_dir.is_relative_to(REPO / "docs")
    assert any(site.plugin.cache_dir.iterdir())


def test_a_warm_rebuild_renders_no_frame(site):
    again = build(new_site_dir(), SESSION_OPTIONS)
    assert again.warnings == []
    report = again.plugin.report
    assert report.rendered_sets == 0 and report.rendered_frames == 0
    assert report.reused_sets == site.plugin.report.reused_sets + site.plugin.report.rendered_sets


def test_a_plugin_registered_at_run_time_gets_a_page():
    copy = clone_algorithm(
        "perceptron",
        "perceptron-copy",
        name="Perceptron, a copy",
        related=["perceptron", "no-such-algorithm"],
    )

    class InlinePlugin:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(copy)

    pm = plugins.get_plugin_manager()
    pm.register(InlinePlugin(), name="docs-inline-test")
    try:
        # Two algorithms with every example's player, and without directory URLs:
        # the players' image URLs must follow the page's URL.
        site = build(
            new_site_dir(),
            {"examples": True, "algorithms": ["perceptron", "perceptron-copy"]},
            use_directory_urls=False,
        )
    finally:
        pm.unregister(name="docs-inline-test")
    assert site.warnings == []
    page_file = site.site_dir / "algorithms" / "perceptron-copy.html"
    page = read_page(page_file)
    assert page.h1 == ["Perceptron, a copy"]
    assert page.players and all(
        resolve(page_file, site.site_dir, frame[key]).is_file()
        for player in page.players
        for frame in player
        for key in ("src", "srcDark")
    )
    meta = copy.meta
    _check_players(page, "perceptron", [meta.defaults] + [e.inputs for e in meta.examples])
    # The default player's frames are in the page; each example's in a file it fetches.
    source = page_file.read_text(encoding="utf-8")
    assert source.count('class="ev-frames" data-src="') == len(page.players) - 1 > 0
    assert "perceptron.html" in page.links  # registered: a link
    assert "no-such-algorithm" in " ".join(page.text)  # not registered: plain text
    assert not any("no-such-algorithm" in link for link in page.links)
    catalogue = read_page(site.site_dir / "algorithms" / "index.html")
    assert "perceptron-copy.html" in catalogue.links


def test_frames_that_fail_to_draw_are_a_warning_and_the_page_says_so():
    from mkdocs.exceptions import Abort

    broken = clone_algorithm("perceptron", "perceptron-broken", name="Perceptron, broken frames")
    broken = eigenvue.Algorithm(
        meta=broken.meta,
        inputs_model=broken.inputs_model,
        trace_ref=broken.trace_ref,
        frames_ref=".neuron:NoSuchDiagram",  # imports, then fails to find the class
        package=broken.package,
        folder=broken.folder,
        source_files=broken.source_files,
    )

    class BrokenFrames:
        @eigenvue.hookimpl
        def register_algorithms(self, register):
            register(broken)

    pm = plugins.get_plugin_manager()
    pm.register(BrokenFrames(), name="docs-broken-frames-test")
    site_dir = new_site_dir()
    try:
        with pytest.raises(Abort, match="strict"):
            build(site_dir, {"examples": False, "algorithms": ["perceptron-broken"]})
    finally:
        pm.unregister(name="docs-broken-frames-test")
    # Not strict: the site builds, and the page explains what went wrong instead of a player.
    pm.register(BrokenFrames(), name="docs-broken-frames-test")
    try:
        site = build(
            site_dir, {"examples": False, "algorithms": ["perceptron-broken"]}, strict=False
        )
    finally:
        pm.unregister(name="docs-broken-frames-test")
    assert any("perceptron-broken" in w and "NoSuchDiagram" in w for w in site.warnings)
    page = read_page(site.page_path("algorithms/perceptron-broken.md"))
    assert page.players == []
    assert "could not be drawn" in " ".join(page.text)


def test_mkdocs_serve_watches_plugin_folders_and_rebuilds_an_edited_plugin(tmp_path, monkeypatch):
    """mkdocs serve keeps one plugin object: an edited plugin is reloaded, only its frames drawn."""
    import shutil

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from tests import fixture_plugin

    package = tmp_path / "editable_fixture"
    shutil.copytree(
        REPO / "tests" / "fixture_plugin", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import editable_fixture

    pm = plugins.get_plugin_manager()
    pm.register(editable_fixture, name="docs-serve-test")
    site_dir = new_site_dir()
    config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    plugin = config.plugins["eigenvue"]
    plugin.config["examples"] = False
    plugin.config["algorithms"] = [fixture_plugin.ID, "perceptron"]
    try:
        config.plugins.on_startup(command="serve", dirty=False)

        class Server:
            def __init__(self):
                self.watched = []

            def watch(self, path, *args, **kwargs):
                self.watched.append(path)

        server = Server()
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        assert str(package) in server.watched
        # A built-in plugin: the whole algorithms/ package, with the modules categories share.
        assert str(REPO / "algorithms") in server.watched

        mkdocs_build(config)
        page = site_dir / "algorithms" / fixture_plugin.ID / "index.html"
        assert read_page(page).h1 == [eigenvue.get(fixture_plugin.ID).name]
        assert plugin.reloaded_ids == []

        meta = package / "meta.toml"
        text = meta.read_text(encoding="utf-8")
        name = eigenvue.get(fixture_plugin.ID).name
        meta.write_text(text.replace(f'name = "{name}"', 'name = "Running sum, edited"'))
        trace_py = package / "trace.py"
        trace_py.write_text(trace_py.read_text(encoding="utf-8") + "\n# edited\n")
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
        pm.unregister(name="docs-serve-test")
    assert plugin.reloaded_ids == [fixture_plugin.ID]
    assert read_page(page).h1 == ["Running sum, edited"]
    report = plugin.report
    assert (report.rendered_sets, report.reused_sets) == (2, 2)  # its two themes; perceptron's kept


def test_search_finds_an_algorithm_by_name_key_concept_and_pitfall_but_not_its_code(site):
    import html
    import json
    import re

    def indexed(text):  # the index holds HTML: tags out, then entities
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).replace("`", "").split())

    def written(text):  # metadata holds Markdown
        return " ".join(re.sub(r"[`*]", "", text).split())

    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#", 1)[0]
        by_page[page] = by_page.get(page, "") + " " + doc["title"] + " " + doc["text"]
    for info in eigenvue.list():
        meta = eigenvue.get(info.id)
        text = indexed(by_page.get(f"algorithms/{info.id}/", ""))
        assert written(meta.name) in text
        for concept in meta.key_concepts[:1]:
            assert written(concept.title) in text
        for pitfall in meta.pitfalls[:1]:
            assert written(pitfall.title) in text
        # The implementation's code is left out: it would swell the index every page loads.
        assert "def trace(" not in text and "import numpy" not in text


def test_frames_are_linked_from_the_cache_not_copied(site):
    frames = sorted((site.site_dir / "algorithms").glob("*/frames/*/000.*"))
    assert frames
    if site.site_dir.stat().st_dev != site.plugin.cache_dir.stat().st_dev:
        pytest.skip("the site and the frame cache are on different file systems: copied")
    cached = {p.stat().st_ino for p in site.plugin.cache_dir.rglob("frame-0000.*")}
    assert all(frame.stat().st_ino in cached for frame in frames)
