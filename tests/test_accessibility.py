"""Accessibility in a real browser: axe-core on a page of every kind, on every site, in both languages.

Each site in each language is served on localhost as on its own domain (harness.served.serve_directory:
the 404 page links its assets from the domain's root) and opened in headless Chromium
(harness/chromium.py, Playwright); axe-core (npm, node_modules/axe-core) is loaded into each page before
its own scripts, and run with the rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA (wcag22aa
included) and its best practices. No violation is allowed, whatever its impact: each is printed
with the elements it concerns.
"""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.chromium import open_page
from harness.served import serve_directory
from publishing.commands.check import load_project
from publishing.model import TERRITORY_IDS
from tests.support import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("minor", "moderate", "serious", "critical")  # every impact fails the test
# The rules of WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags), and axe's best practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN = """axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: TAGS}})
  .then(result => result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + '  '
                                   + (n.failureSummary || '').split('\\n').slice(1).join(' '))
})))""".replace("TAGS", json.dumps(TAGS))


def first_page(folder: Path, section: str) -> str:
    """The address of the first page of a section, e.g. 'focus/diabete/'."""
    pages = sorted(p.parent.name for p in (folder / section).glob("*/index.html"))
    assert pages, f"no page in {folder / section}"
    return f"{section}/{pages[0]}/"


def items(folder: Path, section: str) -> list[str]:
    """The first item page of a list (news, events, notices) when the site has one."""
    pages = sorted(p.parent.name for p in (folder / section).glob("*/index.html") if not p.parent.name.isdigit())
    return [f"{section}/{pages[0]}/"] if pages else []


def representative_pages(public: Path, site: str, lang: str) -> list[str]:
    """A page of every kind: the home (the front door), a content page, the presentation, each
    section's list and one of its pages, the 404."""
    root = public / site / ("nl" if lang == "nl" else "")
    return ["", "helpdesk/", "presentation/", "focus/", first_page(root, "focus"), "repertoires/",
            first_page(root, "repertoires"), "syntheses/", *items(root, "syntheses"), "actualites/",
            *items(root, "actualites"), "agenda/", *items(root, "agenda"), "valves/", *items(root, "valves"),
            "valves/proposer/",
            "404.html"]


@pytest.fixture(scope="module")
def axe_page(browser):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `make` (npm ci)")
    with open_page(browser) as page:
        page.add_init_script(path=AXE)
        yield page


@pytest.fixture(scope="module")
def territories():
    project, _strings, _report = load_project(ROOT)
    return project.territories


def domain_root(public: Path, territory, lang: str) -> tuple[Path, str]:
    """The folder served as the root of a language's domain, and the path of the site in it:
    (public/sud/nl, '/') for www.zorgzone-zuid.brussels/, (public/region, '/nl/') for brusano.brussels/nl/."""
    prefix = urlsplit(territory.url[lang]).path
    folder = public / territory.id / ("nl" if lang == "nl" else "")
    for _segment in prefix.strip("/").split("/") if prefix.strip("/") else ():
        folder = folder.parent
    return folder, prefix


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("site", TERRITORY_IDS)
def test_no_wcag_violation(public, axe_page, territories, site, lang):
    failures = []
    folder, prefix = domain_root(public, territories[site], lang)
    with serve_directory(folder) as server:
        for path in representative_pages(public, site, lang):
            failures += run_axe(axe_page, server.rstrip("/") + prefix + path)
    assert not failures, "\n".join(failures)


def run_axe(axe_page, url: str) -> list[str]:
    """The page's violations, printed (every impact counts: BLOCKING)."""
    axe_page.goto(url)
    axe_page.wait_for_function("typeof axe !== 'undefined'")
    violations = axe_page.evaluate(RUN)  # axe.run's promise, awaited
    if not any(v["impact"] in BLOCKING for v in violations):
        return []
    return [f"{url}\n" + "\n".join(
        f"  [{v['impact']}] {v['id']}: {v['help']}\n" + "\n".join(f"      {n}" for n in v["nodes"])
        for v in violations)]
