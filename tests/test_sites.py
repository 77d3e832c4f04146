"""The built sites, as a visitor and a search engine see them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from publishing.model import TERRITORY_IDS

SITES = TERRITORY_IDS


def html(public: Path, path: str) -> str:
    return (public / path).read_text(encoding="utf-8")


def test_every_site_has_both_languages(public):
    for site in SITES:
        assert (public / site / "index.html").exists()
        assert (public / site / "nl" / "index.html").exists()


@pytest.mark.parametrize("site", SITES)
def test_html_lang_matches_the_folder(public, site):
    for page in (public / site).rglob("*.html"):
        lang = "nl" if "nl" in page.relative_to(public / site).parts[:1] else "fr"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), page


def test_canonical_and_hreflang_are_absolute_on_each_domain(public):
    page = html(public, "sud/nl/index.html")
    assert '<link rel="canonical" href="https://www.zorgzone-zuid.brussels/">' in page
    assert 'hreflang="fr" href="https://www.bassin-sud.brussels/"' in page
    region = html(public, "region/nl/index.html")
    assert '<link rel="canonical" href="https://www.brusano.brussels/nl/">' in region
    for page in public.rglob("*.html"):
        for href in re.findall(r'rel="alternate" hreflang="[^"]+" href="([^"]+)"', page.read_text("utf-8")):
            assert href.startswith("https://"), (page, href)


def test_language_switch_leads_to_the_same_page(public):
    page = html(public, "sud/helpdesk/index.html")
    assert '<a class="bp-lang" href="https://www.zorgzone-zuid.brussels/helpdesk/" hreflang="nl" lang="nl">' in page
    back = html(public, "region/nl/helpdesk/index.html")
    assert '<a class="bp-lang" href="https://www.brusano.brussels/helpdesk/" hreflang="fr" lang="fr">' in back
    assert (public / "sud/nl/helpdesk/index.html").exists()


def test_root_404_is_french_and_dutch_404_is_dutch(public):
    for site in SITES:
        root_404 = html(public, f"{site}/404.html")
        nl_404 = html(public, f"{site}/nl/404.html")
        assert '<html lang="fr"' in root_404 and "Page introuvable" in root_404
        assert '<html lang="nl"' in nl_404 and "Pagina niet gevonden" in nl_404


def test_sitemap_per_language_root_with_absolute_urls(public):
    for site in SITES:
        for prefix in ("", "nl/"):
            xml = html(public, f"{site}/{prefix}sitemap.xml")
            locs = re.findall(r"<loc>([^<]+)</loc>", xml)
            assert locs and all(loc.startswith("https://") for loc in locs)
    nl = html(public, "sud/nl/sitemap.xml")
    assert "<loc>https://www.zorgzone-zuid.brussels/helpdesk/</loc>" in nl
    assert 'hreflang="fr" href="https://www.bassin-sud.brussels/helpdesk/"' in nl


def test_header_and_footer_link_the_six_territories_helpdesk_and_accessibility(public):
    page = html(public, "nord-est/nl/index.html")
    for url in ("https://www.brusano.brussels/nl/", "https://www.zorgzone-zuid.brussels/",
                "https://www.zorgzone-centrum-west.brussels/"):
        assert page.count(f'href="{url}"') >= 2, url  # the territories bar and the footer
    footer = page[page.index('<footer'):]
    assert "helpdesk/" in footer and "accessibilite/" in footer and "sitemap.xml" in footer
    assert "Made with" not in page and "md-source" not in page and "Material for MkDocs" not in page


THIRD_PARTY = re.compile(r'<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)='
                         r'"(https?:)?//(?![^"]*\.brussels/)[^"]*"')


def test_nothing_is_requested_from_another_host(public):
    for page in public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|img|iframe|source|link)\b[^>]*>", text):
            if tag.startswith("<link") and re.search(r'rel="(canonical|alternate|license)"', tag):
                continue  # links, not requests
            url = re.search(r'\b(?:src|href)="([^"]*)"', tag)
            assert not url or not re.match(r"(https?:)?//", url.group(1)), (page, tag)
    for sheet in list(public.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        assert "@import url(http" not in text and "fonts.googleapis" not in text, sheet
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert not re.match(r"(https?:)?//", url), (sheet, url)


def test_every_page_is_in_its_own_language_nav(public):
    nl = html(public, "region/nl/index.html")
    tabs = re.search(r'<nav class="md-tabs".*?</nav>', nl, re.S).group(0)
    assert "Over ons" in tabs or "Over Brusano" in tabs
    assert "À propos" not in tabs


# --- behaviour on inline repositories ----------------------------------------------

@pytest.mark.slow
def test_a_page_in_content_shared_appears_on_all_six_sites(tmp_path):
    from publishing import build_sites
    from tests.support import HOME, make_repo

    root = make_repo(tmp_path, HOME + """
        -- content/shared/vaccination.fr.md --
        ---
        title: Vaccination
        nav: 20
        ---
        # Vaccination

        Une page nouvelle sur {{ territory.name }}.
    """)
    out = tmp_path / "public"
    report = build_sites(root, out=out)
    assert not report.errors, report.render()
    for site in SITES:
        fr = (out / site / "vaccination/index.html").read_text(encoding="utf-8")
        assert "Une page nouvelle sur" in fr
        nl = (out / site / "nl/vaccination/index.html").read_text(encoding="utf-8")
        # published in French on the Dutch site, with a notice in Dutch, no Dutch alternate
        assert '<html lang="nl"' in nl and "Deze pagina is nog niet vertaald" in nl
        assert 'lang="fr"' in nl.split('class="md-content"', 1)[1]
        assert 'hreflang="nl"' not in nl.split("</head>")[0]
        assert 'hreflang="nl"' not in fr.split("</head>")[0]


@pytest.mark.parametrize("change, expected", [
    (("tagline:", "taglin:"), "sites/sud.yml:6: clé inconnue « taglin »."),
    (("  - forest\n", "  - forrest\n"), "sites/sud.yml:14: communes[0]: commune inconnue « forrest »."),
    (("  nl: Zorgzone Zuid\n", ""), "sites/sud.yml:3: name: le texte néerlandais manque pour « name »."),
])
@pytest.mark.slow
def test_a_typo_in_a_territory_config_stops_the_build_with_file_line_and_fix(tmp_path, change, expected):
    from publishing import build_sites
    from tests.support import make_repo

    root = make_repo(tmp_path)
    path = root / "sites/sud.yml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    out = tmp_path / "public"
    report = build_sites(root, out=out)
    rendered = report.render("fr")
    assert expected in rendered, rendered
    assert "À faire:" in rendered
    assert not out.exists() or not any(out.iterdir())
