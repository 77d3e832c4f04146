"""The markup of the sections' web pages: Jinja templates in theme/web/sections/.

Python chooses what a page shows; the templates write it, escaping every value (autoescape).
Two kinds of template, told apart by their name:

- `.html`: HTML that goes into a page's Markdown as blocks. Blank lines and indentation
  would end a block or start a code block there, so the result is compacted to one element a
  line, without indentation (compact()).
- `.md`: a whole page's Markdown, its heading, intro and HTML blocks with the blank lines
  between them, given as written: block tags alone on their line vanish (trim_blocks,
  lstrip_blocks), a `-` joins what has to stay on one line, the file's last newline ends the
  page. The pages that had their HTML written in Python are published byte for byte as
  they were (tests/test_templates.py).
"""
from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from publishing.output.bytecode import bytecode_cache

FOLDER = ("theme", "web", "sections")


def _escaped(value: Any) -> Any:
    """Text escaped as html.escape escapes it (&#x27; for ', &quot; for "), as the pages have
    been and as escape() below does: autoescape alone (MarkupSafe) writes &#39; and &#34;, the
    same characters in other bytes. Markup (a macro's or a block's output) passes as it is."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return Markup(html.escape(value))
    return value


@functools.lru_cache(maxsize=4)
def environment(root: str) -> jinja2.Environment:
    """One environment per repository, its templates compiled once per process (and again if a
    file changes, during the preview), and kept compiled on disk for the next process."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(root).joinpath(*FOLDER))),
                             autoescape=True, finalize=_escaped, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             bytecode_cache=bytecode_cache(Path(root)))
    # `{% filter compact %}{% include "list.html" %}{% endfilter %}`: HTML blocks inside a page (.md)
    env.filters["compact"] = lambda html: Markup(compact(str(html)))
    return env


def render(root: Path, name: str, **context: Any) -> str:
    """A template of theme/web/sections/: a page (.md) as written, HTML blocks (.html) compacted.
    The sections call it through SectionContext.render, which gives the site's language and texts."""
    text = environment(str(root)).get_template(name).render(**context)
    return text if name.endswith(".md") else compact(text)


def compact(html: str) -> str:
    """Each line stripped, blank lines dropped: HTML that Markdown keeps as one block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())

