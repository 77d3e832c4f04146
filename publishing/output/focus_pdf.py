"""A Focus brochure as print HTML, then as PDF: one per (Focus, territory edition, language).

The text comes from the same Markdown as the web page; the appendix lists the
entries of the Focus's directories that serve the territory (all of them for
the region's edition).
"""
from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from markupsafe import Markup

from publishing.markdown.html import to_html
from publishing.model import REGION, Focus, Lookup, Project, Territory, long_date
from publishing.model.paths import PDF_CACHE
from publishing.output import pdf
from publishing.output.bytecode import bytecode_cache
from publishing.output.services import service_view


@functools.lru_cache(maxsize=4)
def template_env(root: Path) -> jinja2.Environment:
    """The print templates of theme/pdf/, compiled once per process (and on disk, bytecode)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(root / "theme" / "pdf")),
                              autoescape=jinja2.select_autoescape(["html"]),
                              undefined=jinja2.StrictUndefined, trim_blocks=False,
                              bytecode_cache=bytecode_cache(root))


def edition(territory: Territory, t: Lookup, lang: str) -> str:
    """The edition a territory's brochure is: "Édition régionale", "Édition du bassin Sud"."""
    if territory.is_region:
        return t("pdf.edition_region")
    return f"{t('pdf.edition_bassin')} {territory.name[lang]}"


def appendix(project: Project, focus: Focus, territory: Territory, lang: str) -> list[dict]:
    """The directories of the Focus, filtered for the territory, grouped by category."""
    out = []
    for slug in focus.directories:
        directory = project.directories.get(slug)
        if directory is None:
            continue
        entries = directory.for_territory(territory)
        groups = [{"label": category.label[lang], "entries": [service_view(project, e, lang) for e in members]}
                  for category, members in directory.grouped(entries, project.strings.text("directory.other"))]
        if groups:
            out.append({"slug": slug, "title": directory.title[lang], "groups": groups})
    return out


def brochure_html(project: Project, focus: Focus, territory: Territory, lang: str,
                  page_url: str) -> str:
    text = focus.text(lang)
    html = to_html(text.body, folder_url=page_url)  # the Focus's folder is its page's
    t = project.strings.for_lang(lang)
    directories = appendix(project, focus, territory, lang)
    intro = t("pdf.appendix_intro_region") if territory.is_region else t("pdf.appendix_intro_bassin")
    helpdesk = territory.helpdesk if territory.helpdesk.phone else project.territories[REGION].helpdesk
    return template_env(project.root).get_template("brochure.html").render(
        lang=text.lang,
        t=t,
        stylesheet=(project.root / "theme" / "pdf" / "print.css").as_uri(),
        title=text.title,
        summary=text.summary,
        body=Markup(html.body),
        headings=html.headings,
        territory={"name": territory.name[lang], "tagline": territory.tagline[lang],
                   "colour": territory.colour, "is_region": territory.is_region},
        edition=edition(territory, t, lang),
        updated=long_date(focus.updated, t),
        updated_iso=focus.updated.isoformat(),
        cover_colour=focus.cover_colour,
        cover_image=focus.cover_image.resolve().as_uri() if focus.cover_image else None,
        appendix=directories,
        appendix_intro=intro if directories else t("pdf.appendix_empty"),
        page_url=page_url,
        publisher=t("pdf.publisher"),
        helpdesk={"phone": helpdesk.phone, "email": helpdesk.email,
                  "hours": helpdesk.hours[lang] if helpdesk.hours else None},
    )


def render_brochure(project: Project, focus: Focus, territory: Territory, lang: str,
                    page_url: str) -> pdf.RenderedPdf:
    html = brochure_html(project, focus, territory, lang, page_url)
    title = f"{focus.text(lang).title} – {edition(territory, project.strings.for_lang(lang), lang)}"
    return pdf.render(html, focus.folder, project.root, title, focus.text(lang).lang,
                      cache_dir=project.root / PDF_CACHE)
