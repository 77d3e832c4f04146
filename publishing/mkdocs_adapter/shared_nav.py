"""Material's navigation: each item that is not on the page's own path rendered once per build.

Material renders the whole navigation into every page (partials/nav.html, recursing
through partials/nav-item.html), a tenth of a page's build time. An item that is not
active (the page is not in it) renders the same on every page but for its links,
which are relative to the page. So the two partials are loaded with their item calls
going through `shared_nav_item()` (PATCHES, applied by speed.VisibleFilesLoader):

- an active item is rendered by Material's macro, as before (its children go through
  `shared_nav_item()` in turn);
- an inactive item is rendered once per build, with the `url` filter writing the
  paths it is given between markers, then given to each page with every path made
  relative to that page by the `url` filter itself.

The pages are byte for byte Material's (tests/test_speed.py). If Material's partials
change so that a patch no longer applies, the build stops and says so.
"""
from __future__ import annotations

import re

import jinja2

MARK = "\x00"
_MARKED = re.compile(f"{MARK}([^{MARK}]*){MARK}")
ENABLED = True  # tests build with it off to compare

NAV_ITEM = "partials/nav-item.html"
# Material's partial -> (its text, what it becomes): its calls of the item macro go through us.
PATCHES = {
    "partials/nav.html": ("{{ item.render(nav_item, path, 1) }}",
                          "{{ shared_nav_item(item.render, nav_item, path, 1) }}"),
    NAV_ITEM: ('{{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}',
               '{{ shared_nav_item(render, item, path ~ "_" ~ loop.index, level + 1, nav_item) }}'),
}


class ThemeChanged(Exception):
    """Material's partial no longer holds what PATCHES replaces."""


def patch(name: str, source: str) -> str:
    """Material's partial `name` with its item calls going through shared_nav_item()."""
    old, new = PATCHES[name]
    if source.count(old) != 1:
        raise ThemeChanged(
            f"Material's {name} no longer holds {old!r} once: publishing/mkdocs_adapter/shared_nav.py "
            "must be brought up to date with the installed mkdocs-material.")
    return source.replace(old, new)


@jinja2.pass_context  # as MkDocs' filter: templates compiled meanwhile call it the same way
def _marked_url(_context, value) -> str:
    return f"{MARK}{value}{MARK}"


class SharedNav:
    """The `shared_nav_item()` of one build's templates (a new one for each build: one navigation)."""

    reuses = 0  # inactive items of this process given from the shared markup (tests/test_speed.py)

    def __init__(self) -> None:
        self.marked: dict[tuple, str] = {}
        self.filling = 0  # > 0 while an item is rendered with marked links

    @jinja2.pass_context
    def __call__(self, context, render, nav_item, path, level, *parent) -> str:
        if not ENABLED or nav_item.active:
            return render(nav_item, path, level, *parent)
        # what an inactive item's markup depends on besides the links
        key = (id(nav_item), path, level, bool(parent and parent[0].active))
        marked = self.marked.get(key)
        if marked is None:
            marked = self.marked[key] = self._fill(context, nav_item, path, level, parent)
        if self.filling:
            return marked  # inside an item being filled: its links are resolved with it
        SharedNav.reuses += 1
        url = context.environment.filters["url"]
        return _MARKED.sub(lambda m: url(context, m.group(1)), marked)

    def _fill(self, context, nav_item, path, level, parent) -> str:
        """The item rendered by Material's macro from a module whose `url` filter marks the paths."""
        env = context.environment
        url = env.filters["url"]
        env.filters["url"] = _marked_url
        try:
            module = env.get_template(NAV_ITEM).make_module(context.get_all(), True)
        finally:
            env.filters["url"] = url
        self.filling += 1
        try:
            return str(module.render(nav_item, path, level, *parent))
        finally:
            self.filling -= 1
