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
from publishing.model import TERRITORY_IDS, Project
from publishing.problems import Report


def read_project(root: Path, today: date) -> tuple[Project, Report]:
    """The project (its strings: project.strings) and every problem found in its files
    (publishing.checks adds what spans them).
    today: the day the build treats as today (publishing.load.today)."""
    root = Path(root).resolve()
    report = Report(root)
    communes = load_communes(root / "sites", report)
    territories = load_territories(root / "sites", communes, report)
    pages = load_pages(root / "content", ("shared", "bassins") + TERRITORY_IDS, report)
    strings = load_strings(root / "theme" / "i18n", report)
    # What the directories and the events are checked against (communes, bassins, today): the
    # project before them; the project returned is built whole, once, from everything read.
    base = Project(root, communes, territories, pages, strings, today)
    project = Project(
        root, communes, territories, pages, strings, today,
        directories=load_directories(root / "directories", base, report),
        focus=load_focus(root / "focus", report, {p.stem for p in (root / "directories").glob("*.y*ml")}),
        syntheses=load_syntheses(root / "content", TERRITORY_IDS, report),
        news=load_news(root / "content", TERRITORY_IDS, report),
        notices=load_notices(root / "content", TERRITORY_IDS, report),
        events=load_events(root / "content", base, report),
        redirects=load_redirects(root / "sites", territories, report),
        editions=load_editions(root / "content", TERRITORY_IDS, report),
    )
    report.deduplicate()
    return project, report
