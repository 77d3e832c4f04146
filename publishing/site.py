"""The plan of one site in one language: which pages, in which language, at which URL.

This is the generator-neutral result of the model: the MkDocs adapter writes it
out, the tests and the sitemap read it. A page missing in Dutch is planned on
the Dutch site with its French text, marked untranslated, and no Dutch
alternate is announced for it.
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Report
from .model import DEFAULT_LANG, LANGS, Page, Project, Territory, url_of
from .render import render_body, territory_view


@dataclass
class OutputPage:
    key: str
    lang: str  # the site's language
    title: str
    markdown: str
    source: Path | None
    text_lang: str  # the language the text is written in
    nav: int | None = None
    description: str | None = None
    translations: tuple[str, ...] = ()  # languages in which this page really exists
    meta: dict = field(default_factory=dict)
    resources: str = ""  # the sub-folder, beside the page, where the files beside its source go

    @property
    def url(self) -> str:
        return url_of(self.key)

    @property
    def translated(self) -> bool:
        return self.text_lang == self.lang


# The files of a text's folder that are published with it (its images, documents).
RESOURCE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".pdf"})


def resource_files(folder: Path) -> list[Path]:
    """The files of a text's folder that are published with it, by name."""
    return sorted(item for item in folder.iterdir() if item.is_file() and item.suffix.lower() in RESOURCE_SUFFIXES)


@dataclass
class OutputFile:
    """A file published beside the pages (PDF, JSON, CSV, feed), site-relative path."""

    path: str
    content: bytes


@dataclass
class NavItem:
    title: str
    key: str | None = None
    children: list["NavItem"] = field(default_factory=list)


@dataclass
class SitePlan:
    territory: Territory
    lang: str
    pages: list[OutputPage]
    files: list[OutputFile] = field(default_factory=list)

    def page(self, key: str) -> OutputPage | None:
        return next((p for p in self.pages if p.key == key), None)

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


def scoped_pages(project: Project, territory: Territory) -> dict[tuple[str, str], Page]:
    """(key, lang) -> page for one territory, most specific first:
    content/<territory>/ replaces content/bassins/ (the five bassins) replaces content/shared/."""
    chosen: dict[tuple[str, str], Page] = {}
    scopes = ("shared", territory.id) if territory.is_region else ("shared", "bassins", territory.id)
    for scope in scopes:
        for page in project.pages:
            if page.scope == scope:
                chosen[(page.key, page.lang)] = page
    return chosen


def plan_site(project: Project, territory: Territory, lang: str, report: Report,
              with_files: bool = True) -> SitePlan:
    """Content pages, then the pages and files of each section (Focus, directories, …).

    with_files=False skips the files (PDFs…) for a quick check or preview.
    """
    plan = SitePlan(territory, lang, content_pages(project, territory, lang, report))
    for section in sections():
        section(project, project.strings, territory, lang, report, plan, with_files)
    return plan


def resource_folders(plan: SitePlan) -> list[tuple[Path, str]]:
    """(source folder, published folder) of the files beside the plan's texts, each pair once, in
    the order of its last page: the order they are copied in, so a name in two source folders
    published in one folder is the later one's (resource_clashes says so)."""
    pairs: dict[tuple[Path, str], None] = {}
    for page in plan.pages:
        if page.source is not None:
            folder = posixpath.join(posixpath.dirname(page.key), page.resources)
            pair = (page.source.parent, posixpath.normpath(folder) if folder else "")
            pairs.pop(pair, None)
            pairs[pair] = None
    return list(pairs)


def resource_clashes(plan: SitePlan) -> list[tuple[Path, Path]]:
    """(hidden file, file that replaces it): two different files of one name, from two source
    folders, that would be published into the same folder of the site."""
    published: dict[tuple[str, str], Path] = {}
    clashes = []
    for source, folder in resource_folders(plan):
        for item in resource_files(source):
            earlier = published.get((folder, item.name))  # from another source folder: pairs are unique
            if earlier is not None and earlier.read_bytes() != item.read_bytes():
                clashes.append((earlier, item))
            published[(folder, item.name)] = item
    return clashes


def check_resources(plans: dict[tuple[str, str], SitePlan], report: Report) -> None:
    """Each clash of file names once, however many sites publish both files."""
    seen = set()
    for plan in plans.values():
        for hidden, winner in resource_clashes(plan):
            if (hidden, winner) not in seen:
                seen.add((hidden, winner))
                other = report.relative(winner)
                report.add(hidden, "file_name_clash", input=hidden.name, other=other,
                           suggestion=f"{other} → {winner.stem}-{_first_difference(winner, hidden)}{winner.suffix}")


def _first_difference(path: Path, other: Path) -> str:
    """The first folder of path that other does not share (content/sud/… beside content/shared/…: sud)."""
    for part, other_part in zip(path.parts, other.parts):
        if part != other_part:
            return part
    return path.parent.name


def plan_sites(project: Project, report: Report) -> dict[tuple[str, str], SitePlan]:
    """The plans of every site in every language, without their files: what links are checked on."""
    return {(territory.id, lang): plan_site(project, territory, lang, report, with_files=False)
            for territory in project.territories.values() for lang in LANGS}


def sections() -> list:
    """The sections generated from data, each `add_to_plan(project, strings, territory, lang,
    report, plan, with_files)`; imported here (not at the top) because they use this module's classes."""
    from . import directory_pages, focus_pages, synthesis_pages

    return [focus_pages.add_to_plan, directory_pages.add_to_plan, synthesis_pages.add_to_plan]


def content_pages(project: Project, territory: Territory, lang: str, report: Report) -> list[OutputPage]:
    pages = scoped_pages(project, territory)
    keys = sorted({key for key, _ in pages})
    context = {"territory": territory_view(project, territory, lang),
               "territories": [territory_view(project, t, lang) for t in project.territories.values()],
               "lang": lang}
    out: list[OutputPage] = []
    for key in keys:
        page = pages.get((key, lang)) or pages.get((key, DEFAULT_LANG))
        if page is None:
            continue  # a Dutch page without French twin: reported by content.py
        if page.lang != lang:
            context_lang = dict(context, territory=territory_view(project, territory, page.lang),
                                lang=page.lang)
        else:
            context_lang = context
        body = render_body(page, context_lang, report)
        if body is None:
            continue
        translations = tuple(lg for lg in LANGS if (key, lg) in pages)
        out.append(OutputPage(key, lang, page.title, body, page.source, page.lang, page.nav,
                              page.meta.get("description"), translations, page.meta))
    return out
