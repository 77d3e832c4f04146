"""Search: a Pagefind index for each site and language, made from the published HTML.

This runs on the assembled folder of a site (French at its root, Dutch under
nl/), after the pages are written: it reads HTML, not MkDocs. Each language
root gets its own bundle, <root>/pagefind/, indexed with that language's
stemming, so that:

- a Dutch search never returns a French page (the indexes are apart);
- a language root served as a domain of its own (a bassin's Dutch site is
  www.zorgzone-….brussels, built from nl/) finds its index at its own root;
- result URLs are relative to the language root; the page's script gives
  Pagefind the root's path as `baseUrl` at run time.

Only what a page marks with `data-pagefind-body` (the article, see
theme/web/main.html) is indexed; pages without it (404, untranslated pages
shown in French on the Dutch site) are left out. Pagefind reads copies of the
pages cut to their head and that part (searchable()): the same index, made in
less time. Keys of pagefind-entry.json are sorted, so that two builds of the
same content are byte-identical.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from publishing.model import DEFAULT_LANG, LANGS

BUNDLE = "pagefind"
BODY_MARK = "data-pagefind-body"
# Parts of the article that are not text: permalink anchors ("#").
EXCLUDE_SELECTORS = [".headerlink"]
# What Pagefind writes that our search box (theme/web/assets/search.js) does not use.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchError(Exception):
    """Pagefind could not index a site."""


@dataclass(frozen=True)
class LanguageRoot:
    """The folder a language of a site is served from, and that language."""

    path: Path
    lang: str
    others: tuple[str, ...] = ()  # sub-folders that are other languages' roots

    def pages(self) -> list[Path]:
        """HTML files of this language (other languages' roots left out), in a stable order."""
        return sorted(page for page in self.path.rglob("*.html") if self._own(page))

    def _own(self, path: Path) -> bool:
        first = path.relative_to(self.path).parts[0]
        return first not in self.others and first != BUNDLE

    def command(self, binary: str, pages: Path) -> list[str]:
        """Pagefind on the searchable copies in `pages`, its bundle written into this root."""
        return [binary, "--site", str(pages), "--output-path", str(self.path / BUNDLE),
                "--force-language", self.lang, "--exclude-selectors", ",".join(EXCLUDE_SELECTORS)]


def searchable(html: str) -> str | None:
    """What Pagefind needs of a page: its head, and its body from the marked element on.

    Pagefind reads only the marked element (and the head's language and title), but parses
    all it is given: the header, navigation and sidebars before the article are two thirds
    of a page's HTML, and of Pagefind's time. The index is the same byte for byte
    (tests/test_speed.py). None for a page without the mark: Pagefind leaves it out.
    """
    mark = html.find(BODY_MARK)
    if mark < 0:
        return None
    body = html.find("<body")
    start = html.rfind("<", 0, mark)
    if body < 0 or start < body:
        return html
    return html[:html.index(">", body) + 1] + html[start:]


def copy_searchable(root: LanguageRoot, dest: Path) -> int:
    """Write into dest the searchable part of each page of the root, at the same path. Returns how many."""
    count = 0
    for page in root.pages():
        text = searchable(page.read_text(encoding="utf-8"))
        if text is not None:
            target = dest / page.relative_to(root.path)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            count += 1
    return count


def language_roots(site_dir: Path, langs: list[str] | tuple[str, ...] = LANGS) -> list[LanguageRoot]:
    """French at the site's root, every other language in its sub-folder."""
    others = tuple(lg for lg in LANGS if lg != DEFAULT_LANG)
    roots = []
    for lang in langs:
        if lang == DEFAULT_LANG:
            roots.append(LanguageRoot(site_dir, lang, others))
        else:
            roots.append(LanguageRoot(site_dir / lang, lang))
    return roots


def index_sites(roots: list[LanguageRoot], jobs: int = 2) -> dict[Path, int]:
    """Write <root>/pagefind/ for each language root, `jobs` Pagefind processes at a time.

    Returns the number of pages Pagefind indexed in each root. A root where no page
    carries the mark (every page untranslated) gets no bundle: its search box says
    that the search could not load, rather than finding pages of another language.
    """
    binary = pagefind_binary()
    counts: dict[Path, int] = {}
    todo = list(roots)
    running: list[tuple[LanguageRoot, subprocess.Popen, tempfile.TemporaryDirectory]] = []
    while todo or running:
        while todo and len(running) < jobs:
            root = todo.pop(0)
            shutil.rmtree(root.path / BUNDLE, ignore_errors=True)
            copies = tempfile.TemporaryDirectory(prefix="brusano-search-")
            if not copy_searchable(root, Path(copies.name)):
                copies.cleanup()
                continue
            running.append((root, subprocess.Popen(root.command(binary, Path(copies.name)), stdout=subprocess.PIPE,
                                                   stderr=subprocess.STDOUT, text=True), copies))
        if not running:
            break
        root, process, copies = running.pop(0)
        output, _ = process.communicate()
        copies.cleanup()
        if process.returncode != 0:
            raise SearchError(f"Pagefind failed on '{root.path}' (exit {process.returncode}):\n{output}")
        found = re.search(r"Indexed (\d+) pages?", output)
        counts[root.path] = int(found.group(1)) if found else 0
        tidy_bundle(root.path / BUNDLE)
    return counts


def pagefind_binary() -> str:
    """The Pagefind binary shipped by the `pagefind[extended]` package."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise SearchError("Pagefind is missing: pip install 'pagefind[extended]'") from exc
    found = get_executable()
    if found is None:
        raise SearchError("Pagefind's binary is missing: pip install 'pagefind[extended]'")
    return str(found)


def tidy_bundle(bundle: Path) -> None:
    """Drop the files we don't serve; sort the entry file's keys (Pagefind writes them in random order)."""
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    entry = bundle / "pagefind-entry.json"
    if entry.exists():
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
