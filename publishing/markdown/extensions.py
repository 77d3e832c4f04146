"""The Markdown extensions of every text: one list, for the web pages and for the PDFs.

The web (MkDocs, through publishing.mkdocs_adapter) and print (publishing.markdown.html)
read the same list, so that a construct an editor may use on a page renders in its PDF too;
only the heading permalinks differ (the web shows them, paper does not), and the web wraps each
table in a region a keyboard can scroll (WEB_ONLY).
"""
from __future__ import annotations

from typing import Any

EXTENSIONS: tuple[str, ...] = ("abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables",
                               "toc", "pymdownx.details", "pymdownx.superfences", "pymdownx.smartsymbols")


# The web's own: each table in a region a keyboard can reach and scroll (markdown/tables.py).
WEB_ONLY: tuple[str, ...] = ("publishing.markdown.tables",)


def web_extensions(permalink_title: str) -> list[str | dict[str, Any]]:
    """The list in MkDocs' `markdown_extensions` form: a "#" after each heading, titled in the
    page's language; then the web's own."""
    return [*({name: {"permalink": "#", "permalink_title": permalink_title}} if name == "toc" else name
              for name in EXTENSIONS), *WEB_ONLY]


def print_configs(slugify: Any) -> dict[str, dict[str, Any]]:
    """Options for print: ASCII ids (as the web's), no permalinks, footnote ids unique in a
    document that puts several texts together."""
    return {"toc": {"slugify": slugify, "permalink": False}, "footnotes": {"UNIQUE_IDS": True}}
