"""Plan one site in one language: the content pages of its territory, then each section's.

A page missing in Dutch is planned on the Dutch site with its French text, marked
untranslated, and no Dutch alternate is announced for it.
"""
from __future__ import annotations

from collections.abc import Sequence

from publishing.markdown.body import render_body, territory_view
from publishing.model import DEFAULT_LANG, LANGS, REGION, OutputPage, Page, PageData, Project, SitePlan, Territory
from publishing.model.paths import CONTENT
from publishing.plan.sections import SECTIONS, SectionContext
from publishing.problems import Report


def page_scopes(territory_id: str) -> tuple[str, ...]:
    """The folders of content/ a site's pages come from, least specific first."""
    return ("shared", territory_id) if territory_id == REGION else ("shared", "bassins", territory_id)


def site_reads(site: str, sites: Sequence[str]) -> list[str]:
    """The repository's folders and files that one site's plan reads beyond what every site shares
    (the theme, the code, sites/): its pages' folders, then what each section declares. The build
    cache hashes these (publishing.commands.cache): what a site reads is said here only."""
    found = [f"{CONTENT}/{scope}" for scope in page_scopes(site)]
    for section in SECTIONS:
        found.extend(path for path in section.reads(site, sites) if path not in found)
    return found


def scoped_pages(project: Project, territory: Territory) -> dict[tuple[str, str], Page]:
    """(key, lang) -> page for one territory, most specific first:
    content/<territory>/ replaces content/bassins/ (the five bassins) replaces content/shared/."""
    chosen: dict[tuple[str, str], Page] = {}
    for scope in page_scopes(territory.id):
        for page in project.pages:
            if page.scope == scope:
                chosen[(page.key, page.lang)] = page
    return chosen


def plan_site(project: Project, territory: Territory, lang: str, report: Report,
              with_files: bool = True, with_pdfs: bool = True) -> SitePlan:
    """Content pages, then the pages and files of each section (Focus, directories, …).

    with_files=False skips the files (PDFs, feeds, calendars, open data) for a quick check or preview;
    with_pdfs=False only the PDFs.
    """
    plan = SitePlan(territory, lang, content_pages(project, territory, lang, report))
    for section in SECTIONS:
        section.add(SectionContext(project=project, territory=territory, lang=lang, report=report, plan=plan,
                           with_files=with_files, with_pdfs=with_pdfs))
    return plan


def plan_sites(project: Project, report: Report) -> dict[tuple[str, str], SitePlan]:
    """The plans of every site in every language, without their files: what links are checked on."""
    return {(territory.id, lang): plan_site(project, territory, lang, report, with_files=False)
            for territory in project.territories.values() for lang in LANGS}


def content_pages(project: Project, territory: Territory, lang: str, report: Report) -> list[OutputPage]:
    pages = scoped_pages(project, territory)
    keys = sorted({key for key, _ in pages})
    context = {"territory": territory_view(project, territory, lang),
               "territories": [territory_view(project, t, lang) for t in project.territories.values()],
               "lang": lang}
    out: list[OutputPage] = []
    for key in keys:
        page = pages.get((key, lang)) or pages.get((key, DEFAULT_LANG))
        if page is None:
            continue  # a Dutch page without French twin: reported by publishing.load.pages
        if page.lang != lang:
            context_lang = dict(context, territory=territory_view(project, territory, page.lang),
                                lang=page.lang)
        else:
            context_lang = context
        body = render_body(page, context_lang, report)
        if body is None:
            continue
        translations = tuple(lg for lg in LANGS if (key, lg) in pages)
        out.append(OutputPage(key=key, lang=lang, title=page.title, markdown=body, source=page.source,
                              text_lang=page.lang, nav=page.nav, description=page.meta.get("description"),
                              translations=translations,
                              meta=PageData(updated=page.updated, hide=tuple(page.meta.get("hide") or ()))))
    return out
