"""The organisation's pages (issue 18): contact, legal notice, privacy statement, publications, on
the region's site in French and Dutch, linked from the footer of every page of every site."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from publishing.commands.check import load_project

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("contact", "mentions-legales", "vie-privee", "publications")
SITES = ("region", "nord", "nord-est", "centre-ouest", "sud", "sud-est")


def built(public: Path, site: str, lang: str, path: str) -> str:
    return (public / site / ("nl" if lang == "nl" else "") / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_four_pages_exist_on_the_region_in_both_languages(public, lang):
    for slug in PAGES:
        html = built(public, "region", lang, slug)
        assert f'<html lang="{lang}"' in html, slug
        assert 'class="bp-notice"' not in html, f"{slug} is translated"  # no "not translated" notice
    contact = built(public, "region", lang, "contact")
    assert ("rue Breydel 40" if lang == "fr" else "Breydelstraat 40") in contact
    assert 'href="tel:+3228802980"' in contact and "mailto:info@brusano.brussels" in contact
    assert "BE0711.719.484" in built(public, "region", lang, "mentions-legales")


def test_the_privacy_statement_says_what_the_server_keeps():
    """It says the last byte of an IPv4 address is dropped: the server configuration does so."""
    from publishing.commands.server_config import read_settings, server_config
    text, _report = server_config(ROOT, read_settings(ROOT / "server.yml"))
    assert r'"~*^(?P<v4>\d+\.\d+\.\d+)\.\d+$" "$v4.0";' in text and "log_format brusano '$brusano_client " in text
    privacy = (ROOT / "content/region/vie-privee.fr.md").read_text(encoding="utf-8")
    assert "Pas de cookie" in privacy and "tronquée" in privacy
    assert "Set-Cookie" not in text and "add_header Set-Cookie" not in text


@pytest.mark.parametrize("site", SITES)
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_footer_links_the_four_pages(public, site, lang):
    project, _report = load_project(ROOT)
    region = project.territories["region"].url[lang]
    html = built(public, site, lang, "agenda")
    footer = html[html.index('<footer class="md-footer bp-footer">'):]
    for slug in PAGES:
        hrefs = re.findall(rf'<a href="([^"]*{slug}/)">', footer)
        assert len(hrefs) == 1, (site, lang, slug)
        if site == "region":
            assert hrefs[0] == f"../{slug}/"
        else:
            assert hrefs[0] == f"{region}{slug}/"
            assert (public / "region" / ("nl" if lang == "nl" else "") / slug / "index.html").is_file()


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_each_bassin_says_how_to_reach_its_team(public, lang):
    project, _report = load_project(ROOT)
    contact = project.territories["region"].url[lang] + "contact/"
    for site in SITES[1:]:
        html = built(public, site, lang, "presentation")
        article = html[html.index("<article"):html.index("</article>")]  # not the footer's link
        assert f'href="{contact}"' in article, site
