"""``show()`` and ``jupyter()``: step through an algorithm wherever the user is.

``show`` picks the best place it can find: the inline player in a notebook, a
matplotlib window when an interactive backend is in use, otherwise (headless)
a self-contained HTML player written to a temporary file and opened in the
browser. None of them needs a web server.
"""

from __future__ import annotations

import sys
import tempfile
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eigenvue.step import Trace

#: Backends that cannot open a window (compared in lower case).
NON_INTERACTIVE_BACKENDS = frozenset(
    {"agg", "cairo", "pdf", "pgf", "ps", "svg", "template", "inline", "nbagg_static"}
)


class JupyterPlayer:
    """A run of an algorithm that displays as the step-through player in a notebook.

    Returned by :func:`eigenvue.jupyter`; the notebook calls :meth:`_repr_html_`.
    The frames are drawn when the object is displayed.

    Attributes
    ----------
    trace : eigenvue.Trace
        The steps shown.
    """

    def __init__(self, trace: Trace, *, width: str = "100%", height: str = "600px") -> None:
        self.trace = trace
        self.width = width
        self.height = height

    def __repr__(self) -> str:
        return f"<JupyterPlayer {self.trace.algorithm.id!r}: {len(self.trace)} steps>"

    def _repr_html_(self) -> str:
        from eigenvue.export import iter_frame_images
        from eigenvue.player import jupyter_html

        images = iter_frame_images(self.trace)
        return jupyter_html(self.trace, images, width=self.width, height=self.height)


def in_notebook() -> bool:
    """True inside a Jupyter kernel (IPython with a kernel attached)."""
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    shell = ipython.get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def interactive_backend() -> bool:
    """True when matplotlib's backend can open a window (TkAgg, QtAgg, macosx, …)."""
    import matplotlib

    backend = matplotlib.get_backend().lower()
    if backend.startswith("module://"):
        # matplotlib_inline and ipympl live in notebooks, handled before this check.
        return not ("inline" in backend or "ipympl" in backend)
    return backend not in NON_INTERACTIVE_BACKENDS


def jupyter(
    algorithm_id: str,
    inputs: dict[str, Any] | None = None,
    *,
    width: str = "100%",
    height: str = "600px",
) -> JupyterPlayer:
    """Run an algorithm and return its inline notebook player.

    Display the result (leave it last in a cell) to step through the frames.
    Frames are embedded up to matplotlib's ``animation.embed_limit``.

    Parameters
    ----------
    algorithm_id : str
        A registered id, e.g. ``"backpropagation"``.
    inputs : dict, optional
        Inputs by their camelCase names; ``None`` runs the defaults.
    width : str
        CSS width of the player.
    height : str
        CSS maximum height of the picture.

    Raises
    ------
    ValueError
        For an unknown id; :class:`eigenvue.InputError` for bad inputs.
    """
    from eigenvue.api import trace

    return JupyterPlayer(trace(algorithm_id, inputs), width=width, height=height)


def show(
    algorithm_id: str,
    inputs: dict[str, Any] | None = None,
    *,
    port: int = 0,
    open_browser: bool = True,
) -> Path | None:
    """Step through an algorithm: in the notebook, in a window, or in the browser.

    - In a Jupyter notebook: displays the inline player; returns ``None``.
    - With an interactive matplotlib backend: opens a window with previous /
      play / next buttons, a step slider and the keys ←/→, Home/End and
      space; returns ``None`` once the window is closed.
    - Otherwise (no display): writes a self-contained HTML player to a
      temporary file, prints its path, opens it in the web browser when
      ``open_browser`` and returns the path.

    Parameters
    ----------
    algorithm_id : str
        A registered id, e.g. ``"backpropagation"``.
    inputs : dict, optional
        Inputs by their camelCase names; ``None`` runs the defaults.
    port : int
        Accepted for compatibility with Eigenvue 1.0.2, whose ``show`` started
        a local web server; ignored, as no server is needed.
    open_browser : bool
        Open the HTML player in the browser (headless case only).

    Raises
    ------
    ValueError
        For an unknown id; :class:`eigenvue.InputError` for bad inputs
        (both before anything is drawn).
    """
    from eigenvue.api import trace as run

    del port  # no server: the players are static
    trace = run(algorithm_id, inputs)
    if in_notebook():
        from IPython.display import display

        display(JupyterPlayer(trace))
        return None
    if interactive_backend():
        from eigenvue.drawing.window import show_window

        show_window(trace)
        return None
    return write_html_player(trace, open_browser=open_browser)


def write_html_player(trace: Trace, *, open_browser: bool = True) -> Path:
    """Write the standalone player of ``trace`` to a new temporary file; print and return its path."""
    from eigenvue.export import iter_frame_images
    from eigenvue.player import standalone_html

    page = standalone_html(trace, iter_frame_images(trace))
    with tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        prefix=f"eigenvue-{trace.algorithm.id}-",
        suffix=".html",
        delete=False,
    ) as handle:
        handle.write(page)
    path = Path(handle.name)
    print(path)
    if open_browser:
        webbrowser.open(path.as_uri())
    return path
