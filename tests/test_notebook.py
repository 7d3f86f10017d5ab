"""A real Jupyter kernel runs show(), jupyter() and a Trace: each output is the inline player."""

import json
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

FRAMES = re.compile(r'<script type="application/json" class="ev-frames">(.*?)</script>', re.S)


def html_outputs(cell):
    return [
        output["data"]["text/html"]
        for output in cell.outputs
        if output.get("output_type") in ("display_data", "execute_result")
        and "text/html" in output.get("data", {})
    ]


@pytest.mark.slow
def test_a_notebook_shows_the_inline_player(tmp_path):
    repo = Path(__file__).resolve().parent.parent
    cells = [
        # The fixture algorithm, registered in the kernel as a third-party plugin would be.
        f"import sys; sys.path.insert(0, {str(repo)!r})\n"
        "import eigenvue\n"
        "from eigenvue import plugins\n"
        "from tests import fixture_plugin\n"
        "plugins.get_plugin_manager().register(fixture_plugin, name=fixture_plugin.PLUGIN_NAME)\n"
        "ID = fixture_plugin.ID",
        "result = eigenvue.show(ID)\nprint(repr(result))",
        'eigenvue.jupyter(ID, {"values": [0.5, 8]})',
        'eigenvue.trace(ID, {"values": [1, 2, 3, 4]})',
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    client = nbclient.NotebookClient(
        notebook, kernel_name="python3", timeout=180, resources={"metadata": {"path": tmp_path}}
    )
    client.execute()
    _, show_cell, jupyter_cell, trace_cell = notebook.cells

    # show(): displayed inline (no window, no file), and returns None.
    (shown,) = html_outputs(show_cell)
    streams = "".join(o.get("text", "") for o in show_cell.outputs if o["output_type"] == "stream")
    assert streams.strip() == "None"
    for html in (shown, *html_outputs(jupyter_cell), *html_outputs(trace_cell)):
        assert 'class="ev-player"' in html and "window.eigenvuePlayer" in html
    frames = [json.loads(FRAMES.search(h).group(1)) for h in html_outputs(jupyter_cell)]
    assert len(frames) == 1 and len(frames[0]) == 4
    assert frames[0][2]["explanation"] == "Adding 8 makes the total 8.5."
    (trace_html,) = html_outputs(trace_cell)
    assert len(json.loads(FRAMES.search(trace_html).group(1))) == 6
