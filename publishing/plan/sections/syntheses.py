"""The syntheses section of a site: the list (newest first, by year, filterable), one
page per synthesis with its one-page PDF, and an Atom feed per language.

A site lists its own syntheses; the region's list also shows, marked, the latest
synthesis of each bassin (linking to the bassin's site).
"""
from __future__ import annotations

from html import escape
from itertools import groupby

from publishing.model import (
    KINDS,
    LANGS,
    THEMES,
    NavOrder,
    Project,
    Synthesis,
    Territory,
    long_date,
)
from publishing.model.paths import SYNTHESES, SYNTHESES_FEED
from publishing.output import feed
from publishing.output.synthesis_pdf import TooLong, render_synthesis
from publishing.plan.fragments import download_button, filter_form, select_field
from publishing.plan.sections.context import SectionContext
from publishing.problems import Report


def pdf_path(synthesis: Synthesis, lang: str) -> str:
    return f"{synthesis.key}/{synthesis.pdf_name(lang)}"


def page_url(project: Project, synthesis: Synthesis, lang: str) -> str:
    return project.territories[synthesis.territory].absolute(lang, synthesis.key + "/")


def render_checked(project: Project, strings, synthesis: Synthesis, lang: str, report: Report):
    """The one-page PDF, or None after reporting by how much it runs over."""
    if synthesis.territory not in project.territories:
        return None  # its sites/ file has errors, reported there
    try:
        return render_synthesis(project, strings, synthesis, lang, page_url(project, synthesis, lang))
    except TooLong as exc:
        report.add(synthesis.text(lang).source, "synthesis_too_long", overflow=f"{exc.overflow_mm:g}",
                   lines=max(1, round(2 * exc.overflow_mm / 4.4)), pages=exc.pages)  # two columns of ~4.4 mm lines
    except Exception as exc:  # noqa: BLE001 – WeasyPrint's errors are varied: name the file
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
    project, strings, territory, lang, report = (section.project, section.strings, section.territory,
                                                 section.lang, section.report)
    own = [s for s in project.syntheses if s.territory == territory.id]
    shown = listed(project, territory)
    if not shown:
        return
    t = section.t
    for synthesis in own:
        text = synthesis.text(lang)
        rendered = None
        if section.with_files and text.lang == lang:
            rendered = render_checked(project, strings, synthesis, lang, report)
            if rendered is not None:
                section.add_file(pdf_path(synthesis, lang), rendered.content)
        translations = tuple(lg for lg in LANGS if synthesis.translated(lg))
        meta = {"updated": None, "jsonld": jsonld(project, synthesis, lang)}
        section.add_page(key=synthesis.key, title=text.title,
                         markdown=head(project, t, synthesis, lang) + "\n\n" + text.body, source=text.source,
                         text_lang=text.lang, description=text.summary, translations=translations, meta=meta)
    if own:
        section.add_file(SYNTHESES_FEED, feed.atom(project, strings, territory, lang, own, pdf_path))
    section.add_page(key=f"{SYNTHESES}/index", title=t("synthesis.title"),
                     markdown=listing(project, t, territory, lang, shown), nav=NavOrder.SYNTHESES,
                     description=t("synthesis.description"), translations=LANGS,
                     meta={"feed": SYNTHESES_FEED if own else None})


def labels(t, synthesis: Synthesis) -> list[str]:
    out = [t(f"synthesis.kind.{synthesis.kind}")]
    if synthesis.theme:
        out.append(t(f"synthesis.theme.{synthesis.theme}"))
    if synthesis.participants:
        out.append(f"{synthesis.participants} {t('synthesis.participants')}")
    return out


def head(project: Project, t, synthesis: Synthesis, lang: str) -> str:
    text = synthesis.text(lang)
    pdf_lang = text.lang
    territory = project.territories[synthesis.territory]
    href = territory.absolute(pdf_lang, pdf_path(synthesis, pdf_lang))
    return (
        '<div class="bp-focus-head">\n'
        f'<p class="bp-focus-head__meta"><time datetime="{synthesis.date.isoformat()}">'
        f"{escape(long_date(synthesis.date, lang))}</time> · {escape(' · '.join(labels(t, synthesis)))}</p>\n"
        f'<p class="bp-focus-head__summary">{escape(text.summary)}</p>\n'
        + download_button(href, t("synthesis.download"), pdf_lang if pdf_lang != lang else None) + "\n"
        "</div>"
    )


def listing(project: Project, t, territory: Territory, lang: str, shown: list[Synthesis]) -> str:
    kinds = [k for k in KINDS if any(s.kind == k for s in shown)]
    themes = [th for th in THEMES if any(s.theme == th for s in shown)]
    parts = [f"# {t('synthesis.title')}", escape(t("synthesis.intro"))]
    parts.append(filter_form(
        t("synthesis.filter"),
        [select_field("bp-kind", "type", "kind", t("synthesis.kind"), t("synthesis.all_kinds"),
                      [(k, t(f"synthesis.kind.{k}")) for k in kinds]),
         select_field("bp-theme", "theme", "theme", t("synthesis.theme"), t("synthesis.all_themes"),
                      [(th, t(f"synthesis.theme.{th}")) for th in themes])],
        t("synthesis.count_one"), t("synthesis.count_many"), t("synthesis.none")))
    for year, items in groupby(shown, key=lambda s: s.date.year):
        lis = "\n".join(item(project, t, territory, lang, s) for s in items)
        parts.append(f'<section class="bp-year" data-bp-group>\n<h2 id="annee-{year}">{year}</h2>\n'
                     f'<ul class="bp-syntheses">\n{lis}\n</ul>\n</section>')
    if any(s.territory == territory.id for s in shown):
        parts.append(f'<p class="bp-feed"><a href="feed.xml" type="application/atom+xml">'
                     f'{escape(t("synthesis.feed"))}</a></p>')
    return "\n\n".join(parts) + "\n"


def item(project: Project, t, territory: Territory, lang: str, synthesis: Synthesis) -> str:
    text = synthesis.text(lang)
    elsewhere = synthesis.territory != territory.id
    href = (project.territories[synthesis.territory].absolute(lang, synthesis.key + "/") if elsewhere
            else f"{synthesis.slug}/")
    badge = (f' <span class="bp-badge">{escape(project.territories[synthesis.territory].name[lang])}</span>'
             if elsewhere else "")
    lang_attr = f' lang="{text.lang}"' if text.lang != lang else ""
    return (f'<li class="bp-synthesis" data-bp-item data-kind="{synthesis.kind}" data-theme="{synthesis.theme or ""}">'
            f'<h3 class="bp-synthesis__title"><a href="{escape(href)}"{lang_attr}>{escape(text.title)}</a>{badge}</h3>'
            f'<p class="bp-synthesis__meta"><time datetime="{synthesis.date.isoformat()}">'
            f"{escape(long_date(synthesis.date, lang))}</time> · {escape(' · '.join(labels(t, synthesis)))}</p>"
            f'<p class="bp-synthesis__summary"{lang_attr}>{escape(text.summary)}</p></li>')


def jsonld(project: Project, synthesis: Synthesis, lang: str) -> dict:
    text = synthesis.text(lang)
    territory = project.territories[synthesis.territory]
    return {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": text.title,
        "abstract": text.summary,
        "inLanguage": text.lang,
        "datePublished": synthesis.date.isoformat(),
        "url": page_url(project, synthesis, text.lang),
        "publisher": {"@type": "Organization", "name": territory.name[lang]},
        "encoding": {"@type": "MediaObject", "encodingFormat": "application/pdf",
                     "contentUrl": territory.absolute(text.lang, pdf_path(synthesis, text.lang))},
    }
