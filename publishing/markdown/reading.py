"""What an editor's Markdown holds, read by the parse that renders it: links, images, ids.

The text goes through Python-Markdown with the sites' extensions (extensions.EXTENSIONS), and a
last tree processor collects what the page will hold: every <a href> and <img> that Markdown
made (inline and reference links, autolinks, e-mail addresses, md_in_html blocks…) and every
one written as raw HTML (kept aside by Markdown and put back as written), with the ids a link's
#anchor may name. So a footnote, a code span or a definition list can never be read as a link
the page does not have, nor a link of the page be missed: tests/test_reading.py compares, over
all the content and a corpus of constructs, what is read here with the rendered HTML.

Links the extensions add themselves (a footnote's number and its way back, a heading's
permalink) are not the editor's and are left out. The parse knows no source lines: each link is
found back in the text, in order, where its address is written (code blanked, as it renders).
"""
from __future__ import annotations

import hashlib
import html
import os
import pickle
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from xml.etree import ElementTree

import markdown
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

from publishing.markdown.extensions import EXTENSIONS
from publishing.markdown.markup import Lines, Link, Tag, mask_code
from publishing.model.paths import READING_CACHE

# Made by the extensions, not written by the editor: footnote numbers and back links, permalinks.
GENERATED_CLASSES = frozenset({"footnote-ref", "footnote-backref", "headerlink"})
PLACEHOLDER = re.compile(STX + r"wzxhzdk:(\d+)" + ETX)  # markdown.util.HTML_PLACEHOLDER


# The elements Markdown and its extensions make; any other element of the tree was written as
# HTML (an md_in_html block), and is read as the editor's, as raw HTML is.
MARKDOWN_TAGS = frozenset({
    "p", "a", "img", "em", "strong", "code", "pre", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd", "div", "sup",
    "abbr", "details", "summary", "span"})


@dataclass(frozen=True)
class Reading:
    links: tuple[Link, ...]
    ids: frozenset[str]
    tags: tuple[Tag, ...]  # the HTML elements the editor wrote (raw, md_in_html, or given on* by {: })


@dataclass(frozen=True)
class _Found:
    url: str
    image: bool
    alt: str | None
    html: bool


@dataclass(frozen=True)
class _Element:
    name: str
    attributes: dict
    raw: bool  # written as HTML (else: a Markdown element given attributes)


def _attr(value: str | None) -> str:
    """An attribute as the page will hold it (Markdown keeps '&' as a placeholder until the end)."""
    return html.unescape((value or "").replace(AMP_SUBSTITUTE, "&"))


class _RawHtml(HTMLParser):
    """The <a href>, <img> and ids of the HTML an editor wrote, as a browser reads them."""

    def __init__(self, found: list[_Found], ids: set[str], tags: list[_Element]) -> None:
        super().__init__(convert_charrefs=True)
        self.found, self.ids, self.tags = found, ids, tags

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs}
        self.tags.append(_Element(tag, {name: value or "" for name, value in attrs}, True))
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(values[name] or "")
        if tag == "a" and "href" in values:
            self.found.append(_Found((values["href"] or "").strip(), False, None, True))
        elif tag == "img":
            self.found.append(_Found((values.get("src") or "").strip(), True, values.get("alt"), True))

    handle_startendtag = handle_starttag


class _Collect(Treeprocessor):
    """Runs last: the tree is what the page gets, raw HTML still aside in the stash, its place
    marked in the text; both are read in the order of the page. With `into`, the reading of each
    text is kept there, by its text."""

    def __init__(self, md: markdown.Markdown, into: Collected | None = None) -> None:
        super().__init__(md)
        self.into = into

    def run(self, root: ElementTree.Element) -> None:
        source = getattr(self.md, "reading_text", None)
        if self.into is not None and (source is None or source.strip("\n") not in self.into.texts):
            return  # a text whose reading is not wanted (known already)
        found: list[_Found] = []
        ids: set[str] = set()
        tags: list[_Element] = []
        parser = _RawHtml(found, ids, tags)
        blocks = self.md.htmlStash.rawHtmlBlocks

        def raw(text: str | None) -> None:
            for match in PLACEHOLDER.finditer(text or ""):
                index = int(match.group(1))
                if index < len(blocks) and isinstance(blocks[index], str):
                    parser.feed(str(blocks[index]))

        def visit(element: ElementTree.Element) -> None:
            if element.get("id"):
                ids.add(_attr(element.get("id") or ""))
            attributes = {name.lower(): _attr(value) for name, value in element.attrib.items()}
            if isinstance(element.tag, str) and element.tag != "root" and (
                    element.tag not in MARKDOWN_TAGS or any(name.startswith("on") for name in attributes)):
                tags.append(_Element(element.tag.lower(), attributes, element.tag not in MARKDOWN_TAGS))
            if not GENERATED_CLASSES & set((element.get("class") or "").split()):
                if element.tag == "a" and element.get("href") is not None:
                    found.append(_Found(_attr(element.get("href") or "").strip(), False, None, False))
                elif element.tag == "img":
                    alt = element.get("alt")
                    found.append(_Found(_attr(element.get("src") or "").strip(), True,
                                        None if alt is None else _attr(alt), False))
            raw(element.text)
            for child in element:
                visit(child)
                raw(child.tail)

        visit(root)
        parser.close()
        self.md.reading_found, self.md.reading_ids, self.md.reading_tags = found, ids, tags
        if self.into is not None and source is not None:
            # the text as the caller has it: MkDocs strips the blank lines around it, which Markdown
            # ignores but the lines of links count
            text = self.into.texts.get(source.strip("\n"), source)
            self.into.readings[text] = _reading(text, self.md)


class _ReadingExtension(markdown.Extension):
    """The reading as the last tree processor of a parse. `priority` 0 with `into` (a page rendered
    by MkDocs): after Python-Markdown's own last step, before MkDocs rewrites the links' addresses;
    each text converted is kept in `into`, by its text."""

    def __init__(self, priority: int = -100, into: Collected | None = None) -> None:
        super().__init__()
        self.priority, self.into = priority, into

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Collect(md, self.into), "reading", self.priority)
        if self.into is not None:
            md.preprocessors.register(_Source(md), "reading-source", 1000)


class _Source(Preprocessor):
    """First of all: the text as given, which the reading's lines are counted in."""

    def run(self, lines: list[str]) -> list[str]:
        self.md.reading_text = "\n".join(lines)
        return lines


@dataclass
class Collected:
    """What `collector` found: each text's reading, by the text as given in `texts` (a text the
    parse got stripped of its surrounding blank lines is found back there)."""

    texts: dict[str, str]  # text without its surrounding blank lines -> the text
    readings: dict[str, Reading]


def collector(texts: Iterable[str]) -> tuple[markdown.Extension, Collected]:
    """An extension for another parse of these texts (MkDocs rendering the pages), and what it
    finds: what `read` would return for each text it converts (see `remember`)."""
    into = Collected({text.strip("\n"): text for text in texts}, {})
    return _ReadingExtension(0, into), into


_local = threading.local()


def _markdown() -> markdown.Markdown:
    """One parser per thread, reset between texts (making one costs more than a short text)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[*EXTENSIONS, _ReadingExtension()],
                               extension_configs={"toc": {"permalink": False}})
        _local.md = md
    return md


KEPT_IN_MEMORY = 200_000  # readings; the ×10 bench corpus has some 40,000 texts
_KNOWN: dict[str, Reading] = {}  # text -> its reading, in this process (read, remember)
_STORED: dict[bytes, Reading] = {}  # the cache on disk (use_cache): text's hash -> its reading
_NEW: list[str] = []  # texts read in this process that the cache on disk does not hold


def read(text: str) -> Reading:
    """The links (with their lines in `text`) and ids of a text, as the rendered page holds them."""
    reading = _KNOWN.get(text)
    if reading is None and _STORED:
        reading = _STORED.get(_key(text))
        if reading is not None:
            _KNOWN[text] = reading
    if reading is not None:
        return reading
    if len(_KNOWN) >= KEPT_IN_MEMORY:  # a long-lived process (the preview): texts edited many times
        _KNOWN.clear()
        _NEW.clear()
    md = _markdown()
    md.reset()
    md.reading_found, md.reading_ids, md.reading_tags = [], set(), []  # a blank text is not parsed
    md.convert(text)
    reading = _KNOWN[text] = _reading(text, md)
    _NEW.append(text)
    return reading


def _reading(text: str, md: markdown.Markdown) -> Reading:
    found: list[_Found] = md.reading_found
    ids: set[str] = md.reading_ids
    elements: list[_Element] = md.reading_tags
    return Reading(tuple(_with_lines(text, found)), frozenset(ids), tuple(_tags_with_lines(text, elements)))


def forget() -> None:
    """Drop every reading this process holds (the cache on disk stays): as a new process starts."""
    _KNOWN.clear()
    _STORED.clear()
    _NEW.clear()


def is_known(text: str) -> bool:
    """Is the reading of this text at hand (no parse needed)?"""
    return text in _KNOWN or (bool(_STORED) and _key(text) in _STORED)


def remember(readings: dict[str, Reading]) -> None:
    """Readings made elsewhere (a build worker's, by `collector`), reused instead of a parse."""
    for text, reading in readings.items():
        if text not in _KNOWN:
            _KNOWN[text] = reading
            _NEW.append(text)


# --- the cache on disk: a text's reading by its content and the version of the tools -------------

def _version() -> str:
    """What a reading depends on besides the text: Python-Markdown, its extensions, this code."""
    digest = hashlib.sha256()
    for name in ("markdown", "pymdown-extensions"):
        try:
            digest.update(f"{name}={metadata.version(name)};".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-;".encode())
    here = Path(__file__).parent
    for module in ("reading.py", "markup.py", "extensions.py"):
        digest.update((here / module).read_bytes())
    return digest.hexdigest()[:16]


def cache_file(root: Path) -> Path:
    return Path(root) / READING_CACHE / f"{_version()}.pickle"


def _key(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def use_cache(root: Path) -> int:
    """Read texts' readings from the cache on disk when they are there; the number it holds."""
    try:
        with open(cache_file(root), "rb") as handle:
            stored = pickle.load(handle)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return 0  # no cache yet, or an unreadable one: texts are read again
    if isinstance(stored, dict):
        _STORED.clear()
        _STORED.update(stored)
    return len(_STORED)


def save_cache(root: Path) -> None:
    """Add to the cache on disk the readings this process made. The texts of earlier versions go
    when the cache holds twice what this process read."""
    if not _NEW:
        return  # the cache on disk holds every reading used
    kept = dict(_STORED)
    kept.update((_key(text), _KNOWN[text]) for text in _NEW if text in _KNOWN)
    if len(kept) > 2 * len(_KNOWN) + 1000:
        kept = {_key(text): reading for text, reading in _KNOWN.items()}
    path = cache_file(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("*.pickle"):
            if old != path:
                old.unlink()  # another version's readings: never read again
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        return  # a read-only checkout: no cache, the check stays correct
    _STORED.clear()
    _STORED.update(kept)
    _NEW.clear()


def links(text: str) -> list[Link]:
    return list(read(text).links)


def ids(text: str) -> frozenset[str]:
    return read(text).ids


def tags(text: str) -> list[Tag]:
    return list(read(text).tags)


def _tags_with_lines(text: str, elements: list[_Element]) -> list[Tag]:
    """Each element on the line where it is written: the n-th <name …> of the text, or, for a
    Markdown element given an on* attribute ({: onclick=…}), the line of that attribute."""
    masked = mask_code(text)
    lines = Lines(masked)
    seen: dict[str, int] = {}
    where: dict[str, list[int]] = {}  # pattern -> its offsets, found once per text
    result, previous = [], 1
    for element in elements:
        handlers = [name for name in element.attributes if name.startswith("on")]
        if element.raw:
            pattern = r"<" + re.escape(element.name) + r"(?=[\s/>])"
        elif handlers:
            pattern = r"\b" + re.escape(handlers[0]) + r"\s*="
        else:
            continue
        if pattern not in where:
            where[pattern] = [m.start() for m in re.finditer(pattern, masked, re.I)]
        offsets = where[pattern]
        line = previous
        if offsets:
            index = min(seen.get(pattern, 0), len(offsets) - 1)
            seen[pattern] = seen.get(pattern, 0) + 1
            line = lines.line(offsets[index])
        previous = line
        result.append(Tag(line, element.name, element.attributes))
    result.sort(key=lambda tag: tag.line)
    return result


def _needles(url: str) -> list[str]:
    """How an address may be written in the text: as it is, with &amp;, or bare in <…> (e-mail)."""
    needles = [url, html.escape(url, quote=False), html.escape(url)]
    if url.lower().startswith("mailto:"):
        needles.append(url[len("mailto:"):])
    return [n for n in dict.fromkeys(needles) if n]


# what comes just before an address written in an HTML attribute: href="… or src='…
ATTRIBUTE_BEFORE = re.compile(r"""\b(?:href|src)\s*=\s*["']?\s*\Z""", re.I)


def _with_lines(text: str, found: list[_Found]) -> list[Link]:
    """Each link on the line where its address is written: the n-th link to an address on the
    line of its n-th writing (a reference written once and used twice: on its definition's line).
    Raw HTML links are looked for in href=/src= attributes, Markdown links elsewhere."""
    masked = mask_code(text)
    lines = Lines(masked)
    seen: dict[tuple[bool, str], int] = {}
    where: dict[tuple[bool, str], list[int]] = {}  # (in HTML, needle) -> its offsets, found once per text
    result: list[Link] = []
    previous = 1
    for item in found:
        line = None
        for needle in _needles(item.url):
            key = (item.html, needle)
            if key not in where:
                where[key] = [m.start() for m in re.finditer(re.escape(needle), masked)
                              if bool(ATTRIBUTE_BEFORE.search(masked, max(0, m.start() - 80), m.start())) == item.html]
            offsets = where[key]
            if offsets:
                index = min(seen.get(key, 0), len(offsets) - 1)
                seen[key] = seen.get(key, 0) + 1
                line = lines.line(offsets[index])
                break
        if line is None:  # no address written (an <img> without src): near the previous one
            line = previous
        previous = line
        result.append(Link(line, item.url, item.image, item.alt, item.html))
    result.sort(key=lambda link: link.line)
    return result
