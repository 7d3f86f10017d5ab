"""The step-through player: one HTML/JS/CSS player for every place frames are shown.

The standalone HTML file (``eigenvue render --format html``, headless
``show()``), the notebook output (``jupyter()``, a Trace's ``_repr_html_``)
and the documentation site all embed :func:`player_fragment` with the same
``player.js`` and ``player.css`` (``eigenvue/player_assets/``). The fragment
works without JavaScript too: it shows the first frame and its caption.
"""

from __future__ import annotations

import base64
import html
import json
import uuid
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    from eigenvue.step import Trace

_ASSETS = resources.files("eigenvue") / "player_assets"

#: The player's script: initialises every ``.ev-player`` on the page (``window.eigenvuePlayer.init()``).
PLAYER_JS: str = (_ASSETS / "player.js").read_text(encoding="utf-8")
#: The player's style sheet.
PLAYER_CSS: str = (_ASSETS / "player.css").read_text(encoding="utf-8")

#: Milliseconds per step while playing.
DEFAULT_INTERVAL_MS = 1500


class Frame(TypedDict):
    """One step as the player shows it."""

    src: str  # URL or data URI of the light image
    srcDark: str | None  # URL or data URI of the dark image, or None
    alt: str  # empty: the player writes "<title>. <explanation>"
    title: str
    explanation: str
    phase: str | None


def asset_paths() -> tuple[Path, Path]:
    """The files ``player.js`` and ``player.css``, for a site to copy or link."""
    folder = Path(str(_ASSETS))
    return folder / "player.js", folder / "player.css"


def data_uri(image: bytes, format: str = "png") -> str:
    """An image as a ``data:`` URI, to inline it in a page."""
    mime = {"png": "image/png", "svg": "image/svg+xml"}[format]
    return f"data:{mime};base64,{base64.b64encode(image).decode('ascii')}"


def frame_dicts(
    trace: Trace, srcs: Sequence[str], srcs_dark: Sequence[str] | None = None
) -> list[Frame]:
    """The player's frames for a trace, given each step's image URL (and dark variant).

    ``srcs`` may be shorter than the trace (a player showing only the first steps).
    """
    n = len(trace)
    frames: list[Frame] = []
    for i, src in enumerate(srcs):
        step = trace[i]
        frames.append(
            {
                "src": src,
                "srcDark": srcs_dark[i] if srcs_dark is not None else None,
                "alt": f"Step {i + 1} of {n}: {step.title}",
                "title": step.title,
                "explanation": step.explanation,
                "phase": step.phase,
            }
        )
    return frames


#: A folder shared by every frame's URL is written once when it is at least this long.
_MIN_SHARED_FOLDER = 12


def _frames_payload(frames: Sequence[Frame]) -> Any:
    """The frames as the player's script reads them.

    A plain list, unless every frame's image URL lies in one folder (the docs
    site's ``frames/<key>/``): then ``{"srcBase", "srcDarkBase", "frames"}`` with
    the folder written once and empty fields left out, a fifth fewer bytes on a
    page with hundreds of frames.
    """
    bases: dict[str, str] = {}
    for key in ("src", "srcDark"):
        values = [frame.get(key) for frame in frames]
        if not all(isinstance(v, str) and not v.startswith("data:") for v in values):
            continue
        folders = {str(v)[: str(v).rfind("/") + 1] for v in values}
        if len(folders) == 1 and len(prefix := folders.pop()) >= _MIN_SHARED_FOLDER:
            bases[key] = prefix
    if not bases:
        return list(frames)
    compact = []
    for frame in frames:
        entry: dict[str, Any] = {}
        for key, value in frame.items():
            if key in bases:
                entry[key] = str(value)[len(bases[key]) :]
            elif value not in ("", None) or key in ("title", "explanation"):
                entry[key] = value
        compact.append(entry)
    payload: dict[str, Any] = {"frames": compact, "srcBase": bases.get("src", "")}
    if "srcDark" in bases:
        payload["srcDarkBase"] = bases["srcDark"]
    return payload


def frames_json(frames: Sequence[Frame]) -> str:
    """The frames' JSON as a file for ``player_fragment(..., frames_url=...)`` to fetch."""
    return json.dumps(_frames_payload(frames), ensure_ascii=False, separators=(",", ":"))


def _json_for_script(value: Any) -> str:
    # Inside <script>, "</" would end the element and "<!--" open a comment.
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\!--")


def player_fragment(
    frames: Sequence[Frame],
    *,
    player_id: str,
    label: str = "Step-through player",
    interval_ms: int = DEFAULT_INTERVAL_MS,
    note: str | None = None,
    style: str | None = None,
    size: tuple[int, int] | None = None,
    text_px: float | None = None,
    autofocus: bool = False,
    autoplay: bool = False,
    frames_url: str | None = None,
) -> str:
    """The player's HTML: a ``<div class="ev-player">`` holding its frames as JSON.

    Include :data:`PLAYER_CSS` and :data:`PLAYER_JS` once on the page. Without
    the script the first frame and its caption still show. Only the first
    frame is in the markup (lazily loaded, so a player below the fold and the
    hidden palette's image cost nothing); the script loads each other frame
    when it is shown and fetches the next one ahead.

    Parameters
    ----------
    frames : sequence of dict
        ``{"src", "srcDark", "alt", "title", "explanation", "phase"}`` per step
        (see :func:`frame_dicts`). With ``srcDark``, two images are written,
        ``src#only-light`` and ``srcDark#only-dark``; mkdocs-material shows the
        one matching its colour scheme, and elsewhere the CSS shows the light one.
    player_id : str
        The element id, unique on the page.
    label : str
        Accessible name of the player (e.g. "Backpropagation, step by step").
    interval_ms : int
        Time per step while playing.
    note : str, optional
        A remark shown under the player (e.g. that only some frames fit).
    style : str, optional
        Inline CSS for the player element (``"max-width: 800px"``).
    size : (int, int), optional
        Width and height of the frames in pixels: the page reserves their room
        before they load, and the player is never shown wider than they are.
    text_px : float, optional
        Height in image pixels of the smallest text in the frames
        (``data-text-px``), to check how large it shows on a page.
    autofocus : bool
        Focus the player when the page opens, so the keys work without a click
        (a standalone page holding one player).
    autoplay : bool
        Start playing when the page opens, unless the reader asks for reduced motion.
    frames_url : str, optional
        Where the frames' JSON (:func:`frames_json`) is served: the page then holds
        only the first frame, and the player fetches the rest when it nears the
        viewport (a page with many players stays light).
    """
    if not frames:
        raise ValueError("a player needs at least one frame")
    first = frames[0]
    n = len(frames)
    esc = html.escape
    dims = f' width="{size[0]}" height="{size[1]}"' if size else ""
    dark = first.get("srcDark")
    if dark:
        images = (
            f'<img class="ev-image ev-image-light" src="{esc(first["src"])}#only-light" '
            f'alt="{esc(first["alt"])}"{dims} loading="lazy">'
            f'<img class="ev-image ev-image-dark" src="{esc(dark)}#only-dark" '
            f'alt="{esc(first["alt"])}"{dims} loading="lazy">'
        )
    else:
        images = (
            f'<img class="ev-image ev-image-light" src="{esc(first["src"])}" '
            f'alt="{esc(first["alt"])}"{dims}>'
        )
    phase = first.get("phase")
    styles = [style] if style else []
    if size:
        styles.append(f"--ev-frame-width:{size[0]}px")
    style_attr = f' style="{esc(";".join(styles))}"' if styles else ""
    data = ""
    if text_px:
        data += f' data-text-px="{text_px:.2f}"'
    if autofocus:
        data += ' data-autofocus=""'
    if autoplay:
        data += ' data-autoplay=""'
    note_html = f'<p class="ev-note">{esc(note)}</p>' if note else ""
    return (
        f'<div class="ev-player" id="{esc(player_id)}" tabindex="0" role="group" '
        f'aria-label="{esc(label)}" aria-roledescription="step-through player" '
        f'data-interval="{int(interval_ms)}"{data}{style_attr}>'
        f'<div class="ev-stage">{images}</div>'
        '<div class="ev-controls">'
        '<button type="button" class="ev-prev" aria-label="Previous step" disabled>◀ Prev</button>'
        '<button type="button" class="ev-play" aria-label="Play" aria-pressed="false">▶ Play</button>'
        f'<button type="button" class="ev-next" aria-label="Next step"{" disabled" if n == 1 else ""}>Next ▶</button>'
        f'<input type="range" class="ev-slider" min="0" max="{n - 1}" step="1" value="0" '
        f'aria-label="Step" aria-valuetext="Step 1 of {n}">'
        f'<span class="ev-counter" aria-hidden="true">1 / {n}</span>'
        "</div>"
        '<div class="ev-caption">'
        f'<span class="ev-phase"{"" if phase else " hidden"}>{esc(phase or "")}</span>'
        f'<span class="ev-title">{esc(first["title"])}</span>'
        f'<p class="ev-explanation">{esc(first["explanation"])}</p>'
        "</div>"
        '<p class="ev-sr-only ev-live" aria-live="polite" aria-atomic="true"></p>'
        f"{note_html}"
        + (
            f'<script type="application/json" class="ev-frames" data-src="{esc(frames_url)}"></script>'
            if frames_url
            else f'<script type="application/json" class="ev-frames">{_json_for_script(_frames_payload(frames))}</script>'
        )
        + "</div>"
    )


def _inline_assets() -> tuple[str, str]:
    return f"<style>{PLAYER_CSS}</style>", f"<script>{PLAYER_JS}</script>"


def _png_uris(images: Iterable[bytes]) -> list[str]:
    return [data_uri(image, "png") for image in images]


def standalone_html(trace: Trace, images: Iterable[bytes], *, theme: str = "light") -> str:
    """A complete, self-contained HTML page with the player of ``trace``.

    Frames are inlined as PNG data URIs and the CSS and JS inlined, so the
    file works offline, from any folder, with no server.

    Parameters
    ----------
    trace : eigenvue.Trace
        The steps, for their titles and explanations.
    images : iterable of bytes
        One PNG per step, drawn in ``theme`` (:func:`eigenvue.export.iter_frame_images`).
    theme : str
        ``"light"`` or ``"dark"``: the page's colours.
    """
    from eigenvue.drawing.theme import get_theme

    palette = get_theme(theme)
    meta = trace.algorithm.meta
    frames = frame_dicts(trace, _png_uris(images))
    fragment = player_fragment(
        frames,
        player_id=f"ev-player-{meta.id}",
        label=f"{meta.name}, step by step",
        autofocus=True,
    )
    css, js = _inline_assets()
    inputs = json.dumps(trace.inputs.to_dict(), ensure_ascii=False)
    esc = html.escape
    scheme = "dark" if palette.name == "dark" else "light"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(meta.name)} — eigenvue</title>"
        f"<style>:root{{color-scheme:{scheme}}}"
        f"body{{margin:0 auto;padding:1.5em;max-width:1240px;background:{palette.background};"
        f"color:{palette.text};font-family:system-ui,-apple-system,'Segoe UI',sans-serif}}"
        f"h1{{margin:0 0 .2em;font-size:1.6em}}p.ev-lead{{margin:0 0 1em;color:{palette.muted}}}"
        f"details{{margin-top:1.2em;color:{palette.muted}}}"
        f"code{{font-size:.9em;word-break:break-all}}"
        f".ev-player{{--ev-fg:{palette.text};--ev-muted:{palette.muted};"
        f"--ev-bg:{palette.background};--ev-panel:{palette.panel};--ev-border:{palette.edge};"
        f"--ev-accent:{palette.forward}}}</style>"
        f"{css}</head><body>"
        f"<h1>{esc(meta.name)}</h1>"
        f'<p class="ev-lead">{esc(meta.description.short)} '
        "Step with ←/→, Home/End, or play with the space bar.</p>"
        f"{fragment}"
        f"<details><summary>Inputs</summary><code>{esc(inputs)}</code></details>"
        f"{js}</body></html>\n"
    )


def jupyter_html(
    trace: Trace,
    images: Iterable[bytes],
    *,
    width: str | None = None,
    height: str | None = None,
) -> str:
    """The inline notebook player of ``trace`` (CSS, fragment and script in one output).

    Frames are embedded as PNG data URIs up to matplotlib's
    ``rcParams["animation.embed_limit"]`` (in MB); when they would exceed it,
    the player holds the first frames that fit and says so.

    Parameters
    ----------
    trace : eigenvue.Trace
        The steps to show.
    images : iterable of bytes
        One PNG per step (:func:`eigenvue.export.iter_frame_images`); consumed
        only as far as the embed limit allows, so a generator draws no more.
    width : str, optional
        CSS width of the player (``"100%"``, ``"800px"``).
    height : str, optional
        CSS maximum height of the picture (``"600px"``); the controls sit below it.
    """
    import matplotlib

    limit = float(matplotlib.rcParams["animation.embed_limit"]) * 1024 * 1024
    uris: list[str] = []
    total = 0
    for image in images:
        uri = data_uri(image, "png")
        if uris and total + len(uri) > limit:
            break
        uris.append(uri)
        total += len(uri)
    note = None
    if len(uris) < len(trace):
        note = (
            f"Showing the first {len(uris)} of {len(trace)} steps: all frames would exceed "
            f"matplotlib's animation.embed_limit of {limit / 1024 / 1024:g} MB. Raise it "
            "(matplotlib.rcParams['animation.embed_limit'] = 100) or export every frame "
            "with eigenvue.render(…, format='html')."
        )
    meta = trace.algorithm.meta
    style = f"width:{width};max-width:100%" if width else None
    player_id = f"ev-player-{meta.id}-{uuid.uuid4().hex[:10]}"
    fragment = player_fragment(
        frame_dicts(trace, uris),
        player_id=player_id,
        label=f"{meta.name}, step by step",
        note=note,
        style=style,
    )
    css, js = _inline_assets()
    if height:
        css += (
            f"<style>#{player_id} .ev-stage img{{max-height:{html.escape(height)};"
            "object-fit:contain}</style>"
        )
    return f"{css}{fragment}{js}"
