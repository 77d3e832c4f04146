"""The monthly newsletter (issue 15): one selection per territory, month and language, written
twice — the archive's page (newsletter/YYYY-MM/, listed on newsletter/) and the e-mail that
`build.py newsletter` writes (publishing.output.newsletter).

An edition carries the month's news, the events of the coming weeks (from the month's first day,
WEEKS ahead) and the syntheses of meetings held that month; on the region's edition the bassins'
too, each marked with its bassin. The editorial (content/<territory>/newsletter/YYYY-MM.<lang>.md)
goes on top. Every link is absolute, to the page the build makes for the item.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TypeVar

from markupsafe import Markup

from publishing.markdown.html import plain_html
from publishing.model import LANGS, Event, Month, News, Project, Synthesis, Territory, first_day, long_date, month_year
from publishing.model.dates import last_day
from publishing.model.newsletter import Edition, Issue, IssueItem
from publishing.model.paths import AGENDA, CONTENT, NEWS, NEWSLETTER, SYNTHESES
from publishing.plan.sections.agenda import coming_events, place_text, status_label, when
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import Entry, Listing, badge, items_read, list_page, shown_items, text_lang

WEEKS = 6  # how far ahead an edition announces events
ANCHORS = {"news": "actualites", "event": "evenements", "synthesis": "syntheses"}  # the archive page's sections

Dated = TypeVar("Dated", News, Synthesis)  # what an edition lists by its date


def issue(project: Project, territory: Territory, lang: str, month: Month, edition: Edition | None) -> Issue:
    """What the territory's edition of `month` carries, in `lang`."""
    t = project.strings.for_lang(lang)
    start, end = first_day(month), last_day(month)
    horizon = start + timedelta(weeks=WEEKS)

    def one(kind: str, item, moment: date, shown: str, where: str | None = None) -> IssueItem:
        """An item as the edition shows it: its link on its own site, its bassin on the region's, and an
        event's status as the agenda shows it (a cancelled event stays, marked: readers who noted it learn it
        will not take place; tests/test_newsletter.py)."""
        text = item.text(lang)
        status = status_label(item, t) if isinstance(item, Event) else None
        return IssueItem(kind, text.title, shown, moment.isoformat(), text.summary,
                         project.territories[item.territory].absolute(lang, f"{item.key}/"), where=where,
                         bassin=badge(project, territory, lang, item), text_lang=text_lang(item, lang),
                         status=status, status_id=item.status if status else None)

    def in_month(items: list[Dated]) -> list[Dated]:
        """The items dated in the month, in the month's order (the project keeps them newest first)."""
        return sorted((i for i in shown_items(items, project, territory) if start <= first_day(i.date) <= end),
                      key=lambda i: (i.date, i.territory, i.slug))

    news = [one("news", n, n.date, long_date(n.date, t)) for n in in_month(project.news)]
    events = [one("event", e, e.start, when(e, t), place_text(project, e, lang, t) or None)
              for e in coming_events(shown_items(project.events, project, territory), start) if e.day < horizon]
    syntheses = [one("synthesis", s, s.date, long_date(s.date, t)) for s in in_month(project.syntheses)]
    text = edition.texts.get(lang) if edition else None
    name = territory.name[lang]
    title = (text.title if text and text.title else None) or t("newsletter.edition").format(
        site=name, month=month_year(month, t))
    preheader = (text.summary if text and text.summary else None) or t("newsletter.preheader").format(
        site=name, month=month_year(month, t))
    return Issue(territory=territory.id, lang=lang, month=month, title=title, preheader=preheader,
                 editorial_html=plain_html(text.body) if text and text.body.strip() else "",
                 url=territory.absolute(lang, f"{NEWSLETTER}/{month.isoformat()}/"),
                 sections=[(t(key), items) for key, items in (("newsletter.news", news),
                                                               ("newsletter.events", events),
                                                               ("newsletter.syntheses", syntheses)) if items],
                 site_name=name, site_url=territory.url[lang], colour=territory.colour,
                 words={key: t(f"newsletter.{key}") for key in ("online", "read", "footer", "unsubscribe",
                                                                  "unsubscribe_line")})


def add(section: SectionContext) -> None:
    """The archive: a page per edition of the territory, and the list of editions."""
    project, territory, lang, t, report = section.project, section.territory, section.lang, section.t, section.report
    editions = [e for e in project.editions if e.territory == territory.id]
    entries = []
    for edition in editions:
        current = issue(project, territory, lang, edition.month, edition)
        if current.empty:
            report.warn(edition.text("fr").source, "newsletter_empty", month=edition.slug)
        text = edition.text(lang)
        groups = [(heading, ANCHORS[items[0].kind], [entry(i) for i in items]) for heading, items in current.sections]
        markdown = list_page(section, Markup(current.title), Listing(groups=groups, empty=t("newsletter.nothing")),
                             text=text.body.strip() or None)
        section.add_page(key=f"{edition.key}/index", title=current.title, markdown=markdown,
                         text_lang=text.lang, source=text.source, description=current.preheader,
                         translations=tuple(lg for lg in LANGS if edition.translated(lg)))
        entries.append(Entry(href=f"{edition.slug}/", title=current.title, summary=current.preheader,
                             datetime=edition.month.isoformat(), when=month_year(edition.month, t), labels=[],
                             text_lang=None, badge=None, data=[]))
    listing = Listing(groups=[(t("newsletter.archive"), "editions", entries)] if entries else [],
                      empty=t("newsletter.empty"))
    markdown = list_page(section, t("newsletter.title"), listing)
    section.add_page(key=f"{NEWSLETTER}/index", title=t("newsletter.title"), markdown=markdown,
                     description=t("newsletter.description"), translations=LANGS)


def entry(item: IssueItem) -> Entry:
    """An item of an edition in the archive page's list."""
    return Entry(href=item.url, title=item.title, summary=item.summary, datetime=item.datetime, when=item.when,
                 labels=[item.where] if item.where else [], text_lang=item.text_lang, badge=item.bassin, data=[],
                 status=item.status, status_id=item.status_id)


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """The site's editions, and what an edition carries: the lists' news, events and syntheses."""
    return [f"{CONTENT}/{site}/{NEWSLETTER}", *items_read([NEWS, AGENDA, SYNTHESES], site, sites)]
