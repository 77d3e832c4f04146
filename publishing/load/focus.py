"""Focus brochures: each focus/<slug>/ folder is a bundle.

    focus/<slug>/index.fr.md   front matter: title, summary; the text (## sections)
    focus/<slug>/index.nl.md   the Dutch text (optional: FR is published, marked untranslated)
    focus/<slug>/focus.yml     updated, directories, cover (colour or image), draft
    focus/<slug>/*.png|jpg|svg images of the text

Adding a folder adds the Focus to all six sites and their PDFs.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from pydantic import Field

from publishing.load import contact, schema
from publishing.load.yamlio import load_markdown
from publishing.model import LANGS, DocumentText, Focus
from publishing.problems import Report


class FocusFile(schema.Strict):
    updated: date
    directories: list[str] = []
    cover: str | None = None
    draft: bool = False


class FocusTextMeta(schema.Strict):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)


DEFAULT_COVER = "#1b4f8a"


def load_focus(focus_dir: Path, report: Report, directory_slugs: set[str] | None = None) -> dict[str, Focus]:
    found: dict[str, Focus] = {}
    if not focus_dir.is_dir():
        return found
    for folder in sorted(p for p in focus_dir.iterdir() if p.is_dir()):
        focus = load_one(folder, report, directory_slugs)
        if focus is not None:
            found[focus.slug] = focus
    return found


def load_one(folder: Path, report: Report, directory_slugs: set[str] | None) -> Focus | None:
    meta_path = folder / "focus.yml"
    if not meta_path.exists():
        report.add(meta_path, "focus_no_meta", slug=folder.name)
        return None
    loaded = schema.load_validated(FocusFile, meta_path, report)
    if loaded is None:
        return None
    meta, doc = loaded
    if isinstance(doc.data, dict) and "cover" in doc.data and doc.data["cover"] is None:
        # `cover: #1b4f8a` without quotes: YAML reads a comment, the colour is lost
        report.add(meta_path, "cover_unquoted", line=doc.locator.line(("cover",)), where="cover")
        return None
    if meta.draft:
        report.warn(meta_path, "draft", line=doc.locator.line(("draft",)))
        return None
    ok = True
    for index, slug in enumerate(meta.directories):
        if directory_slugs is not None and slug not in directory_slugs:
            report.add(meta_path, "unknown_directory" if directory_slugs else "directory_none",
                       line=doc.locator.line(("directories", index)), where=f"directories[{index}]", input=slug,
                       allowed=", ".join(sorted(directory_slugs)))
            ok = False
    colour, image = DEFAULT_COVER, None
    if meta.cover:
        if meta.cover.startswith("#"):
            if problem := contact.colour_problem(meta.cover):
                report.add(meta_path, problem[0], line=doc.locator.line(("cover",)), where="cover", **problem[1])
                ok = False
            else:
                colour = meta.cover.lower()
        else:
            image = folder / meta.cover
            if not image.is_file():
                report.add(meta_path, "missing_image", line=doc.locator.line(("cover",)), where="cover",
                           input=meta.cover)
                ok = False
    texts: dict[str, DocumentText] = {}
    for lang in LANGS:
        path = folder / f"index.{lang}.md"
        if not path.exists():
            continue
        md = load_markdown(path, report)
        if md is None:
            ok = False
            continue
        head = schema.validate(FocusTextMeta, md.meta, path, report, md.locator)
        if head is None:
            ok = False
            continue
        texts[lang] = DocumentText(lang, head.title, head.summary, md.body, md.body_line, path)
    if "fr" not in texts:
        if ok and (folder / "index.nl.md").exists() or not any(folder.glob("index.*.md")):
            report.add(folder / "index.fr.md", "focus_no_french", slug=folder.name)
        return None
    if "nl" not in texts and not (folder / "index.nl.md").exists():
        report.warn(folder / "index.fr.md", "not_translated", stem="index")
    if not ok:
        return None
    return Focus(folder.name, folder, meta.updated, tuple(meta.directories), colour, image, texts)
