"""A one-page synthesis of a meeting, in one or both languages."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from publishing.model.page import DocumentText, Translatable
from publishing.model.paths import SYNTHESES as FOLDER

KINDS = ("concertation", "conseil", "atelier", "forum", "rencontre")
THEMES = ("sante-mentale", "prevention-promotion-sante", "liaison-ambulatoire-hopital", "pratiques-inclusives",
          "organisation-integree", "fin-de-vie", "perinatalite")


@dataclass(frozen=True)
class Synthesis(Translatable):
    territory: str
    slug: str  # "2023-01-19-forum-ouvert", "2024-03-concertation-regionale"
    date: date
    kind: str
    theme: str | None
    participants: int | None
    texts: dict[str, DocumentText] = field(hash=False, compare=False)

    @property
    def key(self) -> str:
        return f"{FOLDER}/{self.slug}"

    def pdf_name(self, lang: str) -> str:
        return f"synthese-{self.slug}-{lang}.pdf"

    def pdf_path(self, lang: str) -> str:
        """Site-relative path of the PDF in one language (beside the synthesis's page)."""
        return f"{self.key}/{self.pdf_name(lang)}"
