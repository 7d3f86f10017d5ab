"""Docs site figures: build times, frames drawn per second, site size, first-load bytes.

Works on a temporary copy of the repository (so the real one and its frame
cache are never touched), putting the copy first on PYTHONPATH so that
``mkdocs build`` imports the copy's ``eigenvue`` and ``algorithms``:

    python bench/bench_docs.py                      # the whole catalogue
    python bench/bench_docs.py --only perceptron    # one algorithm's pages
    python bench/bench_docs.py --touch algorithms/classical/quicksort/trace.py
    python bench/bench_docs.py --commit HEAD        # a commit instead of the working tree
    python bench/bench_docs.py --no-browser         # first-load bytes estimated from the HTML

Prints, in this order:

- the wall time of a cold build (empty frame cache), a warm one (nothing
  changed) and one after touching a plugin file, each ``mkdocs build --strict``
  in a fresh process, with what the frame cache did and the CPU seconds spent
  (the build's and its workers': a figure other load on the machine does not inflate);
- frames drawn per second in the cold build (frames rendered / build time, so
  it includes everything else the build does);
- the site's size and its number of images;
- the bytes an algorithm page transfers at first load (every response headless
  Chromium receives at 1280 x 900 until the network is idle), per page, and
  the largest.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".git", ".cache", "site", "__pycache__", "*.egg-info", ".*_cache")
REPORT = re.compile(
    r"eigenvue: (\d+) pages; frame sets: (\d+) reused, (\d+) rendered \((\d+) frames"
)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
IMAGE_SUFFIXES = {".png", ".webp", ".svg", ".jpg", ".jpeg", ".gif"}


def build(copy: Path, env: dict[str, str]) -> dict[str, float | int]:
    site = copy / "site"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the build and its workers: a figure that other load on the machine
    # does not inflate, unlike the wall time.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if result.returncode != 0:
        sys.exit(f"mkdocs build failed:\n{result.stdout}\n{result.stderr}")
    match = REPORT.search(result.stderr + result.stdout)
    pages, reused, rendered, frames = (int(g) for g in match.groups()) if match else (0,) * 4
    return {
        "seconds": seconds,
        "cpu": cpu,
        "pages": pages,
        "reused": reused,
        "rendered": rendered,
        "frames": frames,
    }


def site_size(site: Path) -> tuple[int, int, int]:
    """Total bytes, number of files and number of images of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    images = sum(p.suffix.lower() in IMAGE_SUFFIXES for p in files)
    return sum(p.stat().st_size for p in files), len(files), images


def algorithm_pages(site: Path) -> list[str]:
    """Site-relative URLs of the algorithm pages (``algorithms/<id>/``)."""
    root = site / "algorithms"
    return sorted(
        f"algorithms/{p.parent.name}/"
        for p in root.glob("*/index.html")
        if (p.parent / "index.html").is_file()
    )


class _Resources(HTMLParser):
    """What a page asks for at first load, read from its HTML (the no-browser estimate)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("rel") == "stylesheet":
            self.urls.append(a["href"])
        elif (tag == "script" and a.get("src")) or (
            tag == "img" and a.get("loading") != "lazy" and a.get("src")
        ):
            self.urls.append(a["src"])


def estimated_first_load(site: Path, url: str) -> tuple[int, int]:
    """Bytes and requests of a page's HTML plus the styles, scripts and eager images it names."""
    page = site / url / "index.html"
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    total, count = page.stat().st_size, 1
    for ref in dict.fromkeys(parser.urls):
        ref = ref.split("#", 1)[0].split("?", 1)[0]
        if "://" in ref or ref.startswith("data:"):
            continue
        target = (page.parent / ref).resolve()
        if target.is_file():
            total += target.stat().st_size
            count += 1
    return total, count


@contextmanager
def serve(site: Path) -> Iterator[str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


def browser_first_load(site: Path, urls: list[str]) -> dict[str, tuple[int, int]]:
    """Bytes and requests each page transfers in headless Chromium until the network is idle."""
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(REPO))
    from tests.chromium import CHROMIUM_FLAGS

    out: dict[str, tuple[int, int]] = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            for url in urls:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sizes: list[int] = []

                def received(response, sizes=sizes):  # type: ignore[no-untyped-def]
                    try:
                        sizes.append(len(response.body()))
                    except Exception:
                        sizes.append(0)

                page.on("response", received)
                page.goto(base + url)
                page.wait_for_load_state("networkidle")
                out[url] = (sum(sizes), len(sizes))
                context.close()
        finally:
            browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated algorithm ids (default: all)")
    parser.add_argument(
        "--touch",
        default="algorithms/deep_learning/perceptron/trace.py",
        help="the plugin file to modify before the third build (relative to the repo)",
    )
    parser.add_argument(
        "--commit",
        help="build this commit (git archive) instead of the working tree, e.g. HEAD",
    )
    parser.add_argument(
        "--no-browser", action="store_true", help="estimate first-load bytes from the HTML"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="eigenvue-bench-docs-") as temp:
        copy = Path(temp) / "repo"
        if args.commit:
            copy.mkdir()
            archive = subprocess.run(
                ["git", "archive", args.commit], cwd=REPO, capture_output=True, check=True
            )
            subprocess.run(["tar", "-x", "-C", str(copy)], input=archive.stdout, check=True)
        else:
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
        cold = build(copy, env)
        print(_row("cold (empty cache)", cold), flush=True)
        print(_row("warm (nothing changed)", build(copy, env)), flush=True)
        site = copy / "site"
        size, files, images = site_size(site)
        urls = algorithm_pages(site)
        if args.no_browser or not Path(CHROMIUM).exists():
            how = "estimated from the HTML (page, styles, scripts, eager images)"
            loads = {url: estimated_first_load(site, url) for url in urls}
        else:
            how = "measured in headless Chromium at 1280 x 900"
            loads = browser_first_load(site, urls)

        touched = copy / args.touch
        touched.write_text(
            touched.read_text(encoding="utf-8") + "\n# touched by bench_docs\n", encoding="utf-8"
        )
        print(_row(f"after touching {args.touch}", build(copy, env)), flush=True)

        rate = cold["frames"] / cold["seconds"] if cold["seconds"] else 0.0
        per_cpu = cold["frames"] / cold["cpu"] if cold["cpu"] else 0.0
        print(
            f"frames drawn per second (cold build): {rate:.1f} "
            f"({per_cpu:.1f} per CPU second, {os.cpu_count()} CPUs)"
        )
        print(f"site: {size / 1e6:.1f} MB in {files} files, {images} images")
        print(f"first load of each algorithm page, {how}:")
        for url, (nbytes, requests) in loads.items():
            print(f"  {url:<50} {nbytes / 1e3:8.0f} KB in {requests:3d} requests")
        if loads:
            worst = max(loads, key=lambda u: loads[u][0])
            print(f"largest first load: {loads[worst][0] / 1e3:.0f} KB ({worst})")


def _row(label: str, result: dict[str, float | int]) -> str:
    return (
        f"{label:<56} {result['seconds']:7.1f} s ({result['cpu']:6.1f} s CPU)   pages {result['pages']:3d}   "
        f"frame sets reused {result['reused']:3d}, rendered {result['rendered']:3d} "
        f"({result['frames']} frames)"
    )


if __name__ == "__main__":
    main()
