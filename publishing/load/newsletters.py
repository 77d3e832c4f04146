"""The newsletter's editions: content/<territory>/newsletter/YYYY-MM.<lang>.md, one per month.

    ---
    title: …        optional: the edition's title (by default « Newsletter de <territoire> – <mois> »)
    summary: …      optional: the preheader, the line mail clients show after the subject
    draft: true     optional: not published, not sent
    ---
    The editorial (optional: the file may hold its header only).

The file says that the month has an edition; what the edition carries comes from the news, the
agenda and the syntheses (publishing.plan.sections.newsletter). Its Dutch file is expected
beside it (a warning when it is missing: the Dutch edition then opens with no editorial).
"""
from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field

from publishing.load import schema
from publishing.load.yamlio import load_markdown
from publishing.model import LANGS, DocumentText, Month
from publishing.model.newsletter import Edition
from publishing.model.paths import NEWSLETTER
from publishing.problems import Report

NAME = re.compile(r"^(\d{4})-(\d{2})\.([a-z]+)\.md$")


class EditionMeta(schema.Strict):
    title: str | None = Field(default=None, min_length=1)
    summary: str | None = Field(default=None, min_length=1)
    draft: bool = False


class NewsletterSettings(schema.Strict):
    unsubscribe: str = Field(default="[[UNSUBSCRIBE]]", min_length=1)  # the mailing tool's placeholder


def read_settings(sites_dir: Path, report: Report) -> NewsletterSettings:
    """sites/newsletter.yml (the defaults when it is missing)."""
    path = sites_dir / "newsletter.yml"
    if not path.exists():
        return NewsletterSettings()
    loaded = schema.load_validated(NewsletterSettings, path, report)
    return loaded[0] if loaded else NewsletterSettings()


def load_editions(content_dir: Path, territory_ids: tuple[str, ...], report: Report) -> list[Edition]:
    found: list[Edition] = []
    for tid in territory_ids:
        folder = content_dir / tid / NEWSLETTER
        if not folder.is_dir():
            continue
        months: dict[Month, dict[str, Path]] = {}
        for path in sorted(folder.iterdir()):
            if path.is_dir() or path.name.startswith(".") or path.suffix.lower() != ".md":
                continue
            match = NAME.match(path.name)
            month = _month(match) if match else None
            if match is None or month is None or match.group(3) not in LANGS:
                report.add(path, "newsletter_name", input=path.name)
                continue
            months.setdefault(month, {})[match.group(3)] = path
        for month, paths in sorted(months.items()):
            edition = _edition(tid, month, paths, report)
            if edition is not None:
                found.append(edition)
    return sorted(found, key=lambda e: (e.month, e.territory), reverse=True)


def _month(match: re.Match) -> Month | None:
    year, month = int(match.group(1)), int(match.group(2))
    return Month(year, month) if 1 <= month <= 12 else None


def _edition(territory: str, month: Month, paths: dict[str, Path], report: Report) -> Edition | None:
    if "fr" not in paths:
        report.add(paths["nl"], "no_french", stem=month.isoformat())
        return None
    texts: dict[str, DocumentText] = {}
    for lang, path in paths.items():
        md = load_markdown(path, report)
        if md is None:
            continue
        meta = schema.validate(EditionMeta, md.meta, path, report, md.locator)
        if meta is None:
            continue
        if meta.draft:
            report.warn(path, "draft", line=md.locator.line(("draft",)))
            continue
        texts[lang] = DocumentText(lang, meta.title or "", meta.summary or "", md.body, md.body_line, path)
    if "fr" not in texts:
        return None
    if "nl" not in paths:
        report.warn(paths["fr"], "newsletter_no_dutch", month=month.isoformat())
    return Edition(territory, month, texts)
