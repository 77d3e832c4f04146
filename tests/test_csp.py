"""The Content-Security-Policy of the production server, kept by every page (issue 16).

No built page holds a script the policy would block (an inline script, an event-handler
attribute); and every kind of page of two sites, a French domain and a Dutch one, served by nginx
from the generated configuration, works in Chromium under that policy — search dialog, directory
filter, language switch, Material's menu and table of contents — with zero violations and no
request to another host.
"""
from __future__ import annotations

import re

import pytest

from publishing.output.nginx import CSP
from tests.support import ROOT

EXECUTED = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)
HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


STYLED = re.compile(r"<style[\s>]|<[a-z][^>]*\sstyle\s*=", re.I)


def test_the_policy_allows_no_inline_script_or_style():
    directives = dict(d.split(" ", 1) for d in CSP.split("; "))
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["style-src"] == "'self'"  # issue 27: no 'unsafe-inline', no data:
    assert directives["default-src"] == "'none'" and directives["frame-ancestors"] == "'none'"


def test_no_built_page_holds_an_inline_script_handler_or_style(public):
    pages = sorted(public.rglob("*.html"))
    assert len(pages) > 400
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not EXECUTED.search(html), f"{path.relative_to(public)}: {EXECUTED.search(html).group(0)}"
        assert not HANDLER.search(html), f"{path.relative_to(public)}: {HANDLER.search(html).group(0)}"
        assert not STYLED.search(html), f"{path.relative_to(public)}: {STYLED.search(html).group(0)}"


# --- in Chromium, behind nginx -------------------------------------------------------------------------

WATCH = ("window.__violations = [];"
         "document.addEventListener('securitypolicyviolation',"
         " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")


@pytest.fixture(scope="module")
def csp_browser(browser, real_server):
    """A second Chromium from the session's Playwright (two cannot run in one thread), which sends
    the sites' host names to the loopback nginx (and nothing elsewhere)."""
    from harness.chromium import ARGS, find_chromium

    args = [*ARGS, "--host-resolver-rules=MAP *.brussels 127.0.0.1", "--proxy-bypass-list=*.brussels"]
    mapped = browser.browser_type.launch(executable_path=find_chromium(), headless=True, args=args)
    yield mapped, real_server[0]
    mapped.close()


def until(page, expression: str, timeout: float = 10.0) -> None:
    """Wait for a condition by asking the page from outside (DevTools' evaluate): Playwright's
    wait_for_function compiles its predicate with eval(), which this very policy forbids."""
    import time

    end = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > end:
            raise AssertionError(f"still false after {timeout} s: {expression}")
        time.sleep(0.05)


class Visit:
    """One page under the policy: what the console said, the violations, the hosts asked."""

    def __init__(self, browser, settings, phone: bool = False):
        from harness.chromium import DESKTOP, PHONE

        self.port = settings.https_port
        self.context = browser.new_context(ignore_https_errors=True, **(PHONE if phone else DESKTOP))
        self.context.set_default_timeout(10_000)
        self.context.add_init_script(WATCH)
        self.requests: list[str] = []
        self.console: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page = self.context.new_page()
        self.page.on("console", lambda message: self.console.append(message.text)
                     if message.type in ("error", "warning") else None)

    def open(self, host: str, path: str):
        response = self.page.goto(f"https://{host}:{self.port}{path}")
        self.page.wait_for_load_state("load")
        return response

    def close(self) -> None:
        violations = self.page.evaluate("window.__violations")
        self.context.close()
        assert not violations, violations
        assert not [m for m in self.console if "Content Security Policy" in m or "Refused" in m], self.console
        elsewhere = [u for u in self.requests
                     if not re.match(rf"^https://[a-z.-]+\.brussels:{self.port}/", u) and not u.startswith("data:")]
        assert not elsewhere, elsewhere


SITES = {
    # host: the pages of each kind on that site (the region in French, Bassin Sud in Dutch)
    "www.brusano.brussels": ["/", "/a-propos/", "/focus/diabete/", "/repertoires/sante-mentale/", "/syntheses/",
                             "/syntheses/2023-01-19-forum-ouvert/", "/actualites/",
                             "/actualites/2023-09-21-demenagement-rue-breydel/", "/agenda/",
                             "/agenda/2022-10-19-forum-des-membres/", "/valves/", "/helpdesk/"],
    "www.zorgzone-zuid.brussels": ["/", "/presentation/", "/focus/sante-mentale/", "/repertoires/fin-de-vie/",
                                   "/syntheses/", "/actualites/", "/agenda/",
                                   "/agenda/2022-10-18-portes-ouvertes-ateliers-du-changement/", "/valves/",
                                   "/concertations/sante-mentale/"],
}


TERRITORY = {"www.brusano.brussels": "region", "www.zorgzone-zuid.brussels": "sud"}

# The colours the stylesheets give (assets/colours.css, no style attribute): the territory's accent,
# the header painted with it, and each territory's dot in the bar above the header.
COLOURS = """[getComputedStyle(document.documentElement).getPropertyValue('--bp-accent').trim(),
  getComputedStyle(document.querySelector('.md-header')).backgroundColor,
  [...document.querySelectorAll('.bp-territories li a')]
    .map(a => getComputedStyle(a).getPropertyValue('--bp-dot').trim())]"""


def rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.parametrize("host", sorted(SITES))
def test_every_kind_of_page_loads_under_the_policy(csp_browser, host):
    import yaml

    from publishing.model import TERRITORY_IDS

    colours = {t: yaml.safe_load((ROOT / "sites" / f"{t}.yml").read_text(encoding="utf-8"))["colour"].lower()
               for t in TERRITORY_IDS}
    browser, settings = csp_browser
    visit = Visit(browser, settings)
    try:
        for path in SITES[host]:
            response = visit.open(host, path)
            assert response.status == 200, path
            assert response.headers["content-security-policy"] == CSP, path
            assert visit.page.evaluate("typeof __md_scope === 'object' && typeof __md_get === 'function'"), path
            accent, header, dots = visit.page.evaluate(COLOURS)
            own = colours[TERRITORY[host]]
            assert (accent, header, dots) == (own, rgb(own), [colours[t] for t in TERRITORY_IDS]), path
        response = visit.open(host, "/nothing-here/")
        assert response.status == 404 and visit.page.evaluate("document.documentElement.lang") in ("fr", "nl")
    finally:
        visit.close()


def test_search_filters_language_switch_menu_and_toc_work_under_the_policy(csp_browser):
    browser, settings = csp_browser
    visit = Visit(browser, settings)
    page = visit.page
    try:
        # the search dialog: Pagefind's scripts and WebAssembly run, a result appears
        visit.open("www.brusano.brussels", "/")
        page.keyboard.press("/")
        until(page, "document.getElementById('bp-search-dialog').open")
        page.keyboard.type("helpdesk")
        until(page, "document.querySelectorAll('#bp-search-results a').length > 0", timeout=30)
        # a directory's filter narrows the list
        visit.open("www.brusano.brussels", "/repertoires/sante-mentale/")
        until(page, "!document.querySelector('[data-bp-filter]').hidden")
        before = page.evaluate("document.querySelectorAll('.bp-entry:not([hidden])').length")
        page.focus("#bp-text")
        page.keyboard.type("helpdesk")
        until(page, f"document.querySelectorAll('.bp-entry:not([hidden])').length < {before}")
        # the language switch names the Dutch page (absolute: on a bassin it is another domain),
        # which loads under the policy too
        visit.open("www.brusano.brussels", "/a-propos/")
        href = page.get_attribute("a[hreflang='nl']", "href")
        assert href == "https://www.brusano.brussels/nl/a-propos/"
        visit.open("www.brusano.brussels", "/nl/a-propos/")
        assert page.evaluate("document.documentElement.lang") == "nl"
        # the table of contents: a click moves to its section
        visit.open("www.brusano.brussels", "/focus/diabete/")
        link = page.locator(".md-sidebar--secondary .md-nav__link").first
        anchor = link.get_attribute("href")
        link.click()
        until(page, f"location.hash === {anchor!r}")
    finally:
        visit.close()
    phone = Visit(browser, settings, phone=True)
    try:
        # Material's menu, on a phone: the drawer opens
        phone.open("www.zorgzone-zuid.brussels", "/presentation/")
        phone.page.click(".md-header label[for='__drawer']")
        until(phone.page, "document.getElementById('__drawer').checked")
        assert phone.page.locator(".md-nav--primary").first.is_visible()
    finally:
        phone.close()


def test_a_style_the_policy_forbids_is_seen(csp_browser):
    """The watch sees styles too: a style attribute written into a page's markup is refused and counted."""
    browser, settings = csp_browser
    visit = Visit(browser, settings)
    visit.open("www.zorgzone-zuid.brussels", "/")
    visit.page.evaluate("() => { document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>'); }")
    until(visit.page, "window.__violations.some(v => v.startsWith('style-src'))")
    with pytest.raises(AssertionError):
        visit.close()


def test_a_script_the_policy_forbids_is_seen(csp_browser):
    """The watch works: an inline script added to a page is refused and counted."""
    browser, settings = csp_browser
    visit = Visit(browser, settings)
    visit.open("www.brusano.brussels", "/")
    visit.page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';"
                        " document.body.append(s); }")
    until(visit.page, "window.__violations.length > 0")
    with pytest.raises(AssertionError):
        visit.close()
