"""Find the Markdown pages of content/ and read them into Page objects.

content/shared/ holds pages of all six sites, content/<territory>/ pages of one
territory (a territory page replaces a shared page of the same path). The
language is the file's suffix: page.fr.md, page.nl.md.
"""
from __future__ import annotations

import re
from pathlib import Path

from publishing.load import schema
from publishing.load.yamlio import load_markdown
from publishing.model import LANGS, Page
from publishing.model.paths import DATED_FOLDERS
from publishing.problems import Report

HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$")

# Folders below a scope that other modules own (they read them themselves).
OWNED_ELSEWHERE = DATED_FOLDERS


def split_name(path: Path) -> tuple[str, str | None]:
    """'gouvernance.fr.md' -> ('gouvernance', 'fr'); 'x.md' -> ('x', None)."""
    stem = path.name[: -len(".md")]
    base, dot, lang = stem.rpartition(".")
    if not dot:
        return stem, None
    return base, lang


def load_pages(content_dir: Path, scopes: tuple[str, ...], report: Report) -> list[Page]:
    pages: list[Page] = []
    for scope in scopes:
        folder = content_dir / scope
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder)
            if rel.parts[0] in OWNED_ELSEWHERE:
                continue
            page = load_page(path, rel, scope, report)
            if page is not None:
                pages.append(page)
    check_pairs(pages, report)
    return pages


def load_page(path: Path, rel: Path, scope: str, report: Report) -> Page | None:
    base, lang = split_name(path)
    if lang is None:
        report.add(path, "no_language_suffix", stem=base)
        return None
    if lang not in LANGS:
        report.add(path, "unknown_language", input=lang)
        return None
    md = load_markdown(path, report)
    if md is None:
        return None
    meta = schema.validate(schema.PageMeta, md.meta, path, report, md.locator)
    if meta is None:
        return None
    title, body = meta.title, md.body
    if not title:
        title = first_heading(body)
    if not title:
        report.add(path, "title_missing", line=1)
        return None
    if meta.draft:
        report.warn(path, "draft", line=md.locator.line(("draft",)))
        return None
    key = (rel.parent / base).as_posix() if rel.parent != Path(".") else base
    return Page(key, lang, scope, path, title, body, md.body_line, meta.model_dump())


def first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.strip():
            match = HEADING.match(line.strip())
            return match.group(1) if match else None
    return None


def check_pairs(pages: list[Page], report: Report) -> None:
    """French is the reference: a Dutch page needs its French twin."""
    have = {(p.scope, p.key, p.lang) for p in pages}
    for page in pages:
        if page.lang == "nl" and (page.scope, page.key, "fr") not in have:
            report.add(page.source, "no_french", stem=page.source.name.rsplit(".", 2)[0])
