"""Everything loaded from the repository, as one object (publishing.load.project builds it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from publishing.model.directory import Directory
from publishing.model.event import Event
from publishing.model.focus import Focus
from publishing.model.news import News, Notice
from publishing.model.newsletter import Edition
from publishing.model.page import Page, Translatable
from publishing.model.redirect import Redirect
from publishing.model.strings import Strings
from publishing.model.synthesis import Synthesis
from publishing.model.territory import Commune, Territory


@dataclass
class Project:
    """Everything loaded from the repository."""

    root: Path
    communes: dict[str, Commune]
    territories: dict[str, Territory]  # in display order, region first
    pages: list[Page]
    strings: Strings
    directories: dict[str, Directory] = field(default_factory=dict)  # by slug
    focus: dict[str, Focus] = field(default_factory=dict)  # by slug
    syntheses: list[Synthesis] = field(default_factory=list)  # newest first
    news: list[News] = field(default_factory=list)  # newest first
    notices: list[Notice] = field(default_factory=list)  # newest first
    events: list[Event] = field(default_factory=list)  # by start, latest first
    redirects: list[Redirect] = field(default_factory=list)  # the old sites' addresses, in file order
    editions: list[Edition] = field(default_factory=list)  # the newsletter's, newest first
    # The day the build treats as today (what is coming, what is past): an input of the build,
    # the last commit's date by default, so that two builds of one commit are identical.
    today: date = date(2000, 1, 1)

    def documents(self) -> list[Translatable]:
        """Every document with texts written by the editors, beside the pages: Focus, syntheses,
        news, notices, events, the newsletter's editorials (what the checks of texts, links and translations read)."""
        return [*self.focus.values(), *self.syntheses, *self.news, *self.notices, *self.events, *self.editions]

    def territory(self, id: str) -> Territory:
        return self.territories[id]

    def bassin_of(self, area_id: str) -> str | None:
        for t in self.territories.values():
            if not t.is_region and any(a.id == area_id for a in t.areas):
                return t.id
        return None
