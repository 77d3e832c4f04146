"""Events of the agenda: content/<territory>/agenda/YYYY-MM-DD-<slug>.<lang>.md.

    ---
    title: …                       summary: …
    start: 2023-01-19              a day (all day), or "2023-01-19 09:30" (Brussels time), or
                                   2023-06 when the source gives the month only (file 2023-06-<slug>)
    end: "2023-01-19 16:30"        optional; a day or a day and a time, not before start
    venue: …                       the place's name, in the language of the file (optional)
    address: {street: …, postcode: "1190", commune: forest}   optional; in Bruxelles-Ville
                                   the part: commune: bruxelles/laeken
    online: https://…              optional: where it happens online (or `true`: the link comes
                                   with the registration)
    organiser: …                   audience: …      price: … (free text, in the language)
    registration: https://…        optional
    status: scheduled              scheduled, cancelled, postponed, full; held once it took place
                                   (publishing.model.event.STATUSES says what each means)
    themes: [sante-mentale]        region: true  (a bassin's event that concerns the region too)
    source: …                      where the facts come from, for the team (not published)
    ---

Times are Brussels' (summer and winter time are taken care of); a time with an offset
("2023-06-01T09:30+02:00") is converted.
"""
from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, field_validator

from publishing.load import schema
from publishing.load.dated import dated_files
from publishing.load.items import ReadItem, check_url, read_items
from publishing.model import BRUSSELS, STATUSES, THEMES, Commune, Event, Month, Place, Project, parse_month
from publishing.model.paths import AGENDA
from publishing.problems import Report

MOMENT = re.compile(r"^(?P<day>\d{4}-\d{1,2}-\d{1,2})(?:[ T](?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
                    r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?$")
TIME_ONLY = re.compile(r"^\d{1,2}[:h]\d{2}$")
# Once an event took place, `held` says so (a past event still `scheduled` is reported).
EVENT_STATUSES = tuple(STATUSES)


def moment(value: Any) -> date | datetime:
    """A day, or a day and a time in Brussels, from what YAML read."""
    if isinstance(value, datetime):
        return value.astimezone(BRUSSELS) if value.tzinfo else value.replace(tzinfo=BRUSSELS)
    if isinstance(value, date):
        return value
    if isinstance(month := parse_month(value), Month):
        return month
    text = str(value).strip()
    if TIME_ONLY.match(text):
        raise schema.CodedError("time_without_date")
    match = MOMENT.match(text)
    if not match:
        raise schema.CodedError("moment_format")
    try:
        day = date.fromisoformat("-".join(part.zfill(2) for part in match["day"].split("-")))
    except ValueError:
        raise schema.CodedError("impossible_date") from None
    if not match["time"]:
        return day
    parts = [int(p) for p in match["time"].split(":")]
    try:
        at = time(parts[0], parts[1], parts[2] if len(parts) > 2 else 0)
    except ValueError:
        raise schema.CodedError("impossible_time") from None
    if match["offset"]:
        parsed = datetime.fromisoformat(f"{day.isoformat()}T{at.isoformat()}{match['offset'].replace('Z', '+00:00')}")
        return parsed.astimezone(BRUSSELS)
    return datetime.combine(day, at, BRUSSELS)


class EventMeta(schema.Strict):
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    start: date | datetime
    end: date | datetime | None = None
    venue: str | None = None
    address: schema.AddressSchema | None = None
    online: str | bool | None = None
    organiser: str | None = None
    audience: str | None = None
    registration: str | None = None
    price: str | None = None
    status: Literal[EVENT_STATUSES] = "scheduled"  # type: ignore[valid-type]
    themes: list[Literal[THEMES]] = []  # type: ignore[valid-type]
    region: bool = False
    source: str | None = None  # where the facts come from (a report, a page): for the team, not published
    draft: bool = False

    @field_validator("start", "end", mode="before")
    @classmethod
    def _moment(cls, value: Any) -> Any:
        return None if value is None else moment(value)


def load_events(content_dir: Path, project: Project, report: Report) -> list[Event]:
    found: list[Event] = []
    ids = tuple(project.territories) or ()
    files = dated_files(content_dir, ids, AGENDA, report, "item_name", dutch_only=True)
    for item in read_items(files, EventMeta, report,
                           lambda meta: meta.start.date() if isinstance(meta.start, datetime) else meta.start,
                           "start"):
        event = make_event(item, project, report)
        if event is not None:
            found.append(event)
    found.sort(key=lambda e: (e.day, e.territory, e.slug), reverse=True)
    return found


def make_event(item: ReadItem[EventMeta], project: Project, report: Report) -> Event | None:
    meta, ok = item.meta, True
    if meta.end is not None and ends_before_start(meta.start, meta.end):
        report.add(item.source, "event_end_before_start", line=item.line("end"), where="end",
                   input=_shown(meta.end), expected=_shown(meta.start))
        ok = False
    ok = check_url(item, "registration", report) and ok
    online = meta.online
    if online is True:
        online = ""
    elif online is False:
        online = None
    else:  # a link: a web address, and a secure one, like the registration's
        ok = check_url(item, "online", report) and ok
    place = None
    if meta.address is not None:
        place = make_place(meta.address, item, project, report)
        ok = ok and place is not None
    if not ok:
        return None
    event = Event(item.files.territory, item.files.slug, meta.start, meta.end, place, online, meta.organiser,
                  meta.registration, meta.status, tuple(meta.themes), meta.region, item.texts)
    if event.status == "scheduled" and event.ends_before(project.today):
        report.warn(item.source, "event_past_scheduled", line=item.line("status") or item.line("start"),
                    input=event.last_day.isoformat())
    return event


def ends_before_start(start: date | datetime, end: date | datetime) -> bool:
    """An end before the start: compared as moments when both have a time, else as days."""
    if isinstance(start, datetime) and isinstance(end, datetime):
        return end < start
    return _day(end) < _day(start)


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _shown(value: date | datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if isinstance(value, datetime) else value.isoformat()


def make_place(address: schema.AddressSchema, item: ReadItem[EventMeta], project: Project,
               report: Report) -> Place | None:
    """The address with its commune (or part of Bruxelles-Ville) and the bassin that serves it."""
    ref = address.commune.strip().lower()
    commune_id, _, part = ref.partition("/")
    commune: Commune | None = project.communes.get(commune_id)
    if commune is None:
        report.add(item.source, "unknown_commune", line=item.locators[item.lang].line(("address", "commune")),
                   where="address.commune", input=address.commune, suggestion="")
        return None
    if commune.parts and not part:
        report.add(item.source, "commune_needs_part", line=item.locators[item.lang].line(("address", "commune")),
                   where="address.commune", input=address.commune, example=commune.parts[0].id)
        return None
    area = next((a for a in commune.areas if a.id == ref or (not part and a.id == commune_id)), None)
    if area is None:
        report.add(item.source, "unknown_commune", line=item.locators[item.lang].line(("address", "commune")),
                   where="address.commune", input=address.commune, suggestion="")
        return None
    postcodes = set(commune.postcodes) | {pc for part in commune.parts for pc in part.postcodes}
    if address.postcode not in postcodes:
        report.add(item.source, "postcode_mismatch", line=item.locators[item.lang].line(("address", "postcode")),
                   where="address.postcode", input=address.postcode, commune=commune.name.fr,
                   allowed=", ".join(sorted(postcodes)))
        return None
    return Place(address.street, address.postcode, commune.id, area.id, project.bassin_of(area.id))
