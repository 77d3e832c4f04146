"""The syntheses section of a site: the list (newest first, by year, filterable), one
page per synthesis with its one-page PDF, and an Atom feed per language.

A site lists its own syntheses; the region's list also shows, marked, the latest
synthesis of each bassin (linking to the bassin's site). The markup is in
theme/web/sections/syntheses/.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby

from publishing.model import (
    ATOM,
    KINDS,
    LANGS,
    THEMES,
    Feed,
    Lookup,
    NavOrder,
    PageData,
    Project,
    Synthesis,
    Territory,
    long_date,
)
from publishing.model.paths import SYNTHESES, SYNTHESES_FEED
from publishing.output import feed, structured_data
from publishing.output.pdf import RenderedPdf
from publishing.output.synthesis_pdf import TooLong, render_synthesis
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import items_read
from publishing.problems import Report


def pdf_path(synthesis: Synthesis, lang: str) -> str:
    return synthesis.pdf_path(lang)


def page_url(project: Project, synthesis: Synthesis, lang: str) -> str:
    return project.territories[synthesis.territory].absolute(lang, synthesis.key + "/")


def render_checked(project: Project, synthesis: Synthesis, lang: str, report: Report) -> RenderedPdf | None:
    """The one-page PDF, or None after reporting by how much it runs over."""
    if synthesis.territory not in project.territories:
        return None  # its sites/ file has errors, reported there
    try:
        return render_synthesis(project, synthesis, lang, page_url(project, synthesis, lang))
    except TooLong as exc:
        report.add(synthesis.text(lang).source, "synthesis_too_long", overflow=f"{exc.overflow_mm:g}",
                   lines=max(1, round(2 * exc.overflow_mm / 4.4)), pages=exc.pages)  # two columns of ~4.4 mm lines
    except Exception as exc:
        report.add(synthesis.text(lang).source, "pdf_failed", detail=str(exc)[:300])
    return None


def listed(project: Project, territory: Territory) -> list[Synthesis]:
    """What a site's list shows, newest first: its own syntheses, and on the region's site the latest
    of each bassin (the home shows the first of them)."""
    own = [s for s in project.syntheses if s.territory == territory.id]
    known = [s for s in project.syntheses if s.territory in project.territories]
    shown = list(own)
    if territory.is_region:
        for bassin in (t for t in project.territories.values() if not t.is_region):
            latest = next((s for s in known if s.territory == bassin.id), None)
            if latest is not None:
                shown.append(latest)
        shown.sort(key=lambda s: (s.date, s.territory, s.slug), reverse=True)
    return shown


def add(section: SectionContext) -> None:
    project, territory, lang, report = section.project, section.territory, section.lang, section.report
    own = [s for s in project.syntheses if s.territory == territory.id]
    shown = listed(project, territory)  # none yet: the list says so in a sentence
    t = section.t
    for synthesis in own:
        text = synthesis.text(lang)
        rendered = None
        if section.pdfs and text.lang == lang:
            rendered = render_checked(project, synthesis, lang, report)
            if rendered is not None:
                section.add_file(pdf_path(synthesis, lang), rendered.content)
        translations = tuple(lg for lg in LANGS if synthesis.translated(lg))
        meta = PageData(jsonld=structured_data.synthesis(project, synthesis, lang))
        section.add_page(key=synthesis.key, title=text.title,
                         markdown=head(section, synthesis) + "\n\n" + text.body, source=text.source,
                         text_lang=text.lang, description=text.summary, translations=translations, meta=meta)
    if own:
        section.add_file(SYNTHESES_FEED, feed.atom(project, territory, lang, own))
    section.add_page(key=f"{SYNTHESES}/index", title=t("synthesis.title"),
                     markdown=listing(section, shown, feed=bool(own)), nav=NavOrder.SYNTHESES,
                     description=t("synthesis.description"), translations=LANGS,
                     meta=PageData(feed=Feed(SYNTHESES_FEED, t("synthesis.feed"), ATOM) if own else None))


@dataclass(frozen=True)
class Facts:
    """What the list and the page say of a synthesis under its title (theme/web/sections/syntheses/meta.html)."""

    date: str
    date_iso: str
    kind: str
    theme: str | None
    participants: int | None


@dataclass(frozen=True)
class Item(Facts):
    """A synthesis in the list (theme/web/sections/syntheses/index.md)."""

    href: str
    title: str
    summary: str
    lang: str  # the language of its text
    territory: str | None  # the bassin's name, when it is another site's (on the region's list)


@dataclass(frozen=True)
class Year:
    year: int
    syntheses: list[Item]


def facts(synthesis: Synthesis, t: Lookup) -> Facts:
    return Facts(date=long_date(synthesis.date, t), date_iso=synthesis.date.isoformat(), kind=synthesis.kind,
                 theme=synthesis.theme, participants=synthesis.participants)


def head(section: SectionContext, synthesis: Synthesis) -> str:
    """The head of a synthesis's page (theme/web/sections/syntheses/head.html)."""
    project, lang = section.project, section.lang
    text = synthesis.text(lang)
    territory = project.territories[synthesis.territory]
    return section.render("syntheses/head.html", synthesis=facts(synthesis, section.t), summary=text.summary,
                          pdf_url=territory.absolute(text.lang, pdf_path(synthesis, text.lang)), pdf_lang=text.lang)


def listing(section: SectionContext, shown: list[Synthesis], feed: bool) -> str:
    """The list of syntheses (theme/web/sections/syntheses/index.md), by year, newest first."""
    t = section.t
    kinds = [(k, t(f"synthesis.kind.{k}")) for k in KINDS if any(s.kind == k for s in shown)]
    themes = [(th, t(f"synthesis.theme.{th}")) for th in THEMES if any(s.theme == th for s in shown)]
    years = [Year(year, [item(section, s) for s in items]) for year, items in groupby(shown, key=lambda s: s.date.year)]
    return section.render("syntheses/index.md", kinds=kinds, themes=themes, years=years, feed=feed)


def item(section: SectionContext, synthesis: Synthesis) -> Item:
    """A synthesis in the list: another site's (a bassin's, on the region's list) links there, marked."""
    project, territory, lang = section.project, section.territory, section.lang
    text = synthesis.text(lang)
    elsewhere = synthesis.territory != territory.id
    href = (project.territories[synthesis.territory].absolute(lang, synthesis.key + "/") if elsewhere
            else f"{synthesis.slug}/")
    return Item(**vars(facts(synthesis, section.t)), href=href, title=text.title, summary=text.summary,
                lang=text.lang, territory=project.territories[synthesis.territory].name[lang] if elsewhere else None)


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """A site's syntheses; the region's site lists the bassins' too (listed)."""
    return items_read([SYNTHESES], site, sites)
