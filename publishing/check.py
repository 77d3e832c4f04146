"""Check the whole repository without writing public/."""
from __future__ import annotations

from pathlib import Path

from .errors import Report
from .model import LANGS
from .project import load_project
from .site import plan_site
from .synthesis_pages import render_checked


def check(root: Path) -> Report:
    project, strings, report = load_project(Path(root))
    for territory in project.territories.values():
        for lang in LANGS:
            plan_site(project, territory, lang, report, with_files=False)
    # a synthesis must fit on one page: render it (from the cache when unchanged)
    for synthesis in project.syntheses:
        for lang in synthesis.texts:
            render_checked(project, strings, synthesis, lang, report)
    # the same template error seen on six sites is one problem
    unique = {}
    for problem in report.problems:
        unique.setdefault((problem.file, problem.line, problem.code, problem.where), problem)
    report.problems = list(unique.values())
    return report
