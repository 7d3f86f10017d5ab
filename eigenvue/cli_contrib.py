"""The contributors' subcommands: ``eigenvue new``, ``eigenvue check`` and ``eigenvue plugins``.

:func:`eigenvue.cli.build_parser` calls :func:`add_commands`; each subcommand's parser
names its handler (``set_defaults(run=...)``).
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from eigenvue.cli_support import UserError
from eigenvue.metadata import CATEGORIES


def _category(text: str) -> str:
    """Accept ``deep-learning`` and ``deep_learning`` alike."""
    category = text.replace("_", "-")
    if category not in CATEGORIES:
        raise argparse.ArgumentTypeError(
            f"unknown category {text!r} (choose from {', '.join(CATEGORIES)})"
        )
    return category


def add_commands(sub: Any) -> None:
    """Add ``new``, ``check`` and ``plugins`` to the ``eigenvue`` command."""
    p = sub.add_parser(
        "new",
        help="create a new algorithm from a working template",
        description=(
            "Create a new algorithm: a small working plugin (metadata, numpy implementation, "
            "trace, frames and tests) to replace piece by piece. Inside an eigenvue checkout it "
            "goes to algorithms/<category>/<id>/; with --package DIR it becomes a separate pip "
            "package, DIR/eigenvue-<id>/. Existing files are never overwritten."
        ),
    )
    p.set_defaults(run=cmd_new)
    p.add_argument("id", help="the algorithm id: lowercase letters, digits and hyphens (bogo-sort)")
    p.add_argument(
        "--category",
        type=_category,
        default="classical",
        metavar="C",
        help=f"one of {', '.join(CATEGORIES)} (default: classical)",
    )
    p.add_argument("--name", help="the display name (default: from the id, 'Bogo Sort')")
    p.add_argument(
        "--package",
        metavar="DIR",
        type=Path,
        help="make a standalone pip package in DIR/eigenvue-<id>/ instead",
    )

    p = sub.add_parser(
        "check",
        help="check plugins: metadata, runs, trace invariants, frames",
        description=(
            "Check every algorithm (or the ones named): metadata, quiz answers, the defaults "
            "and every example run, trace invariants, JSON steps, determinism, a sample of frames "
            "(first, last, one per phase) in both themes, related ids; and report plugins that failed to load. "
            "Exit status 0 when everything holds, 1 otherwise."
        ),
    )
    p.set_defaults(run=cmd_check)
    p.add_argument("ids", nargs="*", metavar="ID", help="algorithm ids (default: all)")
    frames = p.add_mutually_exclusive_group()
    frames.add_argument("--no-frames", action="store_true", help="skip drawing the frames")
    frames.add_argument(
        "--all-frames", action="store_true", help="draw every frame, not a sample (slower)"
    )
    p.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="algorithms checked at once, in worker processes (default: one per CPU)",
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")

    p = sub.add_parser(
        "plugins",
        help="list the plugins, where they come from and what they registered",
        description=(
            "Each plugin with the distribution and version it came from, the algorithms it "
            "registered and its load error, if any. EIGENVUE_LOAD_PLUGINS restricts which "
            "third-party plugins load; EIGENVUE_TRACE_PLUGINS=1 traces the hook calls."
        ),
    )
    p.set_defaults(run=cmd_plugins)
    p.add_argument("--json", action="store_true", help="print JSON")


# -- eigenvue new ----------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    """``eigenvue new ID``: write a working algorithm to replace piece by piece."""
    from eigenvue.errors import PluginError
    from eigenvue.scaffold import (
        ScaffoldError,
        find_repo_root,
        names_for,
        new_in_repo,
        new_package,
    )

    try:
        names = names_for(args.id, args.category, args.name)
        if args.package is not None:
            files = new_package(args.id, args.package, category=args.category, name=args.name)
            root = args.package / names.distribution
        else:
            root = find_repo_root()
            if root is None:
                raise UserError(
                    "not inside an eigenvue checkout (no algorithms/ package here or above): "
                    "run this in the repository, or make a separate package with --package DIR"
                )
            files = new_in_repo(args.id, root, category=args.category, name=args.name)
    except (ScaffoldError, PluginError) as exc:
        raise UserError(str(exc)) from None

    print(f"Created {names.name} ({names.id}): a working starter algorithm, to make your own.")
    for path in files:
        print(f"  {_shown(path)}")
    print()
    if args.package is not None:
        project = _shown(root)
        print("Next: install it (editable), then run, check, test and look at it:")
        print(f"  pip install -e {project}")
        print(f"  eigenvue steps {names.id}")
        print(f"  eigenvue check {names.id}")
        print(f"  python -m pytest {project}")
        print(f"  eigenvue show {names.id}")
        print(f"Publish it with `python -m build` and `twine upload` (see {project}/README.md).")
    else:
        test = next(p for p in files if p.name == f"test_{names.folder}.py")
        _warn_if_not_loaded_here(root)
        print("Next: run, check, test and look at it:")
        print(f"  eigenvue steps {names.id}")
        print(f"  eigenvue check {names.id}")
        print(f"  python -m pytest {_shown(test)}")
        print(f"  python -m pytest tests/test_registry.py -k {names.id}")
        print(f"  eigenvue show {names.id}")
    guide = "docs/contributing.md" if args.package is None else "the Contributing page of the docs"
    print(f"Then replace the starter piece by piece; the guide is {guide}.")
    return 0


def _shown(path: Path) -> str:
    """A path relative to the working directory when it is below it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _warn_if_not_loaded_here(root: Path) -> None:
    """Say so when the installed eigenvue reads its built-in algorithms from another checkout."""
    import importlib

    try:
        loaded = [Path(p).resolve() for p in importlib.import_module("algorithms").__path__]
    except ImportError:
        loaded = []
    if (root / "algorithms").resolve() not in loaded:
        where = ", ".join(map(str, loaded)) or "nowhere"
        print(
            f"Note: the eigenvue installed here loads built-in algorithms from {where}; "
            f"install this checkout (pip install -e {_shown(root)}) to see the new one."
        )
        print()


# -- eigenvue check ------------------------------------------------------------------------


def cmd_check(args: argparse.Namespace) -> int:
    """``eigenvue check [ID ...]``: every check; exit 0 only when all hold."""
    from eigenvue.checks import check

    report = check(args.ids, frames=not args.no_frames, all_frames=args.all_frames, jobs=args.jobs)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(report.format())
    return 0 if report.ok else 1


# -- eigenvue plugins ------------------------------------------------------------------------


def plugin_records() -> list[dict[str, Any]]:
    """Every plugin found: loaded, broken, or left out by ``EIGENVUE_LOAD_PLUGINS``."""
    import warnings

    from eigenvue import __version__
    from eigenvue.plugins import PluginWarning, get_registry, skipped_plugins

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PluginWarning)  # each error is in the listing itself
        registry = get_registry()
    records = []
    for info in registry.plugins:
        records.append(
            {
                "name": info.name,
                "distribution": "eigenvue" if info.builtin else info.distribution,
                "version": __version__ if info.builtin else info.version,
                "builtin": info.builtin,
                "algorithms": list(info.algorithms),
                "loaded": info.error is None,
                "error": info.error,
            }
        )
    for info in skipped_plugins():
        records.append(
            {
                "name": info.name,
                "distribution": info.distribution,
                "version": info.version,
                "builtin": False,
                "algorithms": [],
                "loaded": False,
                "error": None,
                "skipped": "not named in EIGENVUE_LOAD_PLUGINS",
            }
        )
    return records


def cmd_plugins(args: argparse.Namespace) -> int:
    """``eigenvue plugins``: each plugin, its distribution and version, algorithms and errors."""
    from eigenvue.errors import PluginError

    try:
        records = plugin_records()
    except PluginError as exc:
        raise UserError(str(exc)) from None
    if args.json:
        print(json.dumps(records, indent=2, ensure_ascii=False))
        return 0
    for record in records:
        if record["builtin"]:
            source = f"eigenvue {record['version']} (built-in)"
        elif record["distribution"]:
            source = f"{record['distribution']} {record['version'] or ''}".rstrip()
        else:
            source = "registered at run time"
        print(f"{record['name']}  ·  {source}")
        if record.get("skipped"):
            print(f"    not loaded: {record['skipped']}")
        elif record["error"]:
            print(f"    ERROR: {record['error']}")
        else:
            print(f"    algorithms: {', '.join(record['algorithms']) or '(none)'}")
    loaded = sum(1 for r in records if r["loaded"])
    broken = sum(1 for r in records if r["error"])
    summary = f"{loaded} plugin{'s' if loaded != 1 else ''} loaded"
    if broken:
        summary += f", {broken} failed"
    if os.environ.get("EIGENVUE_LOAD_PLUGINS") is not None:
        summary += " (third-party plugins restricted by EIGENVUE_LOAD_PLUGINS)"
    print(f"\n{summary}.")
    return 0
