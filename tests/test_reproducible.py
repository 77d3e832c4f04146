"""Two builds of the same commit are byte-identical, and the output holds nothing but the sites."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from publishing import build_sites
from publishing.commands.check import load_project
from publishing.load.today import build_today
from publishing.output import pdf
from publishing.output.synthesis_pdf import synthesis_html
from tests.support import ROOT


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def clone(root: Path, into: Path) -> Path:
    """The repository's files as a fresh clone has them (no build output, cache or installs)."""
    skip = {".git", "public", "build", ".venv", "node_modules", ".public.building", ".pytest_cache", "bench"}
    into.mkdir(parents=True)
    for item in root.iterdir():
        if item.name in skip or item.name.startswith("."):
            continue
        if item.is_dir():
            shutil.copytree(item, into / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, into / item.name)
    return into


def test_two_clones_in_two_folders_build_byte_identical_sites(public, tmp_path):
    """The real content built in another folder of another name, from scratch (no cache, no PDF
    made before): the same files, byte for byte, PDFs and the editor included. A path of the
    machine in any output would differ."""
    other = clone(ROOT, tmp_path / "un-autre-dossier" / "brusano")
    again = tmp_path / "public"
    report = build_sites(other, out=again, cache=False, today=build_today(ROOT))
    assert not report.errors, report.render()
    first, second = digests(public), digests(again)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert not different, f"{len(different)} files differ, e.g. {different[:10]}"


@pytest.mark.slow
def test_a_pdf_rendered_twice_is_byte_identical():
    """The build reuses cached PDFs: render one without the cache, twice."""
    project, _report = load_project(ROOT)
    synthesis = project.syntheses[0]
    text = synthesis.text("fr")
    html = synthesis_html(project, synthesis, "fr", "https://example.org/", 1)
    first = pdf.render(html, text.source.parent, ROOT, text.title, "fr")
    second = pdf.render(html, text.source.parent, ROOT, text.title, "fr")
    assert first.content == second.content


def test_the_output_holds_no_source_no_git_and_no_draft(public):
    names = [p.relative_to(public).as_posix() for p in public.rglob("*")]
    editor = "region/admin/config.yml"  # the web editor's configuration, made by the build (no source)
    assert editor in names
    assert not [n for n in names if n.endswith((".md", ".yml", ".yaml", ".py", ".pickle")) and n != editor]
    assert not [n for n in names if ".git" in n.split("/") or n.split("/")[-1].startswith(".")]
    drafts = [p for folder in ("content", "focus") for p in (ROOT / folder).rglob("*")
              if p.suffix in (".md", ".yml") and "draft: true" in p.read_text(encoding="utf-8")]
    for draft in drafts:
        if draft.name.startswith("index."):
            continue  # a Focus text (its focus.yml says draft) or a section's index
        slug = draft.parent.name if draft.name == "focus.yml" else draft.name.split(".")[0]
        assert not [n for n in names if f"/{slug}/" in f"/{n}"], draft
