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


def fix(output: str, description: str | None = None) -> str:
    output = TOGGLE_AUTOCOMPLETE.sub(r"\1", output)
    output = EMPTY_TABINDEX.sub(r"\1", output)
    # the table of contents' title points to the #__toc toggle, which only pages in the
    # navigation have: elsewhere the label points to nothing
    if 'id="__toc"' not in output:
        output = output.replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    if description:
        # Material does not escape the description: a quotation mark in it would end the attribute
        output = output.replace(f'<meta name="description" content="{description}">',
                                f'<meta name="description" content="{html.escape(description)}">', 1)
    return output
