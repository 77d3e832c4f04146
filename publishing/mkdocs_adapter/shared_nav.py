"""Material's navigation, rendered once per build for all the pages that are not in it.

Material renders the whole navigation into every page (partials/nav.html), a fifth
of a page's template time. On a page that is not in the navigation (a synthesis,
a directory entry, any page without `nav:`), nothing in it is active, so it is the
same markup on every such page but for its links, which are relative to the page.
Our partials/nav.html calls `shared_nav()`: the first such page renders Material's
partial with the `url` filter writing the paths it is given between markers; every
such page then gets that markup with each path made relative to it by the `url`
filter itself. The result is byte for byte Material's (tests/test_speed.py). Pages
in the navigation, and the 404 page, are rendered by Material's partial as before.
"""
from __future__ import annotations

import re

import jinja2

ORIGINAL = "material:partials/nav.html"  # Material's own partial (speed.VisibleFilesLoader)
MARK = "\x00"
_MARKED = re.compile(f"{MARK}([^{MARK}]*){MARK}")
ENABLED = True  # tests build with it off to compare


@jinja2.pass_context  # as MkDocs' filter: templates compiled meanwhile call it the same way
def _marked_url(_context, value) -> str:
    return f"{MARK}{value}{MARK}"


class SharedNav:
    """The `shared_nav()` of one build's templates (a new one for each build: one navigation)."""

    reuses = 0  # pages of this process given the shared markup (tests/test_speed.py)

    def __init__(self) -> None:
        self.marked: str | None = None

    @jinja2.pass_context
    def __call__(self, context) -> str:
        env = context.environment
        template = env.get_template(ORIGINAL)
        page, nav = context.get("page"), context.get("nav")
        if not ENABLED or page is None or nav is None or any(item.active for item in nav.items):
            return template.render(context.get_all())
        url = env.filters["url"]
        if self.marked is None:
            env.filters["url"] = _marked_url
            try:
                self.marked = template.render(context.get_all())
            finally:
                env.filters["url"] = url
        SharedNav.reuses += 1
        return _MARKED.sub(lambda m: url(context, m.group(1)), self.marked)
