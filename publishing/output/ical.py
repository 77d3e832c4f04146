"""iCalendar (RFC 5545): a site's agenda to subscribe to, and one event to add to a calendar.

Both are written by hand, line by line (CRLF, folded at 75 octets without cutting a UTF-8
character, text escaped), so that the bytes depend on the content alone:

- a UID names an event wherever it is listed: its slug and its own territory
  (`2023-03-28-atelier@sud.brusano.brussels`), the same in French and Dutch, on its bassin's
  site and on the region's, so that whoever subscribes to both sees it once;
- DTSTAMP is the day the build takes for today (`project.today`, the last commit's date or
  `--today`) at 00:00 UTC: with METHOD, RFC 5545 makes it the moment the iCalendar object was
  created, which is that build; it never reads the clock, so two builds of one commit are
  byte-identical. No LAST-MODIFIED: the model knows no day an event was last changed, and
  the build's day would claim that every event changed at every commit;
- times are Brussels' (DTSTART;TZID=Europe/Brussels), with the zone's rules written below
  (CET/CEST, last Sunday of March and of October), not taken from the system; an all-day
  event has VALUE=DATE and a DTEND the day after its last day (exclusive, RFC 5545 3.6.1);
  a timed event without an end has no DTEND (RFC 5545: it ends when it starts), as the
  model says (`Event.finish`), rather than a length nobody wrote.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from publishing.model import BRUSSELS, Event, ItemText, Project, Territory

TZID = "Europe/Brussels"
UID_DOMAIN = "brusano.brussels"  # fixed: a UID must not change when a site's address does
LINE_OCTETS = 75  # RFC 5545 3.1, without the CRLF


# Europe/Brussels since 1996 (EU rules: at 01:00 UTC on the last Sunday of March and of
# October); DTSTART is the first such change in 1970, in the local time it is left at.
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def calendar(project: Project, territory: Territory, lang: str, events: Iterable[Event]) -> bytes:
    """The agenda a site's visitors subscribe to (agenda/agenda.ics): every event given, by start."""
    t = project.strings.for_lang(lang)
    head = [f"X-WR-CALNAME:{escape(territory.name[lang] + ' – ' + t('agenda.calendar_name'))}",
            f"X-WR-CALDESC:{escape(t('agenda.description'))}",
            f"X-WR-TIMEZONE:{TZID}"]
    ordered = sorted(events, key=lambda e: (e.begins(), e.territory, e.slug))
    return _vcalendar(project, lang, head, ordered)


def event_ics(project: Project, lang: str, event: Event) -> bytes:
    """One event, for "add to my calendar" (agenda/<slug>/<slug>.ics).

    No X-WR-CALNAME: a file that names a calendar is opened by Outlook as a new calendar
    rather than added to the reader's ([MS-OXCICAL] 2.1.3.1.1.17: omitted for one appointment)."""
    return _vcalendar(project, lang, [], [event])


def uid(event: Event) -> str:
    """The same on every site and in both languages: the event's own territory and slug."""
    return f"{event.slug}@{event.territory}.{UID_DOMAIN}"


def page_url(project: Project, lang: str, event: Event) -> str:
    """The event's page, on its own territory's site (an event of a bassin shown on the region's)."""
    return project.territories[event.territory].absolute(lang, f"{event.key}/")


def _vcalendar(project: Project, lang: str, head: list[str], events: list[Event]) -> bytes:
    lines = ["BEGIN:VCALENDAR",
             "VERSION:2.0",
             f"PRODID:-//Brusano//Agenda//{lang.upper()}",
             "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH",
             *head,
             *VTIMEZONE]
    for event in events:
        lines += _vevent(project, lang, event)
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) + b"\r\n" for line in lines)


def _vevent(project: Project, lang: str, event: Event) -> list[str]:
    t = project.strings.for_lang(lang)
    text = event.text(lang)
    url = page_url(project, lang, event)
    # a marked status is said in the title too, for the calendars that do not show STATUS
    title = f"{t(f'agenda.status.{event.status}')} – {text.title}" if event.meaning.marked else text.title
    lines = ["BEGIN:VEVENT",
             f"UID:{uid(event)}",
             f"DTSTAMP:{project.today:%Y%m%d}T000000Z",
             *_when(event),
             f"SUMMARY:{escape(title)}",
             f"DESCRIPTION:{escape(description(project, lang, event, url))}"]
    where = location(project, lang, event)
    if where:
        lines.append(f"LOCATION:{escape(where)}")
    lines += [f"URL:{url}",
              f"STATUS:{event.meaning.ical}"]
    if event.themes:
        lines.append("CATEGORIES:" + ",".join(escape(t(f"synthesis.theme.{theme}")) for theme in event.themes))
    lines.append("END:VEVENT")
    return lines


def _when(event: Event) -> list[str]:
    """DTSTART and DTEND, of one value type (RFC 5545 3.6.1)."""
    if not isinstance(event.start, datetime):
        # all day: DTEND is the day after the last day (exclusive)
        return [f"DTSTART;VALUE=DATE:{_day(event.start)}",
                f"DTEND;VALUE=DATE:{_day(event.last_day + timedelta(days=1))}"]
    lines = [f"DTSTART;TZID={TZID}:{_local(event.start)}"]
    if event.end is not None:
        # a day without a time ends at the next midnight, as the model says (Event.finish)
        lines.append(f"DTEND;TZID={TZID}:{_local(event.finish())}")
    return lines


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _local(moment: datetime) -> str:
    return moment.astimezone(BRUSSELS).strftime("%Y%m%dT%H%M%S")


def location(project: Project, lang: str, event: Event) -> str:
    """The venue, the address (street, postcode and commune in the language), and online."""
    parts = []
    venue = _text(event, lang).venue
    if venue:
        parts.append(venue)
    if event.place is not None:
        parts.append(project.address(event.place, lang).postal())
    where = ", ".join(parts)
    if event.online is not None:
        online = project.strings.t(lang, "agenda.format.online")
        where = f"{where} · {online}" if where else online
    return where


def description(project: Project, lang: str, event: Event, url: str) -> str:
    """The summary, who organises it, for whom, the price, the online and registration links,
    then the event's page."""
    t = project.strings.for_lang(lang)
    text = _text(event, lang)
    facts = [f"{t(f'agenda.{key}')} {value}" for key, value in
             (("organiser", event.organiser), ("audience", text.audience), ("price", text.price)) if value]
    if event.online is not None:
        facts.append(f"{t('agenda.online')} {event.online or t('agenda.online_link_later')}")
    if event.registration:
        facts.append(f"{t('agenda.registration')} {event.registration}")
    blocks = [text.summary.strip()] + (["\n".join(facts)] if facts else []) + [url]
    return "\n\n".join(blocks)


def _text(event: Event, lang: str) -> ItemText:
    return event.text(lang)  # an event's texts are ItemTexts (publishing.load.items)


def escape(value: str) -> str:
    """TEXT (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> bytes:
    """A content line in UTF-8, folded at 75 octets (RFC 5545 3.1): each continuation line starts
    with a space, which counts; a character's octets are never split."""
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1
        current.append(char)
        size += octets
    parts.append("".join(current))
    return "\r\n ".join(parts).encode("utf-8")
