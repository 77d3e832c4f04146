"""News (actualités / nieuws) and partners' notices (valves partenaires / prikbord).

A news item is the team's; a notice is a partner organisation's text, moderated by Brusano,
which leaves the listings after its end date (its page stays, marked as past).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import ClassVar

from publishing.model.langs import DEFAULT_LANG
from publishing.model.page import DocumentText, Translatable
from publishing.model.paths import NEWS, NOTICES


@dataclass(frozen=True)
class ItemText(DocumentText):
    """The text of a news item, notice or event in one language, with what a language changes."""

    image_alt: str | None = None  # the image's alternative text
    audience: str | None = None  # events: who it is for
    price: str | None = None  # events: free text ("Gratuit", "Gratis")
    venue: str | None = None  # events: the name of the place ("Maison de quartier …")


class Item(Translatable):
    """What news, notices and events share: a page at <folder>/<slug>/ and texts with extras."""

    folder: ClassVar[str]
    slug: str
    texts: dict[str, ItemText]  # type: ignore[assignment]

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.slug}"

    def text(self, lang: str) -> ItemText:
        """The text in a language; when it is not translated, the French one, or the Dutch one
        of an item written in Dutch only (a partner's notice often is)."""
        return self.texts.get(lang) or self.texts.get(DEFAULT_LANG) or next(iter(self.texts.values()))


@dataclass(frozen=True)
class News(Item):
    territory: str
    slug: str  # "2023-01-19-forum-ouvert": the date, then a short name
    date: date
    themes: tuple[str, ...]
    image: Path | None
    texts: dict[str, ItemText] = field(hash=False, compare=False)

    folder = NEWS


@dataclass(frozen=True)
class Notice(News):
    """A partner's notice: a news item with its organisation, website and end date."""

    partner: str = ""
    partner_url: str | None = None
    until: date = date.max

    folder = NOTICES

    def listed(self, today: date) -> bool:
        """Shown in the lists until its end date, included."""
        return today <= self.until
