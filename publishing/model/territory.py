"""Territories (the region and the five bassins), the communes they serve, their helpdesks."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

REGION = "region"
PUBLISHER = "Brusano"  # the organisation that publishes every site (feeds, structured data)
BASSINS: tuple[str, ...] = ("nord", "nord-est", "centre-ouest", "sud", "sud-est")
TERRITORY_IDS: tuple[str, ...] = (REGION,) + BASSINS  # fixed by the mission; their facts are in sites/


def phone_link(display: str) -> str:
    """tel: link of a normalised phone number ("+32 2 123 45 67")."""
    return "tel:" + display.replace(" ", "")


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    fr: str
    nl: str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Area:
    """A commune, or a part of a split commune (Bruxelles-Ville), as served by one bassin."""

    id: str  # "forest", or "bruxelles/laeken" for a part
    commune: str  # the commune's id
    nis: int
    name: Text
    postcodes: tuple[str, ...]


@dataclass(frozen=True)
class Commune:
    id: str
    nis: int
    name: Text
    postcodes: tuple[str, ...]
    parts: tuple[Area, ...] = ()

    @property
    def areas(self) -> tuple[Area, ...]:
        """What a bassin can hold: the parts of a split commune, or the commune itself."""
        if self.parts:
            return self.parts
        return (Area(self.id, self.id, self.nis, self.name, self.postcodes),)


@dataclass(frozen=True)
class Helpdesk:
    phone: str | None = None
    email: str | None = None
    hours: Text | None = None

    @property
    def phone_link(self) -> str | None:
        return phone_link(self.phone) if self.phone else None


@dataclass(frozen=True)
class Territory:
    id: str
    kind: str  # "region" or "bassin"
    name: Text
    tagline: Text
    url: Text  # absolute URL of each language's home, ending with "/"
    colour: str
    areas: tuple[Area, ...]
    helpdesk: Helpdesk
    source: Path = field(compare=False, default=Path())

    @property
    def is_region(self) -> bool:
        return self.kind == "region"

    def absolute(self, lang: str, url: str) -> str:
        """The absolute address of a site-relative URL ('', 'helpdesk/') in a language."""
        return self.url[lang] + url.lstrip("/")

    def commune_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(area.commune for area in self.areas))
