"""schema.org JSON-LD of news, partners' notices and events: dicts a page puts in its head.

Only what the content says: no price or free entry guessed from the free text of `price`, no
organiser's address, no time given to a day. URLs are absolute, on the item's own site (an
item of a bassin is published on the bassin's site, the region's lists link there).
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from publishing.model import BRUSSELS, Event, News, Notice, Project, Territory

SCHEMA = "https://schema.org"
PUBLISHER = "Brusano"
# Event.status -> schema.org EventStatusType (a held event took place as scheduled)
EVENT_STATUS = {"scheduled": "EventScheduled", "full": "EventScheduled", "held": "EventScheduled",
                "cancelled": "EventCancelled", "postponed": "EventPostponed"}


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
    data["eventStatus"] = f"{SCHEMA}/{EVENT_STATUS.get(event.status, 'EventScheduled')}"
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
        commune = project.communes[event.place.commune]
        place["address"] = {"@type": "PostalAddress", "streetAddress": event.place.street,
                            "postalCode": event.place.postcode, "addressLocality": commune.name[lang],
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
