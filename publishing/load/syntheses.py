"""One-page syntheses of meetings: content/<territory>/syntheses/YYYY-MM-DD-<slug>.<lang>.md.

Front matter: title, date (the meeting's, same as the file name), kind, theme
(optional), participants (optional), summary. The body follows a short
structure (context, what was said, next steps, next meeting) that
`build.py new synthese` writes. Each synthesis is printed on exactly one A4 page.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field

from publishing.load import schema
from publishing.load.yamlio import load_markdown
from publishing.model import KINDS, LANGS, THEMES, DocumentText, Synthesis
from publishing.model.paths import SYNTHESES
from publishing.problems import Report

NAME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.([a-z]+)\.md$")


class SynthesisMeta(schema.Strict):
    title: str = Field(min_length=1)
    date: date
    kind: Literal[KINDS]  # type: ignore[valid-type]
    theme: Literal[THEMES] | None = None  # type: ignore[valid-type]
    participants: int | None = Field(default=None, ge=1)
    summary: str = Field(min_length=1)
    draft: bool = False


def load_syntheses(content_dir: Path, territory_ids: tuple[str, ...], report: Report) -> list[Synthesis]:
    found: list[Synthesis] = []
    for tid in territory_ids:
        folder = content_dir / tid / SYNTHESES
        if not folder.is_dir():
            continue
        groups: dict[str, dict[str, Path]] = {}
        for path in sorted(folder.iterdir()):
            if path.is_dir() or path.name.startswith("."):
                continue
            match = NAME.match(path.name)
            if not match or match.group(5) not in LANGS:
                report.add(path, "synthesis_name", input=path.name)
                continue
            groups.setdefault(path.name.rsplit(".", 2)[0], {})[match.group(5)] = path
        for slug, paths in groups.items():
            synthesis = load_one(tid, slug, paths, report)
            if synthesis is not None:
                found.append(synthesis)
    found.sort(key=lambda s: (s.date, s.territory, s.slug), reverse=True)
    return found


def load_one(territory: str, slug: str, paths: dict[str, Path], report: Report) -> Synthesis | None:
    if "fr" not in paths:
        report.add(paths["nl"], "no_french", stem=slug)
        return None
    day = date(int(slug[:4]), int(slug[5:7]), int(slug[8:10])) if _valid_day(slug) else None
    if day is None:
        report.add(paths["fr"], "synthesis_name", input=paths["fr"].name)
        return None
    texts: dict[str, DocumentText] = {}
    metas: dict[str, SynthesisMeta] = {}
    for lang, path in paths.items():
        md = load_markdown(path, report)
        if md is None:
            continue
        meta = schema.validate(SynthesisMeta, md.meta, path, report, md.locator)
        if meta is None:
            continue
        if meta.date != day:
            report.add(path, "synthesis_date", line=md.locator.line(("date",)), where="date",
                       input=meta.date.isoformat(), expected=day.isoformat())
            continue
        if meta.draft:
            report.warn(path, "draft", line=md.locator.line(("draft",)))
            continue
        texts[lang], metas[lang] = DocumentText(lang, meta.title, meta.summary, md.body, md.body_line, path), meta
    if "fr" not in texts:
        return None
    fr = metas["fr"]
    for lang, meta in metas.items():
        if lang != "fr" and (meta.kind, meta.theme, meta.participants) != (fr.kind, fr.theme, fr.participants):
            report.add(texts[lang].source, "synthesis_mismatch", other=texts["fr"].source.name)
    if "nl" not in paths:
        report.warn(paths["fr"], "not_translated", stem=slug)
    return Synthesis(territory, slug, day, fr.kind, fr.theme, fr.participants, texts)


def _valid_day(slug: str) -> bool:
    try:
        date(int(slug[:4]), int(slug[5:7]), int(slug[8:10]))
    except ValueError:
        return False
    return True
