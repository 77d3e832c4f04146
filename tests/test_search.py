"""Search: one Pagefind index per site and language, and the search box in a real browser."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from harness.chromium import record_requests
from publishing import build_sites
from publishing.model import TERRITORY_IDS
from publishing.output.search import LanguageRoot, index_sites
from tests.support import make_repo

RESULTS = "[...document.querySelectorAll('#bp-search-results a')].map(a => a.href)"
STATUS = "document.getElementById('bp-search-status').textContent"


# --- the built files ---------------------------------------------------------------------

def test_material_lunr_search_is_gone(public):
    assert not list(public.rglob("search_index.json"))
    assert not list(public.rglob("assets/javascripts/lunr"))
    for page in public.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'data-md-component="search"' not in text, page
        assert "md-search" not in text, page


@pytest.mark.parametrize("site", TERRITORY_IDS)
def test_each_language_root_has_its_own_index(public, site):
    for root, lang in ((public / site, "fr"), (public / site / "nl", "nl")):
        entry = (root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
        data = json.loads(entry)
        assert set(data["languages"]) == {lang}
        assert data["languages"][lang]["page_count"] >= 1
        assert entry == json.dumps(data, sort_keys=True, separators=(",", ":"))
        assert (root / "pagefind" / "pagefind.js").exists()
        assert not (root / "pagefind" / "pagefind-ui.js").exists()


@pytest.mark.slow
def test_only_the_article_of_a_page_in_its_language_is_indexed(tmp_path):
    root = make_repo(tmp_path, """
        -- content/shared/index.fr.md --
        ---
        title: Accueil
        nav: 0
        ---
        # Accueil
        Un mot rare : ornithorynque.
        -- content/shared/index.nl.md --
        ---
        title: Startpagina
        nav: 0
        ---
        # Startpagina
        Een zeldzaam woord: vogelbekdier.
        -- content/shared/seulement.fr.md --
        ---
        title: Seulement en français
        ---
        # Seulement en français
        Pas encore traduit : tamanoir.
    """)
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out)
    assert not report.errors, report.render()
    home = (out / "sud" / "nl" / "index.html").read_text(encoding="utf-8")
    assert home.count("data-pagefind-body") == 1
    article = home.split('class="md-content__inner md-typeset"', 1)[1].split("</article>", 1)[0]
    assert "data-pagefind-body" in article
    # shown in French on the Dutch site (not translated): not in the Dutch index
    untranslated = (out / "sud" / "nl" / "seulement" / "index.html").read_text(encoding="utf-8")
    assert "bp-notice" in untranslated and "data-pagefind-body" not in untranslated
    assert "data-pagefind-body" not in (out / "sud" / "404.html").read_text(encoding="utf-8")
    entry = json.loads((out / "sud" / "nl" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    indexed = [p for p in (out / "sud" / "nl").rglob("index.html") if "data-pagefind-body" in p.read_text("utf-8")]
    assert entry["languages"]["nl"]["page_count"] == len(indexed)  # the home and the lists every site has
    assert not any("seulement" in p.parts for p in indexed)
    entry = json.loads((out / "sud" / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    french = [p for p in (out / "sud").rglob("index.html")
              if "nl" not in p.relative_to(out / "sud").parts and "data-pagefind-body" in p.read_text("utf-8")]
    assert entry["languages"]["fr"]["page_count"] == len(french)  # the home, seulement/, the lists
    assert any("seulement" in p.parts for p in french)


def test_search_box_points_to_its_own_language_root(public):
    for path in ("sud/index.html", "sud/nl/index.html", "region/nl/a-propos/gouvernance/index.html"):
        text = (public / path).read_text(encoding="utf-8")
        depth = path.count("/") - (2 if "/nl/" in path else 1)
        base = "." if depth == 0 else "/".join([".."] * depth)
        assert f'data-bp-search="{base}/pagefind/"' in text, path


def test_two_indexings_are_byte_identical(public, tmp_path):
    trees = []
    for run in ("a", "b"):
        roots = [LanguageRoot(tmp_path / run / "fr", "fr"), LanguageRoot(tmp_path / run / "nl", "nl")]
        shutil.copytree(public / "region", roots[0].path, ignore=lambda folder, names: [
            n for n in names if n == "pagefind" or (Path(folder) == public / "region" and n == "nl")])
        shutil.copytree(public / "region" / "nl", roots[1].path, ignore=shutil.ignore_patterns("pagefind"))
        index_sites(roots)
        trees.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes()
                      for p in sorted((tmp_path / run).rglob("*")) if p.is_file() and "pagefind" in p.parts})
    assert trees[0] and trees[0] == trees[1]
    assert {name.split("/")[0] for name in trees[0]} == {"fr", "nl"}


def test_only_marked_pages_are_indexed_and_a_folder_without_any_gets_no_index(tmp_path):
    """Pagefind would index every page's whole body where no page is marked: such a folder (a
    language whose every page is shown untranslated) gets no index at all."""
    page = '<html lang="nl"><head><title>{0}</title></head><body><nav>menu</nav>{1}</body></html>'
    marked, unmarked = tmp_path / "marked", tmp_path / "unmarked"
    for folder, mark in ((marked, True), (unmarked, False)):
        (folder / "a").mkdir(parents=True)
        (folder / "index.html").write_text(page.format("Thuis", "<p>Geen artikel: ornithorynque</p>"), "utf-8")
        article = "<main data-pagefind-body><p>Zorgzone vogelbekdier</p></main>" if mark else "<p>vogelbekdier</p>"
        (folder / "a" / "index.html").write_text(page.format("A", article), "utf-8")
    counts = index_sites([LanguageRoot(marked, "nl"), LanguageRoot(unmarked, "nl")])
    assert counts == {marked: 1}
    assert (marked / "pagefind" / "pagefind-entry.json").exists() and not (unmarked / "pagefind").exists()
    words = json.loads((marked / "pagefind" / "pagefind-entry.json").read_text("utf-8"))["languages"]["nl"]
    assert words["page_count"] == 1


# --- in a browser --------------------------------------------------------------------------

def pagefind_requests(requested: list[str]) -> list[str]:
    return [url for url in requested if "/pagefind/" in url]


def open_search(page, key: str = "/") -> None:
    page.keyboard.press(key)
    page.wait_for_function("document.getElementById('bp-search-dialog').open"
                           " && document.activeElement.id === 'bp-search-input'")


def search(page, query: str) -> list[str]:
    page.keyboard.type(query)
    page.wait_for_function(f"{STATUS}.includes({json.dumps(query)})")
    return page.evaluate(RESULTS)


def test_french_search_on_the_region(new_page, public_url):
    page = new_page()
    requested = record_requests(page)
    page.goto(public_url + "region/")
    assert not pagefind_requests(requested), "Pagefind must load only when the search is opened"
    assert not [url for url in requested if "search-dialog" in url], "the dialog too"
    open_search(page)
    results = search(page, "gouvernance")
    assert results[0] == public_url + "region/a-propos/gouvernance/"
    assert all(url.startswith(public_url + "region/") and "/region/nl/" not in url for url in results)
    assert pagefind_requests(requested)
    assert all(url.startswith(public_url + "region/pagefind/") for url in pagefind_requests(requested))


@pytest.mark.parametrize("site", ["region", "sud"])
def test_dutch_search_finds_only_dutch_pages(new_page, public_url, site):
    page = new_page()
    page.goto(public_url + f"{site}/nl/")
    open_search(page)
    query = {"region": "bestuur", "sud": "zorgzone"}[site]
    results = search(page, query)
    assert results
    assert all(url.startswith(public_url + f"{site}/nl/") for url in results), results
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_a_french_word_finds_nothing_on_the_dutch_site(new_page, public_url):
    page = new_page()
    page.goto(public_url + "sud/")
    open_search(page)
    assert search(page, "professionnel"), "the French site has it"
    page.goto(public_url + "sud/nl/")
    open_search(page)
    assert search(page, "professionnel") == []
    assert "Geen resultaten" in page.evaluate(STATUS)


def test_the_keyboard_alone_reaches_a_result(new_page, public_url):
    page = new_page()
    page.goto(public_url + "region/nl/")
    open_search(page)
    results = search(page, "bestuur")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == results[0]
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('bp-search-dialog').open")
    # the dialog's close event (a task after the dialog closed) gives the focus back to the button
    page.wait_for_function("document.activeElement.classList.contains('bp-search__open')", timeout=2_000)
    open_search(page, "Enter")  # the focused button opens the search again
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function(f"location.href === {json.dumps(results[0])}")


def test_what_is_typed_while_the_search_loads_is_kept(new_page, public_url):
    """On a slow connection (1.5 s a request), "/" and a word typed at once: the word lands in
    the search box (not lost on the page) and is searched as soon as Pagefind has loaded."""
    page = new_page()
    page.goto(public_url + "region/")
    network = page.context.new_cdp_session(page)  # Chromium's own throttling, as in its DevTools
    network.send("Network.enable")
    network.send("Network.setCacheDisabled", {"cacheDisabled": True})
    network.send("Network.emulateNetworkConditions", {"offline": False, "latency": 1500,
                                                      "downloadThroughput": -1, "uploadThroughput": -1})
    page.keyboard.press("/")
    page.keyboard.type("gouvernance")
    assert page.evaluate("window.bpSearch === undefined"), "the dialog's script came before the keys"
    assert page.evaluate("document.getElementById('bp-search-input').value") == "gouvernance"
    page.wait_for_function(f"{RESULTS}.length > 0", timeout=30_000)
    assert page.evaluate(RESULTS)[0] == public_url + "region/a-propos/gouvernance/"


def test_search_on_a_phone(new_page, public_url, tmp_path):
    page = new_page(phone=True)
    page.goto(public_url + "sud/")
    assert page.evaluate("getComputedStyle(document.querySelector('.bp-search__open')).display") != "none"
    page.tap(".bp-search__open")
    page.wait_for_function("document.getElementById('bp-search-dialog').open")
    # full screen, once search-dialog.css has come: the dialog opens at once, before it (search.js)
    page.wait_for_function("document.getElementById('bp-search-dialog').getBoundingClientRect().width"
                           " === window.innerWidth")
    assert search(page, "bassin")
    page.screenshot(path=tmp_path / "phone-search.png")
