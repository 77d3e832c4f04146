"""Load the whole repository into a Project, collecting every problem on the way."""
from __future__ import annotations

from pathlib import Path

from .content import load_pages
from .errors import Report
from .model import Project
from .strings import Strings, load_strings
from .territories import TERRITORY_IDS, load_communes, load_territories


def load_project(root: Path) -> tuple[Project, Strings, Report]:
    root = Path(root).resolve()
    report = Report(root)
    communes = load_communes(root / "sites", report)
    territories = load_territories(root / "sites", communes, report)
    pages = load_pages(root / "content", ("shared", "bassins") + TERRITORY_IDS, report)
    strings = load_strings(root / "theme" / "i18n", report)
    return Project(root, communes, territories, pages), strings, report
