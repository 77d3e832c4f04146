"""Our MkDocs plugin: gives the templates the territory, the texts and each page's languages.

Canonical and hreflang links are absolute, on the right domain for each
language; an untranslated page announces no translation of itself.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from publishing.markdown.body import territory_view
from publishing.model import DEFAULT_LANG, LANGS, OutputPage, Project, SitePlan, long_date
from publishing.output import colours

from . import valid_html

# Material's lunr search: its worker and language files (copied by MkDocs from the theme).
LUNR_ASSETS = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")


class BrusanoPlugin(BasePlugin):
    def __init__(self, project: Project, plan: SitePlan) -> None:
        super().__init__()
        self.project, self.strings, self.plan = project, project.strings, plan
        self.pages = {p.key: p for p in plan.pages}
        self.warnings: list[str] = []

    # --- events ------------------------------------------------------------
    def on_files(self, files, config):
        """Leave out Material's lunr search assets: Pagefind (publishing/search.py) replaces them.
        Add the site's colours (output/colours.py), a real file in the staging docs folder like
        lean.py's: the i18n plugin reads every file's source path."""
        for file in [f for f in files if f.src_uri.startswith(LUNR_ASSETS)]:
            files.remove(file)
        target = Path(config.docs_dir) / colours.PATH
        target.parent.mkdir(parents=True, exist_ok=True)
        text = colours.stylesheet(self.project, self.plan.territory)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        if files.get_file_from_path(colours.PATH) is None:
            files.append(File(colours.PATH, config.docs_dir, config.site_dir, config.use_directory_urls))
        return files

    def on_env(self, env, config, files):
        lang, territory = self.plan.lang, self.plan.territory
        other = [lg for lg in LANGS if lg != lang][0]
        env.globals.update(
            t=self.strings.for_lang(lang),
            site_lang=lang,
            other_lang=other,
            territory=territory_view(self.project, territory, lang),
            territories=[
                dict(territory_view(self.project, t, lang), colour=t.colour)
                for t in self.project.territories.values()
            ],
            home_other=territory.url[other],
            # the site's feeds (Atom: syntheses, news; iCalendar: the agenda), announced in every page's head
            feeds=self.feeds(),
        )
        return env

    def on_page_context(self, context, page, config, nav):
        key = page.file.src_uri.rsplit(".", 2)[0]
        planned = self.pages.get(key)
        if planned is not None:
            context["bp"] = self.page_context(planned)
            page.canonical_url = context["bp"]["canonical"]
        return context

    def on_post_page(self, output, page, config):
        """Correct the bits of Material's markup that are not valid HTML (valid_html.py)."""
        description = (page.meta or {}).get("description") or config.site_description
        return valid_html.fix(output, description)

    def on_post_template(self, output_content, template_name, config):
        """The same for the pages made from a template alone (404.html)."""
        if template_name.endswith(".html"):
            return valid_html.fix(output_content, config.site_description)
        return output_content

    # --- helpers -------------------------------------------------------------
    def feeds(self) -> list[dict[str, str]]:
        """(title, href, type) of the feeds that sections attached to their pages (PageData.feed)."""
        territory, lang = self.plan.territory, self.plan.lang
        return [{"title": feed.title, "href": territory.absolute(lang, feed.path), "type": feed.type}
                for feed in (page.meta.feed for page in self.plan.pages) if feed is not None]

    def page_context(self, page: OutputPage) -> dict:
        territory, lang = self.plan.territory, self.plan.lang
        alternates = [(lg, territory.absolute(lg, page.url)) for lg in LANGS if lg in page.translations]
        other = [lg for lg in LANGS if lg != lang][0]
        canonical = territory.absolute(page.text_lang if not page.translated else lang, page.url)
        return {
            "key": page.key,
            "canonical": canonical,
            "alternates": alternates if page.translated and len(alternates) > 1 else [],
            "x_default": territory.absolute(DEFAULT_LANG, page.url),
            "translated": page.translated,
            "text_lang": page.text_lang,
            # the same page in the other language (its fallback counts: it exists there)
            "switch": territory.absolute(other, page.url),
            "updated": page.meta.updated,
            "updated_text": long_date(page.meta.updated, self.strings.for_lang(lang)) if page.meta.updated else None,
            # structured data (schema.org) a section attached to the page
            "jsonld": _script_json(page.meta.jsonld) if page.meta.jsonld else None,
        }


def _script_json(data: object) -> str:
    """JSON to put inside <script>: sorted keys, and no character that could end the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class WarningCollector(logging.Handler):
    """Keeps MkDocs' warnings (broken links, missing anchors) to report them as problems."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
