"""Markdown to HTML for print (brochures, syntheses), with the extensions of the sites."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import escape

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


def to_html(text: str, id_prefix: str = "") -> Html:
    md = markdown.Markdown(extensions=list(EXTENSIONS), extension_configs=print_configs(slugify))
    body = md.convert(text)
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
    import html as html_module

    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


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
