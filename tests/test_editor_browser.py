"""Issue 19's test as the communication team lives it: the editor (Decap CMS) in headless Chromium,
against Decap's local backend (decap-server) on loopback writing a temporary copy of a repository.
It creates an event in French and Dutch in Bassin Sud, edits a directory entry and a Focus; the
files on disk are the ones an editor would write by hand, `check` passes on them and a build
publishes them. Any request to another host than this machine fails the test (harness/chromium.py)."""
from __future__ import annotations

import shutil
import socket
import time
from datetime import date
from pathlib import Path

import pytest
import yaml

from harness.served import free_port
from publishing import build_sites, check
from publishing.commands.admin import DECAP_DIST, DECAP_SERVER, serve_folder, start_backend, write_admin
from tests.support import FIXTURES, HOME, ROOT, make_repo

TODAY = date(2026, 12, 4)
EVENT = "content/sud/agenda/2026-12-10-atelier-fictif-du-changement"

pytestmark = pytest.mark.skipif(not (ROOT / DECAP_DIST / "decap-cms.js").is_file()
                                or not (ROOT / DECAP_SERVER).is_file() or not shutil.which("node"),
                                reason="Decap CMS not installed: npm ci --ignore-scripts (make install)")


def wait_for(predicate, seconds: float = 15) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.fixture
def editor(tmp_path):
    """A repository copy with the fictional Focus and directory, the editor's page served on loopback
    and decap-server writing into the copy: (root, URL of the editor)."""
    root = make_repo(tmp_path, HOME)
    shutil.copytree(FIXTURES / "focus", root / "focus")
    shutil.copytree(FIXTURES / "directories", root / "directories")
    (root / "node_modules").symlink_to(ROOT / "node_modules")  # the bundle and decap-server, not copied
    port = free_port()
    report = write_admin(root, tmp_path / "admin", local=f"http://127.0.0.1:{port}/api/v1")
    assert not report.errors, report.render()
    backend = start_backend(root, port)
    page_server = serve_folder(tmp_path / "admin", "127.0.0.1", 0)
    try:
        wait_for(lambda: _listening(port))
        yield root, f"http://127.0.0.1:{page_server.server_address[1]}/"
    finally:
        page_server.shutdown()
        page_server.server_close()
        backend.terminate()
        backend.wait(10)


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def publish(page) -> None:
    page.get_by_role("button", name="Publier", exact=True).click()
    page.get_by_text("Publier maintenant", exact=True).click()


def reopen(page, address: str) -> None:
    """A new load of the editor at an address (a change of the hash alone keeps the last entry's form)."""
    page.goto("about:blank")
    page.goto(address)


def choose(page, field_id: str, text: str) -> None:
    """A choice list (react-select): type and take the first match."""
    page.locator(f"#{field_id}").fill(text)
    page.keyboard.press("Enter")


def test_the_editor_writes_files_that_check_passes_and_the_build_publishes(editor, new_page, tmp_path):
    root, url = editor
    page = new_page()
    page.goto(url)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("text=Agenda · Bassin Sud")

    # an event in Bassin Sud, French on the left, Dutch on the right
    page.goto(url + "#/collections/agenda-sud/new")
    page.wait_for_selector("text=Écrire en NL")
    fr, nl = (lambda name: page.locator(f"[id^='{name}-field-']").nth(0)), \
        (lambda name: page.locator(f"[id^='{name}-field-']").nth(1))
    fr("title").fill("Atelier fictif du changement")
    fr("summary").fill("Un atelier fictif pour les tests de l'éditeur.")
    fr("start").fill("2026-12-10 09:30")
    fr("end").fill("2026-12-10 12:00")
    fr("venue").fill("Salle fictive")
    fr("street").fill("Rue de l'Exemple 1")
    fr("postcode").fill("1190")
    choose(page, fr("commune").get_attribute("id"), "Forest")
    fr("registration").fill("https://example.org/inscription")
    nl("title").fill("Fictief atelier van de verandering")
    nl("summary").fill("Een fictief atelier voor de tests van de editor.")
    nl("venue").fill("Fictieve zaal")
    publish(page)
    wait_for(lambda: (root / f"{EVENT}.fr.md").is_file() and (root / f"{EVENT}.nl.md").is_file())

    # a news item of Bassin Sud, both languages
    reopen(page, url + "#/collections/actualites-sud/new")
    page.wait_for_selector("text=Écrire en NL")
    fr("title").fill("Une actualité fictive")
    fr("summary").fill("Une actualité fictive pour les tests de l'éditeur.")
    fr("date").fill("2026-12-01")
    choose(page, fr("themes").get_attribute("id"), "Santé mentale")
    nl("title").fill("Een fictief bericht")
    nl("summary").fill("Een fictief bericht voor de tests van de editor.")
    publish(page)
    news = root / "content/sud/actualites/2026-12-01-une-actualite-fictive"
    wait_for(lambda: Path(f"{news}.fr.md").is_file() and Path(f"{news}.nl.md").is_file())

    # a directory entry: the first service's description in French
    reopen(page, url + "#/collections/repertoire-exemple/entries/exemple")
    page.wait_for_selector("input[value=\"Répertoire d'exemple\"]")
    item = page.get_by_text("Ligne d'écoute Exemple", exact=True).first.locator("xpath=..")
    item.locator("button").first.click()  # the item's chevron opens it
    description = page.locator('input[value="Une ligne fictive pour toute la Région."]')
    description.fill("Une ligne fictive pour toute la Région, revue dans l'éditeur.")
    publish(page)
    wait_for(lambda: "revue dans" in (root / "directories/exemple.yml").read_text(encoding="utf-8"))

    # a Focus: its summary in French
    reopen(page, url + "#/collections/focus/entries/exemple/index")
    page.wait_for_selector("input[value=\"Focus d'exemple\"]")
    summary = page.locator("[id^='summary-field-']").nth(0)
    summary.fill("Un Focus fictif, relu dans l'éditeur.")
    publish(page)
    wait_for(lambda: "relu dans" in (root / "focus/exemple/index.fr.md").read_text(encoding="utf-8"))

    # the files, as an editor would write them by hand
    fr_text = (root / f"{EVENT}.fr.md").read_text(encoding="utf-8")
    nl_text = (root / f"{EVENT}.nl.md").read_text(encoding="utf-8")
    fr_meta = yaml.safe_load(fr_text.split("---")[1])
    nl_meta = yaml.safe_load(nl_text.split("---")[1])
    assert fr_meta["title"] == "Atelier fictif du changement"
    assert nl_meta["title"] == "Fictief atelier van de verandering"
    place = {"street": "Rue de l'Exemple 1", "postcode": "1190", "commune": "forest"}
    assert fr_meta["address"] == nl_meta["address"] == place
    assert str(fr_meta["start"]) == str(nl_meta["start"]) == "2026-12-10 09:30"
    news_meta = yaml.safe_load(Path(f"{news}.nl.md").read_text(encoding="utf-8").split("---")[1])
    assert news_meta["themes"] == ["sante-mentale"] and news_meta["title"] == "Een fictief bericht"
    directory = yaml.safe_load((root / "directories/exemple.yml").read_text(encoding="utf-8"))
    assert directory["entries"][0]["description"] == {
        "fr": "Une ligne fictive pour toute la Région, revue dans l'éditeur.",
        "nl": "Een fictieve lijn voor het hele Gewest."}
    before = yaml.safe_load((FIXTURES / "directories/exemple.yml").read_text(encoding="utf-8"))
    before["entries"][0]["description"]["fr"] = "Une ligne fictive pour toute la Région, revue dans l'éditeur."
    assert directory == before  # the rest of the file's data untouched (its comments and order are not kept)
    assert directory["entries"][1]["name"] == "Soins Forest Exemple"  # one string for both languages, kept
    focus = yaml.safe_load((root / "focus/exemple/index.fr.md").read_text(encoding="utf-8").split("---")[1])
    assert focus["summary"] == "Un Focus fictif, relu dans l'éditeur."
    assert (root / "focus/exemple/index.nl.md").read_text(encoding="utf-8").startswith("---")

    report = check(root, today=TODAY)
    assert not report.errors, report.render()
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out, today=TODAY, with_files=False)
    assert not report.errors, report.render()
    page_fr = (out / "sud/agenda/2026-12-10-atelier-fictif-du-changement/index.html").read_text(encoding="utf-8")
    assert "Atelier fictif du changement" in page_fr and "Salle fictive" in page_fr
    page_nl = (out / "sud/nl/agenda/2026-12-10-atelier-fictif-du-changement/index.html").read_text(encoding="utf-8")
    assert "Fictief atelier van de verandering" in page_nl
    assert "Une actualité fictive" in (out / "sud/actualites/index.html").read_text(encoding="utf-8")
    assert "Een fictief bericht" in (out / "sud/nl/actualites/index.html").read_text(encoding="utf-8")
    assert "revue dans l&#39;éditeur" in (out / "sud/repertoires/exemple/index.html").read_text(encoding="utf-8") \
        or "revue dans l'éditeur" in (out / "sud/repertoires/exemple/index.html").read_text(encoding="utf-8")
    assert "relu dans l" in (out / "sud/focus/exemple/index.html").read_text(encoding="utf-8")


def test_the_deployed_editor_runs_under_its_policy(tmp_path, new_page):
    """/admin/ as built for the Git host, served with the Content-Security-Policy nginx gives it:
    Decap starts (its French login screen) and the browser reports no violation."""
    import functools
    import http.server
    import threading

    from publishing.output.nginx import ServerSettings, admin_csp

    folder = tmp_path / "admin"
    report = write_admin(ROOT, folder)
    assert not report.errors, report.render()
    policy = admin_csp(ServerSettings())

    class WithPolicy(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml",
                          ".js": "text/javascript", ".wasm": "application/wasm"}

        def end_headers(self):
            self.send_header("Content-Security-Policy", policy)
            super().end_headers()

        def log_message(self, format, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(WithPolicy, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/")
        page.wait_for_selector("text=Se connecter")
        assert page.evaluate("document.documentElement.lang") == "fr"
        assert not violations, violations
    finally:
        server.shutdown()
        server.server_close()
