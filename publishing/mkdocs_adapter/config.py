"""The MkDocs configuration of one territory in one language, from the base mkdocs.yml."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from publishing.markdown.extensions import web_extensions
from publishing.model import LANGS, NavItem, SitePlan


def nav_config(items: list[NavItem]) -> list[dict[str, Any]]:
    """Our navigation in MkDocs' form; paths without language suffix (i18n's suffix mode)."""
    out: list[dict[str, Any]] = []
    for item in items:
        if item.children:
            out.append({item.title: [f"{item.key}.md"] + nav_config(item.children)})
        else:
            out.append({item.title: f"{item.key}.md"})
    return out


def make_config(root: Path, plan: SitePlan, docs_dir: Path, site_dir: Path, plugin,
                dev_addr: str | None = None) -> MkDocsConfig:
    territory, lang = plan.territory, plan.lang
    languages = [
        {"locale": lg, "name": lg.upper(), "default": lg == "fr", "build": lg == lang,
         "site_name": territory.name[lg]}
        for lg in LANGS
    ]
    languages[LANGS.index(lang)]["nav"] = nav_config(plan.nav())
    i18n = {"i18n": {"docs_structure": "suffix", "fallback_to_default": False,
                     "reconfigure_search": False, "build_only_locale": lang,
                     "languages": languages}}
    overrides: dict[str, Any] = dict(
        site_name=territory.name[lang],
        site_url=territory.url[lang],
        site_description=territory.tagline[lang],
        docs_dir=str(docs_dir),
        site_dir=str(site_dir),
        plugins=[i18n],
        # the title of heading permalinks, in the page's language
        markdown_extensions=web_extensions(plugin.strings.t(lang, "page.permalink")),
        theme={"name": "material", "custom_dir": str(root / "theme" / "web"), "language": lang,
               **_theme_base(root)},
    )
    if dev_addr:
        overrides["dev_addr"] = dev_addr
    config = load_config(str(root / "mkdocs.yml"), **overrides)
    config.plugins["brusano"] = plugin
    return config


def _theme_base(root: Path) -> dict:
    """The theme options of mkdocs.yml, so that overriding 'theme' keeps them."""
    import yaml

    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        base = yaml.safe_load(handle).get("theme", {})
    return {k: v for k, v in base.items() if k not in ("name", "custom_dir", "language")}
