"""The ``eigenvue`` command."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from eigenvue.errors import InputError, UnknownAlgorithmError

COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {}


class UserError(Exception):
    """A mistake in how the command was called: one line on stderr, exit status 2."""


def command(
    name: str,
) -> Callable[[Callable[[argparse.Namespace], int]], Callable[[argparse.Namespace], int]]:
    """Register the decorated function as the handler of subcommand ``name``."""

    def decorate(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = func
        return func

    return decorate


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


@command("list")
def cmd_list(args: argparse.Namespace) -> int:
    """``eigenvue list``: the catalogue, grouped by category."""
    import eigenvue

    infos = eigenvue.list(args.category)
    if args.json:
        print(json.dumps([{k: getattr(i, k) for k in i.__slots__} for i in infos], indent=2))
        return 0
    width = max((len(i.id) for i in infos), default=0)
    category = None
    for info in infos:
        if info.category != category:
            category = info.category
            print(f"{'' if category == infos[0].category else chr(10)}{category}")
        print(f"  {info.id:<{width}}  {info.name} — {info.difficulty}, {info.time_complexity}")
    return 0


@command("info")
def cmd_info(args: argparse.Namespace) -> int:
    """``eigenvue info ID``: what an algorithm is, its inputs, examples and pseudocode."""
    import eigenvue

    meta = eigenvue.get(args.id)
    if args.json:
        print(json.dumps(meta.model_dump(mode="json"), indent=2, ensure_ascii=False))
        return 0
    print(f"{meta.name} ({meta.id})")
    print(
        f"{meta.category} · {meta.difficulty} · time {meta.complexity.time} · space {meta.complexity.space}"
    )
    print()
    print(meta.description.short)
    print()
    print("Default inputs:")
    print(json.dumps(meta.defaults, ensure_ascii=False))
    if meta.examples:
        print()
        print("Examples (use with --example NAME):")
        for example in meta.examples:
            print(f"  {example.name}")
    print()
    print("Pseudocode:")
    for number, line in enumerate(meta.pseudocode_lines, 1):
        print(f"  {number:>3}  {line}")
    return 0


@command("steps")
def cmd_steps(args: argparse.Namespace) -> int:
    """``eigenvue steps ID``: run an algorithm and print its steps."""
    import eigenvue

    steps = eigenvue.steps(args.id, read_inputs(args))
    if args.json:
        json.dump(steps, sys.stdout, ensure_ascii=False)
        print()
        return 0
    width = len(str(len(steps) - 1))
    for step in steps:
        phase = f"[{step['phase']}] " if "phase" in step else ""
        print(f"{step['index']:>{width}}  {step['id']}  {phase}{step['title']}")
        print(f"{'':>{width}}  {step['explanation']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``eigenvue`` command."""
    from eigenvue import __version__

    parser = argparse.ArgumentParser(
        prog="eigenvue", description="A catalogue of algorithms that teaches by showing."
    )
    parser.add_argument("--version", action="version", version=f"eigenvue {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("list", help="list the algorithms")
    p.add_argument("--category", choices=["classical", "deep-learning", "generative-ai", "quantum"])
    p.add_argument("--json", action="store_true", help="print JSON")

    p = sub.add_parser("info", help="describe one algorithm")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print the full metadata as JSON")

    p = sub.add_parser("steps", help="run an algorithm and print its steps")
    p.add_argument("id")
    add_input_options(p)
    p.add_argument(
        "--json", action="store_true", help="print the steps as JSON (Eigenvue step format)"
    )

    for extend in _EXTENSIONS:
        extend(sub)
    return parser


# Other modules add subcommands here (render, show, new, check, plugins) so this file stays small.
_EXTENSIONS: list[Callable[[Any], None]] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _load_extensions()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except (InputError, UnknownAlgorithmError, UserError) as exc:
        print(f"eigenvue: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `eigenvue steps … | head`
        return 0


def _load_extensions() -> None:
    import importlib

    for module in ("eigenvue.cli_media", "eigenvue.cli_contrib"):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


if __name__ == "__main__":  # pragma: no cover
    # Run the imported module's main, not this __main__ copy: subcommand extensions
    # register themselves into ``eigenvue.cli``.
    from eigenvue.cli import main as _main

    sys.exit(_main())
