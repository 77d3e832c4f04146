"""News and partners' notices: content/<territory>/actualites/ and content/<territory>/valves/.

    ---
    title: …                     summary: … (one or two sentences, shown in lists)
    date: 2023-01-19             the day it is published (the date of the file's name)
    themes: [sante-mentale]      from the declared list (the syntheses' themes)
    image: photo.jpg             optional, beside the file, with image_alt in each language
    # notices only:
    partner: …                   the organisation that wrote it
    website: https://…           its website (optional)
    until: 2023-03-31            after this day it leaves the lists (at most a year after `date`); its page
                                 stays, marked past
    submitter: Name <e-mail>     who sent it through the form (publishing/service/): for the
                                 moderators, never published
    # all: source: …             where the facts come from, for the team (not published)
    ---
"""
from __future__ import annotations

from datetime import date as Date
from pathlib import Path
from typing import Literal

from pydantic import Field

from publishing.load import schema
from publishing.load.dated import dated_files
from publishing.load.items import check_url, image_of, read_items
from publishing.model import THEMES, News, Notice
from publishing.model.paths import NEWS, NOTICES
from publishing.problems import Report


class NewsMeta(schema.Strict):
    title: str = Field(min_length=1)
    date: schema.DayOrMonth
    summary: str = Field(min_length=1)
    themes: list[Literal[THEMES]] = []  # type: ignore[valid-type]
    image: str | None = None
    image_alt: str | None = None
    source: str | None = None  # where the facts come from (a report, a page): for the team, not published
    draft: bool = False


class NoticeMeta(NewsMeta):
    partner: str = Field(min_length=1)
    website: str | None = None
    until: Date
    submitter: str | None = None  # "Name <e-mail>" of who sent it through the form: for the moderators, not published


# How long a notice may stay listed: a year at most after its date (the form's `until` is bounded by it)
UNTIL_MAX_DAYS = 365


def until_limit(day: Date) -> Date:
    """The last day a notice of this date may stay listed."""
    return Date.fromordinal(day.toordinal() + UNTIL_MAX_DAYS)


def load_news(content_dir: Path, territory_ids: tuple[str, ...], report: Report) -> list[News]:
    found: list[News] = []
    files = dated_files(content_dir, territory_ids, NEWS, report, "item_name", dutch_only=True)
    for item in read_items(files, NewsMeta, report, lambda meta: meta.date, "date"):
        ok, image = image_of(item, report)
        if ok:
            meta = item.meta
            found.append(News(item.files.territory, item.files.slug, meta.date, tuple(meta.themes), image,
                              item.texts))
    found.sort(key=lambda n: (n.date, n.territory, n.slug), reverse=True)
    return found


def load_notices(content_dir: Path, territory_ids: tuple[str, ...], report: Report) -> list[Notice]:
    found: list[Notice] = []
    files = dated_files(content_dir, territory_ids, NOTICES, report, "item_name", dutch_only=True)
    for item in read_items(files, NoticeMeta, report, lambda meta: meta.date, "date"):
        ok, image = image_of(item, report)
        meta = item.meta
        if not check_url(item, "website", report):
            ok = False
        if meta.until < meta.date:
            report.add(item.source, "notice_until_before_date", line=item.line("until"), where="until",
                       input=meta.until.isoformat(), expected=meta.date.isoformat())
            ok = False
        elif meta.until > (last := until_limit(meta.date)):
            report.add(item.source, "notice_until_too_far", line=item.line("until"), where="until",
                       input=meta.until.isoformat(), limit=last.isoformat())
            ok = False
        if ok:
            found.append(Notice(item.files.territory, item.files.slug, meta.date, tuple(meta.themes), image,
                                item.texts, partner=meta.partner, partner_url=meta.website, until=meta.until))
    found.sort(key=lambda n: (n.date, n.territory, n.slug), reverse=True)
    return found
