"""The directories section of a site: an index, one page per directory, open data files.

The region's pages show every entry; a bassin's pages show the entries that
serve it, region-wide ones marked. Every text from the data is escaped. The
filter (commune, text) is a form hidden until theme/web/assets/filter.js shows
it: without JavaScript the full list stays. The markup is in theme/web/sections/directories/.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from publishing.model import (
    LANGS,
    Area,
    Directory,
    Entry,
    NavOrder,
    PageData,
    Project,
    Territory,
)
from publishing.model.paths import DIRECTORIES, DIRECTORIES_DATA
from publishing.output import opendata as hsds
from publishing.output import structured_data
from publishing.output.services import ServiceView, area_name, service_view
from publishing.plan.sections.context import SectionContext


@dataclass(frozen=True)
class Card:
    """A directory on the directories' index (theme/web/sections/directories/index.md)."""

    href: str
    title: str
    intro: str | None
    count: int  # the services the site shows


@dataclass(frozen=True)
class Group:
    """A category of a directory's page and its services (theme/web/sections/directories/directory.md)."""

    id: str
    label: str
    entries: list[ServiceView]


def add(section: SectionContext) -> None:
    project, territory, lang = section.project, section.territory, section.lang
    if not project.directories:
        return
    t = section.t
    ordered = sorted(project.directories.values(), key=lambda d: d.title[lang].lower())
    cards = []
    for position, directory in enumerate(ordered):
        entries = directory.for_territory(territory)
        json_name, csv_name = hsds.export_names(directory, territory, lang)
        folder = f"{DIRECTORIES}/{directory.slug}"
        if section.with_files:
            section.add_file(f"{folder}/{json_name}", hsds.to_json(project, entries, lang))
            section.add_file(f"{folder}/{csv_name}", hsds.to_csv(project, directory, entries, lang))
        body = directory_markdown(section, directory, entries, json_name, csv_name)
        meta = PageData(updated=directory.verified,
                        jsonld=structured_data.directory(project, territory, lang, directory, entries))
        section.add_page(key=folder, title=directory.title[lang], markdown=body, source=directory.source,
                         nav=NavOrder.FIRST_ITEM + position,
                         description=directory.intro[lang] if directory.intro else None, translations=LANGS,
                         meta=meta)
        cards.append(Card(f"{directory.slug}/", directory.title[lang],
                          directory.intro[lang] if directory.intro else None, len(entries)))
    index = section.render("directories/index.md", region=territory.is_region, cards=cards)
    section.add_page(key=f"{DIRECTORIES}/index", title=t("directory.title"), markdown=index,
                     nav=NavOrder.DIRECTORIES, description=t("directory.description"), translations=LANGS)


def areas_of(project: Project, territory: Territory) -> list[Area]:
    if territory.is_region:
        return [a for c in project.communes.values() for a in c.areas]
    return list(territory.areas)


def directory_markdown(section: SectionContext, directory: Directory, entries: list[Entry], json_name: str,
                       csv_name: str) -> str:
    """The page of a directory (theme/web/sections/directories/directory.md)."""
    project, territory, lang = section.project, section.territory, section.lang
    areas = sorted(areas_of(project, territory), key=lambda a: area_name(project, a, lang))
    groups = [Group(category.id, category.label[lang], [service_view(project, e, lang) for e in members])
              for category, members in directory.grouped(entries, project.strings.text("directory.other"))]
    return section.render("directories/directory.md", intro=directory.intro[lang] if directory.intro else None,
                          region=territory.is_region, count=len(entries),
                          communes=[(a.id, area_name(project, a, lang)) for a in areas], groups=groups,
                          json=json_name, csv=csv_name, licence_url=hsds.LICENCE_URL)


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """Every site shows every directory (a bassin's the entries that serve it)."""
    return [DIRECTORIES_DATA]
