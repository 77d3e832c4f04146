"""Everything loaded from the repository, as one object (publishing.load.project builds it)."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from publishing.model.directory import Address, Directory
from publishing.model.event import Event, Place
from publishing.model.focus import Focus
from publishing.model.news import News, Notice
from publishing.model.newsletter import Edition
from publishing.model.page import Page, Translatable
from publishing.model.redirect import Redirect
from publishing.model.strings import Strings
from publishing.model.synthesis import Synthesis
from publishing.model.territory import Commune, Territory


@dataclass(frozen=True)
class PostalAddress:
    """An address (an event's place, a service's) in one language, as every output writes it."""

    street: str
    postcode: str
    locality: str  # the commune's name
    area: str | None = None  # the area of a split commune ("Laeken"), when it is not the commune
    bassin: str | None = None  # the bassin's name (an event's place)

    def postal(self) -> str:
        """'Rue de l'Exemple 2, 1020 Bruxelles': what a calendar or a map reads."""
        return f"{self.street}, {self.postcode} {self.locality}"

    def full(self) -> str:
        """'Rue de l'Exemple 2, 1020 Bruxelles (Laeken) – Nord-Ouest': what a page shows."""
        locality = f"{self.locality} ({self.area})" if self.area else self.locality
        bassin = f" – {self.bassin}" if self.bassin else ""
        return f"{self.street}, {self.postcode} {locality}{bassin}"


@dataclass(frozen=True)
class Project:
    """Everything loaded from the repository, built whole by publishing.load.project and not
    changed after: a changed copy is a new Project (with_territory)."""

    root: Path
    communes: dict[str, Commune]
    territories: dict[str, Territory]  # in display order, region first
    pages: list[Page]
    strings: Strings
    # The day the build treats as today (what is coming, what is past): an input of the build,
    # the last commit's date unless given (publishing.load.today), so that two builds of one
    # commit are identical. No default: a project is always read for a given day.
    today: date
    directories: dict[str, Directory] = field(default_factory=dict)  # by slug
    focus: dict[str, Focus] = field(default_factory=dict)  # by slug
    syntheses: list[Synthesis] = field(default_factory=list)  # newest first
    news: list[News] = field(default_factory=list)  # newest first
    notices: list[Notice] = field(default_factory=list)  # newest first
    events: list[Event] = field(default_factory=list)  # by start, latest first
    redirects: list[Redirect] = field(default_factory=list)  # the old sites' addresses, in file order
    editions: list[Edition] = field(default_factory=list)  # the newsletter's, newest first

    def with_territory(self, territory: Territory) -> Project:
        """A copy in which one territory is replaced (the preview gives its site the preview's address)."""
        return replace(self, territories={**self.territories, territory.id: territory})

    def documents(self) -> list[Translatable]:
        """Every document with texts written by the editors, beside the pages: Focus, syntheses,
        news, notices, events, the newsletter's editorials (what the checks of texts, links and translations read)."""
        return [*self.focus.values(), *self.syntheses, *self.news, *self.notices, *self.events, *self.editions]

    def territory(self, id: str) -> Territory:
        return self.territories[id]

    def address(self, place: Place | Address, lang: str) -> PostalAddress:
        """An event's place or a service's address, its commune, area and bassin named in a language."""
        commune = self.communes[place.commune]
        if not isinstance(place, Place):
            return PostalAddress(place.street, place.postcode, commune.name[lang])
        area = next((a for a in commune.areas if a.id == place.area and a.id != commune.id), None)
        bassin = self.territories[place.bassin].name[lang] if place.bassin in self.territories else None
        return PostalAddress(place.street, place.postcode, commune.name[lang],
                             area.name[lang] if area is not None else None, bassin)

    def bassin_of(self, area_id: str) -> str | None:
        for t in self.territories.values():
            if not t.is_region and any(a.id == area_id for a in t.areas):
                return t.id
        return None
