"""Everything loaded from the repository, as one object (publishing.load.project builds it)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from publishing.model.directory import Directory
from publishing.model.focus import Focus
from publishing.model.page import Page
from publishing.model.strings import Strings
from publishing.model.synthesis import Synthesis
from publishing.model.territory import Commune, Territory


@dataclass
class Project:
    """Everything loaded from the repository."""

    root: Path
    communes: dict[str, Commune]
    territories: dict[str, Territory]  # in display order, region first
    pages: list[Page]
    strings: Strings
    directories: dict[str, Directory] = field(default_factory=dict)  # by slug
    focus: dict[str, Focus] = field(default_factory=dict)  # by slug
    syntheses: list[Synthesis] = field(default_factory=list)  # newest first

    def territory(self, id: str) -> Territory:
        return self.territories[id]

    def bassin_of(self, area_id: str) -> str | None:
        for t in self.territories.values():
            if not t.is_region and any(a.id == area_id for a in t.areas):
                return t.id
        return None
