"""Focus brochures: the web pages and the PDFs people print."""
from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from publishing.commands.check import load_project
from publishing.model import TERRITORY_IDS
from tests.support import HOME, ROOT, make_repo

A4 = (595.28, 841.89)


def pdf(public: Path, site: str, lang: str, slug: str = "exemple") -> pypdf.PdfReader:
    folder = public / site / ("nl/" if lang == "nl" else "") / "focus" / slug
    return pypdf.PdfReader(folder / f"focus-{slug}-{site}-{lang}.pdf")


def text_of(reader: pypdf.PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def titles(outline) -> list[str]:
    out = []
    for item in outline:
        out.extend(titles(item) if isinstance(item, list) else [item.title])
    return out


# --- the PDF -----------------------------------------------------------------------

@pytest.mark.parametrize("site", TERRITORY_IDS)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_edition_is_an_a4_pdf(fixture_public, site, lang):
    reader = pdf(fixture_public, site, lang)
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    assert len(reader.pages) >= 4  # cover, contents, text, appendix


def test_cover_names_the_territory_title_edition_and_date(fixture_public):
    cover = text_of(pdf(fixture_public, "nord", "fr"))[0]
    for expected in ("Bassin Nord", "Focus d'exemple", "Édition Bassin Nord", "15 octobre 2026"):
        assert expected in cover
    cover_nl = text_of(pdf(fixture_public, "nord", "nl"))[0]
    for expected in ("Zorgzone Noord", "Voorbeeldfocus", "Editie Zorgzone Noord", "15 oktober 2026"):
        assert expected in cover_nl
    assert "Édition régionale" in text_of(pdf(fixture_public, "region", "fr"))[0]


def test_contents_lists_the_sections_with_page_numbers(fixture_public):
    reader = pdf(fixture_public, "region", "fr")
    contents = text_of(reader)[1]
    assert "Sommaire" in contents
    for section in ("En bref", "Les aides", "Où s'adresser ?", "Annexe : répertoire"):
        match = re.search(re.escape(section) + r"[ .]*\s(\d+)", contents)
        assert match, (section, contents)
        number = int(match.group(1))
        assert section.split(" :")[0] in text_of(reader)[number - 1]  # the page it points to


def test_running_footer_gives_title_and_page_x_of_y(fixture_public):
    reader = pdf(fixture_public, "sud", "fr")
    total = len(reader.pages)
    third = text_of(reader)[2]
    assert f"page 3 / {total}" in third and "Focus d'exemple" in third
    assert f"pagina 3 / {total}" in text_of(pdf(fixture_public, "sud", "nl"))[2]


def test_bookmarks_follow_the_headings(fixture_public):
    outline = titles(pdf(fixture_public, "region", "fr").outline)
    for heading in ("En bref", "Les aides", "Une aide fictive", "Où s'adresser ?", "Annexe : répertoire"):
        assert heading in outline
    assert outline.index("Les aides") < outline.index("Une aide fictive") < outline.index("Où s'adresser ?")


def test_document_language_title_tags_and_pdf_ua(fixture_public):
    for lang, title in (("fr", "Focus d'exemple – Édition Bassin Sud"),
                        ("nl", "Voorbeeldfocus – Editie Zorgzone Zuid")):
        reader = pdf(fixture_public, "sud", lang)
        root = reader.trailer["/Root"]
        assert root["/Lang"] == lang
        assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
        assert "/StructTreeRoot" in root
        assert reader.metadata.title == title
        assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert "pdfuaid:part" in xmp and "1" in xmp.split("pdfuaid:part")[1][:5]


def test_fonts_are_embedded(fixture_public):
    reader = pdf(fixture_public, "region", "nl")
    fonts = 0
    for page in reader.pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts += 1
    assert fonts


def test_links_are_clickable_and_external_urls_printed(fixture_public):
    reader = pdf(fixture_public, "region", "fr")
    uris = [a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots", [])
            if a.get_object().get("/A")]
    assert "https://www.example.org/" in uris
    assert "tel:+3225550101" in uris
    assert "(www.example.org)" in text_of(reader)[2]


def test_bassin_edition_filters_the_appendix(fixture_public):
    region = "\n".join(text_of(pdf(fixture_public, "region", "fr")))
    nord = "\n".join(text_of(pdf(fixture_public, "nord", "fr")))
    sud = "\n".join(text_of(pdf(fixture_public, "sud", "fr")))
    for name in ("Soins Forest Exemple", "Soins Laeken Exemple", "Service Uccle Exemple", "Ligne d'écoute Exemple"):
        assert name in region
    assert "Soins Laeken Exemple" in nord and "Soins Forest Exemple" not in nord
    assert "Soins Forest Exemple" in sud and "Soins Laeken Exemple" not in sud
    assert "Toute la région" in nord  # the region-wide line is marked on a bassin's edition


def test_table_keeps_its_header_row(fixture_public):
    body = text_of(pdf(fixture_public, "region", "fr"))[2]
    assert "Aide Pour qui Où demander" in body


def test_an_unchanged_pdf_is_not_rendered_again(fixture_root, monkeypatch):
    from publishing.output import focus_pdf as brochure

    project, _report = load_project(fixture_root)
    focus, territory = project.focus["exemple"], project.territories["sud"]
    first = brochure.render_brochure(project, focus, territory, "fr", "https://x/")
    import weasyprint

    monkeypatch.setattr(weasyprint, "HTML", lambda *a, **k: (_ for _ in ()).throw(AssertionError("rendered")))
    second = brochure.render_brochure(project, focus, territory, "fr", "https://x/")
    assert second.content == first.content and second.pages == first.pages


# --- the web pages -------------------------------------------------------------------

def test_focus_page_offers_its_pdf_with_size_and_page_count(fixture_public):
    html = (fixture_public / "nord/focus/exemple/index.html").read_text(encoding="utf-8")
    link = re.search(r'<a class="md-button md-button--primary" href="([^"]+)"[^>]*download>'
                     r"Télécharger le PDF <span[^>]*>\(PDF, (\d+) ko, (\d+) pages\)</span></a>", html)
    assert link, html[:2000]
    href, size, pages = link.groups()
    assert href == "https://www.bassin-nord.brussels/focus/exemple/focus-exemple-nord-fr.pdf"
    file = fixture_public / "nord/focus/exemple/focus-exemple-nord-fr.pdf"
    assert file.is_file()
    assert int(pages) == len(pypdf.PdfReader(file).pages)
    assert abs(int(size) - file.stat().st_size / 1024) <= 1
    assert '<time datetime="2026-10-15">15 octobre 2026</time>' in html


def test_focus_jsonld_links_the_two_editions(fixture_public):
    html = (fixture_public / "region/nl/focus/exemple/index.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "WebPage" and data["inLanguage"] == "nl"
    document = data["mainEntity"]
    assert document["@type"] == "DigitalDocument" and document["encodingFormat"] == "application/pdf"
    assert document["url"] == "https://www.brusano.brussels/nl/focus/exemple/focus-exemple-region-nl.pdf"
    assert document["translationOfWork"]["url"] == "https://www.brusano.brussels/focus/exemple/focus-exemple-region-fr.pdf"


def test_index_has_a_card_per_focus_with_summary_and_date(fixture_public):
    html = (fixture_public / "sud/focus/index.html").read_text(encoding="utf-8")
    assert '<a href="exemple/">Focus d&#x27;exemple</a>' in html
    assert "Un Focus fictif qui sert aux tests" in html
    assert '<time datetime="2026-10-15">' in html


def test_untranslated_focus_is_listed_in_dutch_and_offers_the_french_pdf(fixture_public):
    index = (fixture_public / "sud/nl/focus/index.html").read_text(encoding="utf-8")
    card = index[index.index('<a href="non-traduit/">'):]
    assert "Nog niet in het Nederlands vertaald." in card[:800]
    page = (fixture_public / "sud/nl/focus/non-traduit/index.html").read_text(encoding="utf-8")
    assert "https://www.bassin-sud.brussels/focus/non-traduit/focus-non-traduit-sud-fr.pdf" in page
    assert (fixture_public / "sud/focus/non-traduit/focus-non-traduit-sud-fr.pdf").is_file()
    assert not (fixture_public / "sud/nl/focus/non-traduit/focus-non-traduit-sud-nl.pdf").exists()
    assert 'hreflang="nl"' not in page.split("</head>")[0]


# --- the real Focus --------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def site_urls() -> list[tuple[str, str]]:
    """(URL of a site's home in a language, its folder in public/), Dutch first: the
    region's Dutch URL lies inside its French one."""
    project, _report = load_project(ROOT)
    return [(t.url[lang], t.id + ("/nl/" if lang == "nl" else "/"))
            for lang in ("nl", "fr") for t in project.territories.values()]


def local(public: Path, url: str) -> Path:
    """The file in public/ that an absolute URL of one of the sites points to."""
    for home, folder in site_urls():
        if url.startswith(home):
            return public / (folder + url[len(home):])
    raise AssertionError(f"not a URL of the sites: {url}")


def real_focus() -> list[str]:
    return sorted(p.name for p in (ROOT / "focus").iterdir() if (p / "focus.yml").is_file())


def test_the_six_starter_focus_exist():
    assert {"fin-de-vie", "sante-mentale", "diabete", "soutien-domicile", "accessibilite-financiere",
            "vie-au-domicile"} <= set(real_focus())


@pytest.mark.parametrize("site", TERRITORY_IDS)
def test_every_real_focus_has_its_page_and_pdf_on_every_site(public, site):
    for slug in real_focus():
        for lang in ("fr", "nl"):
            prefix = "nl/" if lang == "nl" else ""
            html = (public / site / prefix / "focus" / slug / "index.html").read_text(encoding="utf-8")
            href = re.search(r'class="md-button md-button--primary" href="([^"]+\.pdf)"', html).group(1)
            file = local(public, href)
            assert file.is_file(), href
            reader = pypdf.PdfReader(file)
            assert len(reader.pages) >= 4


# --- the editors' command ----------------------------------------------------------

@pytest.mark.slow
def test_new_focus_creates_a_draft_that_checks_clean(tmp_path):
    root = make_repo(tmp_path)
    (root / "directories").mkdir()
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "new", "focus", "aidants"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for name in ("focus.yml", "index.fr.md", "index.nl.md"):
        assert (root / "focus/aidants" / name).is_file()
    assert "draft: true" in (root / "focus/aidants/focus.yml").read_text(encoding="utf-8")
    project, report = load_project(root)
    assert not report.errors, report.render()
    assert "aidants" not in project.focus  # a draft is never published
    again = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "new", "focus", "aidants"],
                           capture_output=True, text=True, cwd=ROOT)
    assert again.returncode == 2 and "existe déjà" in again.stderr


def test_an_unquoted_cover_colour_is_caught(tmp_path):
    root = make_repo(tmp_path, """
        -- focus/essai/focus.yml --
        updated: 2026-01-05
        cover: #1b4f8a
        -- focus/essai/index.fr.md --
        ---
        title: Essai
        summary: Un essai.
        ---
        ## Partie
    """)
    _project, report = load_project(root)
    assert ("focus/essai/focus.yml:2: cover: la couleur de couverture est vide : sans guillemets, « # » commence "
            "un commentaire en YAML.") in report.render("fr")


@pytest.mark.slow
def test_images_of_two_focus_with_the_same_name_stay_apart(tmp_path):
    """Two Focus each with its own schema.svg: each page shows its own."""
    files = HOME
    for slug, title in (("alpha", "Alpha"), ("beta", "Bêta")):
        files += f"""
        -- focus/{slug}/focus.yml --
        updated: 2024-05-01
        -- focus/{slug}/index.fr.md --
        ---
        title: {title}
        summary: Un Focus d'essai.
        ---
        ## Le schéma

        ![Schéma du Focus {title}](schema.svg)

        Voir aussi <a href="schema.svg">le schéma seul</a> et `![pas une image](schema.svg)`.
        """
    root = make_repo(tmp_path, files)
    for slug in ("alpha", "beta"):
        (root / "focus" / slug / "schema.svg").write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>{slug}</title></svg>',
            encoding="utf-8")
    from publishing import build_sites

    out = tmp_path / "public"
    report = build_sites(root, ["region"], out=out, with_files=False)
    assert not report.errors, report.render()
    for slug in ("alpha", "beta"):
        folder = out / "region" / "focus" / slug
        assert f"<title>{slug}</title>" in (folder / "schema.svg").read_text(encoding="utf-8")
        html = (folder / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<img alt="Schéma du Focus [^"]+" src="schema.svg"', html), html
        assert '<a href="schema.svg">le schéma seul</a>' in html
        assert "<code>![pas une image](schema.svg)</code>" in html  # code is left as written
    assert not (out / "region" / "focus" / "schema.svg").exists()
