"""A WordPress post's HTML made into the sites' Markdown (markdownify, over BeautifulSoup).

Kept: headings, paragraphs, lists, tables, links, emphasis, quotes, images with their
alternative text and captions. Dropped: Gutenberg's `<!-- wp:… -->` comments. Never kept, each
one reported for the team to replace: `<script>`, `<style>`, forms, `<iframe>`s, plugins'
objects and shortcodes (`[contact-form-7 …]`). An embed (YouTube…) becomes a link to what it
showed. Links and images go through the caller's `Resolver`: a link to another imported item
leads to its new page, a file of the uploads to its copy beside the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from markdownify import MarkdownConverter

# Tags whose content never reaches a page (an <iframe> becomes a link to what it showed)
SCRIPT_TAGS = frozenset({"script", "noscript"})
STYLE_TAGS = frozenset({"style", "link", "meta", "base"})
FORM_TAGS = frozenset({"form", "input", "button", "select", "textarea"})
FRAME_TAGS = frozenset({"object", "embed", "applet", "frame", "frameset"})
FORBIDDEN = SCRIPT_TAGS | STYLE_TAGS | FORM_TAGS | FRAME_TAGS
SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\]]*)?)\]")
# Shortcodes whose tags go but whose content stays (the classic editor's image captions)
KEPT_CONTENT = frozenset({"caption", "wp_caption"})
EMBED_SHORTCODE = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S)
CODE_SCHEMES = ("javascript:", "vbscript:", "data:")
BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Finding:
    """Something of a post the import did not carry over as it was: what (a code of the
    catalogue) and which (a tag, a shortcode, an address)."""

    code: str
    detail: str


class Resolver(Protocol):
    def link(self, href: str) -> str | None:
        """The new address of a link; None to keep it as it is; "" to keep its text only."""

    def image(self, src: str) -> tuple[str | None, str]:
        """(the copied file's name, or None when the upload is missing; its alternative text)."""




def to_markdown(html: str, resolver: Resolver) -> tuple[str, list[Finding]]:
    """The Markdown of a post's HTML, and what was found in it to report."""
    findings: list[Finding] = []
    html = EMBED_SHORTCODE.sub(lambda m: f'<p><a href="{m.group(1).strip()}">{m.group(1).strip()}</a></p>', html)
    soup = BeautifulSoup(html, "html.parser")
    found = _walk(soup)  # one walk of the tree, then each kind of node
    for comment in found["#comment"]:
        comment.extract()
    _embeds(soup, found["figure"], findings)
    for tag in found["iframe"] + found["#forbidden"]:
        if not isinstance(tag, Tag) or tag.decomposed or _detached(tag):
            continue
        if tag.name == "iframe":
            src = str(tag.get("src") or "").strip()
            findings.append(Finding("wxr_iframe", src or "iframe"))
            if src.startswith(("https://", "http://")):
                tag.replace_with(_link_paragraph(soup, src, src))
                continue
        else:
            findings.append(Finding(forbidden_code(tag.name), tag.name))
        tag.decompose()
    if "[" in html:
        _shortcodes(soup, findings)
    _images(_alive(found["img"]), resolver, findings)
    _links(_alive(found["a"]), resolver, findings)
    for caption in _alive(found["figcaption"]):
        caption.name = "p"
        caption.wrap(soup.new_tag("div"))
        inner = soup.new_tag("em")
        for child in list(caption.children):
            inner.append(child.extract())
        caption.append(inner)
    for text in found["#text"]:  # "<" in a text stays text, never becomes a tag
        if "<" in text and not _detached(text):
            text.replace_with(text.replace("<", "&lt;"))
    converter = MarkdownConverter(heading_style="ATX", bullets="-", strong_em_symbol="*", escape_misc=False)
    markdown = converter.convert_soup(soup)
    lines = [line.rstrip() for line in markdown.strip().splitlines()]
    return BLANK_LINES.sub("\n\n", "\n".join(lines)).strip() + "\n", findings


WALKED = ("figure", "iframe", "img", "a", "figcaption")


def _walk(soup: BeautifulSoup) -> dict[str, list]:
    """The nodes the conversion works on, by kind, found in one walk of the tree."""
    found: dict[str, list] = {name: [] for name in (*WALKED, "#comment", "#forbidden", "#text")}
    for node in soup.descendants:
        if isinstance(node, Comment):
            found["#comment"].append(node)
        elif isinstance(node, NavigableString):
            if "<" in node:
                found["#text"].append(node)
        elif isinstance(node, Tag):
            if node.name in WALKED:
                found[node.name].append(node)
            elif node.name in FORBIDDEN:
                found["#forbidden"].append(node)
    return found


def _detached(node: Tag | NavigableString) -> bool:
    """A node removed with one of its ancestors."""
    while node.parent is not None:
        node = node.parent
    return not isinstance(node, BeautifulSoup)


def _alive(tags: list[Tag]) -> list[Tag]:
    return [tag for tag in tags if not tag.decomposed and not _detached(tag)]


def forbidden_code(tag: str) -> str:
    """The code that reports a forbidden tag."""
    if tag in SCRIPT_TAGS:
        return "wxr_script"
    if tag in STYLE_TAGS:
        return "wxr_style"
    if tag in FORM_TAGS:
        return "wxr_form"
    return "wxr_iframe"


def _link_paragraph(soup: BeautifulSoup, href: str, text: str) -> Tag:
    paragraph = soup.new_tag("p")
    anchor = soup.new_tag("a", href=href)
    anchor.string = text
    paragraph.append(anchor)
    return paragraph


def _embeds(soup: BeautifulSoup, figures: list[Tag], findings: list[Finding]) -> None:
    """Gutenberg's embed block (a figure with the address in its wrapper): a link to it."""
    for figure in figures:
        classes: list[str] = list(figure.get("class") or [])
        if "wp-block-embed" not in classes:
            continue
        wrapper = figure.find(class_="wp-block-embed__wrapper")
        url = wrapper.get_text(" ", strip=True) if isinstance(wrapper, Tag) else ""
        iframe = figure.find("iframe")
        if not url and isinstance(iframe, Tag):
            url = str(iframe.get("src") or "")
        caption = figure.find("figcaption")
        text = caption.get_text(" ", strip=True) if isinstance(caption, Tag) else ""
        findings.append(Finding("wxr_embed", url))
        if url.startswith(("https://", "http://")):
            figure.replace_with(_link_paragraph(soup, url, text or url))
        else:
            figure.decompose()


def _shortcodes(soup: BeautifulSoup, findings: list[Finding]) -> None:
    for text in soup.find_all(string=SHORTCODE):
        if isinstance(text, Comment) or not isinstance(text, NavigableString):
            continue

        def drop(match: re.Match[str]) -> str:
            name = match.group(2).lower()
            if name not in KEPT_CONTENT and not match.group(1):
                findings.append(Finding("wxr_shortcode", f"[{name}]"))
            return ""

        text.replace_with(SHORTCODE.sub(drop, str(text)))


def _images(images: list[Tag], resolver: Resolver, findings: list[Finding]) -> None:
    for img in images:
        src = str(img.get("src") or "").strip()
        name, alt = resolver.image(src)
        alt = str(img.get("alt") or "").strip() or alt
        if name is None:
            findings.append(Finding("wxr_missing_upload", src))
            img.decompose()
            continue
        if not alt:
            findings.append(Finding("wxr_image_no_alt", src))
            img.decompose()
            continue
        img.attrs = {"src": name, "alt": alt}


def _links(anchors: list[Tag], resolver: Resolver, findings: list[Finding]) -> None:
    for anchor in anchors:
        href = str(anchor.get("href") or "").strip()
        if href.lower().replace(" ", "").startswith(CODE_SCHEMES):
            findings.append(Finding("wxr_script", href[:40]))
            anchor.unwrap()
            continue
        new = resolver.link(href) if href else ""
        if new == "":
            anchor.unwrap()
        elif new is not None:
            anchor.attrs = {"href": new}
        else:
            anchor.attrs = {"href": href}
