"""The editors' live preview: `build.py serve --site ID` rebuilds when any source changes."""
from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pytest

from harness.served import free_port
from tests.support import ROOT, make_repo


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.time() + seconds
    page = None
    while time.time() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.5)
    raise AssertionError(f"{text!r} never appeared at {url}; last page: {(page or '')[:300]}")


@pytest.mark.slow
def test_preview_reloads_when_a_shared_page_changes(tmp_path):
    root = make_repo(tmp_path, """
        -- content/shared/index.fr.md --
        ---
        title: Accueil
        nav: 0
        ---
        # {{ territory.name }}

        Première version.
        -- content/shared/index.nl.md --
        ---
        title: Startpagina
        nav: 0
        ---
        # {{ territory.name }}

        Eerste versie.
    """)
    port = free_port()
    temp = tmp_path / "temp"  # where the preview keeps its build
    temp.mkdir()
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--site", "sud",
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, env=dict(os.environ, TMPDIR=str(temp)))
    try:
        home = f"http://127.0.0.1:{port}/"
        page = wait_for(home, "Première version.")
        assert "Bassin Sud" in page and "livereload" in page  # the reload script is injected
        wait_for(home + "nl/", "Eerste versie.")
        # a shared file changes: the preview of bassin Sud follows
        index = root / "content/shared/index.fr.md"
        index.write_text(index.read_text(encoding="utf-8").replace("Première", "Deuxième"), encoding="utf-8")
        wait_for(home, "Deuxième version.")
        # a broken change keeps the last good preview and says what is wrong
        index.write_text("---\ntitle: [\n---\n", encoding="utf-8")
        time.sleep(3)
        assert "Deuxième version." in (fetch(home) or "")
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert "content/shared/index.fr.md" in output and "YAML" in output
    # stopped (as by closing its terminal), the preview leaves no build behind
    assert server.returncode == 0 and not list(temp.iterdir())


def test_preview_links_stay_local_and_a_pdf_is_made_when_opened(tmp_path, fixture_root):
    """The Focus page's PDF link leads to the preview, which makes the PDF when it is opened."""
    import shutil
    root = tmp_path / "repo"
    shutil.copytree(fixture_root, root)
    port = free_port()
    server = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(root), "serve", "--site", "sud",
                               "--port", str(port)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
    try:
        home = f"http://127.0.0.1:{port}/"
        page = wait_for(home + "focus/exemple/", "</html>")
        pdfs = [u for u in __import__("re").findall(r'href="([^"]+\.pdf)"', page)]
        assert pdfs and all(u.startswith(home) for u in pdfs), pdfs
        with urllib.request.urlopen(pdfs[0], timeout=120) as response:
            assert response.read(5) == b"%PDF-"
        # a page of the site edited: only its language is rebuilt, and the change shows
        text = root / "focus/exemple/index.fr.md"
        text.write_text(text.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
        wait_for(home + "focus/exemple/", "Une phrase ajoutée.")
    finally:
        server.terminate()
        server.communicate(timeout=20)
