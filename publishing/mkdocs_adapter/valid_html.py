"""Material's markup that the Nu HTML Checker rejects, corrected in each rendered page.

Each fix is narrow (it matches Material's exact markup) and says why: the
attribute is not valid where Material puts it, and browsers do not need it.
tests/test_html.py runs the checker on every built page; if Material changes
its templates, a fix that no longer matches shows up there as an error again.
"""
from __future__ import annotations

import html
import re

# <input class="md-toggle" type="checkbox" … autocomplete="off">: autocomplete is not allowed
# on checkboxes (Material adds it so that Firefox does not restore the drawer's state).
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
# <label … tabindex=""> on the navigation's section labels: an empty tabindex is no number;
# without it the label is not focusable, which is what the empty value meant.
EMPTY_TABINDEX = re.compile(r'(<label [^>]*?) tabindex=""')
# Not a validity fix but an accessibility one, of the same kind (Material's exact markup): a section
# of the navigation is a <nav> labelled by its toggle, which holds only an icon when the section has
# an index page (navigation.indexes): on a phone, where the drawer holds them, axe sees several
# navigation landmarks with one empty name (landmark-unique). Each is labelled by its own title instead.
SECTION_NAV = re.compile(r'<nav class="md-nav" data-md-level="(\d+)" aria-labelledby="([\w-]+)_label" '
                         r'aria-expanded="(true|false)">(\s*)<label class="md-nav__title" for="\2">')


def fix(output: str, description: str | None = None) -> str:
    output = TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
    output = EMPTY_TABINDEX.sub(r"\1", output)
    output = SECTION_NAV.sub(r'<nav class="md-nav" data-md-level="\1" aria-labelledby="\2_title" aria-expanded="\3">'
                             r'\4<label class="md-nav__title" for="\2" id="\2_title">', output)
    # the table of contents' title points to the #__toc toggle, which only pages in the
    # navigation have: elsewhere the label points to nothing
    if 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    if description:
        # Material does not escape the description: a quotation mark in it would end the attribute
        output = output.replace(f'<meta name="description" content="{description}">',
                                f'<meta name="description" content="{html.escape(description)}">', 1)
    return output
