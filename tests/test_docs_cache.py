"""The docs frame cache: keys, reuse, invalidation, parallel rendering, failures.

A stand-in renderer (tiny PNGs whose pixels encode the job) keeps these fast;
the real renderer is exercised by the site build in test_docs_build.py.
"""

import io
import json
import shutil

import pytest
from PIL import Image

import eigenvue
from eigenvue.docs import thumbnails
from eigenvue.docs.framecache import (
    THUMBNAIL_WIDTH,
    FrameCache,
    FrameJob,
    RenderedFrames,
    compress,
    render_frames,
)

RENDER_LOG = "render-log.txt"


def _png(width: int, height: int, shade: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (shade, shade, shade)).save(out, format="PNG")
    return out.getvalue()


def fake_render(job: FrameJob) -> RenderedFrames:
    """Draws one flat grey image per step and notes each call in a log file."""
    trace = job.algorithm.run(job.inputs)
    shade = 40 if job.theme == "dark" else 220
    images = [_png(960, 540, shade) for _ in trace]
    steps = [{"title": s.title, "explanation": s.explanation, "phase": s.phase} for s in trace]
    _note(job)
    return RenderedFrames(images, steps)


def failing_render(job: FrameJob) -> RenderedFrames:
    raise RuntimeError(f"cannot draw {job.algorithm.id} in {job.theme}")


def _note(job: FrameJob) -> None:
    # Workers are separate processes: they report through a file, not a counter.
    import os

    folder = os.environ.get("EIGENVUE_TEST_RENDER_LOG")
    if folder:
        with open(os.path.join(folder, RENDER_LOG), "a", encoding="utf-8") as handle:
            handle.write(f"{job.algorithm.id} {job.theme} {os.getpid()}\n")


def _renders(folder) -> list[str]:
    path = folder / RENDER_LOG
    return path.read_text(encoding="utf-8").splitlines() if path.exists() else []


@pytest.fixture
def log_dir(tmp_path, monkeypatch):
    folder = tmp_path / "log"
    folder.mkdir()
    monkeypatch.setenv("EIGENVUE_TEST_RENDER_LOG", str(folder))
    return folder


def _plugin_copy(tmp_path, algorithm_id="perceptron") -> eigenvue.Algorithm:
    """The algorithm with its folder copied to tmp_path, so the test may edit its files."""
    original = eigenvue.get_algorithm(algorithm_id)
    folder = tmp_path / "plugin"
    shutil.copytree(original.folder, folder, ignore=shutil.ignore_patterns("__pycache__"))
    return eigenvue.Algorithm(
        meta=original.meta,
        inputs_model=original.inputs_model,
        trace_ref=original.trace_ref,
        frames_ref=original.frames_ref,
        package=original.package,
        folder=folder,
        source_files=original.source_files,
    )


def _jobs(algorithm, themes=("light", "dark")):
    return [FrameJob(algorithm, dict(algorithm.meta.defaults), theme) for theme in themes]


def test_a_second_pass_renders_nothing_and_returns_the_same_files(tmp_path, log_dir):
    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=fake_render)
    first = cache.ensure(_jobs(algorithm))
    assert (first.rendered_sets, first.reused_sets, first.errors) == (2, 0, {})
    assert len(_renders(log_dir)) == 2

    again = FrameCache(tmp_path / "cache", workers=1, render=fake_render).ensure(_jobs(algorithm))
    assert (again.rendered_sets, again.rendered_frames, again.reused_sets) == (0, 0, 2)
    assert len(_renders(log_dir)) == 2
    assert {k: s.frames for k, s in again.sets.items()} == {
        k: s.frames for k, s in first.sets.items()
    }


def test_stored_frames_match_the_trace(tmp_path, log_dir):
    algorithm = _plugin_copy(tmp_path)
    report = FrameCache(tmp_path / "cache", workers=1, render=fake_render).ensure(_jobs(algorithm))
    expected = [s.title for s in algorithm.run(algorithm.meta.defaults)]
    for frame_set in report.sets.values():
        assert [s["title"] for s in frame_set.steps] == expected
        assert all(p.is_file() for p in frame_set.frames) and len(frame_set.frames) == len(expected)
        with Image.open(frame_set.thumbnail) as thumb:
            # A renderer that draws no card picture: 960×540 scaled to the thumbnail width.
            assert thumb.format == "WEBP"
            assert thumb.width == THUMBNAIL_WIDTH
            assert abs(thumb.height - THUMBNAIL_WIDTH * 540 / 960) <= 1
        assert frame_set.info == {
            "width": 960,
            "height": 540,
            "text_px": None,
            "extension": "png",
            "thumbnail_step": None,
        }
        assert frame_set.thumbnail_step == len(expected) - 1


def boxed_render(job: FrameJob) -> RenderedFrames:
    """A 900×600 image: black on the left (the diagram) and white on the right."""
    image = Image.new("RGB", (900, 600), (255, 255, 255))
    image.paste((0, 0, 0), (0, 0, 600, 600))
    out = io.BytesIO()
    image.save(out, format="PNG")
    step = {"title": "t", "explanation": "e", "phase": None}
    return RenderedFrames([out.getvalue()], [step], text_px=12.5, diagram_box=(0, 0, 600, 600))


def test_the_thumbnail_shows_the_diagram_only(tmp_path):
    algorithm = _plugin_copy(tmp_path)
    report = FrameCache(tmp_path / "cache", workers=1, render=boxed_render).ensure(
        _jobs(algorithm, themes=("light",))
    )
    (frame_set,) = report.sets.values()
    assert frame_set.info["text_px"] == 12.5
    with Image.open(frame_set.thumbnail) as thumb:
        assert thumb.size == (THUMBNAIL_WIDTH, THUMBNAIL_WIDTH)  # the 600×600 box, square
        assert thumb.convert("RGB").getextrema() == ((0, 0), (0, 0), (0, 0))  # no white part


def test_a_card_job_stores_the_picture_drawn_for_the_card(tmp_path):
    algorithm = eigenvue.get_algorithm("binary-search")
    inputs = dict(algorithm.meta.defaults)
    steps = len(algorithm.run(inputs))
    cache = FrameCache(tmp_path / "cache", workers=1)
    cards = [FrameJob(algorithm, inputs, theme, card=True) for theme in ("light", "dark")]
    plain = FrameJob(algorithm, inputs, "light")
    report = cache.ensure([*cards, plain])
    assert report.errors == {} and report.rendered_sets == 3
    light, dark = (report.sets[cache.keys.key(job)] for job in cards)
    corners = []
    for frame_set in (light, dark):
        assert frame_set.info["thumbnail_step"] == frame_set.thumbnail_step == steps - 1
        with Image.open(frame_set.thumbnail) as thumb:
            assert thumb.format == "WEBP"
            assert thumb.size == (THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH / thumbnails.ASPECT))
            corners.append(thumb.convert("L").getpixel((1, 1)))
    assert corners[0] > 200 and corners[1] < 70  # the light card on white, the dark on dark
    # A run no card shows keeps the cheap copy: the diagram box of the frame, scaled down.
    other = report.sets[cache.keys.key(plain)]
    assert other.info["thumbnail_step"] is None
    with Image.open(other.thumbnail) as copy, Image.open(light.thumbnail) as card:
        assert copy.width == THUMBNAIL_WIDTH and copy.size != card.size


def test_the_card_drawing_module_is_in_the_key_of_card_jobs_only(tmp_path, monkeypatch):
    from eigenvue.docs import framecache

    algorithm = _plugin_copy(tmp_path)
    module = tmp_path / "thumbnails.py"
    module.write_text("# one way\n", encoding="utf-8")
    monkeypatch.setattr(framecache, "_THUMBNAILS", module)
    card = FrameJob(algorithm, dict(algorithm.meta.defaults), "light", card=True)
    plain = FrameJob(algorithm, dict(algorithm.meta.defaults), "light")
    before = [FrameCache(tmp_path / "c").keys.key(job) for job in (card, plain)]
    module.write_text("# another way\n", encoding="utf-8")
    after = [FrameCache(tmp_path / "c").keys.key(job) for job in (card, plain)]
    assert after[0] != before[0] and after[1] == before[1]


def test_compress_makes_a_palette_png_with_the_same_flat_colours():
    image = Image.new("RGB", (300, 200), (250, 250, 250))
    image.paste((0, 114, 178), (20, 20, 120, 120))
    image.paste((213, 94, 0), (150, 50, 250, 150))
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=0)
    small = compress(out.getvalue())
    assert len(small) < out.tell()
    with Image.open(io.BytesIO(small)) as result:
        assert result.mode == "P"
        assert result.convert("RGB").tobytes() == image.tobytes()


def test_the_real_renderer_reports_the_smallest_text_and_the_diagram_box():
    algorithm = eigenvue.get_algorithm("perceptron")
    rendered = render_frames(FrameJob(algorithm, dict(algorithm.meta.defaults), "light"))
    trace = algorithm.run(algorithm.meta.defaults)
    assert len(rendered.images) == len(trace)
    # The frame draws no text under 8 pt: 11.1 px at 100 dpi.
    assert rendered.text_px is not None and 11.0 <= rendered.text_px < 20
    left, top, right, bottom = rendered.diagram_box
    with Image.open(io.BytesIO(rendered.images[0])) as image:
        assert image.format == "WEBP" and image.size == (1200, 700)
        assert 0 <= left < right < image.width and 0 < top < bottom <= image.height


def square_chart(theme):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 3), dpi=100)
    figure.add_subplot().plot([1, 2, 3], [1, 4, 9], color=theme.forward)
    return figure


def test_a_chart_job_draws_the_chart_as_a_set_of_one_image(tmp_path, monkeypatch):
    algorithm = _plugin_copy(tmp_path)
    chart = ("Squares", "tests.test_docs_cache:square_chart")
    algorithm = eigenvue.Algorithm(
        meta=algorithm.meta,
        inputs_model=algorithm.inputs_model,
        trace_ref=algorithm.trace_ref,
        frames_ref=algorithm.frames_ref,
        package=algorithm.package,
        folder=algorithm.folder,
        charts=(chart,),
    )
    cache = FrameCache(tmp_path / "cache", workers=1)
    jobs = [FrameJob(algorithm, {}, theme, chart=chart) for theme in ("light", "dark")]
    report = cache.ensure(jobs)
    assert report.errors == {} and report.rendered_sets == 2
    light, dark = (report.sets[cache.keys.key(job)] for job in jobs)
    assert light.key != dark.key and [s["title"] for s in light.steps] == ["Squares"]
    with Image.open(light.frames[0]) as a, Image.open(dark.frames[0]) as b:
        assert a.size == b.size == (400, 300)
        assert a.convert("RGB").getpixel((2, 2)) != b.convert("RGB").getpixel((2, 2))


def test_identical_jobs_render_once(tmp_path, log_dir):
    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=fake_render)
    report = cache.ensure(_jobs(algorithm, themes=("light", "light", "light")))
    assert report.rendered_sets == 1 and len(_renders(log_dir)) == 1


@pytest.mark.parametrize(
    "change",
    ["theme", "inputs", "plugin source", "plugin data file", "metadata", "dpi", "card"],
)
def test_what_produces_the_frames_is_in_the_key(tmp_path, change):
    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=fake_render)
    base = FrameJob(algorithm, dict(algorithm.meta.defaults), "light")
    before = cache.keys.key(base)
    job = base
    if change == "theme":
        job = FrameJob(algorithm, base.inputs, "dark")
    elif change == "inputs":
        job = FrameJob(algorithm, {**base.inputs, "bias": 0.25}, "light")
    elif change == "plugin source":
        trace_py = algorithm.folder / "trace.py"
        trace_py.write_text(trace_py.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    elif change == "plugin data file":
        (algorithm.folder / "colours.json").write_text("{}", encoding="utf-8")
    elif change == "metadata":
        meta = algorithm.meta.model_copy(update={"pseudocode": algorithm.meta.pseudocode + "\n"})
        job = FrameJob(
            eigenvue.Algorithm(
                meta=meta,
                inputs_model=algorithm.inputs_model,
                trace_ref=algorithm.trace_ref,
                frames_ref=algorithm.frames_ref,
                package=algorithm.package,
                folder=algorithm.folder,
            ),
            base.inputs,
            "light",
        )
    elif change == "dpi":
        job = FrameJob(algorithm, base.inputs, "light", dpi=150)
    elif change == "card":
        job = FrameJob(algorithm, base.inputs, "light", card=True)
    # A fresh key maker: it hashes each folder once, as one build does.
    after = FrameCache(tmp_path / "cache", workers=1, render=fake_render).keys.key(job)
    assert after != before


def test_a_module_shared_beside_the_plugin_folder_is_in_the_key(tmp_path):
    # Plugins of a category may import a module of the category package.
    algorithm = _plugin_copy(tmp_path)
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    shared = tmp_path / "shared_frames.py"
    shared.write_text("SIZE = 1\n", encoding="utf-8")
    job = FrameJob(algorithm, dict(algorithm.meta.defaults), "light")
    before = FrameCache(tmp_path / "c").keys.key(job)
    shared.write_text("SIZE = 2\n", encoding="utf-8")
    assert FrameCache(tmp_path / "c").keys.key(job) != before


def test_pycache_does_not_change_the_key(tmp_path):
    algorithm = _plugin_copy(tmp_path)
    job = FrameJob(algorithm, dict(algorithm.meta.defaults), "light")
    before = FrameCache(tmp_path / "c").keys.key(job)
    (algorithm.folder / "__pycache__").mkdir(exist_ok=True)
    (algorithm.folder / "__pycache__" / "trace.cpython-311.pyc").write_bytes(b"\0" * 16)
    assert FrameCache(tmp_path / "c").keys.key(job) == before


def test_an_incomplete_entry_is_rendered_again(tmp_path, log_dir):
    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=fake_render)
    (frame_set,) = cache.ensure(_jobs(algorithm, themes=("light",))).sets.values()
    frame_set.frames[1].unlink()
    report = FrameCache(tmp_path / "cache", workers=1, render=fake_render).ensure(
        _jobs(algorithm, themes=("light",))
    )
    assert report.rendered_sets == 1 and all(p.is_file() for p in frame_set.frames)


def test_workers_render_in_separate_processes(tmp_path, log_dir):
    import os

    algorithm = _plugin_copy(tmp_path)
    jobs = [
        FrameJob(algorithm, {**algorithm.meta.defaults, "bias": b}, theme)
        for b in (0.0, 0.5)
        for theme in ("light", "dark")
    ]
    report = FrameCache(tmp_path / "cache", workers=2, render=fake_render).ensure(jobs)
    assert report.rendered_sets == 4 and not report.errors
    pids = {int(line.split()[-1]) for line in _renders(log_dir)}
    assert os.getpid() not in pids and 1 <= len(pids) <= 2
    assert len(os.listdir(tmp_path / "cache")) == 4  # no staging folders left behind


def test_a_failing_renderer_is_reported_per_job_and_stores_nothing(tmp_path):
    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=failing_render)
    report = cache.ensure(_jobs(algorithm))
    assert report.rendered_sets == 0 and len(report.errors) == 2
    assert all("cannot draw perceptron" in e for e in report.errors.values())
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_steps_file_is_plain_json(tmp_path, log_dir):
    algorithm = _plugin_copy(tmp_path)
    report = FrameCache(tmp_path / "cache", workers=1, render=fake_render).ensure(
        _jobs(algorithm, themes=("light",))
    )
    (frame_set,) = report.sets.values()
    data = json.loads((frame_set.directory / "steps.json").read_text(encoding="utf-8"))
    assert data == frame_set.steps


def test_prune_removes_the_least_recently_used_entries_and_keeps_those_in_use(tmp_path, log_dir):
    import os

    algorithm = _plugin_copy(tmp_path)
    cache = FrameCache(tmp_path / "cache", workers=1, render=fake_render)
    jobs = [
        FrameJob(algorithm, {**algorithm.meta.defaults, "bias": b}, "light")
        for b in (0.1, 0.2, 0.3)
    ]
    keys = [cache.keys.key(job) for job in jobs]
    report = cache.ensure(jobs)
    sizes = {k: sum(f.stat().st_size for f in report.sets[k].directory.iterdir()) for k in keys}
    for age, key in zip((300, 200, 100), keys):  # keys[0] unused the longest
        stamp = report.sets[key].directory.stat().st_mtime - age
        os.utime(report.sets[key].directory, (stamp, stamp))
    staging = tmp_path / "cache" / ".abandoned-staging"
    staging.mkdir()
    os.utime(staging, (staging.stat().st_mtime - 7200,) * 2)  # left by a build killed 2 h ago

    # Room for two entries; keys[2] is in use, so keys[0] (oldest) goes, keys[1] stays.
    removed = cache.prune(sizes[keys[1]] + sizes[keys[2]], keep=[keys[2]])
    assert removed == [keys[0]]
    assert cache.load(keys[0]) is None
    assert cache.load(keys[1]) is not None and cache.load(keys[2]) is not None

    # Entries in use survive even when they alone are over the limit.
    assert cache.prune(0, keep=keys[1:]) == []
    assert not staging.exists()
    assert set(cache.prune(0)) == set(keys[1:])
