"""Shared fixtures: one real build of the repository per test session, and inline repos."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from publishing import build_sites

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def public(tmp_path_factory) -> Path:
    """The six sites built from the real content."""
    out = tmp_path_factory.mktemp("public") / "public"
    report = build_sites(ROOT, out=out)
    assert not report.errors, report.render()
    return out


def make_repo(tmp_path: Path, files: str = "") -> Path:
    """A copy of the real repository's sites/ and theme/ plus files given inline:

        -- content/shared/page.fr.md --
        ...text...
    """
    root = tmp_path / "repo"
    for folder in ("sites", "theme"):
        shutil.copytree(ROOT / folder, root / folder)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "shared").mkdir(parents=True)
    current = None
    buffer: list[str] = []

    def flush():
        if current is not None:
            path = root / current
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent("\n".join(buffer)).lstrip("\n"), encoding="utf-8")

    for line in textwrap.dedent(files).splitlines():
        if line.startswith("-- ") and line.endswith(" --"):
            flush()
            current, buffer = line[3:-3].strip(), []
        else:
            buffer.append(line)
    flush()
    return root
