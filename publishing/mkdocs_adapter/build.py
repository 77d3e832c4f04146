"""Stage a site plan as Markdown files and run MkDocs on it."""
from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build

from publishing.markdown import reading
from publishing.model import OutputPage, Project, SitePlan
from publishing.plan.resources import resource_files, resource_folders

from .config import make_config
from .lean import LeanAssetsPlugin
from .memory_pages import AddPages, SetTexts
from .plugin import BrusanoPlugin, WarningCollector
from .speed import SpeedPlugin


def stage(plan: SitePlan, docs_dir: Path, *, incremental: bool = False, on_disk: bool = True) -> dict[str, str]:
    """Write the plan's pages as <key>.<lang>.md files (and their images) into docs_dir.
    incremental (the preview): rewrite only the pages whose text changed and remove those gone,
    so that a dirty MkDocs build renders only them. on_disk=False: the pages are not written but
    returned, by their file's name, for MkDocs to take from memory (memory_pages.py)."""
    if docs_dir.exists() and not incremental:
        shutil.rmtree(docs_dir)
    docs_dir.mkdir(parents=True, exist_ok=True)
    wanted = set()
    texts = {}
    for page in plan.pages:
        name = f"{page.key}.{plan.lang}.md"
        text = front_matter(page) + page.markdown
        if not on_disk:
            texts[name] = text
            continue
        target = docs_dir / name
        wanted.add(target)
        if incremental and target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for source, folder in resource_folders(plan):
        wanted.update(copy_resources(source, docs_dir / folder))
    if incremental:  # what is no longer in the plan, and what a plugin wrote there last time
        for stale in [p for p in docs_dir.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()
    return texts


def front_matter(page: OutputPage) -> str:
    meta: dict[str, Any] = {"title": page.title}
    if page.description:
        meta["description"] = page.description
    if page.meta.hide:
        meta["hide"] = list(page.meta.hide)
    return "---\n" + yaml.dump(meta, Dumper=DUMPER, allow_unicode=True, sort_keys=True) + "---\n\n"


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it


def copy_resources(source_dir: Path, target_dir: Path) -> list[Path]:
    target_dir.mkdir(parents=True, exist_ok=True)
    copied = []
    for item in resource_files(source_dir):
        shutil.copy2(item, target_dir / item.name)
        copied.append(target_dir / item.name)
    return copied


# What MkDocs says of every dirty build (the preview's): no problem of the content
DIRTY_BUILD = "A 'dirty' build is being performed"


def build_language(project: Project, plan: SitePlan, site_dir: Path,
                   staging: Path, dirty: bool = False, readings: dict[str, reading.Reading] | None = None,
                   texts: Iterable[str] = (), pages_on_disk: bool = True) -> list[str]:
    """Build one territory in one language into site_dir. Returns MkDocs' warnings about the content.
    dirty (the preview, after a first build into the same folders): render only the pages whose
    staged text changed, MkDocs' --dirty. readings: filled with what those of the pages' `texts`
    hold, read by the parse that renders them (publishing.markdown.reading.collector).
    pages_on_disk=False: the pages' texts go to MkDocs from memory (memory_pages.py), not through
    files in the staging folder; the preview keeps them there for its dirty builds."""
    docs_dir = staging / f"{plan.territory.id}-{plan.lang}"
    in_memory = stage(plan, docs_dir, incremental=dirty, on_disk=pages_on_disk)
    plugin = BrusanoPlugin(project, plan)
    config = make_config(project.root, plan, docs_dir, site_dir, plugin)
    if in_memory:
        config.plugins["brusano-add-pages"] = AddPages(in_memory)
        config.plugins["brusano-set-texts"] = SetTexts(in_memory)
    config.plugins["brusano-speed"] = SpeedPlugin(project.root)
    config.plugins["brusano-lean-assets"] = LeanAssetsPlugin()
    collected = None
    if readings is not None:
        extension, collected = reading.collector(texts)
        config.markdown_extensions.append(extension)
    collector = WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        build(config, dirty=dirty)
    finally:
        logger.removeHandler(collector)
    if readings is not None and collected is not None:
        readings.update(collected.readings)
    messages = [r.getMessage() for r in collector.records]
    return [m for m in messages if not (dirty and m.startswith(DIRTY_BUILD))]

