"""The sections a site gets from data, registered here, in the order they are planned.

Each section is a function `add(section: SectionContext) -> None` that adds its pages and
files through the context (keyword arguments only). Adding a section: a module here, and
its function in SECTIONS. The home comes last: it shows what the others planned.
"""
from __future__ import annotations

from collections.abc import Callable

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

# home is last: it shows what the others list (and reads the pages they planned)
SECTIONS: tuple[Callable[[SectionContext], None], ...] = (focus.add, directories.add, syntheses.add, news.add,
                                                         agenda.add, notices.add, notice_form.add,
                                                         newsletter.add, home.add)

__all__ = ["SECTIONS", "SectionContext"]
