"""The one palette of eigenvue, in a light and a dark variant.

Colours come from the Okabe–Ito set, which stays distinguishable under the
common forms of colour blindness. Each colour has a meaning that holds across
every algorithm: a learner who has seen the gradient colour once recognises
it everywhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib import resources
from threading import local
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.typing import ColorType, RcKeyType

ThemeName = Literal["light", "dark"]


def _dark_diverging() -> str:
    import matplotlib

    # "berlin" (Crameri's scientific colour maps) came with matplotlib 3.10.
    return "berlin_r" if "berlin" in matplotlib.colormaps else "RdBu"


_DARK_DIVERGING = _dark_diverging()


#: The themes whose ``context()`` is in force, innermost last, per thread.
_applied = local()


@dataclass(frozen=True)
class Theme:
    """Semantic colours for drawing. Use the meaning, never a literal colour.

    Attributes
    ----------
    name : {"light", "dark"}
    background, panel : str
        Figure background; background of boxes (pseudocode, cells, nodes).
    text, muted, edge : str
        Main text; secondary text and inactive elements; outlines and thin lines.
    forward : str
        The forward signal: values flowing from input to output, the current position.
    gradient : str
        Gradients, errors, deltas: anything flowing backward.
    update : str
        A value being changed: updated weights, a write, a swap, a step taken.
    highlight : str
        What the step is about right now (current cell, current node, compared pair).
    done : str
        Finished, found, sorted, visited.
    positive, negative : str
        The sign of a value (weight colour, heat-map ends).
    diverging, sequential : str
        Colormap names for signed values and for magnitudes. The diverging map
        runs from the negative colour's hue (low) to the positive one's (high),
        through the background's lightness at zero, so a heat map of weights
        reads like the weight lines.
    """

    name: ThemeName
    background: str
    panel: str
    text: str
    muted: str
    edge: str
    forward: str
    gradient: str
    update: str
    highlight: str
    done: str
    positive: str
    negative: str
    diverging: str
    sequential: str

    @property
    def style(self) -> str:
        """Path of this theme's ``.mplstyle`` file."""
        return str(resources.files("eigenvue.drawing") / "styles" / f"{self.name}.mplstyle")

    @contextmanager
    def context(self) -> Iterator[None]:
        """Apply the theme's matplotlib style inside a ``with`` block only (rcParams stay untouched).

        Inside, rcParams are matplotlib's defaults plus the theme's style, not
        the user's settings, so that pictures are the same on every machine.
        """
        import matplotlib

        applied = _applied.__dict__.setdefault("themes", [])
        if applied and applied[-1] == self:
            # Inside this theme's own block already (a loop over many frames enters it
            # once): comparing and restoring rcParams again costs 5 % of a frame.
            yield
            return
        # Set only what differs: validating all ~300 parameters at every step costs
        # more than drawing some frames' text.
        current = matplotlib.rcParams
        changes = {k: v for k, v in self.rc_params().items() if current[k] != v}
        with matplotlib.rc_context(changes):
            applied.append(self)
            try:
                yield
            finally:
                applied.pop()

    def meaning_color(self, meaning: str | None) -> str:
        """The colour of a step's declared meaning (see ``phases`` in the metadata).

        A step whose meaning is not declared gets the muted colour: colours
        follow what a plugin says its phases mean, never a guess from their names.
        """
        return getattr(self, MEANING_COLORS.get(meaning or "", "muted"))

    def tint(
        self, color: ColorType, amount: float | None = None
    ) -> tuple[float, float, float, float]:
        """A calm, opaque tint of ``color`` on this theme's background.

        Parts fill with a tint what a state marks quietly (sorted items, visited
        or frontier nodes, added items), keeping the saturated colour for what
        changes at this step. One amount everywhere, so a tint means the same
        in every algorithm.

        Parameters
        ----------
        color
            A theme colour (``theme.done``, ``theme.forward``…).
        amount
            Share of ``color``: 1 the colour, 0 the background; :data:`TINT` by default.
        """
        return blend(color, self.background, TINT if amount is None else amount)

    def rc_params(self) -> dict[RcKeyType, Any]:
        """The rcParams the theme draws with: matplotlib's defaults, then its style file."""
        return _rc_params(self.name, self.style)


#: The share of a colour in :meth:`Theme.tint` (the rest is the background).
TINT = 0.38

#: The theme attribute that colours each meaning a phase can declare (metadata ``phases``).
MEANING_COLORS: dict[str, str] = {
    "setup": "muted",  # preparing: initial values, inputs, architecture
    "compare": "highlight",  # looking at values: compare, probe, score, measure
    "update": "update",  # changing values: swap, write, relax, weight update, gate
    "visit": "forward",  # moving through a structure: visit, dequeue, extract
    "forward": "forward",  # the forward signal of a network
    "gradient": "gradient",  # errors and gradients flowing backward
    "result": "done",  # found, sorted, complete
}


LIGHT = Theme(
    name="light",
    background="#ffffff",
    panel="#f3f4f6",
    text="#1f2328",
    muted="#6e7781",
    edge="#afb8c1",
    forward="#0072B2",  # blue
    # Reddish purple: the backward signal must not look like a negative weight (vermillion).
    gradient="#A8457F",
    update="#009E73",  # bluish green
    highlight="#E69F00",  # orange
    done="#009E73",
    positive="#0072B2",
    negative="#D55E00",
    diverging="RdBu",  # red (negative) – white – blue (positive); ColorBrewer, colour-blind safe
    sequential="viridis",
)

DARK = Theme(
    name="dark",
    background="#1e2129",
    panel="#2b303b",
    text="#e6edf3",
    muted="#8b949e",
    edge="#57606a",
    forward="#56B4E9",  # sky blue
    gradient="#E39BC6",  # reddish purple, lifted for a dark ground
    update="#2BC39A",  # bluish green, lifted
    highlight="#F0C05A",  # orange-yellow
    done="#2BC39A",
    positive="#56B4E9",
    negative="#E8743B",
    # Orange (negative) – black – blue (positive): zero fades into the dark ground.
    diverging=_DARK_DIVERGING,
    sequential="viridis",
)

THEMES: dict[str, Theme] = {"light": LIGHT, "dark": DARK}


@cache
def _rc_params(name: str, style: str) -> dict[RcKeyType, Any]:
    # Parsed once per theme: Theme.context() runs at every step drawn.
    import matplotlib

    params = dict(matplotlib.rcParamsDefault)
    unset: tuple[RcKeyType, ...] = (
        "backend",
        "backend_fallback",
        "interactive",
        "webagg.port_retries",
    )
    for key in unset:
        params.pop(key, None)  # choosing a backend is the application's business
    params.update(matplotlib.rc_params_from_file(style, use_default_template=False))
    return params


def blend(
    color: ColorType, background: ColorType, amount: float
) -> tuple[float, float, float, float]:
    """``color`` mixed into ``background``: ``amount`` 1 is the colour, 0 the background.

    A tint drawn this way stays opaque, so lines behind a tinted shape do not
    show through it.

    Examples
    --------
    >>> blend("#000000", "#ffffff", 0.25)
    (0.75, 0.75, 0.75, 1.0)
    """
    from matplotlib.colors import to_rgba

    c, b = to_rgba(color), to_rgba(background)
    mixed = [amount * c[i] + (1.0 - amount) * b[i] for i in range(3)]
    return (float(mixed[0]), float(mixed[1]), float(mixed[2]), 1.0)


def get_theme(name: str | Theme = "light") -> Theme:
    """The theme called ``name`` (``"light"`` or ``"dark"``)."""
    if isinstance(name, Theme):
        return name
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; themes: {', '.join(THEMES)}") from None
