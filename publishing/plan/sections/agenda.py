"""The agenda of a site: coming events first, then past ones by month (the latest on the first
page, each year on a page of its own); a page per event with its .ics file ("add to my
calendar"); an iCalendar feed per language to subscribe to.

What is coming depends on the day the build takes for today (publishing.load.today), not on
the clock: two builds of one commit are identical; a daily build keeps the agenda current.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from publishing.model import (
    DEFAULT_LANG,
    ICALENDAR,
    LANGS,
    Event,
    Feed,
    Lookup,
    Month,
    NavOrder,
    PageData,
    Project,
    long_date,
    month_year,
)
from publishing.model.paths import AGENDA, AGENDA_FEED
from publishing.output import ical, structured_data
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import (
    LATEST,
    Action,
    Entry,
    Fact,
    FilterField,
    ItemHead,
    Link,
    Listing,
    badge,
    filter_data,
    grouped,
    item_href,
    items_read,
    list_page,
    shown_items,
    text_lang,
    theme_filter,
    theme_labels,
    translations_of,
)


def add(section: SectionContext) -> None:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    today = project.today
    own = [e for e in project.events if e.territory == territory.id]
    shown = shown_items(project.events, project, territory)
    for event in own:
        add_event_page(section, event)
    if shown and section.with_files:
        section.add_file(AGENDA_FEED, ical.calendar(project, territory, lang, shown))
    coming = coming_events(shown, today)
    past = [e for e in shown if e.ends_before(today)]  # latest first, as loaded
    latest = past[:LATEST]
    archived = len(latest) < len(past)
    years = sorted({e.day.year for e in past}, reverse=True)
    listing = agenda_listing(section, coming, latest, 0)
    if archived:
        listing.archives = [(str(y), f"{y}/") for y in years]
        listing.archives_title = t("agenda.archives")
    listing.feeds = [Link("agenda.ics", t("agenda.subscribe"), ICALENDAR)] if shown else []
    markdown = list_page(section, t("agenda.title"), listing, intro=t("agenda.intro"), items="agenda.html")
    section.add_page(key=f"{AGENDA}/index", title=t("agenda.title"), markdown=markdown, nav=NavOrder.AGENDA,
                     description=t("agenda.description"), translations=LANGS,
                     meta=PageData(feed=Feed(AGENDA_FEED, t("agenda.subscribe"), ICALENDAR) if shown else None))
    if archived:
        for year in years:
            listing = agenda_listing(section, None, [e for e in past if e.day.year == year], 1)
            title = f"{t('agenda.title')} {year}"
            markdown = list_page(section, title, listing, items="agenda.html")
            section.add_page(key=f"{AGENDA}/{year}", title=title, markdown=markdown,
                             description=t("agenda.description"), translations=LANGS)


def coming_events(events: list[Event], today: date) -> list[Event]:
    """The events not over by today, soonest first (the agenda's and the home's)."""
    return sorted((e for e in events if not e.ends_before(today)), key=lambda e: (e.begins(), e.territory, e.slug))


@dataclass
class AgendaListing(Listing):
    """The agenda's content: coming events (None on a year's page), then past ones by month."""

    coming: list[Entry] | None = None
    coming_title: str = ""
    coming_anchor: str = "a-venir"
    no_coming: str = ""
    past_title: str = ""
    past_anchor: str = "passes"
    group_level: int = 2


def agenda_listing(section: SectionContext, coming: list[Event] | None, past: list[Event],
                   depth: int) -> AgendaListing:
    t = section.t
    everything = (coming or []) + past

    def month(day: date) -> tuple[str, str]:
        heading = month_year(day, t)
        return heading[:1].upper() + heading[1:], f"mois-{day.year}-{day.month:02d}"

    groups = grouped([(event.day, entry(section, event, depth)) for event in past], month)
    online = [("online", t("agenda.format.online")), ("place", t("agenda.format.place"))]
    formats = [(value, label) for value, label in online if any(value in formats_of(e) for e in everything)]
    extra = ([FilterField("bp-format", "format", "format", t("agenda.format"), t("agenda.format.all"), formats)]
             if len(formats) > 1 else [])
    return AgendaListing(
        groups=groups, empty=t("agenda.empty"),
        filters=theme_filter(t, everything, section.project, section.territory, section.lang, t("agenda.filter"),
                             t("agenda.count_one"), t("agenda.count_many"), t("agenda.none"), extra),
        coming=None if coming is None else [entry(section, e, depth) for e in coming],
        coming_title=t("agenda.coming"), no_coming=t("agenda.no_coming"),
        past_title=t("agenda.past") if coming is not None else "", group_level=3 if coming is not None else 2)


def formats_of(event: Event) -> list[str]:
    return (["online"] if event.online is not None else []) + (["place"] if event.place or
                                                               event.text(DEFAULT_LANG).venue else [])


def entry(section: SectionContext, event: Event, depth: int) -> Entry:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    text = event.text(lang)
    where = place_text(project, event, lang, t)
    return Entry(href=item_href(project, territory, lang, event, depth), title=text.title, summary=text.summary,
                 datetime=event.start.isoformat(), when=when(event, t),
                 labels=([where] if where else []) + theme_labels(t, event.themes), text_lang=text_lang(event, lang),
                 badge=badge(project, territory, lang, event),
                 data=filter_data(event) + [("format", " ".join(formats_of(event)))],
                 status=status_label(event, t),
                 status_id=event.status)


def status_label(event: Event, t: Lookup) -> str | None:
    """The word said beside an event's title when its status is worth one (Status.marked)."""
    return t(f"agenda.status.{event.status}") if event.meaning.marked else None


def when(event: Event, t: Lookup) -> str:
    """'mardi 28 mars 2023, 9 h 30 – 12 h 00', 'dinsdag 28 maart 2023, 9.30 – 12.00 uur'; 'juin 2023'
    for an event the sources date to the month only."""
    if isinstance(event.start, Month):
        return long_date(event.start, t)
    start = f"{t(f'date.weekday.{event.day.isoweekday()}')} {long_date(event.day, t)}"
    end = event.end
    if isinstance(event.start, datetime):
        text = f"{start}, {clock(event.start, t)}"
        if isinstance(end, datetime):
            same_day = end.date() == event.day
            text += " – " + (clock(end, t) if same_day else f"{long_date(end.date(), t)}, {clock(end, t)}")
        elif end is not None and end != event.day:
            text += f" – {long_date(end, t)}"
        return text
    if end is not None and event.last_day != event.day:
        return f"{start} – {t(f'date.weekday.{event.last_day.isoweekday()}')} {long_date(event.last_day, t)}"
    return start


def clock(moment: datetime, t) -> str:
    return t("date.time").format(hour=moment.hour, minute=f"{moment.minute:02d}")


def place_text(project: Project, event: Event, lang: str, t: Lookup) -> str:
    """The venue, the address with its commune and bassin, and online, in one line (a list's entry,
    the newsletter)."""
    text = event.text(lang)
    parts = [text.venue] if text.venue else []
    if event.place is not None:
        parts.append(project.address(event.place, lang).full())
    if event.online is not None:
        parts.append(t("agenda.format.online"))
    return " · ".join(parts)


def add_event_page(section: SectionContext, event: Event) -> None:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    text = event.text(lang)
    facts: list[Fact] = []
    if text.venue or event.place is not None:
        address = project.address(event.place, lang).full() if event.place is not None else None
        facts.append(Fact(t("agenda.place"), " · ".join(p for p in (text.venue, address) if p)))
    if event.online is not None:
        facts.append(Fact(t("agenda.online"), event.online or t("agenda.online_link_later"), event.online or None))
    for key, value in (("organiser", event.organiser), ("audience", text.audience), ("price", text.price)):
        if value:
            facts.append(Fact(t(f"agenda.{key}"), value))
    past = event.ends_before(project.today)
    actions = []
    if event.registration and not past and event.meaning.registration:
        actions.append(Action(event.registration, t("agenda.register"), primary=True))
    if not past:
        actions.append(Action(f"{event.slug}.ics", t("agenda.add_to_calendar"), type=ICALENDAR, download=True))
    head = ItemHead(datetime=event.start.isoformat(), when=when(event, t), labels=theme_labels(t, event.themes),
                    summary=text.summary, facts=facts, actions=actions,
                    past=t("agenda.past_notice") if past else None, status=status_label(event, t),
                    status_id=event.status)
    markdown = section.render("item_head.html", head=head) + "\n\n" + text.body
    if section.with_files:
        section.add_file(f"{event.key}/{event.slug}.ics", ical.event_ics(project, lang, event))
    section.add_page(key=event.key, title=text.title, markdown=markdown, source=text.source, text_lang=text.lang,
                     description=text.summary, translations=translations_of(event),
                     meta=PageData(jsonld=structured_data.event(project, territory, lang, event)))


def reads(site: str, sites: Sequence[str]) -> list[str]:
    return items_read([AGENDA], site, sites)
