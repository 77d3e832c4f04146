"""Accessibility in a real browser: axe-core on a page of every kind, on every site, in both languages,
at the width of a laptop (1280 px) and of a phone (390 px); every Focus and every directory too (their
wide tables) on the region's site; and the menu, which must show all its tabs at 1220, 1280, 1440 px.

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


WIDTHS = {"desktop": False, "phone": True}  # 1280 px, 390 px (tests/chromium.py)


@pytest.fixture(scope="module", params=sorted(WIDTHS))
def axe_page(browser, request):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `make` (npm ci)")
    with open_page(browser, phone=WIDTHS[request.param]) as page:
        page.add_init_script(path=AXE)
        yield page


@pytest.fixture(scope="module")
def territories():
    project, _report = load_project(ROOT)
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


def every_page(root: Path, section: str) -> list[str]:
    return [f"{section}/{p.parent.name}/" for p in sorted((root / section).glob("*/index.html"))]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_no_wcag_violation_on_any_focus_or_directory(public, axe_page, territories, lang):
    """Their tables are the widest: at 390 px each scrolls, in a region the keyboard can reach."""
    failures = []
    folder, prefix = domain_root(public, territories["region"], lang)
    root = public / "region" / ("nl" if lang == "nl" else "")
    pages = every_page(root, "focus") + every_page(root, "repertoires")
    assert len(pages) > 6
    with serve_directory(folder) as server:
        for path in pages:
            failures += run_axe(axe_page, server.rstrip("/") + prefix + path)
    assert not failures, "\n".join(failures)


SCROLLING = """[...document.querySelectorAll('.md-typeset *')].filter(e => {
  const style = getComputedStyle(e);
  return e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX);
}).map(e => ({tag: e.tagName, cls: e.className, tabindex: e.getAttribute('tabindex'), role: e.getAttribute('role'),
              named: !!(e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby')
                        && document.getElementById(e.getAttribute('aria-labelledby'))))}))"""


def test_a_wide_table_scrolls_in_a_named_region_the_keyboard_reaches(public, new_page, territories):
    """On a phone, /focus/diabete/'s tables scroll: the element that scrolls is the focusable, named
    region, and the arrow keys move it once Tab has reached it."""
    folder, prefix = domain_root(public, territories["region"], "fr")
    page = new_page(phone=True)
    with serve_directory(folder) as server:
        page.goto(server.rstrip("/") + prefix + "focus/diabete/")
        scrolling = page.evaluate(SCROLLING)
        assert scrolling, "no table is wider than a phone's screen on /focus/diabete/: pick another page"
        for element in scrolling:
            assert element == {**element, "tabindex": "0", "role": "region", "named": True}, element
        region = page.locator(".bp-scroll").first
        region.focus()
        before = region.evaluate("e => e.scrollLeft")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("document.activeElement.scrollLeft > 0")
        assert region.evaluate("e => e.scrollLeft") > before


MENU = """(() => {
  const list = document.querySelector('.md-tabs__list');
  if (!list || getComputedStyle(document.querySelector('.md-tabs')).display === 'none') return null;
  const width = document.documentElement.clientWidth;
  return [...list.querySelectorAll('.md-tabs__item')].map(item => {
    const box = item.getBoundingClientRect();
    const listBox = list.getBoundingClientRect();
    return {text: item.textContent.trim(), left: box.left, right: box.right, width,
            inside: box.left >= listBox.left - 1 && box.right <= listBox.right + 1 && box.right <= width + 1
                    && box.height > 0};
  });
})()"""


@pytest.mark.parametrize("lang", ["fr", "nl"])
@pytest.mark.parametrize("site", TERRITORY_IDS)
def test_the_menu_shows_every_tab_at_laptop_widths(public, browser, territories, site, lang):
    """Material shows the menu as tabs from 1220 px up: every tab is on the screen (they wrap onto a
    second line when they do not fit on one), none cut off or scrolled out of sight."""
    from harness.chromium import DESKTOP

    folder, prefix = domain_root(public, territories[site], lang)
    with serve_directory(folder) as server:
        for width in (1220, 1280, 1440):
            context = browser.new_context(**{**DESKTOP, "viewport": {"width": width, "height": 800}})
            try:
                page = context.new_page()
                page.goto(server.rstrip("/") + prefix)
                tabs = page.evaluate(MENU)
                assert tabs, f"{site} {lang} {width} px: no menu shown"
                cut = [t for t in tabs if not t["inside"]]
                assert not cut, f"{site} {lang} {width} px: {cut}"
            finally:
                context.close()


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
