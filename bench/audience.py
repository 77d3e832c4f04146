#!/usr/bin/env python3
"""How fast `build.py audience` reads a busy month (issue 24): 2 million lines, about 1 GB.

    python -m bench.audience [--lines 2000000] [--gb 1] [--keep DIR]    # also run by bench/run.py (make bench)

Writes a month of logs in the configuration's format (publishing/model/access_log.py) from the
real sites' pages (the twelve site plans: every page, the Focus PDFs, the calendars and feeds):
people in sessions of a few pages 1–20 minutes apart, each page with its assets, arriving from
the newsletter, search engines, other sites or directly; robots (search engines, uptime checks,
feed fetchers, scripts, the load test), old addresses, missing pages, HEAD requests. Rotated as
logrotate leaves them: the newest plain, the older ones gzip, given in no particular order.
Then runs the command once and prints its wall time and peak memory beside the targets
(< 60 s, memory bounded: far below the size of the logs). --lines and --gb set the size: both are
reached (2 million lines and 1 GB by default; a line of this bench is some 250 bytes, so 1 GB is
about 4 million lines).
"""
from __future__ import annotations

import argparse
import gzip
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from publishing.model import access_log

ROOT = Path(__file__).resolve().parent.parent

BROWSERS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 "
    "Safari/537.36 Edg/{v}.0.0.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.{v} "
    "Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_{v} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/{v}.0.0.0 "
    "Mobile Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:{v}.0) Gecko/20100101 Firefox/{v}.0",
)
ROBOTS = (
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)",
    "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
    "Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
    "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 12 subscribers; )",
    "python-requests/2.32.3", "curl/8.5.0", access_log.LOAD_TEST_AGENT, "-",
)
CALENDARS = ("Google-Calendar-Importer", "iOS/17.5 (21F79) dataaccessd/1.0", "Microsoft Office/16.0 (Outlook)")
REFERRERS = ("https://www.google.com/", "https://www.google.be/", "https://www.bing.com/", "https://duckduckgo.com/",
             "https://www.qwant.com/", "https://www.ecosia.org/", "https://l.facebook.com/",
             "https://www.linkedin.com/", "https://www.iriscare.brussels/fr/", "https://www.ccc-ggc.brussels/fr",
             "https://www.vivalis.brussels/fr/professionnels", "https://outlook.live.com/")
ASSETS = ("assets/stylesheets/main.5a65cc14.min.css", "assets/javascripts/bundle.f1ef6a3b.min.js",
          "assets/brusano.css", "assets/md-scope.js", "assets/images/favicon.png")
SEARCH = ("pagefind/pagefind.js", "pagefind/pagefind-ui.js", "pagefind/wasm.fr.pagefind",
          "pagefind/index/fr_3c1a2b7.pf_index", "pagefind/fragment/fr_91aa3c2.pf_fragment")


def addresses() -> tuple[list[tuple[str, str]], list[tuple[str, str]], list[tuple[str, str]], list[str]]:
    """Pages, PDFs and calendars/feeds of the real sites as (host, path); old addresses as URLs."""
    from publishing.commands.check import load_project
    from publishing.model import LANGS
    from publishing.plan.sections.focus import pdf_path
    from publishing.plan.site import plan_sites
    from publishing.problems import Report

    project, _report = load_project(ROOT, checks=False)
    plans = plan_sites(project, Report())
    pages, pdfs, subscribed = [], [], []
    for territory in project.territories.values():
        for lang in LANGS:
            home = urlsplit(territory.url[lang])
            pages += [(home.netloc, home.path + page.url) for page in plans[(territory.id, lang)].pages]
            pdfs += [(home.netloc, home.path + pdf_path(focus, territory, lang)) for focus in project.focus.values()]
            subscribed += [(home.netloc, home.path + name) for name in ("agenda/agenda.ics", "syntheses/feed.xml")]
    return pages, pdfs, subscribed, [r.old for r in project.redirects if not r.same]


def generate(folder: Path, total: int, gigabytes: float, seed: int = 24) -> tuple[list[Path], int, int]:
    """At least `total` lines and `gigabytes` of November 2026, written as they come into four rotated files (the
    lines of a session spread over them: any order); returns the files, their lines and bytes."""
    rng = random.Random(seed)
    pages, pdfs, subscribed, old = addresses()
    by_host: dict[str, list[tuple[str, str]]] = {}
    for host, path in pages:
        by_host.setdefault(host, []).append((host, path))
    fmt = access_log.FORMAT
    for number, name in enumerate(access_log.variables()):
        fmt = fmt.replace("$" + name, f"{{{number}}}", 1)
    files = [folder / "access.log", folder / "access.log.1", folder / "access.log.2.gz", folder / "access.log.3.gz"]
    handles = [gzip.open(p, "wt", encoding="latin-1", compresslevel=1) if p.suffix == ".gz"
               else open(p, "w", encoding="latin-1") for p in files]
    count = size = 0
    start = datetime(2026, 11, 1)

    def add(client, when, host, path, status=200, referrer="-", agent="-", method="GET"):
        nonlocal count, size
        text = fmt.format(client, when.strftime("%d/%b/%Y:%H:%M:%S +0100"), host, f"{method} {path} HTTP/2.0",
                          status, rng.randint(300, 90000), referrer, agent) + "\n"
        handles[rng.randrange(4)].write(text)
        count += 1
        size += len(text)

    while count < total or size < gigabytes * 1e9:
        when = start + timedelta(seconds=rng.randint(0, 29 * 86400))
        roll = rng.random()
        if roll < 0.55:  # a person: a session of pages with their assets
            client = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.0"
            agent = rng.choice(BROWSERS).format(v=rng.randint(110, 131))
            host, path = rng.choice(pages)
            first = rng.random()
            if first < 0.2:
                path, referrer = path + "?nl=2026-11", "-"
            else:
                referrer = rng.choice(REFERRERS) if first < 0.7 else "-"
            for _ in range(rng.randint(1, 6)):
                add(client, when, host, path, rng.choice((200, 200, 200, 304)), referrer, agent)
                base = path.split("?")[0]
                root = "/nl/" if base.startswith("/nl/") else "/"
                for asset in rng.sample(ASSETS, 3) + (rng.sample(SEARCH, 2) if rng.random() < 0.1 else []):
                    add(client, when, host, root + asset, 200, f"https://{host}{base}", agent)
                if rng.random() < 0.05:
                    pdf_host, pdf = rng.choice(pdfs)
                    add(client, when, pdf_host, pdf, 200, f"https://{host}{base}", agent)
                    add(client, when, pdf_host, pdf, 206, f"https://{host}{base}", agent)
                referrer = f"https://{host}{base}"
                host, path = rng.choice(by_host[host])
                when += timedelta(seconds=rng.randint(20, 1200))
        elif roll < 0.85:  # robots
            agent = rng.choice(ROBOTS)
            for _ in range(rng.randint(1, 20)):
                host, path = rng.choice(pages)
                add(f"66.249.{rng.randint(64, 79)}.0", when, host, path, 200, "-", agent,
                    "HEAD" if "Uptime" in agent else "GET")
                when += timedelta(seconds=rng.randint(1, 30))
        elif roll < 0.95:  # calendar apps and feed readers, through the day
            client, agent = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.1.0", rng.choice(CALENDARS)
            host, path = rng.choice(subscribed)
            for hour in range(0, 24, 3):
                add(client, when.replace(hour=hour), host, path, rng.choice((200, 304)), "-", agent)
        else:  # old addresses followed, missing pages
            agent = rng.choice(BROWSERS).format(v=120)
            client = f"{rng.randint(1, 223)}.{rng.randint(0, 255)}.2.0"
            if old and rng.random() < 0.5:
                url = urlsplit(rng.choice(old))
                add(client, when, url.netloc, url.path, 301, "https://www.example.org/archive/2019", agent)
            else:
                host, path = rng.choice(pages)
                add(client, when, host, path + f"ancienne-page-{rng.randint(1, 40)}/", 404, "-", agent)
    for handle in handles:
        handle.close()
    return files, count, size


def measure(total: int = 2_000_000, gigabytes: float = 1.0, keep: Path | None = None) -> dict:
    folder = keep or Path(tempfile.mkdtemp(prefix="brusano-audience-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        files, lines, size = generate(folder, total, gigabytes)
        order = [files[2], files[0], files[3], files[1]]  # any order
        start = time.perf_counter()
        done = subprocess.run([sys.executable, str(ROOT / "build.py"), "audience", "--logs", *map(str, order),
                               "--month", "2026-11", "--out", str(folder / "report")],
                              capture_output=True, text=True)
        wall = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime  # MB, s
        summary = (folder / "report" / "audience-2026-11.md").read_text(encoding="utf-8").splitlines()[2]
        return {"lines": lines, "bytes": size, "wall": wall, "cpu": cpu, "peak_mb": peak, "summary": summary}
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lines", type=int, default=2_000_000, help="at least this many lines")
    parser.add_argument("--gb", type=float, default=1.0, help="and at least this many gigabytes, uncompressed")
    parser.add_argument("--keep", type=Path, help="write the logs and the report here and keep them")
    args = parser.parse_args(argv)
    figures = measure(args.lines, args.gb, args.keep)
    print(f"audience: {figures['lines']:,} lines, {figures['bytes'] / 1e9:.2f} GB uncompressed, "
          f"read in {figures['wall']:.1f} s (target < 60 s; CPU {figures['cpu']:.1f} s), "
          f"peak memory {figures['peak_mb']:.0f} MB")
    print(f"  {figures['summary']}")
    print(f"  load average (1 min): {os.getloadavg()[0]:.1f} (above 2, other processes share the two cores: "
          "the wall time suffers, the CPU time much less)")
    return 0 if figures["wall"] < 60 else 1


if __name__ == "__main__":
    sys.exit(main())
