"""What the lists of news, notices and events share: an entry's view, years, filters, links.

A site lists its own items; the region's lists also show the bassins' items, marked with the
bassin and linking to the page on the bassin's site (as its syntheses do). A list holds the
latest items and links to a page per year for the rest, so that it stays light however many
years of items there are.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from markupsafe import Markup

from publishing.model import LANGS, REGION, THEMES, Project, Territory, Translatable
from publishing.model.paths import CONTENT
from publishing.plan.sections.context import SectionContext

# At most this many items on a list's first page; the others are on the pages of their year.
LATEST = 30


@dataclass
class Entry:
    """One item in a list, as the template shows it."""

    href: str
    title: str
    summary: str
    datetime: str
    when: str
    labels: list[str]
    text_lang: str | None  # the language of the text when it is not the page's
    badge: str | None  # the bassin of an item shown on the region's list
    data: list[tuple[str, str]]  # data-<attr> for the filters
    status: str | None = None
    status_id: str | None = None


@dataclass(frozen=True)
class FilterField:
    """A choice of the filter form: the items whose data-<attr> holds the value chosen."""

    id: str
    name: str
    attr: str
    label: str
    everything: str  # the option that filters nothing
    options: list[tuple[str, str]]  # (value, text)


@dataclass(frozen=True)
class FilterForm:
    """The filter form of a list, hidden until theme/web/assets/filter.js shows it."""

    label: str
    fields: list[FilterField]
    one: str  # the count's texts: one item, several, none
    many: str
    none: str


@dataclass(frozen=True)
class Link:
    """A link of a list page: a feed to subscribe to, a related list (text: what it holds)."""

    href: str
    label: str
    type: str | None = None
    text: str = ""


@dataclass
class Listing:
    """A list page's content below its title and introduction."""

    groups: list[tuple[str, str, list[Entry]]] = field(default_factory=list)  # (heading, anchor, entries)
    filters: FilterForm | None = None
    archives: list[tuple[str, str]] = field(default_factory=list)  # (label, href)
    archives_title: str = ""
    feeds: list[Link] = field(default_factory=list)
    empty: str = ""
    see_also: Link | None = None  # a related list, before the items


class Fact(NamedTuple):
    """A line of an item's facts (place, organiser, partner…): its value linked when href is given."""

    label: str
    value: str
    href: str | None = None


@dataclass(frozen=True)
class Action:
    """A button of an event's page: register, add to my calendar."""

    href: str
    label: str
    primary: bool = False
    type: str | None = None
    download: bool = False


@dataclass(frozen=True)
class ItemHead:
    """The top of a news item's, a notice's or an event's page (theme/web/sections/item_head.html)."""

    datetime: str
    when: str
    labels: list[str]
    summary: str
    image: Link | None = None  # href: the image, label: its description
    facts: list[Fact] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    past: str | None = None  # the notice of a past event or notice
    status: str | None = None
    status_id: str | None = None


def list_page(section: SectionContext, title: str, listing: Listing, *, intro: str | None = None,
              text: str | None = None, items: str = "list.html") -> str:
    """A list page's Markdown (theme/web/sections/list.md): its title, the section's introduction,
    an editor's text (Markdown, given as written), then the list (items: list.html or agenda.html)."""
    return section.render("list.md", title=title, intro=intro, text=Markup(text) if text else None,
                          items=items, list=listing)


def listed_territories(site: str, sites: Iterable[str]) -> tuple[str, ...]:
    """The territories whose items a site's lists show: its own, and on the region's site every
    bassin's too. One rule for the lists (shown_items) and for what the build cache says a site
    reads (items_read)."""
    return tuple(sites) if site == REGION else (site,)


def shown_items(items: Iterable[Any], project: Project, territory: Territory) -> list[Any]:
    """A site's own items, and on the region's site the bassins' too."""
    listed = set(listed_territories(territory.id, project.territories))
    return [i for i in items if i.territory in listed]


def items_read(folders: Iterable[str], site: str, sites: Iterable[str]) -> list[str]:
    """The folders of dated items (content/<territory>/<folder>/) that a site's lists read."""
    territories = listed_territories(site, sites)
    return [f"{CONTENT}/{territory}/{folder}" for folder in folders for territory in territories]


def item_href(project: Project, territory: Territory, lang: str, item: Any, depth: int) -> str:
    """Link from a list `depth` folders below the section (0: the section's index, 1: a year's page)
    to an item: relative on its own site, absolute on its bassin's site."""
    if item.territory != territory.id:
        return project.territories[item.territory].absolute(lang, f"{item.key}/")
    return "../" * depth + f"{item.slug}/"


def badge(project: Project, territory: Territory, lang: str, item: Any) -> str | None:
    return project.territories[item.territory].name[lang] if item.territory != territory.id else None


def text_lang(item: Translatable, lang: str) -> str | None:
    written = item.text(lang).lang
    return written if written != lang else None


def theme_labels(t: Callable[[str], str], themes: Iterable[str]) -> list[str]:
    return [t(f"synthesis.theme.{theme}") for theme in themes]


def theme_filter(t: Callable[[str], str], items: list[Any], project: Project, territory: Territory,
                 lang: str, label: str, one: str, many: str, none: str,
                 extra: list[FilterField] | None = None) -> FilterForm | None:
    """The filter form of a list: by theme, by territory on the region's list, and extra fields."""
    fields = list(extra or [])
    themes = [th for th in THEMES if any(th in i.themes for i in items)]
    if themes:
        fields.append(FilterField("bp-theme", "theme", "theme", t("synthesis.theme"), t("synthesis.all_themes"),
                                  [(th, t(f"synthesis.theme.{th}")) for th in themes]))
    places = [tid for tid in project.territories if any(i.territory == tid for i in items)]
    if territory.is_region and len(places) > 1:
        fields.append(FilterField("bp-territory", "territoire", "territory", t("items.territory"),
                                  t("items.all_territories"),
                                  [(tid, project.territories[tid].name[lang]) for tid in places]))
    if not fields or len(items) < 2:
        return None
    return FilterForm(label, fields, one, many, none)


def filter_data(item: Any) -> list[tuple[str, str]]:
    return [("theme", " ".join(item.themes)), ("territory", item.territory)]


def grouped(entries: list[tuple[date, Entry]],
            group: Callable[[date], tuple[str, str]]) -> list[tuple[str, str, list[Entry]]]:
    """Entries under a heading per group of days, in the order given; group(day) gives the
    heading and the anchor of a day's group."""
    groups: list[tuple[str, str, list[Entry]]] = []
    for day, entry in entries:
        heading, anchor = group(day)
        if not groups or groups[-1][1] != anchor:
            groups.append((heading, anchor, []))
        groups[-1][2].append(entry)
    return groups


def by_year(entries: list[tuple[date, Entry]]) -> list[tuple[str, str, list[Entry]]]:
    """Entries under a heading per year, in the order given."""
    return grouped(entries, lambda day: (str(day.year), f"annee-{day.year}"))


def translations_of(item: Translatable) -> tuple[str, ...]:
    return tuple(lg for lg in LANGS if item.translated(lg))
