"""The desktop window: step through a trace's frames with buttons, a slider and keys.

The only place eigenvue uses pyplot, because a window needs a GUI event loop.
Keys: ←/→ previous/next step, Home/End first/last, space play/pause, q or
Escape close.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from eigenvue.drawing.frame import DPI, HEIGHT_PX, WIDTH_PX, TeachingFrame
from eigenvue.drawing.theme import Theme, get_theme

if TYPE_CHECKING:
    from matplotlib.backend_bases import KeyEvent

    from eigenvue.step import Trace

CONTROLS_PX = 56
PLAY_INTERVAL_MS = 1500


class StepWindow:
    """A matplotlib window showing one trace, step by step.

    Parameters
    ----------
    trace : eigenvue.Trace
        The steps to show.
    theme : str or Theme
        The palette.

    Attributes
    ----------
    frame : TeachingFrame
        The frame drawn in the window.
    index : int
        The step shown.
    """

    def __init__(self, trace: Trace, theme: str | Theme = "light") -> None:
        import matplotlib.pyplot as plt
        from matplotlib.widgets import Button, Slider

        self.trace = trace
        self.theme = palette = get_theme(theme)
        height = HEIGHT_PX + CONTROLS_PX
        with palette.context():
            figure = plt.figure(figsize=(WIDTH_PX / DPI, height / DPI), dpi=DPI)
            self.frame = TeachingFrame(
                trace,
                palette,
                figure=figure,
                height_px=height,
                reserve_bottom_px=CONTROLS_PX,
            )
            self.figure = figure
            n = len(trace)

            def box(x_px: float, w_px: float) -> tuple[float, float, float, float]:
                return (x_px / WIDTH_PX, 12 / height, w_px / WIDTH_PX, 32 / height)

            def add_button(x_px: float, label: str) -> Button:
                return Button(
                    figure.add_axes(box(x_px, 90)),
                    label,
                    color=palette.panel,
                    hovercolor=palette.edge,
                )

            self._prev = add_button(18, "◀ Prev")
            self._play = add_button(114, "▶ Play")
            self._next = add_button(210, "Next ▶")
            for button in (self._prev, self._play, self._next):
                button.label.set_color(palette.text)
                button.label.set_fontsize(10)
            self._slider = Slider(
                figure.add_axes(box(380, WIDTH_PX - 380 - 90)),
                "step",
                1,
                n,
                valinit=1,
                valstep=1,
                valfmt=f"%d / {n}",
                color=palette.forward,
                track_color=palette.panel,
                initcolor="none",
            )
            self._slider.label.set_color(palette.muted)
            self._slider.valtext.set_color(palette.text)
        self._prev.on_clicked(lambda _: self.go(self.index - 1))
        self._next.on_clicked(lambda _: self.go(self.index + 1))
        self._play.on_clicked(lambda _: self.toggle())
        self._slider.on_changed(self._on_slider)

        canvas = figure.canvas
        manager = canvas.manager
        if manager is not None:
            manager.set_window_title(f"eigenvue — {trace.algorithm.meta.name}")
            # matplotlib's own keys (l: log scale, g: grid, …) would act on the diagram.
            handler = getattr(manager, "key_press_handler_id", None)
            if handler is not None:
                canvas.mpl_disconnect(handler)
        canvas.mpl_connect("key_press_event", self._on_key)
        self._timer = canvas.new_timer(interval=PLAY_INTERVAL_MS)
        self._timer.add_callback(self._tick)
        self._playing = False
        self._syncing = False
        self.index = -1
        self.go(0)

    # -- stepping ---------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show step ``index`` (clamped to the trace)."""
        index = max(0, min(len(self.trace) - 1, index))
        if index == self.index:
            return
        self.frame.show_step(index)
        self.index = index
        self._syncing = True
        try:
            self._slider.set_val(index + 1)
        finally:
            self._syncing = False
        self.figure.canvas.draw_idle()

    def toggle(self) -> None:
        """Play from the current step, or pause."""
        if self._playing:
            self._pause()
        else:
            if self.index >= len(self.trace) - 1:
                self.go(0)
            self._playing = True
            self._play.label.set_text("❚❚ Pause")
            self._timer.start()
            self.figure.canvas.draw_idle()

    def _pause(self) -> None:
        self._playing = False
        self._timer.stop()
        self._play.label.set_text("▶ Play")
        self.figure.canvas.draw_idle()

    def _tick(self) -> None:
        if self.index >= len(self.trace) - 1:
            self._pause()
        else:
            self.go(self.index + 1)

    def _on_slider(self, value: Any) -> None:
        if not self._syncing:
            self.go(int(value) - 1)

    def _on_key(self, event: KeyEvent) -> None:
        moves = {
            "right": lambda: self.go(self.index + 1),
            "left": lambda: self.go(self.index - 1),
            "home": lambda: self.go(0),
            "end": lambda: self.go(len(self.trace) - 1),
            " ": self.toggle,
            "space": self.toggle,
            "q": self.close,
            "escape": self.close,
        }
        action = moves.get(event.key or "")
        if action is not None:
            if self._playing and event.key not in (" ", "space"):
                self._pause()
            action()

    def close(self) -> None:
        """Close the window."""
        import matplotlib.pyplot as plt

        self._timer.stop()
        plt.close(self.figure)


def show_window(trace: Trace, theme: str | Theme = "light", *, block: bool = True) -> StepWindow:
    """Open a :class:`StepWindow` for ``trace``; with ``block``, return when it is closed."""
    import matplotlib.pyplot as plt

    window = StepWindow(trace, theme)
    plt.show(block=block)
    return window
