"""The translation report: what is missing in Dutch, and what Dutch has fallen behind the French.

French is the reference. Warnings, that the team can act on one by one:

- a content page without its Dutch file (`not_translated`; Focus, syntheses and
  directory entries report their own when they load);
- a Dutch file older than its French source (`translation_outdated`): by the
  `updated` dates of their front matter when both have one, or else by the dates
  of the last Git commits of the two files. Outside a Git checkout (an export, a
  test folder) there are no commit dates, and nothing is said.
"""
from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

from publishing.model import Project
from publishing.problems import Report

WATCHED = ("content", "focus")


def check_translations(project: Project, report: Report) -> None:
    pages = {(p.scope, p.key, p.lang): p for p in project.pages}
    for (scope, key, lang), page in sorted(pages.items(), key=lambda item: str(item[1].source)):
        if lang == "fr" and (scope, key, "nl") not in pages:
            report.warn(page.source, "not_translated", stem=page.source.name.rsplit(".", 2)[0])
    commits = CommitDates(project.root)
    for (scope, key, lang), page in pages.items():
        french = pages.get((scope, key, "fr"))
        if lang == "fr" or french is None:
            continue
        if page.updated and french.updated:
            compare(report, french.source, french.updated, page.source, page.updated)
        else:
            compare_commits(report, commits, french.source, page.source)
    for document in project.documents():
        if "fr" in document.texts and "nl" in document.texts:
            compare_commits(report, commits, document.texts["fr"].source,
                            document.texts["nl"].source)


def compare_commits(report: Report, commits: CommitDates, french: Path, dutch: Path) -> None:
    fr_date, nl_date = commits.get(french), commits.get(dutch)
    if fr_date and nl_date:
        compare(report, french, fr_date, dutch, nl_date)


def compare(report: Report, french: Path, fr_date: date, dutch: Path, nl_date: date) -> None:
    if nl_date < fr_date:
        report.warn(dutch, "translation_outdated", line=None, source=report.relative(french),
                    source_date=fr_date.isoformat(), date=nl_date.isoformat())


class CommitDates:
    """The date of the last commit of each file of content/ and focus/, from one `git log`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self.dates: dict[str, date] | None = None

    def get(self, path: Path) -> date | None:
        if self.dates is None:
            self.dates = self._read()
        try:
            rel = Path(path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return None
        return self.dates.get(rel)

    def _read(self) -> dict[str, date]:
        try:
            out = subprocess.run(
                ["git", "-C", str(self.root), "log", "--relative", "--format=%x00%cs", "--name-only",
                 "--no-renames", "--", *WATCHED],
                capture_output=True, text=True, timeout=60, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            return {}  # not a Git checkout, or no git: no dates, no warnings
        dates: dict[str, date] = {}
        current: date | None = None
        for line in out.splitlines():
            if line.startswith("\0"):
                try:
                    current = date.fromisoformat(line[1:].strip())
                except ValueError:
                    current = None
            elif line.strip() and current is not None:
                dates.setdefault(line.strip(), current)  # newest first: the first date is the last commit
        return dates
