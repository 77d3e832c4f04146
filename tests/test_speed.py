"""What the build does to be fast changes nothing of what it publishes.

- Each item of Material's navigation that is not on a page's path is rendered once per
  build (mkdocs_adapter/shared_nav.py): every page is byte for byte what Material renders.
- One Markdown converter per build (mkdocs_adapter/speed.py, OneConverter): every page is what
  MkDocs' own Page.render gives it.
"""
from __future__ import annotations

import pytest

from publishing.commands.check import load_project
from publishing.mkdocs_adapter import build_language, shared_nav
from publishing.plan.site import plan_site
from tests.support import HOME, make_repo


def built_pages(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.html"))}


NAVIGATION = HOME + """
    -- content/shared/guide/index.fr.md --
    ---
    title: Guide
    nav: 1
    ---
    # Guide
    -- content/shared/guide/etape.fr.md --
    ---
    title: Étape
    nav: 1
    ---
    # Étape
    -- content/shared/hors.fr.md --
    ---
    title: Hors du menu
    ---
    # Hors du menu
    -- content/shared/guide/annexe.fr.md --
    ---
    title: Annexe
    ---
    # Annexe
    -- content/shared/guide/details/plus.fr.md --
    ---
    title: Plus loin
    ---
    # Plus loin
"""


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_shared_navigation_is_materials_own(tmp_path, monkeypatch, lang):
    project, report = load_project(make_repo(tmp_path, NAVIGATION))
    plan = plan_site(project, project.territory("sud"), lang, report, with_files=False)
    builds, reused = {}, 0
    for enabled in (False, True):
        monkeypatch.setattr(shared_nav, "ENABLED", enabled)
        before = shared_nav.SharedNav.reuses
        out = tmp_path / f"shared-{enabled}"
        build_language(project, plan, out, tmp_path / "staging")
        builds[enabled] = built_pages(out)
        reused = shared_nav.SharedNav.reuses - before
    # every page, in the navigation or not (three pages outside it, at three depths), was
    # given the items it is not in from the shared markup
    pages = [key for key in builds[True] if key != "404.html"]
    assert {"hors/index.html", "guide/annexe/index.html", "guide/details/plus/index.html"} <= set(pages)
    assert reused >= len(pages)
    assert builds[True].keys() == builds[False].keys()
    differ = [key for key in builds[True] if builds[True][key] != builds[False][key]]
    assert not differ


def test_a_changed_material_partial_stops_the_build_with_a_reason():
    with pytest.raises(shared_nav.ThemeChanged, match="partials/nav-item.html no longer holds"):
        shared_nav.patch("partials/nav-item.html", "{% macro render(nav_item, path, level) %}{% endmacro %}")


PAGES_WITH_STATE = {  # what Markdown's extensions keep between the parts of one text
    "index.md": "# Accueil\n\nLe CPAS[^1] et l'INAMI.\n\n*[CPAS]: Centre public d'action sociale\n\n"
                "[^1]: Dans chaque commune.\n\n## Où demander {#ou}\n\n[Aide](aide.md#qui)\n",
    "aide.md": "# Aide\n\nSans note ni abréviation: l'INAMI, le CPAS.\n\n## Qui\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "plus.md": "Pas de titre.\n\nUne note[^a].\n\n[^a]: Seule.\n\n!!! note\n    Dans un encadré.\n",
}


def test_one_converter_renders_each_page_as_mkdocs_own(tmp_path):
    """speed.OneConverter (one Markdown converter per build, reset between pages) gives each page
    the HTML, table of contents, title and anchors MkDocs' Page.render gives it; footnotes,
    abbreviations and ids do not leak from one page into the next. And it is in use: MkDocs'
    Page.render is still the one it replicates (a new MkDocs that changes it fails here)."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.pages import Page

    from publishing.markdown.extensions import web_extensions
    from publishing.mkdocs_adapter import speed

    assert speed.RENDER_AS_REPLICATED
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in PAGES_WITH_STATE.items():
        (docs / name).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"), docs_dir=str(docs), site_dir=str(tmp_path / "site"),
                         markdown_extensions=web_extensions("#"))
    files = get_files(config)
    converter = speed.OneConverter()
    rendered = {}
    for _round in range(2):  # the converter's second round follows its first
        for file in files.documentation_pages():
            theirs, ours = Page(None, file, config), Page(None, file, config)
            for page in (theirs, ours):
                page.read_source(config)
            theirs.render(config, files)
            converter.render(ours, config, files)
            assert ours.content == theirs.content, file.src_uri
            assert [str(ours.toc), ours.title, ours.present_anchor_ids] == [str(theirs.toc), theirs.title,
                                                                          theirs.present_anchor_ids]
            rendered[file.src_uri] = ours.content
    assert "<abbr" in rendered["index.md"] and "<abbr" not in rendered["aide.md"]  # index.md's abbreviation
    assert rendered["plus.md"].count('<li id="fn:') == 1  # its own note, not index.md's
