"""Docs build times: cold, warm with nothing changed, and after touching one plugin.

Works on a temporary copy of the repository (so the real one and its frame
cache are never touched), putting the copy first on PYTHONPATH so that
``mkdocs build`` imports the copy's ``eigenvue`` and ``algorithms``:

    python bench/bench_docs.py                      # the whole catalogue
    python bench/bench_docs.py --only perceptron    # one algorithm's pages
    python bench/bench_docs.py --touch algorithms/classical/quicksort/trace.py

Each build runs ``mkdocs build --strict`` in a fresh process and reports its
wall time and what the frame cache did (reused and rendered frame sets).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".git", ".cache", "site", "__pycache__", "*.egg-info", ".*_cache")
REPORT = re.compile(
    r"eigenvue: (\d+) pages; frame sets: (\d+) reused, (\d+) rendered \((\d+) frames\)"
)


def build(copy: Path, env: dict[str, str]) -> dict[str, float | int]:
    site = copy / "site"
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    match = REPORT.search(result.stderr + result.stdout)
    pages, reused, rendered, frames = (int(g) for g in match.groups()) if match else (0,) * 4
    return {
        "seconds": seconds,
        "pages": pages,
        "reused": reused,
        "rendered": rendered,
        "frames": frames,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated algorithm ids (default: all)")
    parser.add_argument(
        "--touch",
        default="algorithms/deep_learning/perceptron/trace.py",
        help="the plugin file to modify before the third build (relative to the repo)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eigenvue-bench-docs-") as temp:
        copy = Path(temp) / "repo"
        shutil.copytree(REPO, copy, ignore=SKIP)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(copy), os.environ.get("PYTHONPATH", "")]),
        }
        env.pop("EIGENVUE_DOCS_CACHE", None)
        env["NO_MKDOCS_2_WARNING"] = "1"
        if args.only:
            env["EIGENVUE_DOCS_ONLY"] = args.only
        check = subprocess.run(
            [sys.executable, "-c", "import eigenvue; print(eigenvue.__file__)"],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        if not check.stdout.strip().startswith(str(copy)):
            sys.exit(f"the build would not use the copy: eigenvue is {check.stdout.strip()}")

        print(f"cpus: {os.cpu_count()}; algorithms: {args.only or 'all'}", flush=True)
        rows = [("cold (empty cache)", build(copy, env))]
        print(_row(*rows[-1]), flush=True)
        rows.append(("warm (nothing changed)", build(copy, env)))
        print(_row(*rows[-1]), flush=True)
        touched = copy / args.touch
        touched.write_text(
            touched.read_text(encoding="utf-8") + "\n# touched by bench_docs\n", encoding="utf-8"
        )
        rows.append((f"after touching {args.touch}", build(copy, env)))
        print(_row(*rows[-1]), flush=True)


def _row(label: str, result: dict[str, float | int]) -> str:
    return (
        f"{label:<60} {result['seconds']:7.1f} s   pages {result['pages']:3d}   "
        f"frame sets reused {result['reused']:3d}, rendered {result['rendered']:3d} "
        f"({result['frames']} frames)"
    )


if __name__ == "__main__":
    main()
