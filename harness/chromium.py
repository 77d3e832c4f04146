"""Headless Chromium for the tests and the bench, driven by Playwright for Python.

Debian's Chromium (scripts/install-system.sh, or $CHROMIUM) is launched through
`executable_path`: Playwright downloads no browser, `playwright install` is never run.
Each page has a browser context of its own, desktop (1280 × 800) or phone (390 × 844,
touch, three device pixels a CSS pixel). A request to a host other than this machine's
is seen (Playwright's request events): open_page() fails when the page closes. It never
leaves the machine either: Chromium sends it to a proxy that is not there (127.0.0.1:9)
and it fails; loopback addresses bypass proxies. (Playwright's routing could block it too,
but routing turns the HTTP cache off: the axe-core pages took a fifth longer with it.)

    with sync_playwright() as playwright:
        browser = launch(playwright)
        with open_page(browser, phone=True) as page:
            page.goto("http://127.0.0.1:8000/")
            page.keyboard.press("/")
            page.keyboard.type("helpdesk")
            page.wait_for_function("document.querySelectorAll('li').length > 0")

This module does not import Playwright (its caller does: tests/conftest.py's browser
fixture), so that a missing package fails the browser tests alone, with its name.
"""
from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Playwright

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--proxy-server=http://127.0.0.1:9"]  # only to stop requests to other hosts: nothing listens there
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 800}}
PHONE: dict[str, Any] = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3,
                         "is_mobile": True, "has_touch": True}
LOCAL = ("127.0.0.1", "localhost", "::1")
WAIT_MS = 10_000  # wait_for_function, clicks, key presses
NAVIGATION_MS = 30_000


def find_chromium() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env:
        return env
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def launch(playwright: Playwright, executable: str | None = None) -> Browser:
    """Debian's Chromium, headless."""
    executable = executable or find_chromium()
    if not executable:
        raise RuntimeError("Chromium not found: install Debian's `chromium` (scripts/install-system.sh)")
    return playwright.chromium.launch(executable_path=executable, headless=True, args=ARGS)


def elsewhere(url: str) -> bool:
    """A request that would leave this machine."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.hostname not in LOCAL


def other_hosts(context: BrowserContext) -> list[str]:
    """The live list of the URLs that the context's pages (and their workers) ask another host for."""
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url) if elsewhere(request.url) else None)
    return asked


def record_requests(page: Page) -> list[str]:
    """The live list of the URLs the page (and its workers) asks for from now on."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@contextlib.contextmanager
def open_page(browser: Browser, phone: bool = False) -> Iterator[Page]:
    """A page in a context of its own, closed on leaving; fails if it asked another host."""
    context = browser.new_context(**(PHONE if phone else DESKTOP))
    context.set_default_timeout(WAIT_MS)
    context.set_default_navigation_timeout(NAVIGATION_MS)
    asked = other_hosts(context)
    try:
        yield context.new_page()
    finally:
        context.close()
    assert not asked, f"requests to another host than this machine: {asked}"
