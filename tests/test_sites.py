"""The built sites, as a visitor and a search engine see them."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from publishing.territories import TERRITORY_IDS

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
