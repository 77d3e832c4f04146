"""Stage a site plan as Markdown files and run MkDocs on it."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build

from publishing.model import OutputPage, Project, SitePlan, Strings
from publishing.plan.resources import resource_files, resource_folders

from .config import make_config
from .lean import LeanAssetsPlugin
from .plugin import BrusanoPlugin, WarningCollector
from .speed import SpeedPlugin


def stage(plan: SitePlan, docs_dir: Path, root: Path) -> None:
    """Write the plan's pages as <key>.<lang>.md files (and their images) into docs_dir."""
    if docs_dir.exists():
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True)
    for page in plan.pages:
        target = docs_dir / f"{page.key}.{plan.lang}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front_matter(page) + page.markdown, encoding="utf-8")
    for source, folder in resource_folders(plan):
        copy_resources(source, docs_dir / folder)


def front_matter(page: OutputPage) -> str:
    meta: dict[str, Any] = {"title": page.title}
    if page.description:
        meta["description"] = page.description
    hide = page.meta.get("hide")
    if hide:
        meta["hide"] = list(hide)
    return "---\n" + yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=True) + "---\n\n"


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it


def copy_resources(source_dir: Path, target_dir: Path) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    for item in resource_files(source_dir):
        shutil.copy2(item, target_dir / item.name)


def build_language(project: Project, strings: Strings, plan: SitePlan, site_dir: Path,
                   staging: Path) -> list[str]:
    """Build one territory in one language into site_dir. Returns MkDocs' warnings."""
    docs_dir = staging / f"{plan.territory.id}-{plan.lang}"
    stage(plan, docs_dir, project.root)
    plugin = BrusanoPlugin(project, strings, plan)
    config = make_config(project.root, plan, docs_dir, site_dir, plugin)
    config.plugins["brusano-speed"] = SpeedPlugin()
    config.plugins["brusano-lean-assets"] = LeanAssetsPlugin()
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        build(config)
    finally:
        logger.removeHandler(collector)
    return [r.getMessage() for r in collector.records]

