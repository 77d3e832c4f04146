"""A Focus brochure: the texts of one focus/<slug>/ bundle and its settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from publishing.model.page import DocumentText, Translatable
from publishing.model.paths import FOCUS


@dataclass(frozen=True)
class Focus(Translatable):
    slug: str
    folder: Path
    updated: date
    directories: tuple[str, ...]
    cover_colour: str
    cover_image: Path | None
    texts: dict[str, DocumentText] = field(hash=False, compare=False)

    def pdf_name(self, territory_id: str, lang: str) -> str:
        return f"focus-{self.slug}-{territory_id}-{lang}.pdf"

    def pdf_path(self, territory_id: str, lang: str) -> str:
        """Site-relative path of the PDF of one edition (in its language's site)."""
        return f"{FOCUS}/{self.slug}/{self.pdf_name(territory_id, lang)}"

    def page_path(self) -> str:
        """Site-relative path of the Focus page."""
        return f"{FOCUS}/{self.slug}/"
