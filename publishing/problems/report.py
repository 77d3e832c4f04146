"""Problems found in the repository, and the report that collects them.

A problem names the file, the line, what is wrong and how to fix it. Loaders
never stop at the first problem: they add it to a `Report` and go on, so that an
editor gets the whole list at once.
"""
from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from publishing.problems import messages


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing to fix, located in a file (and a line when known)."""

    file: str
    code: str
    params: dict = field(default_factory=dict, compare=False, hash=False)
    line: int | None = None
    where: str = ""  # a path inside the file, e.g. "entries[3].phone"
    severity: Severity = Severity.ERROR

    @property
    def key(self) -> tuple:
        """What makes two problems the same (the same link broken on six sites is one problem)."""
        return (self.file, self.line or 0, self.where, self.code,
                tuple(sorted((k, str(v)) for k, v in self.params.items())))

    def render(self, lang: str = "fr") -> str:
        text, hint = messages.render(self.code, lang, self.params)
        place = self.file + (f":{self.line}" if self.line else "")
        where = f" {self.where}:" if self.where else ""
        label = "" if self.severity is Severity.ERROR else messages.word("warning", lang) + ": "
        out = f"{place}:{where} {label}{text}"
        if hint:
            out += f"\n  {messages.word('fix', lang)}: {hint}"
        return out


class Report:
    """Collects problems; counts them; decides the exit code."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def relative(self, path: Path | str) -> str:
        path = Path(path)
        if self.root is not None:
            try:
                return path.resolve().relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def add(self, file, code: str, line: int | None = None, where: str = "",
            severity: Severity = Severity.ERROR, **params) -> None:
        self.problems.append(Problem(self.relative(file), code, params, line, where, severity))

    def warn(self, file, code: str, line: int | None = None, where: str = "", **params) -> None:
        self.add(file, code, line, where, Severity.WARNING, **params)

    def extend(self, other: Report) -> None:
        self.problems.extend(other.problems)

    def include(self, problems: Iterable[Problem]) -> None:
        """Add problems found elsewhere (by a worker, by a build kept from last time), each once:
        two are the same when everything they say is (Problem.key, its parameters included)."""
        seen = {p.key for p in self.problems}
        for problem in problems:
            if problem.key not in seen:
                seen.add(problem.key)
                self.problems.append(problem)

    def deduplicate(self) -> None:
        """Keep one of each problem (the same one found on several sites, or by several workers)."""
        unique: dict[tuple, Problem] = {}
        for problem in self.problems:
            unique.setdefault(problem.key, problem)
        self.problems = list(unique.values())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def render(self, lang: str = "fr", strict: bool = False, published: bool | None = None) -> str:
        ordered = sorted({p.key: p for p in self.problems}.values(), key=lambda p: p.key)
        lines = [p.render(lang) for p in ordered]
        summary = messages.summary(len(self.errors), len(self.warnings), lang)
        if strict and self.warnings:
            summary += " " + messages.word("strict", lang)
        if published is False:
            summary += " " + messages.word("nothing_published", lang)
        lines.append(summary)
        return "\n".join(lines)


class ContentError(Exception):
    """Raised when the repository holds problems that stop the build.

    Carries the report; the command line prints it and exits with 1.
    """

    def __init__(self, report: Report) -> None:
        super().__init__(report.render())
        self.report = report


class UsageError(Exception):
    """A wrong command line: exit code 2.

    Carries a code of the catalogue (messages.USAGE) and its parameters; the command line
    words it in the language of --messages."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code, self.params = code, params

    def render(self, lang: str = "fr") -> str:
        return messages.usage(self.code, lang, self.params)

    def __str__(self) -> str:
        return self.render()
