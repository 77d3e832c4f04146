"""An editor's Markdown as written, before any rendering: code blanked, comments taken out,
links to a Focus's files pointed into its folder, a line's links found.

Code is blanked (fenced blocks and `inline code`): what it shows is text, not markup.
Blanking keeps every character's position, so that each finding carries its line. What a
text holds for the check (links, images, ids, HTML) is read by the parse that renders it,
in `reading`; the regular expressions here only work on the source (comments, Focus links,
the line of a link written with a {{ variable }}).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote

FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)

# [text](url "title") and ![alt](url): the text may hold one level of brackets,
# the url one level of parentheses (Wikipedia addresses).
INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>(?:\\.|[^\[\]\\]|\[(?:\\.|[^\[\]\\])*\])*)\]"
    r"\(\s*(?P<url><[^>\n]*>|(?:\\.|[^\s()\\]|\((?:\\.|[^\s()\\])*\))*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)")
REFERENCE_USE = re.compile(r"(?P<bang>!?)\[(?P<text>[^\[\]\n]*)\]\[(?P<ref>[^\[\]\n]*)\]")
# A reference definition, not a footnote's ("[^1]: La note…" is text, rendered by footnotes)
REFERENCE_DEF = re.compile(r"^ {0,3}\[(?!\^)(?P<ref>[^\]\n]+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.M)
TAG = re.compile(r"<(?P<name>[A-Za-z][\w-]*)(?P<attrs>(?:\s[^<>]*?)?)\s*/?>", re.S)
ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


@dataclass(frozen=True)
class Link:
    """A link or an image of a text; line counts from 1 at the text's first line."""

    line: int
    url: str
    image: bool = False
    alt: str | None = None  # an image's alternative text; None when it has none at all
    html: bool = False  # written as a raw HTML tag (<a href>, <img src>)


@dataclass(frozen=True)
class Tag:
    line: int
    name: str  # lower case
    attributes: dict


class Lines:
    """Offsets in a text -> line numbers."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


COMMENT = re.compile(r"<!--.*?-->", re.S)


def strip_comments(text: str) -> str:
    """The text without its HTML comments (an editor's private notes), code left as written; each
    comment's lines kept as blank lines, so that line numbers in messages stay right."""
    masked = mask_code(text)
    spans = [m.span() for m in COMMENT.finditer(masked)]
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        out.append(text[last:start])
        out.append("\n" * text.count("\n", start, end))
        last = end
    out.append(text[last:])
    return "".join(out)


def mask_code(text: str) -> str:
    """The text with fenced code blocks and code spans replaced by spaces (newlines kept)."""
    out: list[str] = []
    fence: str | None = None
    for line in text.split("\n"):
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            out.append(" " * len(line))
        elif fence is not None:
            closing = match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)
            if closing and not line.strip().strip(fence[0]):
                fence = None
            out.append(" " * len(line))
        else:
            out.append(line)
    masked = "\n".join(out)
    return CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def _unbracket(url: str) -> str:
    url = url.strip()
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


@lru_cache(maxsize=1024)
def point_into(text: str, names: frozenset[str], folder: str) -> str:
    """The Markdown links and images (inline and reference) of a text to the files `names` beside
    it, pointed into folder/ instead, where those files are published; code is left as written.
    Raw HTML (<img src>, <a href>) is not: MkDocs leaves it as written, relative to the page's
    address, which is that folder. Kept per process: each Focus text is on twelve site plans."""
    masked = mask_code(text)
    spans = []
    for pattern in (INLINE, REFERENCE_DEF):
        for match in pattern.finditer(masked):
            start, end = match.span("url")
            if masked[start:start + 1] == "<":
                start, end = start + 1, end - 1
            spans.append((start, end))
    out = text
    for start, end in sorted(spans, reverse=True):
        path = unquote(text[start:end].strip().split("#")[0].split("?")[0])
        if path in names:
            out = out[:start] + f"{folder}/" + out[start:]
    return out


def tags(text: str) -> list[Tag]:
    """The raw HTML tags of a (masked) text, with their attributes (names in lower case)."""
    lines = Lines(text)
    found = []
    for match in TAG.finditer(text):
        attrs = {}
        for name, dq, sq, bare in ATTRIBUTE.findall(match.group("attrs") or ""):
            attrs[name.lower()] = dq or sq or bare
        found.append(Tag(lines.line(match.start()), match.group("name").lower(), attrs))
    return found


def links(text: str) -> list[Link]:
    """Every link and image of a (masked) text: Markdown inline and reference links, <a> and <img>."""
    lines = Lines(text)
    found: list[Link] = []
    definitions = {m.group("ref").strip().lower(): _unbracket(m.group("url")) for m in REFERENCE_DEF.finditer(text)}
    images_by_reference = set()
    for match in REFERENCE_USE.finditer(text):
        if match.group("bang"):
            ref = (match.group("ref") or match.group("text")).strip().lower()
            images_by_reference.add(ref)
            found.append(Link(lines.line(match.start()), definitions.get(ref, ""), True, match.group("text").strip()))
    for match in REFERENCE_DEF.finditer(text):
        if match.group("ref").strip().lower() not in images_by_reference:
            found.append(Link(lines.line(match.start()), _unbracket(match.group("url"))))
    for match in INLINE.finditer(text):
        image = bool(match.group("bang"))
        found.append(Link(lines.line(match.start()), _unbracket(match.group("url")), image,
                          match.group("text").strip() if image else None))
    for tag in tags(text):
        if tag.name == "a" and "href" in tag.attributes:
            found.append(Link(tag.line, tag.attributes["href"].strip(), html=True))
        elif tag.name == "img":
            found.append(Link(tag.line, tag.attributes.get("src", "").strip(), True,
                              tag.attributes.get("alt"), html=True))
    found.sort(key=lambda link: link.line)
    return found
