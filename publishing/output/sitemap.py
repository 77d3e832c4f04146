"""sitemap.xml for each language root, with absolute URLs and hreflang alternates."""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from publishing.model import LANGS, SitePlan


def sitemap_xml(plans: list[SitePlan]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for plan in plans:
        territory = plan.territory
        for page in sorted(plan.pages, key=lambda p: p.url):
            if not page.translated:
                continue  # the original is listed in its own language
            lines.append("  <url>")
            lines.append(f"    <loc>{escape(territory.absolute(plan.lang, page.url))}</loc>")
            if page.meta.updated:
                lines.append(f"    <lastmod>{page.meta.updated}</lastmod>")
            if len(page.translations) > 1:
                for lang in LANGS:
                    if lang in page.translations:
                        href = escape(territory.absolute(lang, page.url))
                        lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemaps(site_dir: Path, plans: list[SitePlan]) -> None:
    """One sitemap per domain root: the region's FR root lists both languages (one domain)."""
    by_lang = {plan.lang: plan for plan in plans}
    for lang, plan in by_lang.items():
        root = site_dir if lang == "fr" else site_dir / lang
        same_domain = [p for p in plans if p.territory.url[p.lang].startswith(plan.territory.url[lang])]
        (root / "sitemap.xml").write_text(sitemap_xml(same_domain), encoding="utf-8")
        gz = root / "sitemap.xml.gz"
        if gz.exists():
            gz.unlink()
