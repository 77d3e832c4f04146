"""Two builds of the same commit are byte-identical, and the output holds nothing but the sites."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from publishing import build_sites
from publishing.commands.check import load_project
from publishing.output import pdf
from publishing.output.synthesis_pdf import synthesis_html
from tests.support import ROOT


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_of_the_real_content_are_byte_identical(public, tmp_path):
    again = tmp_path / "public"
    report = build_sites(ROOT, out=again, cache=False)
    assert not report.errors, report.render()
    first, second = digests(public), digests(again)
    assert sorted(first) == sorted(second)
    different = [path for path in first if first[path] != second[path]]
    assert not different, f"{len(different)} files differ, e.g. {different[:10]}"


@pytest.mark.slow
def test_a_pdf_rendered_twice_is_byte_identical():
    """The build reuses cached PDFs: render one without the cache, twice."""
    project, strings, _report = load_project(ROOT)
    synthesis = project.syntheses[0]
    text = synthesis.text("fr")
    html = synthesis_html(project, strings, synthesis, "fr", "https://example.org/", 1)
    first = pdf.render(html, text.source.parent, ROOT, text.title, "fr")
    second = pdf.render(html, text.source.parent, ROOT, text.title, "fr")
    assert first.content == second.content


def test_the_output_holds_no_source_no_git_and_no_draft(public):
    names = [p.relative_to(public).as_posix() for p in public.rglob("*")]
    assert not [n for n in names if n.endswith((".md", ".yml", ".yaml", ".py", ".pickle"))]
    assert not [n for n in names if ".git" in n.split("/") or n.split("/")[-1].startswith(".")]
    drafts = [p for folder in ("content", "focus") for p in (ROOT / folder).rglob("*")
              if p.suffix in (".md", ".yml") and "draft: true" in p.read_text(encoding="utf-8")]
    for draft in drafts:
        if draft.name.startswith("index."):
            continue  # a Focus text (its focus.yml says draft) or a section's index
        slug = draft.parent.name if draft.name == "focus.yml" else draft.name.split(".")[0]
        assert not [n for n in names if f"/{slug}/" in f"/{n}"], draft
