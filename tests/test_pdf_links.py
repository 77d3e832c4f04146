"""Every link of every PDF leads somewhere a reader can go: a published page of our sites, or the web.

A PDF is read on paper, in a mail client or downloaded: a link relative to the file, or to the
machine that built it (file:///…/content/…/x.md), leads nowhere and tells the world the server's
folders. Each link annotation of each PDF of the real build is read back (pypdf).
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pypdf import PdfReader

from publishing.commands.check import load_project
from publishing.markdown.html import absolute_links
from publishing.model import LANGS
from tests.support import ROOT

pytestmark = pytest.mark.slow


def our_sites() -> dict[str, tuple[str, str]]:
    """host -> (site, the folder of the language under the site's root: '' or 'nl/')."""
    project, _report = load_project(ROOT)
    found = {}
    for territory in project.territories.values():
        for lang in LANGS:
            parts = urlsplit(territory.url[lang])
            found[parts.hostname or ""] = (territory.id, parts.path.lstrip("/"))
    return found


def pdf_links(path: Path) -> list[str]:
    links = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                links.append(str(action["/URI"]))
    return links


def published(public: Path, site: str, path: str) -> bool:
    target = public / site / unquote(path).lstrip("/")
    return (target / "index.html").is_file() if path.endswith("/") or not path else target.is_file()


def test_every_link_of_every_pdf_leads_to_a_published_page_or_the_web(public):
    sites = our_sites()
    pdfs = sorted(public.rglob("*.pdf"))
    assert len(pdfs) > 50
    seen, ours, wrong = 0, 0, []
    for pdf in pdfs:
        for link in pdf_links(pdf):
            seen += 1
            parts = urlsplit(link)
            where = f"{pdf.relative_to(public)}: {link}"
            if parts.scheme not in ("https", "http", "mailto", "tel") or str(ROOT) in link or "/content/" in link:
                wrong.append(where)
            elif parts.hostname in sites:
                ours += 1
                site, _lang_folder = sites[parts.hostname]
                if not published(public, site, parts.path):
                    wrong.append(f"{where} (no such page)")
    assert not wrong, "\n".join(wrong)
    assert seen > 100 and ours > 50  # every PDF links to its web page at least


def test_a_synthesis_linking_to_another_links_to_its_page(public):
    """The case of issue 26: a synthesis of the region that links to another by its file name."""
    sources = [p for p in (ROOT / "content" / "region" / "syntheses").glob("*.fr.md")
               if "](2024-03-concertation-regionale.md)" in p.read_text(encoding="utf-8")]
    assert sources
    pdf = public / "region" / "syntheses" / sources[0].name.split(".")[0]
    links = [link for path in pdf.glob("*.pdf") for link in pdf_links(path)]
    assert "https://www.brusano.brussels/syntheses/2024-03-concertation-regionale/" in links


@pytest.mark.parametrize("href, absolute", [
    ("autre.md", "https://x.example.org/syntheses/autre/"),
    ("autre.nl.md#contexte", "https://x.example.org/syntheses/autre/#contexte"),
    ("../focus/diabete/index.md", "https://x.example.org/focus/diabete/"),
    ("fichier.pdf", "https://x.example.org/syntheses/fichier.pdf"),
    ("/helpdesk/", "https://x.example.org/helpdesk/"),
    ("#contexte", "#contexte"),
    ("https://example.org/", "https://example.org/"),
    ("mailto:info@example.org", "mailto:info@example.org"),
])
def test_relative_links_are_made_absolute_as_the_web_page_makes_them(href, absolute):
    assert absolute_links(f'<p><a href="{href}">x</a></p>', "https://x.example.org/syntheses/") == \
        f'<p><a href="{absolute}">x</a></p>'
