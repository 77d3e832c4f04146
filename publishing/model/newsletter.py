"""The monthly newsletter: an edition per territory and month, made from what the sites publish.

An edition exists when its editorial file does (content/<territory>/newsletter/YYYY-MM.fr.md,
its Dutch beside it; the editorial's text may be empty). What it carries is chosen by
publishing.plan.sections.newsletter (the month's news, the coming weeks' events, the month's
syntheses; on the region's, the bassins' too, marked with their bassin), and written twice from
that one selection: the web page of the archive, and the e-mail (publishing.output.newsletter).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from publishing.model.dates import Month
from publishing.model.page import DocumentText, Translatable
from publishing.model.paths import NEWSLETTER

# The e-mail's links to the sites carry the edition (?nl=2026-12, the same in both languages), so
# that the audience report (publishing.model.audience) counts the visits that start from it. It
# names an edition, never a reader; the privacy statement says so.
EDITION_PARAMETER = "nl"


def from_edition(url: str, month: Month, hosts: frozenset[str]) -> str:
    """The address with the edition's parameter when it leads to one of the sites (hosts)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.netloc not in hosts:
        return url
    query = (parts.query + "&" if parts.query else "") + f"{EDITION_PARAMETER}={month.isoformat()}"
    return parts._replace(query=query).geturl()


@dataclass(frozen=True)
class Edition(Translatable):
    territory: str
    month: Month
    texts: dict[str, DocumentText] = field(hash=False, compare=False)  # the editorial, by language

    @property
    def slug(self) -> str:
        return self.month.isoformat()  # "2026-12"

    @property
    def key(self) -> str:
        return f"{NEWSLETTER}/{self.slug}"


@dataclass(frozen=True)
class IssueItem:
    """One entry of an edition, as a reader sees it, in one language."""

    kind: str  # "news", "event", "synthesis"
    title: str
    when: str  # « 3 décembre 2026 », « mardi 8 décembre 2026, 9 h 30 – 12 h 00 »
    datetime: str  # ISO, for <time>
    summary: str
    url: str  # absolute, on the sites' own domains
    where: str | None = None  # an event's place
    bassin: str | None = None  # on the region's edition: the bassin it comes from
    text_lang: str | None = None  # the language of its text when it is not the edition's (not translated)
    status: str | None = None  # an event's « Annulé », « Reporté », « Complet »: what the site's agenda says
    status_id: str | None = None  # cancelled, postponed, full


@dataclass(frozen=True)
class Issue:
    """An edition in one language, ready to be written as a page or an e-mail."""

    territory: str
    lang: str
    month: Month
    title: str  # « Newsletter de Brusano – décembre 2026 »
    preheader: str  # the line mail clients show after the subject
    editorial_html: str  # may be ""
    url: str  # the edition's page in the archive (absolute)
    sections: list[tuple[str, list[IssueItem]]]  # (heading, items), empty sections left out
    site_name: str = ""
    site_url: str = ""
    colour: str = "#1b4f8a"
    words: dict[str, str] = field(default_factory=dict)  # interface texts the e-mail needs

    @property
    def empty(self) -> bool:
        return not any(items for _heading, items in self.sections)
