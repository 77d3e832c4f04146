"""Pages of content/ and the texts of Focus and syntheses, in one language each."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from publishing.model.langs import DEFAULT_LANG


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
    meta: dict[str, Any] = field(compare=False, hash=False, default_factory=dict)  # schema.PageMeta's values

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
