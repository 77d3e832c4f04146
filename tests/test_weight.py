"""Page weight: the lean Material stylesheet keeps what our pages use, and a page stays light."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import material

from publishing.mkdocs_adapter.lean import UNUSED, lean_css

MATERIAL_CSS = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))
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
