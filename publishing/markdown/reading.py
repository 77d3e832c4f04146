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

import html
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE, ETX, STX

from publishing.markdown.extensions import EXTENSIONS
from publishing.markdown.markup import Lines, Link, Tag, mask_code

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
    marked in the text; both are read in the order of the page."""

    def run(self, root: ElementTree.Element) -> None:
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


class _ReadingExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Collect(md), "reading", -100)


_local = threading.local()


def _markdown() -> markdown.Markdown:
    """One parser per thread, reset between texts (making one costs more than a short text)."""
    md = getattr(_local, "md", None)
    if md is None:
        md = markdown.Markdown(extensions=[*EXTENSIONS, _ReadingExtension()],
                               extension_configs={"toc": {"permalink": False}})
        _local.md = md
    return md


@lru_cache(maxsize=4096)
def read(text: str) -> Reading:
    """The links (with their lines in `text`) and ids of a text, as the rendered page holds them."""
    md = _markdown()
    md.reset()
    md.reading_found, md.reading_ids, md.reading_tags = [], set(), []  # a blank text is not parsed
    md.convert(text)
    found: list[_Found] = md.reading_found
    ids: set[str] = md.reading_ids
    elements: list[_Element] = md.reading_tags
    return Reading(tuple(_with_lines(text, found)), frozenset(ids), tuple(_tags_with_lines(text, elements)))


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
    result, previous = [], 1
    for element in elements:
        handlers = [name for name in element.attributes if name.startswith("on")]
        if element.raw:
            pattern = r"<" + re.escape(element.name) + r"(?=[\s/>])"
        elif handlers:
            pattern = r"\b" + re.escape(handlers[0]) + r"\s*="
        else:
            continue
        offsets = [m.start() for m in re.finditer(pattern, masked, re.I)]
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
    result: list[Link] = []
    previous = 1
    for item in found:
        line = None
        for needle in _needles(item.url):
            offsets = [m.start() for m in re.finditer(re.escape(needle), masked)
                       if bool(ATTRIBUTE_BEFORE.search(masked, max(0, m.start() - 80), m.start())) == item.html]
            if offsets:
                key = (item.html, needle)
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
