"""The months' audience reports read back (their CSV tables, publishing/output/audience.py), so that a
year can be added up when its logs are no longer kept: `build.py audience --year 2026` without
--logs. A month without its report is said missing; a table that does not read is an error."""
from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from publishing.model.audience import Counts, Figures, Period, Site
from publishing.problems import Report

NUMBERS = {"page_views", "visits", "visitors", "downloads", "most_in_a_day", "followed", "asked", "count", "logged"}
DECIMALS = {"subscribers_per_day", "followers_per_day"}


def read_month(folder: Path, period: Period, sites: list[Site], report: Report) -> tuple[Figures, dict] | None:
    """One month's figures and its counts (lines read…), or None when its report is not there."""
    stem = folder / f"audience-{period.label}"
    if not Path(f"{stem}-sites.csv").is_file():
        return None
    tables: dict[str, list[tuple]] = {}
    for table in ("sites", "days", "sources", "pages", "pdfs", "calendars", "feeds", "old-addresses", "not-found",
                  "counts"):
        path = Path(f"{stem}-{table}.csv")
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                tables[table] = [tuple(_value(name, text) for name, text in row.items()) for row in reader]
        except (OSError, ValueError, csv.Error) as exc:
            report.add(path, "report_unreadable", detail=str(exc)[:200])
            return None
    by_key = {(s.territory, s.lang): s for s in sites}
    counts = dict(tables["counts"])
    sites_rows = tables["sites"]
    figures = Figures(
        period=period,
        days_covered=[date.fromisoformat(row[0]) for row in tables["days"] if row[4]],
        sites=[(by_key[(t, lang)], Counts(*n)) for t, lang, *n in sites_rows if lang and (t, lang) in by_key],
        territories=[(t, Counts(*n)) for t, lang, *n in sites_rows if t and not lang],
        total=next((Counts(*n) for t, lang, *n in sites_rows if not t), Counts()),
        days=[(date.fromisoformat(day), *n) for day, *n, _logged in tables["days"]],
        sources=tables["sources"], pages=tables["pages"], pdfs=tables["pdfs"], calendars=tables["calendars"],
        feeds=tables["feeds"], old_addresses=tables["old-addresses"], not_found=tables["not-found"],
        excluded={k: v for k, v in counts.items() if k not in ("lines", "other_period", "malformed")})
    return figures, counts


def _value(name: str, text: str):
    if name in NUMBERS:
        return int(text)
    if name in DECIMALS:
        return float(text)
    return text
