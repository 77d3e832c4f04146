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
shown in French on the Dutch site) are left out. Each language is indexed in
its own folder, before the site is assembled (publishing.commands.build), so
Pagefind reads the published pages themselves: copies cut to the marked part
cost more to write and delete, on this machine's disk, than Pagefind spends
reading the rest. Keys of pagefind-entry.json are sorted, so that two builds
of the same content are byte-identical.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

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
    """The folder of one language of a site, not yet assembled (no other language inside), and
    that language."""

    path: Path
    lang: str

    def command(self, binary: str) -> list[str]:
        """Pagefind on this folder's pages, its bundle written into it."""
        return [binary, "--site", str(self.path), "--output-subdir", BUNDLE,
                "--force-language", self.lang, "--exclude-selectors", ",".join(EXCLUDE_SELECTORS)]


def index_sites(roots: list[LanguageRoot], jobs: int = 2) -> dict[Path, int]:
    """Write <root>/pagefind/ for each language root, `jobs` Pagefind processes at a time.

    Returns the number of pages Pagefind indexed in each root. A root where no page
    carries the mark (every page untranslated) gets no bundle: its search box says
    that the search could not load, rather than finding pages of another language.
    """
    binary = pagefind_binary()
    counts: dict[Path, int] = {}
    todo = list(roots)
    running: list[tuple[LanguageRoot, subprocess.Popen]] = []
    while todo or running:
        while todo and len(running) < jobs:
            root = todo.pop(0)
            shutil.rmtree(root.path / BUNDLE, ignore_errors=True)
            if not marked(root.path):  # Pagefind would index every page's whole body instead
                continue
            running.append((root, subprocess.Popen(root.command(binary), stdout=subprocess.PIPE,
                                                   stderr=subprocess.STDOUT, text=True)))
        if not running:
            break
        root, process = running.pop(0)
        output, _ = process.communicate()
        if process.returncode != 0:
            raise SearchError(f"Pagefind failed on '{root.path}' (exit {process.returncode}):\n{output}")
        found = re.search(r"Indexed (\d+) pages?", output)
        counts[root.path] = int(found.group(1)) if found else 0
        tidy_bundle(root.path / BUNDLE)
    return counts


def marked(folder: Path) -> bool:
    """Whether a page of the folder has its article marked for the index (the home has, when translated)."""
    return any(BODY_MARK in page.read_text(encoding="utf-8") for page in folder.rglob("*.html"))


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
