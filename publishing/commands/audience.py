"""`build.py audience --logs FILE… (--month YYYY-MM | --year YYYY) [--out DIR]`: the sites' audience
from the server's own access logs, for the team (never published on the sites).

The logs are read as nginx writes them (publishing/load/access_log.py, the format of
publishing/model/access_log.py), counted (publishing/model/audience.py) against the build's own
list of pages (the twelve site plans: a page's title, not its raw path) and the old addresses of
sites/anciennes-adresses.yml, and written as an HTML page, CSV tables and a Markdown summary
(publishing/output/audience.py) into --out (build/audience/ by default). `--year` without --logs
adds up the months' reports found in --out (publishing/load/audience_reports.py): the logs are
kept only weeks, the months' reports as long as the team wants.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit

from publishing.commands.check import load_project
from publishing.commands.terminal import clear_line, show_line
from publishing.load.access_log import Reading, Robots, read_logs
from publishing.load.audience_reports import read_month
from publishing.model import LANGS, month_year
from publishing.model.audience import Figures, Line, Period, Site, Tally, add_up
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
    project, loaded = load_project(root, checks=False)
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
    out = out or root / "build" / "audience"
    t = project.strings.for_lang("fr")
    name = month_year(period.first, t) if len(period.label) == 7 else period.label
    territories = {k: v.name["fr"] for k, v in project.territories.items()}
    if not logs:  # a year from its months' reports (the logs are kept only weeks)
        figures, context = _from_reports(out, period, sites, report, name, territories)
    else:
        redirects = {r.key: (r.old, r.new) for r in project.redirects if not r.same}
        if len(logs) > 1 and (os.cpu_count() or 1) > 1:
            tally, reading = _read_in_parallel(logs, period, sites, redirects, report, progress)
        else:
            tally, reading = Tally(sites, Robots(), redirects), Reading()
            lines = read_logs(logs, period, report, reading)
            tally.add_all(_shown(lines, reading, progress) if progress else lines)
        for file, line in reading.first_malformed:
            report.warn(Path(file), "log_malformed", line=line, count=reading.malformed)
        figures = tally.figures(period, reading.days)
        context = Context(period_name=name, territories=territories, malformed=reading.malformed,
                          first_malformed=reading.first_malformed, other_period=reading.other_period,
                          lines=reading.lines, files=[str(p) for p in logs])
    if figures.empty:
        report.warn(Path(logs[0]) if logs else out, "log_empty_period", period=period.label)
    written = write_report(root, out, figures, context)
    return written, figures, report


def _from_reports(out: Path, year: Period, sites: list[Site], report: Report, name: str,
                  territories: dict[str, str]) -> tuple[Figures, Context]:
    months: list[Figures] = []
    counts: Counter = Counter()
    found: list[str] = []
    for number in range(1, 13):
        month = Period.month(year.first.year, number)
        read = read_month(out, month, sites, report)
        if read is not None:
            months.append(read[0])
            counts.update(read[1])
            found.append(month.label)
    if len(found) < 12:
        report.warn(out, "year_months_missing", year=year.label,
                    months=", ".join(Period.month(year.first.year, n).label for n in range(1, 13)
                                     if Period.month(year.first.year, n).label not in found))
    context = Context(period_name=name, territories=territories, malformed=counts["malformed"], first_malformed=[],
                      other_period=counts["other_period"], lines=counts["lines"], files=[], months=found)
    return add_up(year, months), context


def _read_in_parallel(logs: Sequence[Path], period: Period, sites: list[Site], redirects: dict, report: Report,
                      progress: str | None) -> tuple[Tally, Reading]:
    """Each file counted in a process of its own, two at a time (rotated logs: a file a day), the
    tallies added up in the files' order. Forked: the processes hash visitors alike."""
    tally, reading = Tally(sites, Robots(), redirects), Reading()
    jobs = [(path, period, sites, redirects) for path in logs]
    with multiprocessing.get_context("fork").Pool(min(os.cpu_count() or 1, len(logs))) as pool:
        for counted, read, problems in pool.imap(_count_file, jobs):
            tally.merge(counted)
            reading.merge(read)
            report.extend(problems)
            if progress:
                _progress(reading, progress)
    if progress:
        _progress(None, progress)
    return tally, reading


def _count_file(job: tuple[Path, Period, list[Site], dict]) -> tuple[Tally, Reading, Report]:
    path, period, sites, redirects = job
    tally, reading, report = Tally(sites, Robots(), redirects), Reading(), Report()
    tally.add_all(read_logs([path], period, report, reading))
    tally.is_robot = Robots()  # its memory of user agents stays here
    return tally, reading, report


def _shown(lines: Iterator[Line], reading: Reading, lang: str) -> Iterator[Line]:
    """The lines, with their count on the terminal twice a second."""
    last = time.monotonic()
    for count, line in enumerate(lines):
        yield line
        if not count & 0x3FFF and time.monotonic() - last > 0.5:
            last = time.monotonic()
            _progress(reading, lang)
    _progress(None, lang)


def _progress(reading: Reading | None, lang: str) -> None:
    """The lines read so far on the terminal's line; None clears it."""
    if reading is None:
        clear_line()
        return
    count = f"{reading.lines + reading.other_period:,}".replace(",", " ")
    show_line(messages.word("lines_read", lang, count=count))
