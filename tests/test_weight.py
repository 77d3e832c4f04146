"""Page weight and privacy: the lean Material assets keep what our pages use, a page stays light
and, once loaded, asks no other host than its own."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest

from harness.chromium import record_requests
from publishing.mkdocs_adapter.lean import UNUSED, lean_css, lean_js

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
MATERIAL_JS = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def published_css(public: Path, site: str = "region") -> Path:
    found = list((public / site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert len(found) == 1, found
    return found[0]


def test_material_stylesheet_is_replaced_by_the_lean_one(public):
    lean = published_css(public)
    assert lean.name != MATERIAL_CSS.name
    assert lean.read_text(encoding="utf-8") == lean_css(MATERIAL_CSS.read_text(encoding="utf-8"))
    assert "md-search" not in lean.read_text(encoding="utf-8")
    page = (public / "region" / "index.html").read_text(encoding="utf-8")
    assert f'href="assets/stylesheets/{lean.name}"' in page
    assert MATERIAL_CSS.name not in page


def test_every_material_class_of_our_pages_is_still_styled(public):
    material_classes = set(CLASS.findall(MATERIAL_CSS.read_text(encoding="utf-8")))
    lean_classes = set(CLASS.findall(published_css(public).read_text(encoding="utf-8")))
    used = set()
    for page in public.rglob("*.html"):
        for value in re.findall(r'class="([^"]*)"', page.read_text(encoding="utf-8")):
            used.update(value.split())
    lost = sorted(c for c in used & material_classes if c not in lean_classes)
    assert not lost, f"styled by Material but dropped by lean.py (take them out of UNUSED): {lost}"
    assert not any(name in c for c in used for name in UNUSED if name.startswith("md-search"))


def test_a_typical_page_weighs_less_than_60_kB_gzipped(public):
    page = public / "region" / "a-propos" / "gouvernance" / "index.html"
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), 6))
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
    for url in assets:
        assert not url.startswith(("http:", "https:", "//")), url
        total += len(gzip.compress((page.parent / url).read_bytes(), 6))
    assert total < 60 * 1024, f"{total / 1024:.1f} kB"


def test_material_script_is_published_without_its_alternate_sitemap_requests(public):
    found = list((public / "sud" / "nl" / "assets" / "javascripts").glob("bundle.*.min.js"))
    assert len(found) == 1, found
    script = found[0].read_text(encoding="utf-8")
    assert found[0].name != MATERIAL_JS.name
    assert script == lean_js(MATERIAL_JS.read_text(encoding="utf-8"))
    assert "link[rel=alternate]" not in script and "sourceMappingURL" not in script
    page = (public / "sud" / "nl" / "index.html").read_text(encoding="utf-8")
    assert f'<script src="assets/javascripts/{found[0].name}"></script>' in page
    assert MATERIAL_JS.name not in page


def test_an_unknown_material_script_stops_the_build_with_a_reason():
    with pytest.raises(RuntimeError, match="mkdocs-material"):
        lean_js("function f(){return document.querySelectorAll('a')}")


@pytest.mark.parametrize("path", ["sud/", "sud/nl/", "region/", "region/nl/focus/fin-de-vie/"])
def test_a_loaded_page_asks_no_other_host(new_page, public_url, path):
    """Bassin pages link their other language on its own domain (hreflang) and the feed:
    none of it may be fetched. Only the local server is asked."""
    page = new_page()
    requested = record_requests(page)  # another host's too, though none leaves (harness/chromium.py)
    page.goto(public_url + path)
    page.wait_for_function("document.querySelector('.md-header') !== null")
    page.wait_for_timeout(1_000)  # Material's script runs its integrations after the load event
    other = [url for url in requested if url.startswith("http") and not url.startswith(public_url)]
    assert not other, other
    assert any(url.endswith(".min.js") for url in requested), requested


def test_the_filter_script_loads_only_where_a_list_has_filters(public):
    assert "filter.js" not in (public / "region" / "a-propos" / "gouvernance" / "index.html").read_text("utf-8")
    for site, page in (("sud", "repertoires/diabete"), ("sud", "nl/repertoires/diabete"), ("region", "syntheses")):
        html = (public / site / page / "index.html").read_text("utf-8")
        assert "data-bp-filter" in html and "assets/filter.js\" defer></script>" in html, page
    # a list with nothing to filter (Sud has no synthesis yet) loads no filter script
    assert "filter.js" not in (public / "sud" / "syntheses" / "index.html").read_text("utf-8")
