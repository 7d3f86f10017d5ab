"""What every ``eigenvue`` subcommand module shares: the user-error type and the input options.

The command is assembled in :mod:`eigenvue.cli`, which imports the subcommand modules
(:mod:`eigenvue.cli_media`, :mod:`eigenvue.cli_contrib`); they import only this module,
so the imports run one way. Each subcommand's parser names its handler with
``parser.set_defaults(run=handler)``, argparse's own way of dispatching subcommands.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: A subcommand's handler: the parsed arguments in, the exit status out.
Handler = Callable[[argparse.Namespace], int]


class UserError(Exception):
    """A mistake in how the command was called: one line on stderr, exit status 2."""


def add_input_options(parser: argparse.ArgumentParser) -> None:
    """``--inputs JSON | --inputs-file PATH | --example NAME``, shared by every command that runs."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--inputs", metavar="JSON", help="inputs as a JSON object; omitted keys take defaults"
    )
    group.add_argument("--inputs-file", metavar="PATH", help="a JSON file holding the inputs")
    group.add_argument("--example", metavar="NAME", help="the inputs of a named example")


def read_inputs(args: argparse.Namespace) -> dict[str, Any] | None:
    """The inputs chosen by :func:`add_input_options`, or None for the defaults."""
    import eigenvue

    if getattr(args, "example", None):
        try:
            return eigenvue.example_inputs(args.id, args.example)
        except KeyError as exc:
            raise UserError(exc.args[0]) from None
    text = getattr(args, "inputs", None)
    source = "--inputs"
    if getattr(args, "inputs_file", None):
        source = args.inputs_file
        try:
            text = Path(args.inputs_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise UserError(f"cannot read {args.inputs_file}: {exc.strerror}") from None
    if text is None:
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"{source} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"{source} must be a JSON object of input names to values")
    return data
