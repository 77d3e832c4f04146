"""`build.py check`: check the whole repository without writing public/.

Loading reads and validates every file (publishing.load); what spans the whole project
is checked next (publishing.checks: texts, translations, links on the twelve site plans),
as a build does before it publishes; `check` adds what only the build would find out:
that each synthesis fits on one page.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from publishing.checks import check_project
from publishing.load.project import read_project
from publishing.load.today import build_today
from publishing.markdown import body, reading
from publishing.model import Project
from publishing.plan.sections.syntheses import render_checked
from publishing.problems import Report


def load_project(root: Path, checks: bool = True, today: date | None = None) -> tuple[Project, Report]:
    """The project and every problem found in it. checks=False leaves out what spans the whole
    project (texts, translations, links): for a build worker whose caller already checked.
    today: the day the build treats as today (by default the last commit's, publishing.load.today)."""
    project, report = read_project(Path(root), today or build_today(Path(root)))
    if checks:
        check_project(project, report)
    return project, report


def check(root: Path, today: date | None = None) -> Report:
    reading.use_cache(Path(root))  # what each text holds and its compiled variables, by its content
    body.keep_compiled(Path(root))
    project, report = load_project(Path(root), today=today)
    reading.save_cache(Path(root))
    # a synthesis must fit on one page: render it (from the cache when unchanged)
    for synthesis in project.syntheses:
        for lang in synthesis.texts:
            render_checked(project, synthesis, lang, report)
    report.deduplicate()
    return report
