"""One-page syntheses of meetings: content/<territory>/syntheses/YYYY-MM-DD-<slug>.<lang>.md
(YYYY-MM-<slug> when the sources date the meeting to the month only).

Front matter: title, date (the meeting's, same as the file name), kind, theme
(optional), participants (optional), summary. The body follows a short
structure (context, what was said, next steps, next meeting) that
`build.py new synthese` writes. Each synthesis is printed on exactly one A4 page.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import Field

from publishing.load import schema
from publishing.load.dated import dated_files, read_header
from publishing.model import KINDS, THEMES, DocumentText, Synthesis
from publishing.model.paths import SYNTHESES
from publishing.problems import Report


class SynthesisMeta(schema.Strict):
    title: str = Field(min_length=1)
    date: schema.DayOrMonth
    kind: Literal[KINDS]  # type: ignore[valid-type]
    theme: Literal[THEMES] | None = None  # type: ignore[valid-type]
    participants: int | None = Field(default=None, ge=1)
    summary: str = Field(min_length=1)
    source: str | None = None  # where the facts come from (a report, its page): for the team, not published
    draft: bool = False


def load_syntheses(content_dir: Path, territory_ids: tuple[str, ...], report: Report) -> list[Synthesis]:
    found: list[Synthesis] = []
    for files in dated_files(content_dir, territory_ids, SYNTHESES, report, "synthesis_name"):
        synthesis = load_one(files.territory, files.slug, files.day, files.paths, report)
        if synthesis is not None:
            found.append(synthesis)
    found.sort(key=lambda s: (s.date, s.territory, s.slug), reverse=True)
    return found


def load_one(territory: str, slug: str, day: date, paths: dict[str, Path], report: Report) -> Synthesis | None:
    texts: dict[str, DocumentText] = {}
    metas: dict[str, SynthesisMeta] = {}
    for lang, path in paths.items():
        read = read_header(path, SynthesisMeta, report, day, lambda m: m.date, "date", "synthesis_date")
        if read is None:
            continue
        meta, md = read
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
