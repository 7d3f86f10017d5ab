"""The ``eigenvue`` command.

This module builds the parser: its own subcommands (``list``, ``info``, ``steps``), then
those of :mod:`eigenvue.cli_media` and :mod:`eigenvue.cli_contrib`. Each subcommand's
parser names its handler with ``set_defaults(run=handler)``; :func:`main` calls it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from eigenvue import cli_contrib, cli_media, cli_support
from eigenvue.cli_support import UserError, add_input_options
from eigenvue.errors import InputError, UnknownAlgorithmError

__all__ = ["UserError", "build_parser", "main"]


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


def cmd_steps(args: argparse.Namespace) -> int:
    """``eigenvue steps ID``: run an algorithm and print its steps."""
    import eigenvue

    steps = eigenvue.steps(args.id, cli_support.read_inputs(args))
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
    p.set_defaults(run=cmd_list)

    p = sub.add_parser("info", help="describe one algorithm")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="print the full metadata as JSON")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser("steps", help="run an algorithm and print its steps")
    p.add_argument("id")
    add_input_options(p)
    p.add_argument(
        "--json", action="store_true", help="print the steps as JSON (Eigenvue step format)"
    )
    p.set_defaults(run=cmd_steps)

    cli_media.add_commands(sub)
    cli_contrib.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (InputError, UnknownAlgorithmError, UserError) as exc:
        print(f"eigenvue: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `eigenvue steps … | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
