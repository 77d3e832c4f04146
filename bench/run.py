#!/usr/bin/env python3
"""Build speed and page weight of the six sites, each figure beside its target (issue 7).

    make bench                      # or: python -m bench.run [--reps 3] [--keep DIR]

Works on copies, never on public/: the real content (sites/, theme/, mkdocs.yml,
content/, focus/, directories/ copied to a temporary folder) and a corpus ten times
larger made from it (every page of content/ but the section homes copied nine
times, out of the navigation; every Focus bundle copied nine times) to which --years (10)
years of news and events are added on every territory: some 500 news items and 1,000 events
a site, in both languages (add_items). For each:

- full build of all sites and languages without PDFs (`build.py build --no-pdf
  --no-cache`), and a bare `mkdocs build` of the same pages (bench/bare.py:
  Material, no plugin, same navigation, two builds at a time); best of --reps runs,
  run in turns so that both see the same machine, each with nothing to delete first (the last
  run's output is set aside, see set_aside); and once the same bare build with MkDocs'
  default plugins (its search: our build makes a search index too);
- no-change rebuild (the build cache), and rebuilds after one file changed:
  content/shared/ (all six sites depend on it) and content/sud/ (Sud alone);
- CPU time over wall time of the full build (two cores: sites built in parallel).

On both: the weight of a page, HTML plus the CSS and JS it loads, gzipped, median
over all pages (search loads only when opened, so it is not counted), and any
reference to another host in the HTML. On the real content only: PDF time per page
(full build with PDFs minus without, over the pages of the PDFs produced), when
Chromium is there, the hosts a page actually requests once loaded, and, when nginx is
there, the production server under load: requests per second and latency for 50 clients
over 20 s, steady, during a deploy and during a rollback, with failed requests and pages
served torn (bench/server_load.py); the preview: twenty saves of a page and of a shared
file, each timed from the write to the page showing it (bench/preview.py); the audience report on a
month of logs, 2 million lines and 1 GB (bench/audience.py).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path
from urllib.parse import urlsplit

from bench.corpus import SITES, add_items, make_corpus  # the copies of the repository
from publishing.model.paths import PDF_CACHE

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Timing:
    wall: float
    cpu: float  # user + system of the child processes

    @property
    def cores(self) -> float:
        return self.cpu / self.wall if self.wall else 0.0


def timed(command: list[str], cwd: Path | None = None, ok: tuple[int, ...] = (0,)) -> tuple[Timing, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in ok:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")
    return Timing(wall, cpu), done.stdout + done.stderr


def count_pages(out: Path) -> int:
    return sum(1 for p in out.rglob("*.html") if "pagefind" not in p.parts and p.name != "404.html")


# --- builds --------------------------------------------------------------------------------

def ours(root: Path, out: Path, *flags: str) -> tuple[Timing, str]:
    return timed([sys.executable, str(ROOT / "build.py"), "--root", str(root), "build", "--out", str(out), *flags])


def stage_bare(root: Path, work: Path) -> Path:
    """The pages of every site and language as plain MkDocs docs folders (not timed)."""
    from publishing.commands.check import load_project
    from publishing.mkdocs_adapter.build import stage
    from publishing.mkdocs_adapter.config import nav_config
    from publishing.plan.site import plan_site

    project, report = load_project(root)
    jobs = []
    for sid, territory in project.territories.items():
        for lang in ("fr", "nl"):
            plan = plan_site(project, territory, lang, report, with_files=False)
            docs = work / "docs" / f"{sid}-{lang}"
            stage(plan, docs)
            for page in docs.rglob(f"*.{lang}.md"):
                page.rename(page.with_name(page.name[: -len(f".{lang}.md")] + ".md"))
            jobs.append({"docs": str(docs), "site": str(work / "site" / f"{sid}-{lang}"), "lang": lang,
                         "nav": nav_config(plan.nav())})
    spec = work / "jobs.json"
    spec.write_text(json.dumps({"config": str(root / "mkdocs.yml"), "jobs": jobs}), encoding="utf-8")
    return spec


def bare(spec: Path, *flags: str) -> Timing:
    return timed([sys.executable, str(ROOT / "bench" / "bare.py"), *flags, str(spec)])[0]


def site_ids_rebuilt(out: Path, before: dict[str, int]) -> list[str]:
    return [sid for sid in SITES if (out / sid).exists() and (out / sid).stat().st_ino != before.get(sid)]


def inodes(out: Path) -> dict[str, int]:
    return {sid: (out / sid).stat().st_ino for sid in SITES if (out / sid).exists()}


def touch_file(folder: Path) -> Path:
    page = sorted(folder.glob("*.fr.md"))[0]
    with open(page, "a", encoding="utf-8") as handle:
        handle.write("\nUne ligne ajoutée par le banc d'essai.\n")
    return page


def make_commands(root: Path) -> list[list[str]]:
    """What `make` runs (the Makefile's `build` target: its build.py lines), on the copy."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").split("\n")
    start = lines.index(next(line for line in lines if line.startswith("build:"))) + 1
    commands = []
    for line in lines[start:]:
        if not line.startswith("\t"):
            break
        words = line.split()
        if words[:2] == ["$(PY)", "build.py"]:
            commands.append([sys.executable, str(ROOT / "build.py"), "--root", str(root), *words[2:]])
    return commands


def no_change_make(root: Path, reps: int) -> Timing:
    """`make` run again with nothing changed (into the copy's public/): the best of reps runs."""
    commands = make_commands(root)
    for command in commands:
        timed(command)  # the first make builds everything
    runs = []
    for _ in range(reps):
        wall = cpu = 0.0
        for command in commands:
            timing, _log = timed(command)
            wall, cpu = wall + timing.wall, cpu + timing.cpu
        runs.append(Timing(wall, cpu))
    return min(runs, key=lambda t: t.wall)


def check_alone(root: Path) -> tuple[Timing, Timing, str, str]:
    """`build.py check` with no cache (build/cache/ removed, as in a fresh clone), then again."""
    shutil.rmtree(root / "build" / "cache", ignore_errors=True)
    command = [sys.executable, str(ROOT / "build.py"), "--root", str(root), "check"]
    cold, cold_log = timed(command, ok=(0, 1))
    again, again_log = timed(command, ok=(0, 1))
    return cold, again, cold_log, again_log


def set_aside(path: Path) -> None:
    """Move a previous run's output out of the way (one rename) instead of deleting it before the
    next build: the work folder is deleted at the end. On this machine's disk (ext4 without a
    journal), a file created within a minute of thousands deleted makes the kernel go through the
    deleted inodes (`recently_deleted`, seen with perf): deleting the last output just before a
    build charged it 1-3 s of system time, more at each run, and more to the build that writes
    more files. Both builds start without anything to delete (MkDocs cleans its site folder)."""
    if path.exists():
        trash = path.parent / "set-aside"
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{path.name}-{len(list(trash.iterdir()))}")


def measure_corpus(root: Path, work: Path, reps: int, make: bool = True) -> dict:
    spec = stage_bare(root, work)
    out = work / "public"
    full, ref = [], []
    for _ in range(reps):
        set_aside(work / "site")
        ref.append(bare(spec))
        set_aside(out)
        timing, _log = ours(root, out, "--no-pdf", "--no-cache")
        full.append(timing)
        progress(f"full build {timing.wall:.1f} s after a bare one of {ref[-1].wall:.1f} s: "
                 f"ratio {timing.wall / ref[-1].wall:.2f}, load {os.getloadavg()[0]:.1f}")
    best = min(full, key=lambda t: t.wall)
    result = {"pages": count_pages(out), "full": best, "bare": min(ref, key=lambda t: t.wall),
              "pairs": [f.wall / r.wall for r, f in zip(ref, full, strict=True)]}
    # once: the bare build with MkDocs' default plugins (its search), beside the full build of the same
    # minute (the last run, so that the pair sees the same machine)
    set_aside(work / "site")
    result["bare_search"] = bare(spec, "--search")
    result["full_after_search"] = full[-1]
    progress(f"bare build with MkDocs' search {result['bare_search'].wall:.1f} s: ratio of the last full build "
             f"{full[-1].wall / result['bare_search'].wall:.2f}")
    result["nochange"] = min((ours(root, out, "--no-pdf")[0] for _ in range(reps)), key=lambda t: t.wall)
    before = inodes(out)
    touch_file(root / "content" / "shared")
    result["shared"], _ = ours(root, out, "--no-pdf")
    result["shared_sites"] = site_ids_rebuilt(out, before)
    before = inodes(out)
    touch_file(root / "content" / "sud")
    result["one"], _ = ours(root, out, "--no-pdf")
    result["one_sites"] = site_ids_rebuilt(out, before)
    result["check_cold"], result["check"], cold_log, again_log = check_alone(root)
    result["check_same"] = cold_log == again_log
    progress(f"check alone: cold {result['check_cold'].wall:.2f} s, again {result['check'].wall:.2f} s")
    if make:  # its first run builds the PDFs too
        result["make"] = no_change_make(root, reps)
        progress(f"no-change make {result['make'].wall:.2f} s")
    return result


def progress(line: str) -> None:
    """A figure as soon as it is measured (the table comes at the end)."""
    print(f"    {line}", flush=True)


# --- PDFs ----------------------------------------------------------------------------------

def pdf_pages(path: Path) -> int:
    try:
        from pypdf import PdfReader  # a test dependency (make install)
    except ImportError:  # pages in plain objects only (not in compressed object streams)
        return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))
    return len(PdfReader(path).pages)


def pdf_figures(root: Path, work: Path, no_pdf: Timing) -> tuple[int, int, float | None]:
    out = work / "public-pdf"
    shutil.rmtree(root / PDF_CACHE, ignore_errors=True)  # make's first run filled it
    with_pdf, _ = ours(root, out, "--no-cache")
    pdfs = list(out.rglob("*.pdf"))
    pages = sum(pdf_pages(p) for p in pdfs)
    if not pages:
        return 0, 0, None
    return len(pdfs), pages, max(with_pdf.wall - no_pdf.wall, 0.0) / pages


# --- page weight ---------------------------------------------------------------------------

class Loads(HTMLParser):
    """The stylesheets and scripts a page loads when it opens, and what points to another host."""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.external: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        url = None
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split():
            url = a.get("href")
            if url:
                self.assets.append(url)
        elif tag == "script" and a.get("src"):
            url = a["src"]
            self.assets.append(url)
        elif tag in ("img", "iframe", "source", "video", "audio") and a.get("src"):
            url = a["src"]
        elif tag == "link" and (a.get("rel") or "") in ("preconnect", "dns-prefetch", "preload", "icon"):
            url = a.get("href")
        if url and (url.startswith("//") or urlsplit(url).scheme in ("http", "https")):
            self.external.append(url)


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weights(out: Path) -> tuple[list[tuple[int, Path, dict]], list[str]]:
    sizes: dict[Path, int] = {}
    weights, external = [], []
    for page in sorted(out.rglob("*.html")):
        if "pagefind" in page.parts or "admin" in page.parts or page.name == "404.html":
            continue  # /admin/ is the editors' Decap, not a page the public opens
        raw = page.read_bytes()
        parser = Loads()
        parser.feed(raw.decode("utf-8"))
        external += parser.external
        parts = {"html": gz(raw)}
        for url in parser.assets:
            if url.startswith("//") or urlsplit(url).scheme:
                continue
            path = (page.parent / url.split("?")[0]).resolve()
            if path not in sizes:
                sizes[path] = gz(path.read_bytes()) if path.exists() else 0
            kind = "css" if path.suffix == ".css" else "js"
            parts[kind] = parts.get(kind, 0) + sizes[path]
        weights.append((sum(parts.values()), page, parts))
    weights.sort(key=lambda w: w[0])
    return weights, sorted(set(external))


def own_hosts() -> set[str]:
    """The domains of the six sites (sites/*.yml url:), Brusano's own."""
    hosts = set()
    for config in (ROOT / "sites").glob("*.yml"):
        hosts.update(urlsplit(u).netloc for u in re.findall(r"https?://[^\s\"']+", config.read_text("utf-8")))
    return hosts


def runtime_hosts(out: Path, paths: list[str]) -> list[str] | None:
    """Hosts other than the local server that pages request once loaded (None: no Chromium or
    no Playwright). Such requests fail in Chromium (harness/chromium.py): none leaves the machine."""
    from harness.chromium import DESKTOP, find_chromium, launch, record_requests
    from harness.served import serve_directory

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not find_chromium():
        return None
    hosts = set()
    with serve_directory(out) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for path in paths:
            context = browser.new_context(**DESKTOP)
            page = context.new_page()
            requested = record_requests(page)
            page.goto(url + path)
            page.wait_for_timeout(1_000)  # let scripts run
            for address in requested:
                if address.startswith("http") and not address.startswith(url):
                    hosts.add(f"{urlsplit(address).netloc} (from {path}: {urlsplit(address).path})")
            context.close()
        browser.close()
    return sorted(hosts)


# --- report --------------------------------------------------------------------------------

def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def serving_figures(public: Path):
    """nginx from the generated configuration under 50 clients for 20 s, steady, during a deploy
    and during a rollback (bench/server_load.py); None without nginx."""
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        return None
    from bench import server_load

    return server_load.measure(public)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=3, help="runs of each full build (the best counts)")
    parser.add_argument("--factor", type=int, default=10, help="size of the larger corpus")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    parser.add_argument("--years", type=int, default=10,
                        help="years of news and events added to the larger corpus (0: none)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="brusano-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"Brusano bench: {os.cpu_count()} cores, Python {sys.version.split()[0]}, work in {work}", flush=True)
    load_before = os.getloadavg()[0]
    try:
        real_root = make_corpus(work / "real" / "repo", 1)
        big_root = make_corpus(work / f"x{args.factor}" / "repo", args.factor)
        if args.years:
            add_items(big_root, args.years)
        real = measure_corpus(real_root, work / "real", args.reps)
        print(f"  real content measured ({real['pages']} pages)", flush=True)
        big = measure_corpus(big_root, work / f"x{args.factor}", args.reps, make=False)
        print(f"  ×{args.factor} corpus measured ({big['pages']} pages)", flush=True)
        n_pdfs, pdf_pages, per_page = pdf_figures(real_root, work / "real", real["full"])
        weights, external = page_weights(work / "real" / "public")
        big_weights, big_external = page_weights(work / f"x{args.factor}" / "public")
        hosts = runtime_hosts(work / "real" / "public", ["sud/", "sud/nl/", "region/"])
        served = serving_figures(work / "real" / "public")
        from bench import preview

        previewed = preview.measure(20)
        from bench import audience

        read = audience.measure()  # build.py audience on a month of logs (bench/audience.py)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    x = f"×{args.factor}" + (f"+{args.years}y" if args.years else "")
    rows = []

    def row(label, a, b, target, ok=None):
        rows.append((label, a, b, target, "" if ok is None else verdict(ok)))

    row("pages (HTML, all sites and languages)", str(real["pages"]), str(big["pages"]), "", None)
    row("full build, no PDF (s)", f"{real['full'].wall:.1f}", f"{big['full'].wall:.1f}", "", None)
    row("bare mkdocs build, same pages (s)", f"{real['bare'].wall:.1f}", f"{big['bare'].wall:.1f}", "", None)
    ratios = [r["full"].wall / r["bare"].wall for r in (real, big)]
    row("  ratio full / bare (best run of each)", f"{ratios[0]:.2f}", f"{ratios[1]:.2f}", "≤ 1.3",
        all(r <= 1.3 for r in ratios))
    row("bare mkdocs build with its default search plugin, one run (s)", f"{real['bare_search'].wall:.1f}",
        f"{big['bare_search'].wall:.1f}", "", None)
    row("  ratio of the last full build to it (both search)",
        f"{real['full_after_search'].wall / real['bare_search'].wall:.2f}",
        f"{big['full_after_search'].wall / big['bare_search'].wall:.2f}", "", None)
    row("  ratio of each run to the bare run before it", " ".join(f"{r:.2f}" for r in real["pairs"]),
        " ".join(f"{r:.2f}" for r in big["pairs"]), "", None)
    growth = big["full"].wall / real["full"].wall
    pages_growth = big["pages"] / real["pages"]
    row(f"growth: {x} content costs (pages ×{pages_growth:.1f})", "", f"{growth:.1f}×",
        f"≤ {1.2 * pages_growth:.0f}×", growth <= 1.2 * pages_growth)
    row("no-change rebuild (s)", f"{real['nochange'].wall:.2f}", f"{big['nochange'].wall:.2f}", "< 2",
        real["nochange"].wall < 2 and big["nochange"].wall < 2)
    row("no-change `make` (s)", f"{real['make'].wall:.2f}", "", "< 1", real["make"].wall < 1)
    row("`check` alone, cold: no build/cache/ (s)", f"{real['check_cold'].wall:.2f}",
        f"{big['check_cold'].wall:.2f}", "", None)
    row("`check` alone, second run (s)", f"{real['check'].wall:.2f}", f"{big['check'].wall:.2f}", "< 1 (real)",
        real["check"].wall < 1)
    row("  same problems reported as the cold run", "yes" if real["check_same"] else "NO",
        "yes" if big["check_same"] else "NO", "yes", real["check_same"] and big["check_same"])
    for key, sites, label, expected in (("shared", "shared_sites", "content/shared/ changed", 6),
                                        ("one", "one_sites", "content/sud/ changed", 1)):
        row(f"rebuild after one file of {label} (s)", f"{real[key].wall:.1f}", f"{big[key].wall:.1f}", "", None)
        got = (len(real[sites]), len(big[sites]))
        row("  sites rebuilt", f"{got[0]} of 6", f"{got[1]} of 6", f"{expected} of 6", got == (expected, expected))
    cores = (real["full"].cores, big["full"].cores)
    row("CPU time / wall time of the full build", f"{cores[0]:.2f}", f"{cores[1]:.2f}", "> 1.5 (2 cores)",
        min(cores) > 1.5)
    cpu_ratios = [r["full"].cpu / r["bare"].cpu for r in (real, big)]
    row("  CPU time, full / bare (load-independent)", f"{cpu_ratios[0]:.2f}", f"{cpu_ratios[1]:.2f}", "", None)
    if per_page is None:
        row("PDF time per page (s)", "n/a", "", "", None)
    else:
        row(f"PDF time per page (s), {n_pdfs} PDFs, {pdf_pages} pages", f"{per_page:.2f}", "", "", None)
    median = weights[len(weights) // 2]
    big_median = big_weights[len(big_weights) // 2]
    heaviest = weights[-1]
    detail = ", ".join(f"{k} {v / 1024:.1f}" for k, v in median[2].items())
    row("page weight, median page, gzip (kB)", f"{median[0] / 1024:.1f}", f"{big_median[0] / 1024:.1f}", "< 60",
        max(median[0], big_median[0]) < 60 * 1024)
    row(f"  median page: {median[1].relative_to(work / 'real' / 'public')}", detail, "", "", None)
    row(f"  heaviest: {heaviest[1].relative_to(work / 'real' / 'public')}", f"{heaviest[0] / 1024:.1f}",
        f"{big_weights[-1][0] / 1024:.1f}", "", None)
    row("references to another host in the HTML", str(len(external)), str(len(big_external)), "0",
        not external and not big_external)
    if hosts is not None:
        ours_ = own_hosts()
        third = [h for h in hosts if h.split()[0] not in ours_]
        row("third-party hosts requested by a loaded page", str(len(third)), "", "0", not third)
        row("  requests to the sites' own other domains", str(len(hosts) - len(third)), "", "0",
            len(hosts) == len(third))

    page, shared = sorted(previewed["page"]), sorted(previewed["shared"])
    p90 = page[int(round(0.9 * (len(page) - 1)))]
    row("preview: one page saved → shown, median / p90 (s)", f"{page[len(page) // 2]:.2f} / {p90:.2f}", "",
        "< 0.5 / < 1", page[len(page) // 2] < 0.5 and p90 < 1.0)
    row("preview: shared file saved → shown, median (s)", f"{shared[len(shared) // 2]:.2f}", "", "", None)
    row("  the full rebuild each save cost before (s)", f"{previewed['full']:.2f}", "", "", None)
    if served is None:
        row("server under load (nginx not installed)", "n/a", "", "", None)
    else:
        for phase in served:
            done = sorted(phase.latencies)
            p50, p99 = done[len(done) // 2], done[min(len(done) - 1, int(len(done) * 0.99))]
            row(f"nginx, 50 clients, 20 s, {phase.name}: req/s", f"{len(done) / phase.seconds:.0f}", "", "", None)
            row("  p50 / p99 latency (ms)", f"{p50 * 1000:.1f} / {p99 * 1000:.1f}", "", "", None)
            row("  failed requests, torn pages", f"{len(phase.failed)}, {len(phase.torn)}", "", "0, 0",
                not phase.failed and not phase.torn)
        row("  pages served by the new release during the deploy", str(served[1].served["B"]), "", "> 0",
            served[1].served["B"] > 0)

    row(f"audience: {read['lines']:,} log lines, {read['bytes'] / 1e9:.2f} GB read (s)", f"{read['wall']:.1f}", "",
        "< 60", read["wall"] < 60)
    width = max(len(r[0]) for r in rows)
    print()
    print(f"{'':{width}}  {'real':>10}  {x:>10}  {'target':<16}")
    for label, a, b, target, ok in rows:
        print(f"{label:{width}}  {a:>10}  {b:>10}  {target:<16}{ok}")
    for url in sorted(set(external + big_external)):
        print(f"  external reference: {url}")
    for host in hosts or []:
        print(f"  requested at run time: {host}")
    print(f"\nLoad average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f}"
          " (above 2, other processes share the two cores: wall times and CPU/wall suffer).")
    missed = sum(1 for r in rows if r[4] == "MISSED") + import_module("bench.wordpress").main([])  # import-wordpress
    print(f"\n{missed} target(s) missed." if missed else "\nAll targets met.")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
