"""The directories section of a site: an index, one page per directory, open data files.

The region's pages show every entry; a bassin's pages show the entries that
serve it, region-wide ones marked. Every text from the data is escaped. The
filter (commune, text) is a form hidden until theme/web/assets/filter.js shows
it: without JavaScript the full list stays. The markup is in theme/web/sections/directories/.
"""
from __future__ import annotations

from collections.abc import Sequence

from publishing.model import (
    LANGS,
    Area,
    Directory,
    Entry,
    NavOrder,
    Project,
    Territory,
    language_names,
    long_date,
)
from publishing.model.paths import DIRECTORIES, DIRECTORIES_DATA
from publishing.output import opendata as hsds
from publishing.plan.sections.context import SectionContext


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
        meta = {"updated": directory.verified, "jsonld": jsonld(project, territory, lang, directory, entries)}
        section.add_page(key=folder, title=directory.title[lang], markdown=body, source=directory.source,
                         nav=NavOrder.FIRST_ITEM + position,
                         description=directory.intro[lang] if directory.intro else None, translations=LANGS,
                         meta=meta)
        cards.append({"href": f"{directory.slug}/", "title": directory.title[lang],
                      "intro": directory.intro[lang] if directory.intro else None, "count": len(entries)})
    index = section.render("directories/index.md", region=territory.is_region, cards=cards)
    section.add_page(key=f"{DIRECTORIES}/index", title=t("directory.title"), markdown=index,
                     nav=NavOrder.DIRECTORIES, description=t("directory.description"), translations=LANGS)


def areas_of(project: Project, territory: Territory) -> list[Area]:
    if territory.is_region:
        return [a for c in project.communes.values() for a in c.areas]
    return list(territory.areas)


def area_name(project: Project, area: Area, lang: str) -> str:
    if area.commune == area.id:
        return area.name[lang]
    city = project.communes[area.commune].name[lang]
    return f"{city} ({area.name[lang]})"


def served_areas(project: Project, entry: Entry) -> list[Area]:
    if entry.region_wide:
        return []
    # a bassin whose sites/ file has errors is missing: those errors are reported there
    return [a for b in entry.serves if b in project.territories for a in project.territories[b].areas]


def directory_markdown(section: SectionContext, directory: Directory, entries: list[Entry], json_name: str,
                       csv_name: str) -> str:
    """The page of a directory (theme/web/sections/directories/directory.md)."""
    project, territory, lang = section.project, section.territory, section.lang
    areas = sorted(areas_of(project, territory), key=lambda a: area_name(project, a, lang))
    groups = [{"id": category.id, "label": category.label[lang],
               "entries": [entry_view(section, e) for e in members]}
              for category, members in directory.grouped(entries, project.strings.text("directory.other"))]
    return section.render("directories/directory.md", intro=directory.intro[lang] if directory.intro else None,
                          region=territory.is_region, count=len(entries),
                          communes=[(a.id, area_name(project, a, lang)) for a in areas], groups=groups,
                          json=json_name, csv=csv_name, licence_url=hsds.LICENCE_URL)


def entry_view(section: SectionContext, entry: Entry) -> dict:
    """What the page shows of a service (theme/web/sections/directories/entry.html)."""
    project, territory, lang = section.project, section.territory, section.lang
    served = served_areas(project, entry)
    address = None
    if entry.address is not None:
        city = project.communes[entry.address.commune].name[lang]
        address = f"{entry.address.street}, {entry.address.postcode} {city}"
    name = entry.name[lang]
    return {
        "id": entry.id,
        "areas": "*" if entry.region_wide else " ".join(a.id for a in served),
        "name": name,
        "badge": entry.region_wide and not territory.is_region,
        "organisation": entry.organisation if entry.organisation and entry.organisation != name else None,
        "description": entry.description[lang],
        "address": address,
        "phone": entry.phone,
        "phone_link": entry.phone_link,
        "email": entry.email,
        "website": entry.website,
        "website_label": entry.website.split("://", 1)[-1].rstrip("/") if entry.website else None,
        "hours": entry.hours[lang] if entry.hours else None,
        "languages": language_names(entry.languages, section.t),
        "region_wide": entry.region_wide,
        "served": ", ".join(sorted(area_name(project, a, lang) for a in served)),
        # the day a person of the team checked it with the service (directories/*.yml), never guessed
        "verified": entry.verified.isoformat() if entry.verified else None,
        "verified_text": long_date(entry.verified, section.t) if entry.verified else None,
    }


def jsonld(project: Project, territory: Territory, lang: str, directory: Directory,
           entries: list[Entry]) -> dict:
    """An ItemList of Service, each with its provider, area served and channel."""
    items = []
    for position, e in enumerate(entries, start=1):
        channel: dict = {"@type": "ServiceChannel"}
        if e.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": e.phone}
        if e.website:
            channel["serviceUrl"] = e.website
        if e.address is not None:
            channel["serviceLocation"] = {"@type": "Place", "address": {
                "@type": "PostalAddress", "streetAddress": e.address.street, "postalCode": e.address.postcode,
                "addressLocality": project.communes[e.address.commune].name[lang], "addressCountry": "BE"}}
        if e.languages:
            channel["availableLanguage"] = list(e.languages)
        provider: dict = {"@type": "Organization", "name": e.organisation or e.name[lang]}
        if e.email:
            provider["email"] = e.email
        service = {
            "@type": "Service",
            "@id": territory.absolute(lang, f"{DIRECTORIES}/{directory.slug}/") + "#" + e.id,
            "name": e.name[lang],
            "description": e.description[lang],
            "provider": provider,
            "areaServed": [{"@type": "AdministrativeArea", "name": n} for n in hsds.served_names(project, e, lang)],
            "availableChannel": channel,
        }
        items.append({"@type": "ListItem", "position": position, "item": service})
    return {"@context": "https://schema.org", "@type": "ItemList", "name": directory.title[lang],
            "inLanguage": lang, "numberOfItems": len(items), "itemListElement": items}


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """Every site shows every directory (a bassin's the entries that serve it)."""
    return [DIRECTORIES_DATA]
