"""Check the whole repository without writing public/.

Loading the project checks everything a build checks before it builds (files,
schemas, texts, translations, links on the twelve site plans: publishing.project);
`check` adds what only the build would find out: that each synthesis fits on one page.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Report
from .project import load_project
from .synthesis_pages import render_checked


def check(root: Path) -> Report:
    project, strings, report = load_project(Path(root))
    # a synthesis must fit on one page: render it (from the cache when unchanged)
    for synthesis in project.syntheses:
        for lang in synthesis.texts:
            render_checked(project, strings, synthesis, lang, report)
    report.deduplicate()
    return report
