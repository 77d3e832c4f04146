"""The syntheses section of a site: the list (newest first, by year, filterable), one
page per synthesis with its one-page PDF, and an Atom feed per language.

A site lists its own syntheses; the region's list also shows, marked, the latest
synthesis of each bassin (linking to the bassin's site).
"""
from __future__ import annotations

from html import escape
from itertools import groupby

from . import feed
from .errors import Report
from .fragments import download_button, filter_form, select_field
from .model import LANGS, Project, Territory
from .site import OutputFile, OutputPage, SitePlan
from .strings import long_date
from .syntheses import FOLDER, KINDS, THEMES, Synthesis
from .synthesis_pdf import TooLong, render_synthesis

FEED = f"{FOLDER}/feed.xml"


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


def add_to_plan(project: Project, strings, territory: Territory, lang: str, report: Report,
                plan: SitePlan, with_files: bool) -> None:
    own = [s for s in project.syntheses if s.territory == territory.id]
    known = [s for s in project.syntheses if s.territory in project.territories]
    shown = list(own)
    if territory.is_region:
        for bassin in (t for t in project.territories.values() if not t.is_region):
            latest = next((s for s in known if s.territory == bassin.id), None)
            if latest is not None:
                shown.append(latest)
        shown.sort(key=lambda s: (s.date, s.territory, s.slug), reverse=True)
    if not shown:
        return
    t = strings.for_lang(lang)
    for synthesis in own:
        text = synthesis.text(lang)
        rendered = None
        if with_files and text.lang == lang:
            rendered = render_checked(project, strings, synthesis, lang, report)
            if rendered is not None:
                plan.files.append(OutputFile(pdf_path(synthesis, lang), rendered.content))
        translations = tuple(lg for lg in LANGS if synthesis.translated(lg))
        meta = {"updated": None, "jsonld": jsonld(project, synthesis, lang)}
        plan.pages.append(OutputPage(synthesis.key, lang, text.title, head(project, t, synthesis, lang) + "\n\n"
                                     + text.body, text.source, text.lang, None, text.summary, translations, meta))
    if own:
        plan.files.append(OutputFile(FEED, feed.atom(project, strings, territory, lang, own, pdf_path)))
    plan.pages.append(OutputPage(f"{FOLDER}/index", lang, t("synthesis.title"),
                                 listing(project, t, territory, lang, shown), None, lang, 45,
                                 t("synthesis.description"), LANGS, {"feed": FEED if own else None}))


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
