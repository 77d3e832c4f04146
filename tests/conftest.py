"""Shared fixtures: one real build of the repository per test session, and inline repos."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import textwrap
import threading
from pathlib import Path

import pytest

from publishing import build_sites

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def public(tmp_path_factory) -> Path:
    """The six sites built from the real content."""
    out = tmp_path_factory.mktemp("public") / "public"
    report = build_sites(ROOT, out=out)
    assert not report.errors, report.render()
    return out


FIXTURES = Path(__file__).resolve().parent / "fixtures"

# A home page in both languages for the six sites, for inline repositories.
HOME = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # {{ territory.name }}
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # {{ territory.name }}
"""


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


def make_repo(tmp_path: Path, files: str = "") -> Path:
    """A copy of the real repository's sites/ (less its old addresses) and theme/ plus files given inline:

        -- content/shared/page.fr.md --
        ...text...
    """
    root = tmp_path / "repo"
    for folder in ("sites", "theme"):
        # the real old addresses lead to real pages, which an inline repository does not have
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("anciennes-adresses.yml"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "shared").mkdir(parents=True)
    current = None
    buffer: list[str] = []

    def flush():
        if current is not None:
            path = root / current
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent("\n".join(buffer)).lstrip("\n"), encoding="utf-8")

    for line in textwrap.dedent(files).splitlines():
        marker = line.strip()
        if marker.startswith("-- ") and marker.endswith(" --"):  # each file is dedented on its own
            flush()
            current, buffer = marker[3:-3].strip(), []
        else:
            buffer.append(line)
    flush()
    return root


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) in a thread; yields its URL, ending with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def public_url(public) -> str:
    """The built sites served on localhost: public_url + 'sud/nl/' is the Dutch home of Sud."""
    with serve_directory(public) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session, driven by Playwright (tests/chromium.py)."""
    from chromium import find_chromium, launch

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
    from chromium import open_page

    with contextlib.ExitStack() as pages:
        yield lambda phone=False: pages.enter_context(open_page(browser, phone=phone))


@pytest.fixture(scope="session")
def real_server(public):
    """Debian's nginx from the generated configuration, serving the real build on loopback
    (hard links into a folder its workers may read): (ServerSettings, its folder)."""
    import os
    import tempfile

    from served import running_nginx

    tmp = Path(tempfile.mkdtemp(prefix="brusano-real-"))
    tmp.chmod(0o755)
    shutil.copytree(public, tmp / "public", copy_function=os.link)
    with running_nginx(tmp / "public") as running:
        yield running
    shutil.rmtree(tmp)
