"""`build.py audience --logs FILE… --month YYYY-MM [--year YYYY] [--out DIR]`: the sites' audience
from the server's own access logs, for the team (never published on the sites).

The logs are read as nginx writes them (publishing/load/access_log.py, the format of
publishing/model/access_log.py), counted (publishing/model/audience.py) against the build's own
list of pages (the twelve site plans: a page's title, not its raw path) and the old addresses of
sites/anciennes-adresses.yml, and written as an HTML page, CSV tables and a Markdown summary
(publishing/output/audience.py) into --out (build/audience/ by default).
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from publishing.commands.check import load_project
from publishing.load.access_log import Reading, Robots, read_logs
from publishing.model import LANGS, month_year
from publishing.model.audience import Figures, Line, Period, Site, Tally
from publishing.output.audience import Context, write_report
from publishing.plan.site import plan_sites
from publishing.problems import Report, UsageError, messages


def period_of(month: str | None, year: str | None) -> Period:
    if month:
        parts = month.split("-")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or not 1 <= int(parts[1]) <= 12:
            raise UsageError("not_a_month", input=month)
        return Period.month(int(parts[0]), int(parts[1]))
    if year and year.isdigit() and len(year) == 4:
        return Period.year(int(year))
    raise UsageError("not_a_year", input=year or "")


def audience(root: Path, logs: Sequence[Path], period: Period, out: Path | None = None,
             progress: str | None = None) -> tuple[list[Path], Figures | None, Report]:
    """progress: the language of a count of lines shown on a terminal, or None."""
    project, strings, loaded = load_project(root, checks=False)
    report = Report()  # the logs' problems; the content's warnings are check's and build's to tell
    if loaded.failed():
        report.problems.extend(loaded.errors)
        return [], None, report
    plans = plan_sites(project, Report())
    sites = []
    for territory in project.territories.values():
        for lang in LANGS:
            home = urlsplit(territory.url[lang])
            titles = {page.url: page.title for page in plans[(territory.id, lang)].pages}
            sites.append(Site(territory.id, lang, home.netloc.lower().removeprefix("www."), home.path or "/", titles))
    redirects = {r.key: (r.old, r.new) for r in project.redirects if not r.same}
    tally = Tally(sites, Robots(), redirects)
    reading = Reading()
    lines = read_logs(logs, period, report, reading)
    tally.add_all(_shown(lines, reading, progress) if progress else lines)
    for file, line in reading.first_malformed:
        report.warn(Path(file), "log_malformed", line=line, count=reading.malformed)
    figures = tally.figures(period, reading.days)
    if figures.empty:
        report.warn(Path(logs[0]) if logs else root, "log_empty_period", period=period.label)
    t = strings.for_lang("fr")
    name = month_year(period.first, t) if len(period.label) == 7 else period.label
    context = Context(period_name=name, territories={k: v.name["fr"] for k, v in project.territories.items()},
                      malformed=reading.malformed, first_malformed=reading.first_malformed,
                      other_period=reading.other_period, lines=reading.lines, files=[str(p) for p in logs])
    written = write_report(root, out or root / "build" / "audience", figures, context)
    return written, figures, report


def _shown(lines: Iterator[Line], reading: Reading, lang: str) -> Iterator[Line]:
    """The lines, with their count on the terminal twice a second."""
    last = time.monotonic()
    for count, line in enumerate(lines):
        yield line
        if not count & 0x3FFF and time.monotonic() - last > 0.5:
            last = time.monotonic()
            read = f"{reading.lines + reading.other_period:,}".replace(",", " ")
            print("\r" + messages.word("lines_read", lang, count=read), end="", file=sys.stderr, flush=True)
    print("\r\033[K", end="", file=sys.stderr, flush=True)
