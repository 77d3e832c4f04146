"""A thematic directory (répertoire) and its entries, as pages, PDFs and open data read them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from publishing.model.territory import Territory, Text, phone_link


@dataclass(frozen=True)
class Address:
    street: str
    postcode: str
    commune: str  # commune id


@dataclass(frozen=True)
class Category:
    id: str
    label: Text


@dataclass(frozen=True)
class Entry:
    id: str
    name: Text
    description: Text
    organisation: str | None
    address: Address | None
    bassin: str | None  # the bassin of its address, if any
    serves: tuple[str, ...]  # bassin ids (all five when region-wide)
    region_wide: bool
    phone: str | None
    email: str | None
    website: str | None
    languages: tuple[str, ...]
    hours: Text | None
    categories: tuple[str, ...]
    social_brussels: str | None
    verified: date | None  # the day a person of the team checked it with the service; None: never
    translated: bool  # every text has its Dutch version
    line: int | None = None
    source: str | None = None  # where its information comes from (a report, the service's page): not published

    @property
    def phone_link(self) -> str | None:
        return phone_link(self.phone) if self.phone else None

    def serves_territory(self, territory: Territory) -> bool:
        return territory.is_region or territory.id in self.serves


OTHER = "autres"


@dataclass(frozen=True)
class Directory:
    slug: str
    title: Text
    intro: Text | None
    categories: tuple[Category, ...]
    entries: tuple[Entry, ...]
    source: Path

    def for_territory(self, territory: Territory) -> list[Entry]:
        """All entries on the region's site; on a bassin's, those that serve it."""
        return [e for e in self.entries if e.serves_territory(territory)]

    def grouped(self, entries: list[Entry], other: Text) -> list[tuple[Category, list[Entry]]]:
        """Entries under each category, in the order of the file; uncategorised ones last, under
        `other` (the interface's directory.other, "Autres services")."""
        groups = []
        for category in self.categories:
            members = [e for e in entries if category.id in e.categories]
            if members:
                groups.append((category, members))
        rest = [e for e in entries if not e.categories]
        if rest:
            groups.append((Category(OTHER, other), rest))
        return groups

    @property
    def verified(self) -> date | None:
        """The latest day an entry was checked, or None if none ever was."""
        dates = [e.verified for e in self.entries if e.verified]
        return max(dates) if dates else None
