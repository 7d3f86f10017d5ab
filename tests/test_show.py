"""show() and jupyter() without a display: the HTML player file and the notebook object."""

import json
import re
from pathlib import Path

import matplotlib
import pytest

import eigenvue
from eigenvue import display
from eigenvue.cli import main
from tests.fixture_plugin import ID

pytestmark = pytest.mark.usefixtures("fixture_algorithm")


def player_frames(html_text):
    payloads = re.findall(
        r'<script type="application/json" class="ev-frames">(.*?)</script>', html_text, re.S
    )
    assert len(payloads) == 1
    return json.loads(payloads[0])


@pytest.fixture
def browser_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(display.webbrowser, "open", lambda url, *a, **k: calls.append(url))
    return calls


def test_agg_backend_is_not_interactive():
    assert matplotlib.get_backend().lower() == "agg"
    assert not display.interactive_backend()
    assert not display.in_notebook()


def test_show_headless_writes_the_html_player_and_returns_its_path(browser_calls, capsys):
    path = eigenvue.show(ID, open_browser=False)
    try:
        assert isinstance(path, Path) and path.suffix == ".html" and path.is_file()
        assert capsys.readouterr().out.strip() == str(path)
        frames = player_frames(path.read_text(encoding="utf-8"))
        assert len(frames) == len(eigenvue.steps(ID)) == 5
        assert browser_calls == []
    finally:
        path.unlink()


def test_show_opens_the_file_in_the_browser_when_asked(browser_calls, capsys):
    path = eigenvue.show(ID, {"values": [0.25, 8]}, port=8123)  # port: accepted, unused
    try:
        assert browser_calls == [path.as_uri()]
        frames = player_frames(path.read_text(encoding="utf-8"))
        assert frames[2]["explanation"] == "Adding 8 makes the total 8.25."
    finally:
        path.unlink()


def test_show_refuses_an_unknown_id_or_bad_inputs_before_writing(
    browser_calls, tmp_path, monkeypatch
):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path))
    with pytest.raises(ValueError, match="Unknown algorithm"):
        eigenvue.show("fixture-running-sun")
    with pytest.raises(eigenvue.InputError, match="values"):
        eigenvue.show(ID, {"values": [1.0, None]})
    assert list(tmp_path.iterdir()) == [] and browser_calls == []


def test_cli_show_without_a_display_prints_the_player_path(browser_calls, capsys):
    assert main(["show", ID, "--no-browser", "--example", "One value"]) == 0
    path = Path(capsys.readouterr().out.strip())
    try:
        assert len(player_frames(path.read_text(encoding="utf-8"))) == 3
        assert browser_calls == []
    finally:
        path.unlink()


def test_jupyter_returns_an_object_that_displays_as_the_player():
    player = eigenvue.jupyter(ID, width="800px", height="500px")
    html = player._repr_html_()
    frames = player_frames(html)
    assert len(frames) == 5
    assert 'class="ev-player"' in html and "width:800px" in html and "max-height:500px" in html
    assert "window.eigenvuePlayer" in html  # the script travels with the output
    with pytest.raises(ValueError, match="Unknown algorithm"):
        eigenvue.jupyter("nope")


def test_a_trace_displays_as_the_same_player():
    trace = eigenvue.trace(ID)
    frames = player_frames(trace._repr_html_())
    assert [f["title"] for f in frames] == [s.title for s in trace]


def test_the_notebook_player_respects_the_embed_limit():
    trace = eigenvue.trace(ID)
    one_frame_mb = len(player_frames(trace._repr_html_())[0]["src"]) / 1024 / 1024
    with matplotlib.rc_context({"animation.embed_limit": one_frame_mb * 3.5}):
        html = trace._repr_html_()
    frames = player_frames(html)
    assert 2 <= len(frames) <= 4
    assert f"Showing the first {len(frames)} of 5 steps" in html
    assert "animation.embed_limit" in html
