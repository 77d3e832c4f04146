"""Events of the agenda: when (Europe/Brussels), where (an address, online, or both), for whom."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from publishing.model.dates import last_day
from publishing.model.news import Item, ItemText
from publishing.model.paths import AGENDA

BRUSSELS = ZoneInfo("Europe/Brussels")


@dataclass(frozen=True)
class Status:
    """What an event's status means wherever the event is shown."""

    marked: bool  # said beside its title (lists, its page, a calendar's SUMMARY): agenda.status.<id>
    registration: bool  # its registration link is offered (until it is over)
    ical: str  # RFC 5545 3.8.1.11 STATUS
    schema: str  # schema.org EventStatusType


# Every status an editor may give (`status:` in an event's file); held: it took place as scheduled.
STATUSES: dict[str, Status] = {
    "scheduled": Status(marked=False, registration=True, ical="CONFIRMED", schema="EventScheduled"),
    "cancelled": Status(marked=True, registration=False, ical="CANCELLED", schema="EventCancelled"),
    "postponed": Status(marked=True, registration=True, ical="TENTATIVE", schema="EventPostponed"),
    "full": Status(marked=True, registration=False, ical="CONFIRMED", schema="EventScheduled"),
    "held": Status(marked=False, registration=True, ical="CONFIRMED", schema="EventScheduled"),
}


@dataclass(frozen=True)
class Place:
    street: str
    postcode: str
    commune: str  # commune id
    area: str | None  # the area of a split commune ("bruxelles/laeken"), or the commune's id
    bassin: str | None  # the bassin of the address


@dataclass(frozen=True)
class Event(Item):
    territory: str
    slug: str  # "2023-01-19-forum-ouvert": the start date, then a short name
    start: date | datetime  # a date (all day) or an aware datetime in Europe/Brussels
    end: date | datetime | None
    place: Place | None
    online: str | None  # "https://…" where it happens, or "" when the link comes with registration
    organiser: str | None
    registration: str | None
    status: str
    themes: tuple[str, ...]
    region: bool  # a bassin's event that concerns the whole region too
    texts: dict[str, ItemText] = field(hash=False, compare=False)

    folder = AGENDA

    @property
    def meaning(self) -> Status:
        """What its status means (STATUSES)."""
        return STATUSES[self.status]

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def day(self) -> date:
        """The day it starts."""
        return self.start.date() if isinstance(self.start, datetime) else self.start

    @property
    def last_day(self) -> date:
        """The day it ends (an event dated to the month: the month's last day)."""
        end = self.end or self.start
        return end.date() if isinstance(end, datetime) else last_day(end)

    def ends_before(self, today: date) -> bool:
        """Over before the given day: a past event."""
        return self.last_day < today

    def begins(self) -> datetime:
        """The moment it starts (an all-day event: midnight in Brussels), to sort by."""
        if isinstance(self.start, datetime):
            return self.start
        return datetime.combine(self.start, datetime.min.time(), BRUSSELS)

    def finish(self) -> datetime:
        """The moment it ends (an all-day event: the next midnight; no end: its start, or +1 day)."""
        end = self.end or self.start
        if isinstance(end, datetime):
            return end
        return datetime.combine(last_day(end) + timedelta(days=1), datetime.min.time(), BRUSSELS)
