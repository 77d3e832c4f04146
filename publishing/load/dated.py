"""Files named by their date: content/<territory>/<folder>/YYYY-MM-DD-<slug>.<lang>.md, or
YYYY-MM-<slug>.<lang>.md for what the sources date to the month only.

Syntheses, news, events and partners' notices are all kept this way, so that a folder
lists them in order. Here: finding them and grouping the languages of each.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from publishing.load import schema
from publishing.load.yamlio import MarkdownFile, load_markdown
from publishing.model import LANGS, Month
from publishing.problems import Report

M = TypeVar("M", bound=BaseModel)

NAME = re.compile(r"^(\d{4})-(\d{2})-(?:(\d{2})-)?([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]+)\.md$")
DAY_SLUG = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-")
MONTH_SLUG = re.compile(r"^(\d{4})-(\d{2})-")


@dataclass(frozen=True)
class DatedFiles:
    """The language files of one item."""

    territory: str
    slug: str  # "2023-01-19-forum-ouvert", "2024-03-concertation-regionale"
    day: date  # the date of its name (a Month when the name gives the month only)
    paths: dict[str, Path]  # by language


def dated_files(content_dir: Path, territory_ids: tuple[str, ...], folder: str, report: Report,
                name_code: str, dutch_only: bool = False) -> Iterator[DatedFiles]:
    """Each item of content/<territory>/<folder>/, its names checked: a file whose name does not
    follow the pattern, or whose date does not exist, is reported with name_code. An item in
    Dutch only is refused (`no_french`) unless dutch_only allows it (news, notices, events)."""
    for tid in territory_ids:
        where = content_dir / tid / folder
        if not where.is_dir():
            continue
        groups: dict[str, dict[str, Path]] = {}
        for path in sorted(where.iterdir()):
            if path.is_dir() or path.name.startswith(".") or path.suffix.lower() != ".md":
                continue
            match = NAME.match(path.name)
            if not match or match.group(5) not in LANGS:
                report.add(path, name_code, input=path.name)
                continue
            groups.setdefault(path.name.rsplit(".", 2)[0], {})[match.group(5)] = path
        for slug, paths in groups.items():
            if "fr" not in paths and not dutch_only:
                report.add(paths["nl"], "no_french", stem=slug)
                continue
            day = name_date(slug)
            if day is None:
                first = next(iter(paths.values()))
                report.add(first, name_code, input=first.name)
                continue
            yield DatedFiles(tid, slug, day, paths)


def name_date(slug: str) -> date | None:
    """The day of a name "2024-03-14-…", or the month of "2024-03-…"; None if it does not exist."""
    try:
        if match := DAY_SLUG.match(slug):
            return date(*map(int, match.groups()))
        if match := MONTH_SLUG.match(slug):
            return Month(*map(int, match.groups()))
    except ValueError:
        pass
    return None


def read_header(path: Path, model: type[M], report: Report, day: date, date_of: Callable[[M], date],
                date_key: str, date_code: str) -> tuple[M, MarkdownFile] | None:
    """One language file of a dated item: its valid header and its text, or None after reporting
    why not (a header date other than the name's, under date_code; a draft, as a warning)."""
    md = load_markdown(path, report)
    if md is None:
        return None
    meta = schema.validate(model, md.meta, path, report, md.locator)
    if meta is None:
        return None
    if date_of(meta).isoformat() != day.isoformat():  # a day for a day, a month for a month
        report.add(path, date_code, line=md.locator.line((date_key,)), where=date_key,
                   input=date_of(meta).isoformat(), expected=day.isoformat())
        return None
    if getattr(meta, "draft", False):
        report.warn(path, "draft", line=md.locator.line(("draft",)))
        return None
    return meta, md
