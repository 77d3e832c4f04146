"""The Focus section of a site: an index of cards, one page per Focus, its PDF.

Each site in each language gets focus/ (the cards) and focus/<slug>/ (the text,
the download box, JSON-LD), and publishes the PDF of its own edition beside the
page. A Focus not yet translated into Dutch is listed on the Dutch site, marked,
and its page offers the French PDF.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publishing.markdown.markup import point_into
from publishing.model import (
    LANGS,
    Focus,
    Lookup,
    NavOrder,
    PageData,
    Territory,
    long_date,
)
from publishing.model.paths import FOCUS, FOCUS_DATA
from publishing.output import structured_data
from publishing.output.focus_pdf import edition, render_brochure
from publishing.output.pdf import RenderedPdf
from publishing.plan.resources import resource_files
from publishing.plan.sections.context import SectionContext


def size_label(size: int, t: Lookup) -> str:
    """340 ko, 1,2 Mo / 340 kB, 1,2 MB: units and decimal mark are interface texts (size.*)."""
    kb = size / 1024
    if kb >= 1024:
        return f"{kb / 1024:.1f}".replace(".", t("size.decimal_mark")) + " " + t("size.mb")
    return f"{max(1, round(kb))} {t('size.kb')}"


def pdf_path(focus: Focus, territory: Territory, lang: str) -> str:
    """Site-relative path of the PDF of one edition (in its language's site)."""
    return focus.pdf_path(territory.id, lang)


def page_url(focus: Focus, territory: Territory, lang: str) -> str:
    """The Focus page's address on a site (the PDF's cover and footer give it)."""
    return territory.absolute(lang, focus.page_path())


def add(section: SectionContext) -> None:
    project, territory, lang, report = section.project, section.territory, section.lang, section.report
    if not project.focus:
        return
    t = section.t
    ordered = sorted(project.focus.values(), key=lambda f: f.text(lang).title.lower())
    cards = []
    for position, focus in enumerate(ordered):
        text = focus.text(lang)
        pdf_lang = text.lang  # the French PDF when the Focus is not translated
        key = f"{FOCUS}/{focus.slug}"
        rendered = None
        if section.pdfs and pdf_lang == lang:
            try:
                rendered = render_brochure(project, focus, territory, lang, page_url(focus, territory, lang))
            except Exception as exc:  # WeasyPrint's errors are varied; name the Focus and go on
                report.add(text.source, "pdf_failed", detail=str(exc)[:300])
            else:
                section.add_file(pdf_path(focus, territory, lang), rendered.content)
        pdf_url = territory.absolute(pdf_lang, pdf_path(focus, territory, pdf_lang))
        translations = tuple(lg for lg in LANGS if focus.translated(lg))
        meta = PageData(updated=focus.updated, jsonld=structured_data.focus(focus, territory, lang))
        # The page is focus/<slug> (linked as focus/<slug>.md), so that the files beside the text
        # (images, documents) are published in focus/<slug>/, not mixed with other Focus' files.
        body = point_into(text.body, resources_of(focus), focus.slug)
        markdown = head(section, focus, pdf_url, rendered) + "\n\n" + body
        section.add_page(key=key, title=text.title, markdown=markdown, source=text.source,
                         text_lang=text.lang, nav=NavOrder.FIRST_ITEM + position, description=text.summary,
                         translations=translations, meta=meta, resources=focus.slug)
        cards.append(card(t, lang, focus))
    section.add_page(key=f"{FOCUS}/index", title=t("focus.title"),
                     markdown=section.render("focus/index.md", cards=cards), nav=NavOrder.FOCUS,
                     description=t("focus.description"), translations=LANGS)


def head(section: SectionContext, focus: Focus, pdf_url: str, rendered: RenderedPdf | None) -> str:
    """The head of a Focus page (theme/web/sections/focus/head.html): summary, date and edition, the
    PDF's button with its size and pages when it was made here."""
    lang = section.lang
    text = focus.text(lang)
    return section.render(
        "focus/head.html", summary=text.summary, updated=long_date(focus.updated, section.t),
        updated_iso=focus.updated.isoformat(), edition=edition(section.territory, section.t, lang),
        pdf_url=pdf_url, pdf_lang=text.lang,
        size=size_label(len(rendered.content), section.t) if rendered is not None else None,
        pages=rendered.pages if rendered is not None else None)


def resources_of(focus: Focus) -> frozenset[str]:
    """The names of the files beside a Focus's texts that its pages may show or link."""
    return frozenset(p.name for p in resource_files(focus.folder))


@dataclass(frozen=True)
class Card:
    """What the card of a Focus on the index shows (theme/web/sections/focus/index.md)."""

    href: str
    title: str
    summary: str
    lang: str  # the language of its text (French on the Dutch site when not translated)
    colour: str
    updated: str
    updated_iso: str
    untranslated: bool


def card(t: Lookup, lang: str, focus: Focus) -> Card:
    text = focus.text(lang)
    return Card(href=f"{focus.slug}/", title=text.title, summary=text.summary, lang=text.lang,
                colour=focus.cover_colour, updated=long_date(focus.updated, t),
                updated_iso=focus.updated.isoformat(), untranslated=not focus.translated(lang))


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """Every site shows every Focus (publishing.commands.cache hashes what a site reads)."""
    return [FOCUS_DATA]
