"""A directory's service as the web pages and the Focus brochures show it, in one language
(theme/web/sections/directories/entry.html, theme/pdf/brochure.html): one view for both."""
from __future__ import annotations

from dataclasses import dataclass

from publishing.model import Area, Entry, Project, language_names, long_date


@dataclass(frozen=True)
class ServiceView:
    id: str
    name: str
    organisation: str | None  # the organisation, when it is not the service's own name
    description: str
    address: str | None  # "Rue de l'Exemple 1, 1190 Forest"
    phone: str | None
    phone_link: str | None
    email: str | None
    website: str | None
    website_label: str | None  # the address without its scheme: "example.org/service"
    hours: str | None
    languages: str  # "français, néerlandais"
    region_wide: bool
    areas: str  # the ids of the areas it serves, for the web page's filter ("*": the whole region)
    served: str  # the names of those areas, by name (the web page)
    bassins: str | None  # the names of the bassins it serves (the brochure); None: the whole region
    # the day a person of the team checked it with the service (directories/*.yml), never guessed
    verified: str | None = None  # ISO day
    verified_text: str | None = None  # "1er octobre 2026"


def service_view(project: Project, entry: Entry, lang: str) -> ServiceView:
    # a bassin whose sites/ file has errors is missing: those errors are reported there
    bassins = [project.territories[b] for b in entry.serves if b in project.territories]
    areas = [] if entry.region_wide else [a for b in bassins for a in b.areas]
    name = entry.name[lang]
    address = None
    if entry.address is not None:
        if entry.address.commune in project.communes:
            address = project.address(entry.address, lang).postal()
        else:  # an unknown commune, reported by the check: its id stands in
            address = f"{entry.address.street}, {entry.address.postcode} {entry.address.commune}"
    return ServiceView(
        id=entry.id,
        name=name,
        organisation=entry.organisation if entry.organisation and entry.organisation != name else None,
        description=entry.description[lang],
        address=address,
        phone=entry.phone,
        phone_link=entry.phone_link,
        email=entry.email,
        website=entry.website,
        website_label=entry.website.split("://", 1)[-1].rstrip("/") if entry.website else None,
        hours=entry.hours[lang] if entry.hours else None,
        languages=language_names(entry.languages, project.strings.for_lang(lang)),
        region_wide=entry.region_wide,
        areas="*" if entry.region_wide else " ".join(a.id for a in areas),
        served=", ".join(sorted(area_name(project, a, lang) for a in areas)),
        bassins=None if entry.region_wide else ", ".join(b.name[lang] for b in bassins),
        verified=entry.verified.isoformat() if entry.verified else None,
        verified_text=long_date(entry.verified, project.strings.for_lang(lang)) if entry.verified else None,
    )


def area_name(project: Project, area: Area, lang: str) -> str:
    """A commune's name, or a part of Bruxelles-Ville with its city's: "Bruxelles (Laeken)"."""
    if area.commune == area.id:
        return area.name[lang]
    return f"{project.communes[area.commune].name[lang]} ({area.name[lang]})"
