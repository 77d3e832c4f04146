"""The markup of the sections' web pages: Jinja templates in theme/web/sections/.

Python chooses what a page shows; the templates write it, escaping every value (autoescape).
What they return goes into a page's Markdown as HTML blocks: blank lines and indentation
would end a block or start a code block there, so the result is compacted to one element a
line, without indentation (compact()).
"""
from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import jinja2

FOLDER = ("theme", "web", "sections")


@functools.lru_cache(maxsize=4)
def environment(root: str) -> jinja2.Environment:
    """One environment per repository, its templates compiled once per process."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(root).joinpath(*FOLDER))),
                              autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=False)


def render(root: Path, name: str, **context: Any) -> str:
    """A template of theme/web/sections/, rendered and compacted."""
    return compact(environment(str(root)).get_template(name).render(**context))


def compact(html: str) -> str:
    """Each line stripped, blank lines dropped: HTML that Markdown keeps as one block."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


def escape(text: str) -> str:
    """A text put into a page's Markdown outside a template (an introduction), HTML-escaped."""
    return html.escape(text)
