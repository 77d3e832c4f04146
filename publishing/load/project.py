"""Read the whole repository into a Project, collecting every problem on the way.

The order is the data flow: territories, then content pages, directories (which
need the communes and bassins), Focus (which name directories), syntheses, news, partners'
notices and events (whose places need the communes). What spans
the whole project is checked after (publishing.checks), by `check` and `build` alike.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from publishing.load.directories import load_directories
from publishing.load.events import load_events
from publishing.load.focus import load_focus
from publishing.load.news import load_news, load_notices
from publishing.load.newsletters import load_editions
from publishing.load.pages import load_pages
from publishing.load.redirects import load_redirects
from publishing.load.strings import load_strings
from publishing.load.syntheses import load_syntheses
from publishing.load.territories import load_communes, load_territories
from publishing.model import TERRITORY_IDS, Project, Strings
from publishing.problems import Report


def read_project(root: Path, today: date) -> tuple[Project, Strings, Report]:
    """The project and every problem found in its files (publishing.checks adds what spans them).
    today: the day the build treats as today (publishing.load.today)."""
    root = Path(root).resolve()
    report = Report(root)
    communes = load_communes(root / "sites", report)
    territories = load_territories(root / "sites", communes, report)
    pages = load_pages(root / "content", ("shared", "bassins") + TERRITORY_IDS, report)
    strings = load_strings(root / "theme" / "i18n", report)
    project = Project(root, communes, territories, pages, strings, today=today)
    project.directories = load_directories(root / "directories", project, report)
    known = {p.stem for p in (root / "directories").glob("*.y*ml")}
    project.focus = load_focus(root / "focus", report, known)
    project.syntheses = load_syntheses(root / "content", TERRITORY_IDS, report)
    project.news = load_news(root / "content", TERRITORY_IDS, report)
    project.notices = load_notices(root / "content", TERRITORY_IDS, report)
    project.events = load_events(root / "content", project, report)
    project.redirects = load_redirects(root / "sites", territories, report)
    project.editions = load_editions(root / "content", TERRITORY_IDS, report)
    report.deduplicate()
    return project, strings, report
