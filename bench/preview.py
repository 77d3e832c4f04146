#!/usr/bin/env python3
"""How fast an edit shows in the preview (issue 17), on a copy of the real content.

    python -m bench.preview [--edits 20]     # also run by bench/run.py (make bench)

Starts `build.py serve --site sud` on a copy of the repository, then saves a file twenty times
and times each edit from the moment the file is written to the moment the preview serves the
page with the change: a page (content/sud/presentation.fr.md), and a file every page depends on
(sites/sud.yml, the territory's tagline). Beside them, the full rebuild the preview made before
(build.py build --site sud --no-pdf --no-cache). Prints median and p90.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench.corpus import make_corpus  # the bench's copy of the repository
from harness.served import free_port

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def until(url: str, text: str, limit: float = 60.0) -> float:
    """Seconds until the page at url holds text (polled every 5 ms)."""
    start = time.perf_counter()
    while text not in fetch(url):
        if time.perf_counter() - start > limit:
            raise SystemExit(f"{text!r} never appeared at {url}")
        time.sleep(0.005)
    return time.perf_counter() - start


def edits(path: Path, url: str, n: int, replace) -> list[float]:
    """n edits of path, each timed from the write to the page showing it."""
    original = path.read_text(encoding="utf-8")
    times = []
    try:
        for i in range(n):
            marker = f"Mesure{i:03d}x"
            path.write_text(replace(original, marker), encoding="utf-8")
            start = time.perf_counter()
            until(url, marker)
            times.append(time.perf_counter() - start)
            time.sleep(0.3)  # let the reload settle, as an editor between two saves
    finally:
        path.write_text(original, encoding="utf-8")
    return times


def figures(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))]
    return f"median {statistics.median(times):.2f} s, p90 {p90:.2f} s (min {ordered[0]:.2f}, max {ordered[-1]:.2f})"


def measure(n: int = 20) -> dict[str, list[float] | float]:
    work = Path(tempfile.mkdtemp(prefix="brusano-preview-bench-"))
    try:
        repo = make_corpus(work / "repo", 1)
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--site", "sud",
                        "--no-pdf", "--no-cache", "--today", "2026-12-04", "--out", str(work / "public")],
                       check=True, capture_output=True)
        full = time.perf_counter() - start
        port = free_port()
        server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(repo), "serve", "--site",
                                   "sud", "--port", str(port), "--today", "2026-12-04"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            base = f"http://127.0.0.1:{port}/"
            until(base, "</html>", 120)
            page = edits(repo / "content/sud/presentation.fr.md", base + "presentation/", n,
                         lambda text, marker: text.rstrip("\n") + f"\n\n{marker}\n")
            shared = edits(repo / "sites/sud.yml", base + "presentation/", max(5, n // 4),
                           lambda text, marker: text.replace("tagline:\n  fr: ", f"tagline:\n  fr: {marker} ", 1))
        finally:
            server.terminate()
            server.wait(timeout=30)
        return {"full": full, "page": page, "shared": shared}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=20)
    args = parser.parse_args(argv)
    found = measure(args.edits)
    print(f"full rebuild of the site (what each save cost before): {found['full']:.2f} s")
    print(f"one page edited ({len(found['page'])} edits): {figures(found['page'])}  target: median < 0.5, p90 < 1")
    print(f"shared file edited ({len(found['shared'])} edits): {figures(found['shared'])}")
    page = sorted(found["page"])
    ok = statistics.median(page) < 0.5 and page[int(round(0.9 * (len(page) - 1)))] < 1.0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
