"""A wide table scrolls inside a region a keyboard can reach (WCAG 2.1.1, axe's
scrollable-region-focusable): on the web, each table of a text is put in

    <div class="bp-scroll" tabindex="0" role="region" aria-labelledby="<id of the heading above>">

named by the heading the table stands under (or, with no heading above it, by its header row).
That element scrolls (theme/web/assets/brusano.css), in place of the `md-typeset__scrollwrap` that
Material's script wraps every table in and which no keyboard could focus. Tab reaches it, arrow keys
scroll it, a screen reader announces its name. Print (markdown/html.py) does not use this extension.
"""
from __future__ import annotations

from xml.etree import ElementTree

import markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


class _Wrap(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        heading: list[str | None] = [None]  # the id of the last heading met, in document order
        self._visit(root, heading)

    def _visit(self, parent: ElementTree.Element, heading: list[str | None]) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag in HEADINGS and child.get("id"):
                heading[0] = child.get("id")
            elif child.tag == "table":
                parent.remove(child)
                parent.insert(index, self._region(child, heading[0]))
            else:
                self._visit(child, heading)

    @staticmethod
    def _region(table: ElementTree.Element, heading: str | None) -> ElementTree.Element:
        region = ElementTree.Element("div", {"class": "bp-scroll", "tabindex": "0", "role": "region"})
        if heading:
            region.set("aria-labelledby", heading)
        else:
            cells = table.findall("./thead/tr/th")
            region.set("aria-label", ", ".join("".join(c.itertext()).strip() for c in cells)[:120] or "table")
        region.tail, table.tail = table.tail, None
        region.append(table)
        return region


class ScrollingTables(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Wrap(md), "bp_scrolling_tables", 1)  # after toc (5): headings have ids


def makeExtension(**kwargs: object) -> ScrollingTables:
    return ScrollingTables(**kwargs)
