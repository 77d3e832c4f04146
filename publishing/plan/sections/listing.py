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
from typing import Any

from publishing.model import LANGS, REGION, THEMES, Project, Territory, Translatable
from publishing.model.paths import CONTENT

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


@dataclass
class Listing:
    """A list page's content below its title and introduction."""

    groups: list[tuple[str, str, list[Entry]]] = field(default_factory=list)  # (heading, anchor, entries)
    filters: dict[str, Any] | None = None
    archives: list[tuple[str, str]] = field(default_factory=list)  # (label, href)
    archives_title: str = ""
    feeds: list[dict[str, str]] = field(default_factory=list)
    empty: str = ""
    see_also: dict[str, str] | None = None  # {href, label, text}: a related list, before the items


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
                 extra: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    """The filter form of a list: by theme, by territory on the region's list, and extra fields."""
    fields = list(extra or [])
    themes = [th for th in THEMES if any(th in i.themes for i in items)]
    if themes:
        fields.append({"id": "bp-theme", "name": "theme", "attr": "theme", "label": t("synthesis.theme"),
                       "everything": t("synthesis.all_themes"),
                       "options": [(th, t(f"synthesis.theme.{th}")) for th in themes]})
    places = [tid for tid in project.territories if any(i.territory == tid for i in items)]
    if territory.is_region and len(places) > 1:
        fields.append({"id": "bp-territory", "name": "territoire", "attr": "territory",
                       "label": t("items.territory"), "everything": t("items.all_territories"),
                       "options": [(tid, project.territories[tid].name[lang]) for tid in places]})
    if not fields or len(items) < 2:
        return None
    return {"label": label, "fields": fields, "one": one, "many": many, "none": none}


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
