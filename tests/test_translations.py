"""The translation report: Dutch missing, Dutch older than its French source (front matter or Git dates)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from publishing.commands.check import check
from tests.support import make_repo

PAGES = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    ---
    # Accueil
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    ---
    # Startpagina
"""


def git(root, *args, day: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.org",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.org")
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_dutch_file_committed_before_its_french_source_changed_is_reported(tmp_path):
    root = make_repo(tmp_path, PAGES)
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "FR and NL", day="2024-01-10")
    fr = root / "content/shared/index.fr.md"
    fr.write_text(fr.read_text(encoding="utf-8") + "\nUn paragraphe ajouté.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "FR changed", day="2024-03-05")
    lines = check(root).render("fr").splitlines()
    assert ("content/shared/index.nl.md: avertissement: traduction plus ancienne que le français : "
            "« content/shared/index.fr.md » a changé le 2024-03-05, cette traduction date du 2024-01-10.") in lines
    nl = root / "content/shared/index.nl.md"
    nl.write_text(nl.read_text(encoding="utf-8") + "\nEen toegevoegde alinea.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "NL follows", day="2024-03-06")
    assert not check(root).problems


def test_updated_dates_win_over_git_and_outside_git_nothing_is_guessed(tmp_path):
    root = make_repo(tmp_path, PAGES)
    assert not check(root).problems  # no Git, no dates: no warning
    for lang, day in (("fr", "2024-05-02"), ("nl", "2024-05-01")):
        page = root / f"content/shared/index.{lang}.md"
        page.write_text(page.read_text(encoding="utf-8").replace("---\n#", f"updated: {day}\n---\n#"),
                        encoding="utf-8")
    assert [p.code for p in check(root).warnings] == ["translation_outdated"]


def test_missing_dutch_is_listed_for_pages_focus_and_syntheses(tmp_path):
    root = make_repo(tmp_path, PAGES + """
    -- content/shared/seule.fr.md --
    # Seule
    -- focus/essai/focus.yml --
    updated: 2024-05-01
    -- focus/essai/index.fr.md --
    ---
    title: Essai
    summary: Un essai.
    ---
    ## Texte
    """)
    report = check(root)
    assert sorted((p.file, p.code) for p in report.warnings) == [
        ("content/shared/seule.fr.md", "not_translated"), ("focus/essai/index.fr.md", "not_translated")]
