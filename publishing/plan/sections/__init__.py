"""The sections a site gets from data, registered here, in the order they are planned.

Each section is a module with two functions: `add(section: SectionContext) -> None` adds its pages
and files through the context (keyword arguments only), and `reads(site, sites) -> list[str]`
declares the repository's folders and files it reads to do so for that site (the build cache
hashes them: publishing.plan.site.site_reads). Adding a section: a module here, and its Section in
SECTIONS. The home comes last: it shows what the others planned.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from publishing.plan.sections import (
    agenda,
    directories,
    focus,
    home,
    news,
    newsletter,
    notice_form,
    notices,
    syntheses,
)
from publishing.plan.sections.context import SectionContext


@dataclass(frozen=True)
class Section:
    """What a section adds to a site's plan, and what it reads for it."""

    add: Callable[[SectionContext], None]
    reads: Callable[[str, Sequence[str]], list[str]]  # (site, every site) -> paths in the repository


# home is last: it shows what the others list (and reads the pages they planned)
SECTIONS: tuple[Section, ...] = tuple(Section(module.add, module.reads) for module in (
    focus, directories, syntheses, news, agenda, notices, notice_form, newsletter, home))

__all__ = ["SECTIONS", "Section", "SectionContext"]
