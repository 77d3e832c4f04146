"""The home of a site, its front door: what the territory is, how to reach the helpdesk, what is
coming, what is new, and where the Focus and the directories are.

The home is the content page "index" (content/<territory>/, content/bassins/ or content/shared/):
its front matter gives the tab's title, the description (the second of the territory's two lines,
after its tagline from sites/) and its place in the navigation. This section, planned after all the
others, writes its text (theme/web/sections/home.html); the former home text is the page
"presentation" ("Le bassin en bref"), linked from the home; a text under the index's front matter
comes below the blocks.

What the blocks show, and when they have nothing to show:

- the helpdesk: the territory's, or the region's for a bassin without its own phone number (as the
  Focus brochures do), and a link to the helpdesk page;
- the next events: those not over before the build's today, soonest first; on the region's site its
  own and the bassins' events flagged `region: true`, marked with their bassin and linking to the
  bassin's site. None coming: one sentence, and the link to the agenda (its past events);
- the latest news: the site's own; the region's site shows the bassins' too, marked, as its news
  list does. None: one sentence, and the link to the list;
- the latest syntheses, as the site's syntheses list shows them; left out when there are none
  (there is no list to link to then);
- the Focus, as cards, each with a link to its directory (how many services serve the site); the
  directories no Focus shows as cards of their own. Left out when there are none.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from publishing.model import (
    REGION,
    Directory,
    Event,
    Helpdesk,
    Lookup,
    News,
    Project,
    Synthesis,
    Territory,
    long_date,
)
from publishing.model.paths import AGENDA, DIRECTORIES, DIRECTORIES_DATA, FOCUS, FOCUS_DATA, NEWS, SYNTHESES
from publishing.plan.sections import agenda, listing
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import Entry
from publishing.plan.sections.syntheses import listed

HOME = "index"
PRESENTATION = "presentation"  # the page that holds the territory's presentation (the former home text)
HELPDESK = "helpdesk/"
LATEST = 3  # events, news items, syntheses shown on the home
LINKS = {"helpdesk": HELPDESK, "agenda": f"{AGENDA}/", "news": f"{NEWS}/", "syntheses": f"{SYNTHESES}/",
         "focus": f"{FOCUS}/", "directories": f"{DIRECTORIES}/"}  # the home's links to each section


# --- views: what the template (theme/web/sections/home.html) writes ------------------------

@dataclass(frozen=True)
class Link:
    href: str
    title: str


@dataclass(frozen=True)
class HelpdeskView:
    regional: bool  # a bassin without its own phone number shows the region's helpdesk
    phone: str | None
    phone_link: str | None
    email: str | None
    hours: str | None


@dataclass(frozen=True)
class DirectoryLink:
    href: str
    label: str
    count: str  # "15 services"


@dataclass(frozen=True)
class FocusCard:
    href: str
    title: str
    summary: str
    text_lang: str | None  # the language of the text when it is not the page's
    colour: str
    directories: list[DirectoryLink]


@dataclass(frozen=True)
class DirectoryCard:
    href: str
    title: str
    count: str


@dataclass(frozen=True)
class HomeView:
    name: str
    tagline: str
    description: str | None
    presentation: Link | None
    helpdesk: HelpdeskView
    events: list[Entry]
    news: list[Entry]
    syntheses: list[Entry]
    focus: list[FocusCard]
    directories: list[DirectoryCard]
    all_directories: bool  # the site has a directories page
    links: dict[str, str]


def add(section: SectionContext) -> None:
    index = section.page(HOME)
    if index is None:
        return  # no home page on this site: nothing to rewrite
    project, territory, lang = section.project, section.territory, section.lang
    presentation = section.page(PRESENTATION)
    focus = focus_cards(section)
    view = HomeView(
        name=territory.name[lang],
        tagline=territory.tagline[lang],
        description=index.description,
        presentation=Link("presentation/", presentation.title) if presentation else None,
        helpdesk=helpdesk_view(project, territory, lang),
        events=[item_entry(section, e, agenda.when(e, section.t), status=agenda.status_label(e, section.t))
                for e in next_events(project, territory)],
        news=[item_entry(section, n, long_date(n.date, section.t)) for n in latest_news(project, territory)],
        syntheses=([item_entry(section, s, long_date(s.date, section.t),
                               labels=[section.t(f"synthesis.kind.{s.kind}")])
                    for s in latest_syntheses(project, territory)] if section.page(f"{SYNTHESES}/index") else []),
        focus=focus,
        directories=directory_cards(section, focus),
        all_directories=section.page(f"{DIRECTORIES}/index") is not None,
        links=LINKS,
    )
    blocks = section.render("home.html", home=view)
    # The editor's text under the index's front matter, if any, comes below the blocks (the
    # territory's presentation has a page of its own). Only that text is an editor's: the links
    # publishing.checks.links follows are its links (OutputPage.text), not the blocks'.
    markdown = blocks + "\n" + (f"\n{index.markdown.strip()}\n" if index.markdown.strip() else "")
    hide = tuple(dict.fromkeys([*index.meta.hide, "navigation", "toc"]))
    section.replace_page(index, replace(index, markdown=markdown, text=index.markdown,
                                        meta=replace(index.meta, hide=hide)))


# --- what is shown -----------------------------------------------------------------------

def next_events(project: Project, territory: Territory) -> list[Event]:
    """The region's site shows its own events and the bassins' that concern the whole region."""
    here = [e for e in listing.shown_items(project.events, project, territory)
            if e.territory == territory.id or e.region]
    return agenda.coming_events(here, project.today)[:LATEST]


def latest_news(project: Project, territory: Territory) -> list[News]:
    return listing.shown_items(project.news, project, territory)[:LATEST]  # newest first, as loaded


def latest_syntheses(project: Project, territory: Territory) -> list[Synthesis]:
    return listed(project, territory)[:LATEST]


# --- the views ---------------------------------------------------------------------------

def helpdesk_view(project: Project, territory: Territory, lang: str) -> HelpdeskView:
    """The territory's helpdesk; a bassin without its own phone number gives the region's."""
    own = territory.helpdesk.phone is not None
    helpdesk: Helpdesk = territory.helpdesk if own else project.territories[REGION].helpdesk
    return HelpdeskView(regional=not own and not territory.is_region, phone=helpdesk.phone,
                        phone_link=helpdesk.phone_link, email=helpdesk.email,
                        hours=helpdesk.hours[lang] if helpdesk.hours else None)


def item_entry(section: SectionContext, item: Event | News | Synthesis, when: str, *, labels: list[str] | None = None,
               status: str | None = None) -> Entry:
    """An event, a news item or a synthesis on the home, as the lists show it (listing.Entry): a
    relative link on its own site; on the region's, a bassin's item links to the bassin's site and
    is marked with its name."""
    project, territory, lang = section.project, section.territory, section.lang
    text = item.text(lang)
    if item.territory == territory.id:
        href, badge = f"{item.key}/", None
    else:
        href = listing.item_href(project, territory, lang, item, 0)
        badge = listing.badge(project, territory, lang, item)
    day = item.start if isinstance(item, Event) else item.date
    return Entry(href=href, title=text.title, summary=text.summary, datetime=day.isoformat(), when=when,
                 labels=labels or [], text_lang=listing.text_lang(item, lang), badge=badge, data=[], status=status)


def count_label(t: Lookup, count: int) -> str:
    """'15 services', '1 service'."""
    return f"{count} {t('directory.service') if count == 1 else t('directory.services')}"


def focus_cards(section: SectionContext) -> list[FocusCard]:
    """The Focus the site publishes, in the order of its Focus page, each with its directories."""
    if section.page(f"{FOCUS}/index") is None:
        return []
    lang, t = section.lang, section.t
    ordered = sorted(section.project.focus.values(), key=lambda f: f.text(lang).title.lower())
    cards = []
    for focus in ordered:
        if section.page(f"{FOCUS}/{focus.slug}") is None:
            continue
        directories = [d for d in published_directories(section) if d.slug in focus.directories]
        links = [DirectoryLink(href=f"{DIRECTORIES}/{d.slug}/",
                               # one directory is the Focus's own ("Répertoire"); several are told apart by their titles
                               label=t("home.directory") if len(directories) == 1 else d.title[lang],
                               count=count_label(t, len(d.for_territory(section.territory)))) for d in directories]
        text = focus.text(lang)
        cards.append(FocusCard(href=f"{FOCUS}/{focus.slug}/", title=text.title, summary=text.summary,
                               text_lang=listing.text_lang(focus, lang), colour=focus.cover_colour,
                               directories=links))
    return cards


def directory_cards(section: SectionContext, focus: list[FocusCard]) -> list[DirectoryCard]:
    """The directories that no Focus card shows, in the order of the site's directories page."""
    lang, t = section.lang, section.t
    shown = {link.href for card in focus for link in card.directories}
    return [DirectoryCard(href=f"{DIRECTORIES}/{d.slug}/", title=d.title[lang],
                          count=count_label(t, len(d.for_territory(section.territory))))
            for d in published_directories(section) if f"{DIRECTORIES}/{d.slug}/" not in shown]


def published_directories(section: SectionContext) -> list[Directory]:
    """The directories that have a page on the site, in the order of its directories page."""
    lang = section.lang
    ordered = sorted(section.project.directories.values(), key=lambda d: d.title[lang].lower())
    return [d for d in ordered if section.page(f"{DIRECTORIES}/{d.slug}") is not None]


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """The home shows the Focus and directories, the next events, the latest news and syntheses
    (the region's: the bassins' too)."""
    return [FOCUS_DATA, DIRECTORIES_DATA, *listing.items_read([AGENDA, NEWS, SYNTHESES], site, sites)]
