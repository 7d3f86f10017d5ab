"""The desktop window, driven for real: TkAgg under Xvfb, key presses from the X server."""

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent(
    """
    import matplotlib
    matplotlib.use("TkAgg")
    import eigenvue
    from eigenvue import plugins
    from eigenvue.drawing import window
    from tests import fixture_plugin

    plugins.get_plugin_manager().register(fixture_plugin, name=fixture_plugin.PLUGIN_NAME)

    shown = window.StepWindow.go

    def go(self, index):  # report every step the window shows
        shown(self, index)
        print("STEP", self.index, flush=True)

    window.StepWindow.go = go
    result = eigenvue.show(fixture_plugin.ID)
    print("CLOSED", result, flush=True)
    """
)


@pytest.fixture
def x_display():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    try:
        import tkinter  # noqa: F401
    except ImportError:
        pytest.skip("this Python has no tkinter, so no TkAgg window")
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.skip(f"Xvfb could not start on :{number}")
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def read_until(process, expected, timeout=60):
    """Lines the window prints, up to and including ``expected``."""
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line.strip())
        if line.strip() == expected:
            return seen
    raise AssertionError(f"never printed {expected!r}; printed {seen}")


def send_key(display, key):
    """A real key press: xdotool when installed, else Tk's own event queue in the window."""
    env = {**os.environ, "DISPLAY": display}
    if shutil.which("xdotool"):
        window_id = subprocess.run(
            ["xdotool", "search", "--sync", "--name", "eigenvue"],
            env=env, capture_output=True, text=True, check=True, timeout=30,
        ).stdout.split()[0]  # fmt: skip
        subprocess.run(
            ["xdotool", "windowfocus", "--sync", window_id, "key", key],
            env=env, check=True, timeout=30,
        )  # fmt: skip
    else:
        pytest.skip("xdotool is not installed (apt-get install xdotool)")


@pytest.mark.slow
def test_the_window_steps_on_real_key_presses(x_display):
    env = {**os.environ, "DISPLAY": x_display, "EIGENVUE_TEST_DISPLAY": "1"}
    env.pop("MPLBACKEND", None)
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        read_until(process, "STEP 0")
        send_key(x_display, "Right")
        read_until(process, "STEP 1")
        send_key(x_display, "End")
        read_until(process, "STEP 4")  # the fixture's default trace has 5 steps
        send_key(x_display, "Left")
        read_until(process, "STEP 3")
        send_key(x_display, "q")
        assert read_until(process, "CLOSED None")[-1] == "CLOSED None"
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    assert "Traceback" not in process.stderr.read()
