"""The audience report for the team (build.py audience): one HTML page, a CSV of each table, a
short Markdown summary in French.

The page and the summary come from theme/audience/ (report.html, summary.md); the page has no
script and no request elsewhere, its charts are inline SVG drawn by the template, it prints on
A4. Nothing in it names a person: no address, no user agent, only counts.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from publishing.model.audience import Figures

# Columns of each CSV: (file, columns, rows of the figures). Column names are identifiers, for a
# spreadsheet or a script; the HTML page words them.
TABLES = {
    "sites": ("territory", "lang", "page_views", "visits", "visitors"),
    "days": ("day", "visits", "visitors", "page_views", "logged"),  # logged: 1 when the logs hold the day
    "sources": ("territory", "lang", "kind", "name", "visits"),
    "pages": ("territory", "lang", "title", "address", "page_views"),
    "pdfs": ("territory", "lang", "kind", "title", "address", "downloads"),
    "calendars": ("territory", "lang", "title", "address", "subscribers_per_day", "most_in_a_day"),
    "feeds": ("territory", "lang", "title", "address", "followers_per_day", "most_in_a_day"),
    "old_addresses": ("old_address", "leads_to", "followed"),
    "not_found": ("address", "asked"),
    "counts": ("what", "count"),  # lines read, of other periods, malformed; what was left out, by reason
}


@dataclass(frozen=True)
class Context:
    """What the templates need besides the figures."""

    period_name: str  # « novembre 2026 », « 2026 »
    territories: dict[str, str]  # id -> name
    malformed: int
    first_malformed: list[tuple[str, int]]
    other_period: int
    lines: int
    files: list[str]
    months: list[str] = field(default_factory=list)  # a year added up from its months' reports: those found


def rows(figures: Figures, table: str, context: Context) -> list[tuple]:
    if table == "sites":
        found = [(site.territory, site.lang, c.page_views, c.visits, c.visitors) for site, c in figures.sites]
        found += [(territory, "", c.page_views, c.visits, c.visitors) for territory, c in figures.territories]
        return found + [("", "", figures.total.page_views, figures.total.visits, figures.total.visitors)]
    if table == "days":
        logged = set(figures.days_covered)
        return [(day.isoformat(), *counts, int(day in logged)) for day, *counts in figures.days]
    if table == "counts":
        read = {"lines": context.lines, "other_period": context.other_period, "malformed": context.malformed}
        return sorted({**read, **figures.excluded}.items())
    return list(getattr(figures, table))


def write_report(root: Path, out: Path, figures: Figures, context: Context) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    stem = f"audience-{figures.period.label}"
    written = []
    for table, columns in TABLES.items():
        path = out / f"{stem}-{table.replace('_', '-')}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows(rows(figures, table, context))
        written.append(path)
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "theme" / "audience"),
                                     autoescape=jinja2.select_autoescape(["html"]), trim_blocks=True,
                                     lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    environment.filters["number"] = number
    values = {"figures": figures, "context": context, "stem": stem}
    for template, name in (("report.html", f"{stem}.html"), ("summary.md", f"{stem}.md")):
        path = out / name
        path.write_text(environment.get_template(template).render(**values), encoding="utf-8")
        written.append(path)
    return written


def number(value: float, decimals: int = 0) -> str:
    """13 168 / 2,5: French digits, a narrow no-break space between thousands."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",")
