"""The report an editor reads: the same problem found twice is said once, two different ones twice."""
from __future__ import annotations

from pathlib import Path

from publishing.problems import Report


def test_distinct_warnings_of_one_site_survive_the_merge_of_the_workers_reports(tmp_path: Path):
    """MkDocs warnings of one site share file, line, code and place, and differ by their text."""
    worker = Report(tmp_path)
    worker.warn(tmp_path / "content", "mkdocs_warning", detail="[sud/fr] first warning")
    worker.warn(tmp_path / "content", "mkdocs_warning", detail="[sud/fr] second warning")
    report = Report(tmp_path)
    report.include(worker.problems)
    report.include(worker.problems)  # the other worker found the same two
    rendered = report.render("en")
    assert len(report.warnings) == 2
    assert "first warning" in rendered and "second warning" in rendered


def test_the_same_problem_found_on_several_sites_is_said_once(tmp_path: Path):
    first, second = Report(tmp_path), Report(tmp_path)
    for report in (first, second):
        report.add(tmp_path / "content/sud/index.fr.md", "broken_link", line=3, target="nulle-part.md")
    first.include(second.problems)
    assert len(first.errors) == 1
