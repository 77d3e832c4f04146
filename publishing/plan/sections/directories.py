"""The directories section of a site: an index, one page per directory, open data files.

The region's pages show every entry; a bassin's pages show the entries that
serve it, region-wide ones marked. Every text from the data is escaped. The
filter (commune, text) is a form hidden until theme/web/assets/filter.js shows
it: without JavaScript the full list stays.
"""
from __future__ import annotations

from html import escape

from publishing.model import (
    LANGS,
    Area,
    Directory,
    Entry,
    NavOrder,
    Project,
    Territory,
    language_names,
)
from publishing.model.paths import DIRECTORIES
from publishing.output import opendata as hsds
from publishing.plan.fragments import filter_form, select_field, text_field
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
        body = directory_markdown(project, t, territory, lang, directory, entries, json_name, csv_name)
        meta = {"updated": directory.updated, "jsonld": jsonld(project, territory, lang, directory, entries)}
        section.add_page(key=folder, title=directory.title[lang], markdown=body, source=directory.source,
                         nav=NavOrder.FIRST_ITEM + position,
                         description=directory.intro[lang] if directory.intro else None, translations=LANGS,
                         meta=meta)
        cards.append(
            f'<li class="bp-card"><h2 class="bp-card__title"><a href="{directory.slug}/">'
            f"{escape(directory.title[lang])}</a></h2>\n"
            + (f'<p class="bp-card__summary">{escape(directory.intro[lang])}</p>\n' if directory.intro else "")
            + f'<p class="bp-card__date">{escape(count_label(t, len(entries)))}</p></li>')
    index = (f"# {t('directory.title')}\n\n{t('directory.intro_region') if territory.is_region else t('directory.intro_bassin')}"
             "\n\n" + '<ul class="bp-cards">\n' + "\n".join(cards) + "\n</ul>\n")
    section.add_page(key=f"{DIRECTORIES}/index", title=t("directory.title"), markdown=index,
                     nav=NavOrder.DIRECTORIES, description=t("directory.description"), translations=LANGS)


def count_label(t, count: int) -> str:
    return f"{count} {t('directory.service') if count == 1 else t('directory.services')}"


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


def directory_markdown(project: Project, t, territory: Territory, lang: str, directory: Directory,
                       entries: list[Entry], json_name: str, csv_name: str) -> str:
    parts = []
    if directory.intro:
        parts.append(f"<p>{escape(directory.intro[lang])}</p>")
    scope = t("directory.scope_region") if territory.is_region else t("directory.scope_bassin")
    parts.append(f'<p class="bp-dir-scope">{escape(scope)} {escape(count_label(t, len(entries)))}.</p>')
    areas = sorted(areas_of(project, territory), key=lambda a: area_name(project, a, lang))
    parts.append(filter_form(
        t("directory.filter"),
        [select_field("bp-commune", "commune", "areas", t("directory.commune"), t("directory.all_communes"),
                      [(a.id, area_name(project, a, lang)) for a in areas]),
         text_field("bp-text", "q", t("directory.text"))],
        t("directory.service"), t("directory.services"), t("directory.none")))
    for category, members in directory.grouped(entries, project.strings.text("directory.other")):
        items = "\n".join(entry_html(project, t, territory, lang, e) for e in members)
        parts.append(f'<section class="bp-dir-group" data-bp-group>\n<h2 id="{escape(category.id)}">'
                     f"{escape(category.label[lang])}</h2>\n<ul class=\"bp-entries\">\n{items}\n</ul>\n</section>")
    if not entries:
        parts.append(f"<p>{escape(t('directory.empty'))}</p>")
    parts.append(
        f'<h2 id="donnees-ouvertes">{escape(t("directory.open_data"))}</h2>\n'
        f'<p>{escape(t("directory.open_data_text"))}</p>\n'
        f'<ul><li><a href="{escape(json_name)}" type="application/json" download>{escape(t("directory.json"))}</a></li>'
        f'<li><a href="{escape(csv_name)}" type="text/csv" download>{escape(t("directory.csv"))}</a></li></ul>\n'
        f'<p>{escape(t("directory.licence"))} <a href="{hsds.LICENCE_URL}" rel="license">CC BY 4.0</a>.</p>')
    return "\n\n".join(parts) + "\n"


def entry_html(project: Project, t, territory: Territory, lang: str, entry: Entry) -> str:
    areas = "*" if entry.region_wide else " ".join(a.id for a in served_areas(project, entry))
    badge = (f' <span class="bp-badge">{escape(t("directory.region_wide"))}</span>'
             if entry.region_wide and not territory.is_region else "")
    rows = []

    def row(label: str, value_html: str) -> None:
        rows.append(f'<li><span class="bp-entry__label">{escape(t(label))}</span> {value_html}</li>')

    if entry.address is not None:
        city = project.communes[entry.address.commune].name[lang]
        row("directory.address", escape(f"{entry.address.street}, {entry.address.postcode} {city}"))
    if entry.phone:
        row("directory.phone", f'<a href="{escape(entry.phone_link)}">{escape(entry.phone)}</a>')
    if entry.email:
        row("directory.email", f'<a href="mailto:{escape(entry.email)}">{escape(entry.email)}</a>')
    if entry.website:
        label = entry.website.split("://", 1)[-1].rstrip("/")
        row("directory.website", f'<a href="{escape(entry.website)}">{escape(label)}</a>')
    if entry.hours:
        row("directory.hours", escape(entry.hours[lang]))
    if entry.languages:
        row("directory.languages", escape(language_names(entry.languages, t)))
    if entry.region_wide:
        row("directory.served", escape(t("directory.region_wide")))
    else:
        names = [area_name(project, a, lang) for a in served_areas(project, entry)]
        row("directory.served", escape(", ".join(sorted(names))))
    org = (f'<p class="bp-entry__org">{escape(entry.organisation)}</p>'
           if entry.organisation and entry.organisation != entry.name[lang] else "")
    return (f'<li class="bp-entry" id="{escape(entry.id)}" data-bp-item data-areas="{escape(areas)}">'
            f'<h3 class="bp-entry__name">{escape(entry.name[lang])}{badge}</h3>{org}'
            f'<p class="bp-entry__desc">{escape(entry.description[lang])}</p>'
            f'<ul class="bp-entry__contacts">{"".join(rows)}</ul></li>')


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
