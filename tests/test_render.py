"""eigenvue.render and `eigenvue render`: files per format, names, counts, errors."""

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

import eigenvue
from eigenvue import export
from eigenvue.cli import main
from tests.fixture_plugin import ID

N_STEPS = 5  # the default trace: start, one step per value of [3, 1, 2], done

pytestmark = pytest.mark.usefixtures("fixture_algorithm")


@pytest.fixture
def default_length(fixture_algorithm):
    n = len(eigenvue.trace(ID))
    assert n == N_STEPS
    return n


def player_frames(html_text):
    (payload,) = re.findall(
        r'<script type="application/json" class="ev-frames">(.*?)</script>', html_text, re.S
    )
    return json.loads(payload)


def test_png_writes_one_numbered_file_per_step(tmp_path, default_length):
    paths = eigenvue.render(ID, format="png", out=tmp_path / "frames")
    assert [p.name for p in paths] == [f"{ID}-{i:03d}.png" for i in range(default_length)]
    for path in paths:
        with Image.open(path) as image:
            assert image.format == "PNG" and image.size == (1200, 700)


def test_svg_writes_one_parseable_file_per_step(tmp_path, default_length):
    paths = eigenvue.render(ID, format="svg", out=tmp_path)
    assert len(paths) == default_length
    assert ET.parse(paths[3]).getroot().tag.endswith("svg")


def test_gif_is_one_file_with_one_frame_per_step(tmp_path, default_length):
    (path,) = eigenvue.render(ID, format="gif", out=tmp_path, theme="dark")
    assert path.name == f"{ID}.gif"
    with Image.open(path) as gif:
        assert gif.n_frames == default_length
        assert gif.info["duration"] == export.SECONDS_PER_STEP * 1000


def test_html_is_one_self_contained_file_with_one_frame_per_step(tmp_path, default_length):
    (path,) = eigenvue.render(ID, format="html", out=tmp_path)
    page = path.read_text(encoding="utf-8")
    frames = player_frames(page)
    assert len(frames) == default_length
    assert all(f["src"].startswith("data:image/png;base64,") for f in frames)
    steps = eigenvue.steps(ID)
    assert [f["title"] for f in frames] == [s["title"] for s in steps]
    # Nothing is fetched: no external scripts, styles or images.
    assert not re.search(r'(src|href)="(https?:)?//', page)


def test_mp4_has_one_frame_per_step_when_ffmpeg_is_present(tmp_path, default_length):
    from matplotlib.animation import FFMpegWriter

    if not FFMpegWriter.isAvailable() or not shutil.which("ffprobe"):
        pytest.skip("ffmpeg is not installed")
    (path,) = eigenvue.render(ID, format="mp4", out=tmp_path)
    probe = subprocess.run(
        [
            "ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=nb_read_frames,width,height", "-of", "json", str(path),
        ],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    stream = json.loads(probe.stdout)["streams"][0]
    assert int(stream["nb_read_frames"]) == default_length
    assert (stream["width"], stream["height"]) == (1200, 700)


def test_mp4_without_ffmpeg_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    from matplotlib.animation import FFMpegWriter

    monkeypatch.setattr(FFMpegWriter, "isAvailable", classmethod(lambda cls: False))
    with pytest.raises(export.ExportError, match="ffmpeg") as info:
        eigenvue.render(ID, format="mp4", out=tmp_path)
    assert "apt-get install ffmpeg" in str(info.value) and "gif" in str(info.value)
    assert list(tmp_path.iterdir()) == []
    assert main(["render", ID, "--format", "mp4", "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("eigenvue: error: MP4 export needs ffmpeg") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("kwargs", "word"),
    [({"format": "jpg"}, "format"), ({"theme": "sepia"}, "theme"), ({"format": None}, "format")],
)
def test_bad_format_or_theme_is_a_value_error_naming_it(tmp_path, kwargs, word):
    with pytest.raises(ValueError, match=rf"^{word} must be one of "):
        eigenvue.render(ID, out=tmp_path, **kwargs)
    assert list(tmp_path.iterdir()) == []


def test_bad_inputs_are_refused_before_anything_is_written(tmp_path):
    with pytest.raises(eigenvue.InputError, match="values"):
        eigenvue.render(ID, {"values": []}, out=tmp_path / "x")
    assert not (tmp_path / "x").exists()


def test_inputs_change_the_pictures(tmp_path):
    default = eigenvue.render(ID, format="png", out=tmp_path / "a")
    other = eigenvue.render(ID, {"values": [3, 5, 2]}, format="png", out=tmp_path / "b")
    assert default[0].read_bytes() != other[0].read_bytes()


def test_cli_render_prints_the_paths_it_wrote(tmp_path, capsys, default_length):
    code = main(
        [
            "render",
            ID,
            "--format",
            "html",
            "--out",
            str(tmp_path),
            "--example",
            "Negative values",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out.split()
    assert out == [str(tmp_path / f"{ID}.html")]
    frames = player_frames((tmp_path / f"{ID}.html").read_text(encoding="utf-8"))
    assert len(frames) == default_length
    assert frames[2]["explanation"].startswith("Adding -6")  # the example's second value


def test_cli_render_reports_bad_inputs_in_one_line(tmp_path, capsys):
    assert main(["render", ID, "--inputs", '{"start": "one"}', "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "'start'" in err and err.count("\n") == 1


def test_export_modules_import_no_matplotlib():
    code = (
        "import sys, eigenvue; eigenvue.render; eigenvue.show; import eigenvue.player; "
        "print([m for m in sys.modules if m.split('.')[0] == 'matplotlib'])"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"
