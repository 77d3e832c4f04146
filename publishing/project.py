"""Load the whole repository into a Project, collecting every problem on the way.

The order is the data flow: territories, then content pages, directories (which
need the communes and bassins), Focus (which name directories), syntheses. Then
what spans the whole project, so that `check` and `build` both stop on it: what
texts may not hold (lint), the translation report (translations), and the links
of every text followed on the twelve site plans (links): check_project.
"""
from __future__ import annotations

from pathlib import Path

from .content import load_pages
from .directories import load_directories
from .errors import Report
from .focus import load_focus
from .links import check_links
from .lint import check_texts
from .model import Project
from .site import check_resources, plan_sites
from .strings import Strings, load_strings
from .syntheses import load_syntheses
from .territories import TERRITORY_IDS, load_communes, load_territories
from .translations import check_translations


def load_project(root: Path, checks: bool = True) -> tuple[Project, Strings, Report]:
    """The project and every problem found in it. checks=False leaves out what spans the whole
    project (texts, translations, links): for a build worker whose caller already checked."""
    root = Path(root).resolve()
    report = Report(root)
    communes = load_communes(root / "sites", report)
    territories = load_territories(root / "sites", communes, report)
    pages = load_pages(root / "content", ("shared", "bassins") + TERRITORY_IDS, report)
    strings = load_strings(root / "theme" / "i18n", report)
    project = Project(root, communes, territories, pages, strings=strings)
    project.directories = load_directories(root / "directories", project, report)
    known = {p.stem for p in (root / "directories").glob("*.y*ml")}
    project.focus = load_focus(root / "focus", report, known)
    project.syntheses = load_syntheses(root / "content", TERRITORY_IDS, report)
    if checks:
        check_project(project, report)
    report.deduplicate()
    return project, strings, report


def check_project(project: Project, report: Report) -> None:
    """What spans the whole project: what texts may not hold, the translations, the links of
    every text followed on the twelve site plans. A build runs it while its workers build."""
    check_texts(project, report)
    check_translations(project, report)
    plans = plan_sites(project, report)
    check_links(project, plans, report)
    check_resources(plans, report)
    report.deduplicate()
