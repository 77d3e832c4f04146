"""Material's stylesheet and script as our sites need them: lighter, and asking no other host.

The stylesheet: the rules of the components our sites never show, left out.

Material's main.css (23 kB gzipped) styles every component it has: its search
(replaced by Pagefind), repository widgets, versions, blog, tags, tabs,
annotations, cookie consent, palette toggles… Our pages use a fraction of it, and
the page weight target (60 kB of HTML, CSS and JS gzipped) has no room for the rest.

`lean_css()` drops each selector that names one of the UNUSED components (a rule
goes when all its selectors go), and each icon variable of those components;
everything else is kept as it is, in the same order. The result is published
under a name of its own (assets/stylesheets/main.<hash>.min.css), so that a
browser never keeps an older copy; theme/web/main.html links it. If a page starts
using one of these components, take it out of UNUSED: tests/test_weight.py checks
that every class of the built pages that Material styles is still styled.

The script: Material's bundle unchanged but for one feature. At every page load it
fetches the sitemap.xml beside the address of each `<link rel="alternate">` of the
head (made for its version and language selectors, to send a reader to the same
page in the other language). Our heads carry hreflang links to each language's own
domain and the Atom feed, so a page asked up to five other domains for a sitemap,
and our language switch already links to the same page. `lean_js()` makes that
query select nothing; the rest of the bundle is byte for byte Material's.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

# Components of Material that the sites don't have (features, plugins and
# extensions not configured in mkdocs.yml, header parts our header.html leaves out).
UNUSED = (
    "md-search", "md-source", "md-version", "md-annotation", "md-tooltip",
    "md-clipboard", "md-status", "md-social", "md-banner", "md-consent", "md-feedback",
    "md-select", "md-post", "md-profile", "md-tag", "md-progress", "md-option",
    "md-header__option", "md-header__source", "md-nav__source", "md-footer-meta",
    "md-copyright", "md-author", "md-content__button", "md-path", "md-code__",
    "arithmatex", "katex", "critic", "emojione", "twemoji", "gemoji", "mermaid", "tabbed",
    "task-list", "data-md-color", "tablesort",
)
UNUSED_SELECTOR = re.compile("|".join(re.escape(name) for name in UNUSED) + r"|\.keys\b")
# Icon variables (SVG data URIs) of the same components.
UNUSED_VARIABLE = re.compile(r"^--md-(version|typeset-table-sort|tasklist|tag|tabbed|status|source|search"
                             r"|post|path|code-select|code-copy|clipboard|annotation)")
GROUPS = ("@media", "@supports", "@container", "@layer")
MATERIAL_CSS = re.compile(r"^assets/stylesheets/main\.[0-9a-f]+\.min\.css$")
MATERIAL_JS = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
ALTERNATE_QUERY = '"link[rel=alternate]"'
NOTHING = '"link:not(link)"'  # a selector that matches no element
SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")


def blocks(css: str):
    """(prelude, body) of each top-level block; braces inside strings are not counted."""
    i, n = 0, len(css)
    while i < n:
        start = css.find("{", i)
        if start < 0:
            return  # what follows the last rule: the source map comment
        depth, k, quote = 1, start + 1, None
        while depth and k < n:
            c = css[k]
            if quote:
                if c == "\\":
                    k += 1
                elif c == quote:
                    quote = None
            elif c in "\"'":
                quote = c
            elif c == "{":
                depth += 1
            elif c == "}":
                depth -= 1
            k += 1
        yield css[i:start].strip(), css[start + 1:k - 1]
        i = k


def split_top(text: str, sep: str) -> list[str]:
    """Split on sep outside strings and brackets (selectors on ',', declarations on ';')."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, None
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            if c == "\\" and i + 1 < len(text):
                current.append(c)
                i += 1
                c = text[i]
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == sep and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(c)
        i += 1
    parts.append("".join(current))
    return parts


def lean_css(css: str) -> str:
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith(GROUPS):
            inner = lean_css(body)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")  # @font-face, @keyframes, @page
        else:
            selectors = [s for s in split_top(prelude, ",") if not UNUSED_SELECTOR.search(s)]
            if not selectors:
                continue
            declarations = [d for d in split_top(body, ";") if not UNUSED_VARIABLE.match(d.strip())]
            out.append(f"{','.join(selectors)}{{{';'.join(declarations)}}}")
    return "".join(out)


def lean_js(script: str) -> str:
    """Material's bundle without its sitemap requests for alternate links (see above)."""
    found = script.count(ALTERNATE_QUERY)
    if found != 1:
        raise RuntimeError(f"Material's script has {found} queries for {ALTERNATE_QUERY}, one expected: "
                           "this version of mkdocs-material is not the one publishing/mkdocs_adapter/lean.py "
                           "knows; check that its language selector still needs no sitemap, then adapt lean_js.")
    return SOURCE_MAP.sub("", script.replace(ALTERNATE_QUERY, NOTHING))


LEAN = {"css": (MATERIAL_CSS, lean_css, "assets/stylesheets/main.{}.min.css"),
        "js": (MATERIAL_JS, lean_js, "assets/javascripts/bundle.{}.min.js")}


@lru_cache(maxsize=8)
def _lean(kind: str, path: str, mtime: float) -> tuple[str, str]:
    _pattern, make, name = LEAN[kind]
    text = make(Path(path).read_text(encoding="utf-8"))
    digest = hashlib.sha256(text.encode()).hexdigest()[:8]
    return name.format(digest), text


class LeanAssetsPlugin(BasePlugin):
    """Publishes the lean stylesheet and script instead of Material's, and tells main.html their names."""

    def __init__(self) -> None:
        self.names: dict[str, str] = {}

    def on_files(self, files, config):
        self.names = {}
        for kind, (pattern, _make, _name) in LEAN.items():
            if kind == "css" and config.theme.get("palette"):
                continue  # palettes style data-md-color-*: keep Material's stylesheet whole
            original = next((f for f in files if pattern.match(f.src_uri)), None)
            if original is None:
                continue
            source = Path(original.abs_src_path)
            name, text = _lean(kind, str(source), source.stat().st_mtime)
            for file in [f for f in files if f.src_uri in (original.src_uri, original.src_uri + ".map")]:
                files.remove(file)
            # a real file in the staging docs folder (which goes with the build), not File.generated:
            # the i18n plugin, which sees the files after us, reads every file's source path
            target = Path(config.docs_dir) / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            files.append(File(name, config.docs_dir, config.site_dir, config.use_directory_urls))
            self.names[kind] = name
        return files

    def on_env(self, env, config, files):
        env.globals["material_css"] = self.names.get("css")
        env.globals["material_js"] = self.names.get("js")
        return env
