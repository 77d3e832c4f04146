"""Markdown to HTML for print (brochures, syntheses), with the extensions of the sites."""
from __future__ import annotations

import html as html_module
import re
import unicodedata
from dataclasses import dataclass
from html import escape
from urllib.parse import urljoin, urlsplit

import markdown

from publishing.markdown.extensions import EXTENSIONS, print_configs


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    title: str


@dataclass(frozen=True)
class Html:
    body: str
    headings: tuple[Heading, ...]


def to_html(text: str, id_prefix: str = "", folder_url: str | None = None) -> Html:
    """The text for print. folder_url: the web address of the folder of the text's page, against which
    its relative links are made absolute (publishing.markdown.html.absolute_links): a PDF has no folder
    of its own, and must not point into the machine that made it."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=print_configs(slugify))
    body = md.convert(text)
    if folder_url is not None:
        body = absolute_links(body, folder_url)
    headings: list[Heading] = []

    def walk(tokens):
        for token in tokens:
            headings.append(Heading(token["level"], token["id"], _plain(token["name"])))
            walk(token["children"])

    walk(md.toc_tokens)
    if id_prefix:
        body = re.sub(r'id="([^"]+)"', lambda m: f'id="{id_prefix}{m.group(1)}"', body)
        body = re.sub(r'href="#([^"]+)"', lambda m: f'href="#{id_prefix}{m.group(1)}"', body)
        headings = [Heading(h.level, id_prefix + h.id, h.title) for h in headings]
    return Html(print_urls(body), tuple(headings))


def plain_html(text: str) -> str:
    """Markdown to HTML with the sites' extensions, links as written (the newsletter's editorial)."""
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=print_configs(slugify))
    return md.convert(text)


def slugify(value: str, separator: str = "-") -> str:
    """ASCII ids, so that 'Élève à domicile' -> 'eleve-a-domicile' (same rule as the sites)."""
    value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[\s_-]+", separator, value)


def _plain(html: str) -> str:
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


HREF = re.compile(r'<a href="([^"]*)"')
LANG_SUFFIX = re.compile(r"\.[a-z]{2}$")


def absolute_links(body: str, folder_url: str) -> str:
    """Relative links made absolute against folder_url, as the web page's are: a page's file
    (`autre.md`, `autre.nl.md`, `dossier/index.md`) becomes its page's address (`…/autre/`), any
    other relative address the address beside. Anchors within the text and absolute links are kept."""
    def one(match: re.Match) -> str:
        href = html_module.unescape(match.group(1))
        if not href or href.startswith("#") or urlsplit(href).scheme or href.startswith("//"):
            return match.group(0)
        path, hash_, fragment = href.partition("#")
        if path.endswith(".md"):
            stem = LANG_SUFFIX.sub("", path[:-3])
            path = stem[:-len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
        return f'<a href="{escape(urljoin(folder_url, path) + hash_ + fragment)}"'

    return HREF.sub(one, body)


LINK = re.compile(r'<a href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)


def print_urls(body: str) -> str:
    """On paper a link cannot be clicked: print its address after the text, unless the text is it."""
    def add(match: re.Match) -> str:
        url, attrs, text = match.groups()
        plain = _plain(text).strip().rstrip("/")
        shown = re.sub(r"^https?://", "", url).rstrip("/")
        if plain in (url.rstrip("/"), shown):
            return match.group(0)
        return f'<a href="{url}"{attrs}>{text}</a><span class="print-url"> ({escape(shown)})</span>'

    return LINK.sub(add, body)
