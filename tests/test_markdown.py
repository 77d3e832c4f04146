"""Valid Markdown an editor writes builds as written: what the check reads agrees with the page."""
from __future__ import annotations

import pytest

from publishing import build_sites, check
from tests.support import make_repo

FOOTNOTES = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # Accueil

    Une affirmation sourcée[^1], et une autre[^longue].

    [^1]: La note de bas de page, sur une ligne.
    [^longue]: Une note sur plusieurs lignes,
        qui continue ici avec un [lien](https://example.org/).
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # Startpagina

    Een bewering met bron[^1].

    [^1]: De voetnoot.
"""


@pytest.mark.slow
def test_footnotes_pass_the_check_and_show_on_the_page(tmp_path):
    root = make_repo(tmp_path, FOOTNOTES)
    report = check(root)
    assert not report.errors, report.render()
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out, with_files=False)
    assert not report.errors, report.render()
    page = (out / "sud" / "index.html").read_text(encoding="utf-8")
    assert 'class="footnote"' in page and "La note de bas de page, sur une ligne." in page
    assert "qui continue ici avec un" in page and 'href="https://example.org/"' in page


NOTES = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # Accueil

    <!-- à vérifier avec l'équipe : chiffre provisoire -->
    Un texte public.
    <!--
    Une note sur
    plusieurs lignes.
    -->
    `<!-- ceci est du code, montré tel quel -->`
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # Startpagina

    Een openbare tekst. <!-- interne nota -->
"""


@pytest.mark.slow
def test_editors_notes_in_html_comments_are_never_published(tmp_path):
    root = make_repo(tmp_path, NOTES)
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out)
    assert not report.errors, report.render()
    published = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (out / "sud").rglob("*")
                        if p.is_file() and p.suffix in (".html", ".xml", ".json", ".ics"))
    for note in ("chiffre provisoire", "plusieurs lignes", "interne nota"):
        assert note not in published
    assert "Un texte public." in published and "Een openbare tekst." in published
    assert "ceci est du code, montré tel quel" in published  # code shows what it holds


def test_a_link_to_a_page_of_another_folder_suggests_that_page_not_this_one(tmp_path):
    root = make_repo(tmp_path, FOOTNOTES + """
    -- content/shared/helpdesk.fr.md --
    ---
    title: Helpdesk
    ---
    # Helpdesk
    -- content/sud/actualites/2026-12-10-annonce.fr.md --
    ---
    title: Annonce
    summary: Une annonce.
    date: 2026-12-10
    ---
    Voir [le helpdesk](helpdesk.md).
""")
    report = check(root)
    (problem,) = [p for p in report.errors if p.code == "broken_link"]
    assert "« ../helpdesk.md »" in problem.render("fr")


CODE = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # Accueil

    Un exemple de Markdown, en bloc de code indenté :

        Voir [la page](nulle-part.md) et ![](absente.png).
        <script>montré, pas exécuté</script>

    Et une liste :

    - un point qui cite `[x](ailleurs.md)`.
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # Startpagina
"""


@pytest.mark.slow
def test_indented_code_holding_links_and_html_passes_the_check_and_shows_as_written(tmp_path):
    # the check reads what the page holds: code shows text, it has no link, image or script
    root = make_repo(tmp_path, CODE)
    report = check(root)
    assert not report.errors, report.render()
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out, with_files=False)
    assert not report.errors, report.render()
    page = (out / "sud" / "index.html").read_text(encoding="utf-8")
    assert "Voir [la page](nulle-part.md)" in page and "&lt;script&gt;montré, pas exécuté" in page


def test_a_table_scrolls_in_a_region_named_by_its_heading():
    """Issue 27: on the web, each table is in a region the keyboard can reach (markdown/tables.py),
    named by the heading above it, or by its header row when no heading is above it."""
    import markdown

    from publishing.markdown.extensions import web_extensions

    names = [e if isinstance(e, str) else next(iter(e)) for e in web_extensions("Lien")]
    md = markdown.Markdown(extensions=names)
    html = md.convert("| A | B |\n| - | - |\n| 1 | 2 |\n\n## Les chiffres\n\nTexte.\n\n"
                      "| C | D |\n| - | - |\n| 3 | 4 |\n")
    import re

    regions = re.findall(r"<div ([^>]*)><table>", html)
    assert regions == ['aria-label="A, B" class="bp-scroll" role="region" tabindex="0"',
                       'aria-labelledby="les-chiffres" class="bp-scroll" role="region" tabindex="0"']
    assert html.count("</table></div>") == 2 and 'id="les-chiffres"' in html
