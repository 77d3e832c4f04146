"""Shared fixtures: one real build of the repository per test session, the fictional fixture
repository, the browser and nginx. Helpers are imported from tests/support.py and harness/."""
from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

import pytest

from harness.served import serve_directory
from publishing import build_sites
from tests.support import FIXTURES, HOME, ROOT, make_repo

# Fixtures that build the sites or start a browser or a server: a test using one is slow (make test-fast)
SLOW_FIXTURES = frozenset({"public", "fixture_root", "fixture_public", "public_url", "browser", "new_page",
                           "real_server", "stack"})


@pytest.hookimpl(tryfirst=True)  # before `-m` selects on the markers
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def public(tmp_path_factory) -> Path:
    """The six sites built from the real content."""
    out = tmp_path_factory.mktemp("public") / "public"
    report = build_sites(ROOT, out=out)
    assert not report.errors, report.render()
    return out


@pytest.fixture(scope="session")
def fixture_root(tmp_path_factory) -> Path:
    """A repository with the fictional Focus and directory of tests/fixtures/."""
    root = make_repo(tmp_path_factory.mktemp("fixture"), HOME)
    shutil.copytree(FIXTURES / "focus", root / "focus")
    shutil.copytree(FIXTURES / "directories", root / "directories")
    return root


@pytest.fixture(scope="session")
def fixture_public(fixture_root) -> Path:
    """The six sites built from the fixture repository."""
    out = fixture_root.parent / "public"
    report = build_sites(fixture_root, out=out)
    assert not report.errors, report.render()
    return out


@pytest.fixture(scope="session")
def public_url(public) -> str:
    """The built sites served on localhost: public_url + 'sud/nl/' is the Dutch home of Sud."""
    with serve_directory(public) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session, driven by Playwright (harness/chromium.py)."""
    from harness.chromium import find_chromium, launch

    if not find_chromium():
        pytest.skip("Chromium is not installed: run scripts/install-system.sh")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install -e '.[test]' (make)", pytrace=False)
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser):
    """Open pages: new_page() on a desktop, new_page(phone=True) on a phone. Each is closed after
    the test, which fails if one of them asked another host than this machine."""
    from harness.chromium import open_page

    with contextlib.ExitStack() as pages:
        yield lambda phone=False: pages.enter_context(open_page(browser, phone=phone))


@pytest.fixture(scope="session")
def real_server(public):
    """Debian's nginx from the generated configuration, serving the real build deployed as in
    production (`deploy`: a release with its .br and .gz, `current` pointing at it), in a folder its
    workers may read, on loopback: (ServerSettings, its folder)."""
    from harness.served import running_nginx
    from publishing.commands.deploy import CURRENT, deploy

    tmp = Path(tempfile.mkdtemp(prefix="brusano-real-"))
    tmp.chmod(0o755)
    deploy(public, tmp / "srv")
    with running_nginx(tmp / "srv" / CURRENT) as running:
        yield running
    shutil.rmtree(tmp)
