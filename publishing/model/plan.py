"""The plan of one site in one language: which pages, in which language, at which URL.

This is the generator-neutral result of planning (publishing.plan): the MkDocs adapter
writes it out, the checks, the sitemap and the tests read it. A page missing in Dutch is
planned on the Dutch site with its French text, marked untranslated, and no Dutch alternate
is announced for it.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from publishing.model.page import url_of
from publishing.model.territory import Territory


class NavOrder:
    """Where the generated sections sit in a site's navigation.

    Content pages set their own place with `nav: N` in their front matter (0 for the home,
    then 20, 30, 40 for the helpdesk, 50…); the sections take theirs among them, here.
    """

    NEWS = 5
    AGENDA = 6
    FOCUS = 10
    DIRECTORIES = 15
    SYNTHESES = 45
    FIRST_ITEM = 20  # the pages of a section, in their order, after the section's index


@dataclass(frozen=True)
class Feed:
    """A feed a list page offers, announced in the head of every page of its site."""

    path: str  # site-relative: "actualites/feed.xml", "agenda/agenda.ics"
    title: str
    type: str  # its media type: ATOM or ICALENDAR


ATOM = "application/atom+xml"
ICALENDAR = "text/calendar"


@dataclass(frozen=True, kw_only=True)
class PageData:
    """What a page says of itself beside its text, for its head and the site's files."""

    updated: date | None = None  # when its content was last checked: its head, the sitemap's lastmod
    hide: tuple[str, ...] = ()  # parts of Material's layout left out: "navigation", "toc"
    feed: Feed | None = None  # the feed the page offers (a list page)
    jsonld: dict[str, Any] | None = None  # its structured data (schema.org, publishing.output.structured_data)


@dataclass(kw_only=True)
class OutputPage:
    """One page of a site in one language; its text may be in another (untranslated)."""

    key: str  # the page's path without language and extension: "index", "focus/aidants"
    lang: str  # the site's language
    title: str
    markdown: str
    source: Path | None = None  # the editor's file, when the page has one
    text_lang: str  # the language the text is written in
    nav: int | None = None  # its place in the navigation (NavOrder), or None: linked, not listed
    description: str | None = None
    translations: tuple[str, ...] = ()  # languages in which this page really exists
    meta: PageData = PageData()
    resources: str = ""  # the sub-folder, beside the page, where the files beside its source go
    # The editor's text as the page publishes it, when the markdown adds to it (the home's blocks
    # above it): what publishing.checks.links follows. None: the markdown is the editor's text.
    text: str | None = None

    @property
    def url(self) -> str:
        return url_of(self.key)

    @property
    def translated(self) -> bool:
        return self.text_lang == self.lang


@dataclass
class OutputFile:
    """A file published beside the pages (PDF, JSON, CSV, feed), site-relative path."""

    path: str
    content: bytes


@dataclass
class NavItem:
    title: str
    key: str | None = None
    children: list[NavItem] = field(default_factory=list)


@dataclass
class SitePlan:
    territory: Territory
    lang: str
    pages: list[OutputPage]
    files: list[OutputFile] = field(default_factory=list)

    def page(self, key: str) -> OutputPage | None:
        return next((p for p in self.pages if p.key == key), None)

    def outline(self) -> SitePlan:
        """The plan without its pages' texts and its files: what a build worker hands back to the
        parent (the sitemaps), a tenth of the bytes to send."""
        return SitePlan(self.territory, self.lang, [replace(p, markdown="", text=None) for p in self.pages])

    def nav(self) -> list[NavItem]:
        """Top-level pages with a `nav` weight; a folder's index makes a section of its pages."""
        weighted = [p for p in self.pages if p.nav is not None]
        top = sorted((p for p in weighted if "/" not in p.key or p.key.endswith("/index") and p.key.count("/") == 1),
                     key=lambda p: (p.nav, p.title))
        items = []
        for page in top:
            item = NavItem(page.title, page.key)
            if page.key.endswith("/index"):
                folder = page.key[: -len("index")]
                children = sorted((p for p in weighted if p.key.startswith(folder) and p.key != page.key),
                                  key=lambda p: (p.nav, p.title))
                item.children = [NavItem(c.title, c.key) for c in children]
            items.append(item)
        return items
