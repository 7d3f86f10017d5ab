"""The ``eigenvue render`` and ``eigenvue show`` commands (frames, animations, players).

:func:`eigenvue.cli.build_parser` calls :func:`add_commands`; each subcommand's parser
names its handler (``set_defaults(run=...)``).
"""

from __future__ import annotations

import argparse
from typing import Any

from eigenvue.cli_support import UserError, add_input_options, read_inputs

FORMATS = ("png", "svg", "gif", "mp4", "html")  # as eigenvue.export.FORMATS, without importing it


def add_commands(subparsers: Any) -> None:
    """Add ``render`` and ``show`` to the command's subparsers."""
    p = subparsers.add_parser(
        "render",
        help="draw an algorithm's steps to images, an animation or an HTML player",
        description=(
            "Run an algorithm and write its teaching frames: png/svg write one file per "
            "step (<id>-<index>.<ext>), gif/mp4 one animation, html one self-contained "
            "player. Prints the paths written."
        ),
    )
    p.set_defaults(run=cmd_render)
    p.add_argument("id", help="the algorithm id (see `eigenvue list`)")
    add_input_options(p)
    p.add_argument("--format", choices=FORMATS, default="png", help="output format (default png)")
    p.add_argument("--out", default=".", metavar="DIR", help="folder to write into (default .)")
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="colour theme")

    p = subparsers.add_parser(
        "show",
        help="step through an algorithm in a window or the browser",
        description=(
            "Open a window to step through an algorithm; without a display, write a "
            "self-contained HTML player to a temporary file, print its path and open it "
            "in the browser."
        ),
    )
    p.set_defaults(run=cmd_show)
    p.add_argument("id", help="the algorithm id (see `eigenvue list`)")
    add_input_options(p)
    p.add_argument(
        "--no-browser",
        action="store_true",
        help="only print the path of the HTML player (headless); do not open a browser",
    )


def cmd_render(args: argparse.Namespace) -> int:
    """``eigenvue render ID``: write the frames and print the paths."""
    from eigenvue.export import ExportError, render

    try:
        paths = render(
            args.id, read_inputs(args), format=args.format, out=args.out, theme=args.theme
        )
    except ExportError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write to {args.out}: {exc.strerror or exc}") from None
    for path in paths:
        print(path)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """``eigenvue show ID``: a window, or the HTML player in the browser."""
    from eigenvue.display import show

    show(args.id, read_inputs(args), open_browser=not args.no_browser)
    return 0
