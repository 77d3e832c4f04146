"""The content model: plain frozen objects, no file access, no generator.

Loaders (territories, content, …) build these from the repository; the site
plan and the PDF renderer read them. Nothing here knows about MkDocs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

LANGS: tuple[str, ...] = ("fr", "nl")
DEFAULT_LANG = "fr"


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
        return "tel:" + self.phone.replace(" ", "") if self.phone else None


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


@dataclass(frozen=True)
class Page:
    """A Markdown page of content/, in one language."""

    key: str  # path without language and extension: "index", "a-propos/gouvernance"
    lang: str
    scope: str  # "shared" or a territory id
    source: Path
    title: str
    body: str
    body_line: int
    meta: dict = field(compare=False, hash=False, default_factory=dict)

    @property
    def nav(self) -> int | None:
        return self.meta.get("nav")

    @property
    def updated(self) -> date | None:
        return self.meta.get("updated")


@dataclass(frozen=True)
class DocumentText:
    """The text of a Focus or a synthesis in one language, from its Markdown file."""

    lang: str
    title: str
    summary: str
    body: str
    body_line: int
    source: Path


class Translatable:
    """A document with `texts` by language; French is the reference and the fallback."""

    texts: dict[str, DocumentText]

    def text(self, lang: str) -> DocumentText:
        """The text in a language, or the French one when it is not translated."""
        return self.texts.get(lang) or self.texts[DEFAULT_LANG]

    def translated(self, lang: str) -> bool:
        return lang in self.texts


def url_of(key: str) -> str:
    """Directory URL of a page key: 'index' -> '', 'a-propos/index' -> 'a-propos/', 'helpdesk' -> 'helpdesk/'."""
    if key == "index":
        return ""
    if key.endswith("/index"):
        return key[: -len("index")]
    return key + "/"


@dataclass
class Project:
    """Everything loaded from the repository."""

    root: Path
    communes: dict[str, Commune]
    territories: dict[str, Territory]  # in display order, region first
    pages: list[Page]
    directories: dict = field(default_factory=dict)  # slug -> Directory (publishing.directories)
    focus: dict = field(default_factory=dict)  # slug -> Focus (publishing.focus)
    syntheses: list = field(default_factory=list)  # Synthesis (publishing.syntheses)
    strings: object = None  # interface texts (publishing.strings.Strings)

    def territory(self, id: str) -> Territory:
        return self.territories[id]

    def bassin_of(self, area_id: str) -> str | None:
        for t in self.territories.values():
            if not t.is_region and any(a.id == area_id for a in t.areas):
                return t.id
        return None
