"""What a section is given to add its pages to one site's plan in one language."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from publishing.model import OutputFile, OutputPage, PageData, Project, SitePlan, Strings, Territory
from publishing.plan import templates
from publishing.problems import Report


@dataclass
class SectionContext:
    """One site (territory) in one language, being planned.

    with_files=False: plan the pages only, not the files published beside them (PDFs, open
    data, feeds, calendars), for a quick check or the preview; with_pdfs=False: the files but the
    PDFs (build --no-pdf).
    """

    project: Project
    territory: Territory
    lang: str
    report: Report
    plan: SitePlan
    with_files: bool = True
    with_pdfs: bool = True

    @property
    def pdfs(self) -> bool:
        """Whether the section renders its PDFs."""
        return self.with_files and self.with_pdfs

    @property
    def strings(self) -> Strings:
        return self.project.strings

    @property
    def t(self) -> Callable[[str], str]:
        """The interface text of a key in the site's language (theme/i18n/)."""
        return self.strings.for_lang(self.lang)

    def render(self, template: str, **values: Any) -> str:
        """A template of theme/web/sections/ (publishing.plan.templates), which may use the site's
        interface texts (t) and language (lang) beside the values given."""
        return templates.render(self.project.root, template, t=self.t, lang=self.lang, **values)

    def add_page(self, *, key: str, title: str, markdown: str, text_lang: str | None = None,
                 source: Path | None = None, nav: int | None = None, description: str | None = None,
                 translations: tuple[str, ...] = (), meta: PageData | None = None,
                 resources: str = "") -> OutputPage:
        """A page of the section; text_lang defaults to the site's language."""
        page = OutputPage(key=key, lang=self.lang, title=title, markdown=markdown, source=source,
                          text_lang=text_lang or self.lang, nav=nav, description=description,
                          translations=translations, meta=meta or PageData(), resources=resources)
        self.plan.pages.append(page)
        return page

    def page(self, key: str) -> OutputPage | None:
        """A page already planned on this site: a content page, or one an earlier section added."""
        return self.plan.page(key)

    def replace_page(self, old: OutputPage, new: OutputPage) -> None:
        """Put `new` where `old` was planned (the home section rewrites the content page "index")."""
        position = next(i for i, page in enumerate(self.plan.pages) if page is old)
        self.plan.pages[position] = new

    def add_file(self, path: str, content: bytes) -> None:
        """A file published beside the pages, at a site-relative path."""
        self.plan.files.append(OutputFile(path, content))
