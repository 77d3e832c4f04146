"""schema.org JSON-LD of every page that has some: news, partners' notices, events, Focus,
syntheses and directories. Dicts a page puts in its head (OutputPage.jsonld).

Only what the content says: no price or free entry guessed from the free text of `price`, no
organiser's address, no time given to a day. URLs are absolute, on the item's own site (an
item of a bassin is published on the bassin's site, the region's lists link there).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from publishing.model import (
    BRUSSELS,
    LANGS,
    PUBLISHER,
    Directory,
    Entry,
    Event,
    Focus,
    News,
    Notice,
    Project,
    Synthesis,
    Territory,
)
from publishing.model.paths import DIRECTORIES
from publishing.output.opendata import served_names

SCHEMA = "https://schema.org"


def news_article(project: Project, territory: Territory, lang: str, item: News) -> dict[str, Any]:
    """NewsArticle: headline, description, datePublished, inLanguage, url, image, publisher Brusano,
    isPartOf the site that publishes it."""
    home = _home(project, territory, item.territory)
    text = item.text(lang)
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": text.title,
        "description": text.summary,
        "datePublished": item.date.isoformat(),
        "inLanguage": text.lang,
        "url": home.absolute(lang, f"{item.key}/"),
    }
    if item.image is not None:
        # published beside the items' pages: actualites/<slug>/ shows ../<image>
        data["image"] = home.absolute(lang, f"{item.folder}/{item.image.name}")
    data["publisher"] = _publisher(project, lang)
    data["isPartOf"] = {"@type": "WebSite", "name": home.name[lang], "url": home.url[lang]}
    return data


def notice(project: Project, territory: Territory, lang: str, item: Notice) -> dict[str, Any]:
    """A partner's notice: a NewsArticle whose author is the partner organisation (and its website);
    Brusano publishes it."""
    data = news_article(project, territory, lang, item)
    author: dict[str, Any] = {"@type": "Organization", "name": item.partner}
    if item.partner_url:
        author["url"] = item.partner_url
    data["author"] = author
    return data


def event(project: Project, territory: Territory, lang: str, event: Event) -> dict[str, Any]:
    """Event: name, description, dates with Brussels' offset (a day for an all-day event), status,
    attendance mode, place and/or online location, organiser, language, page."""
    home = _home(project, territory, event.territory)
    text = event.text(lang)  # an event's texts are ItemTexts (publishing.load.items)
    page = home.absolute(lang, f"{event.key}/")
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": text.title,
        "description": text.summary,
        "startDate": moment(event.start),
    }
    end = event.end if event.end is not None else (event.start if event.all_day else None)
    if end is not None:
        data["endDate"] = moment(end)  # schema.org: the last day itself, not the day after
    data["eventStatus"] = f"{SCHEMA}/{event.meaning.schema}"
    locations = []
    if event.place is not None or text.venue:
        locations.append(_place(project, lang, event))
    if event.online is not None:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if event.online or event.registration:  # "" when the link comes with the registration
            virtual["url"] = event.online or event.registration
        locations.append(virtual)
    if locations:
        data["eventAttendanceMode"] = f"{SCHEMA}/{_mode(event, bool(event.place or text.venue))}"
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser}
    if event.status == "full":
        offer: dict[str, Any] = {"@type": "Offer", "availability": f"{SCHEMA}/SoldOut"}
        if event.registration:
            offer["url"] = event.registration
        data["offers"] = offer
    data["inLanguage"] = text.lang
    data["url"] = page
    return data


def moment(value: date | datetime) -> str:
    """ISO 8601: a day ("2023-03-28"), or a time with Brussels' offset ("2023-03-28T09:30:00+02:00")."""
    if isinstance(value, datetime):
        return value.astimezone(BRUSSELS).isoformat()
    return value.isoformat()


def _mode(event: Event, on_site: bool) -> str:
    if event.online is not None:
        return "MixedEventAttendanceMode" if on_site else "OnlineEventAttendanceMode"
    return "OfflineEventAttendanceMode"


def _place(project: Project, lang: str, event: Event) -> dict[str, Any]:
    text = event.text(lang)
    place: dict[str, Any] = {"@type": "Place"}
    if text.venue:
        place["name"] = text.venue
    if event.place is not None:
        address = project.address(event.place, lang)
        place["address"] = {"@type": "PostalAddress", "streetAddress": address.street,
                            "postalCode": address.postcode, "addressLocality": address.locality,
                            "addressRegion": project.strings.t(lang, "opendata.state_province"), "addressCountry": "BE"}
    return place


def _home(project: Project, territory: Territory, owner: str) -> Territory:
    """The site that publishes an item: its own territory's."""
    return project.territories.get(owner, territory)


def _publisher(project: Project, lang: str) -> dict[str, Any]:
    publisher: dict[str, Any] = {"@type": "Organization", "name": PUBLISHER}
    region = next((t for t in project.territories.values() if t.is_region), None)
    if region is not None:
        publisher["url"] = region.url[lang]
    return publisher


def focus(focus: Focus, territory: Territory, lang: str) -> dict[str, Any]:
    """WebPage + DigitalDocument (the PDF the page offers: the French one when the Focus is not
    translated); the French and Dutch editions point to each other."""
    text = focus.text(lang)
    pdf_lang = text.lang

    def document(lg: str) -> dict[str, Any]:
        return {"@type": "DigitalDocument", "name": focus.text(lg).title, "inLanguage": lg,
                "encodingFormat": "application/pdf",
                "url": territory.absolute(lg, focus.pdf_path(territory.id, lg)),
                "dateModified": focus.updated.isoformat()}

    doc = document(pdf_lang)
    doc["publisher"] = {"@type": "Organization", "name": PUBLISHER}
    others = [lg for lg in LANGS if lg != pdf_lang and focus.translated(lg)]
    if others:
        relation = "workTranslation" if pdf_lang == "fr" else "translationOfWork"
        doc[relation] = [document(lg) for lg in others] if relation == "workTranslation" else document(others[0])
    return {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": text.title,
        "description": text.summary,
        "inLanguage": text.lang,
        "url": territory.absolute(text.lang, focus.page_path()),
        "dateModified": focus.updated.isoformat(),
        "isPartOf": {"@type": "WebSite", "name": territory.name[lang], "url": territory.url[lang]},
        "mainEntity": doc,
    }


def synthesis(project: Project, synthesis: Synthesis, lang: str) -> dict[str, Any]:
    """Report, published by the territory whose meeting it sums up, with its one-page PDF."""
    text = synthesis.text(lang)
    territory = project.territories[synthesis.territory]
    return {
        "@context": SCHEMA,
        "@type": "Report",
        "name": text.title,
        "abstract": text.summary,
        "inLanguage": text.lang,
        "datePublished": synthesis.date.isoformat(),
        "url": territory.absolute(text.lang, synthesis.key + "/"),
        "publisher": {"@type": "Organization", "name": territory.name[lang]},
        "encoding": {"@type": "MediaObject", "encodingFormat": "application/pdf",
                     "contentUrl": territory.absolute(text.lang, synthesis.pdf_path(text.lang))},
    }


def directory(project: Project, territory: Territory, lang: str, directory: Directory,
              entries: list[Entry]) -> dict[str, Any]:
    """An ItemList of Service, each with its provider, area served and channel."""
    items = []
    for position, e in enumerate(entries, start=1):
        channel: dict[str, Any] = {"@type": "ServiceChannel"}
        if e.phone:
            channel["servicePhone"] = {"@type": "ContactPoint", "telephone": e.phone}
        if e.website:
            channel["serviceUrl"] = e.website
        if e.address is not None:
            address = project.address(e.address, lang)
            channel["serviceLocation"] = {"@type": "Place", "address": {
                "@type": "PostalAddress", "streetAddress": address.street, "postalCode": address.postcode,
                "addressLocality": address.locality, "addressCountry": "BE"}}
        if e.languages:
            channel["availableLanguage"] = list(e.languages)
        provider: dict[str, Any] = {"@type": "Organization", "name": e.organisation or e.name[lang]}
        if e.email:
            provider["email"] = e.email
        service = {
            "@type": "Service",
            "@id": territory.absolute(lang, f"{DIRECTORIES}/{directory.slug}/") + "#" + e.id,
            "name": e.name[lang],
            "description": e.description[lang],
            "provider": provider,
            "areaServed": [{"@type": "AdministrativeArea", "name": n} for n in served_names(project, e, lang)],
            "availableChannel": channel,
        }
        items.append({"@type": "ListItem", "position": position, "item": service})
    return {"@context": SCHEMA, "@type": "ItemList", "name": directory.title[lang],
            "inLanguage": lang, "numberOfItems": len(items), "itemListElement": items}
