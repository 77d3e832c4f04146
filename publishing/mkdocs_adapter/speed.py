"""What MkDocs redoes in each of the twelve builds and need not.

- Compiling the templates. MkDocs makes a new Jinja environment for every build, so
  every build of a worker process compiled Material's thirty-odd templates again. A
  bytecode cache shared by the builds of one process compiles each template once, and
  keeps it compiled on disk (build/cache/jinja/, as Python keeps its .pyc) for the next
  processes; Jinja checks each template's source against its checksum, so an edited
  template is compiled again.
- Listing the theme's files to copy its assets. Jinja's loader lists every file of
  the theme folders, Material's hidden .icons/ included (14,000 SVG files), and
  MkDocs then drops each hidden one with a dozen patterns. Our loader does not
  descend into hidden folders: the same list, a hundred times fewer names.
- Rendering Material's navigation into every page: shared_nav.py.
- Making a Markdown converter for every page. MkDocs' Page.render makes a new one per page,
  loading and configuring every extension again (an eighth of a build's time); one converter
  per build, reset between pages as Python-Markdown provides, renders the same HTML
  (OneConverter). Should a new MkDocs change Page.render, MkDocs' own is used again.
"""
from __future__ import annotations

import functools
import hashlib
import inspect
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
import markdown
import material
from mkdocs.plugins import BasePlugin
from mkdocs.structure import pages
from mkdocs.theme import Theme

from publishing.output.bytecode import bytecode_cache

from . import shared_nav

MATERIAL_TEMPLATES = os.path.join(os.path.dirname(material.__file__), "templates")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the life of the process, and on disk when given a
    cache there (publishing.output.bytecode)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}
        self.disk: jinja2.BytecodeCache | None = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


TEMPLATES = MemoryBytecodeCache()


class VisibleFilesLoader(jinja2.FileSystemLoader):
    """A theme loader whose list leaves out hidden files and folders (MkDocs never copies them),
    and whose navigation partials, when Material's, share their inactive items (shared_nav.py)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        if template in shared_nav.PATCHES and filename.startswith(MATERIAL_TEMPLATES + os.sep):
            source = shared_nav.patch(template, source)
        return source, filename, uptodate

    def list_templates(self) -> list[str]:
        names = set()
        for base in self.searchpath:
            for folder, dirs, files in os.walk(base, followlinks=self.followlinks):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                rel = os.path.relpath(folder, base).replace(os.sep, "/")
                for name in files:
                    if not name.startswith("."):
                        names.add(name if rel == "." else f"{rel}/{name}")
        return sorted(names)


class ListedTheme(Theme):
    """The configured theme, with the loader above."""

    def get_env(self) -> jinja2.Environment:
        env = super().get_env()
        env.loader = VisibleFilesLoader(self.dirs)
        return env


class SpeedPlugin(BasePlugin):
    """Gives each build the theme with the lighter listing and the process's template cache
    (kept on disk in the repository `root`'s build/cache/ when given)."""

    def __init__(self, root: Path | None = None) -> None:
        super().__init__()
        if root is not None and TEMPLATES.disk is None:
            TEMPLATES.disk = bytecode_cache(root)
        self.converter = OneConverter() if RENDER_AS_REPLICATED else None  # else MkDocs' own, per page

    def on_config(self, config):
        if type(config.theme) is Theme:  # after the i18n plugin has set it up
            listed = ListedTheme.__new__(ListedTheme)
            listed.__dict__.update(config.theme.__dict__)
            config["theme"] = listed
        return config

    def on_env(self, env, config, files):
        env.bytecode_cache = TEMPLATES
        env.globals["shared_nav_item"] = shared_nav.SharedNav()
        return env

    def on_pre_page(self, page, config, files):
        if self.converter is not None:
            page.render = functools.partial(self.converter.render, page)  # MkDocs calls page.render(config, files)
        return page


# MkDocs 1.6's Page.render, which OneConverter.render does with one converter: its source's hash
RENDER_REPLICATED = "320529348f7a8af152073d0a3ab02960ccce91f9204716144e51b20931983cc6"
RENDER_AS_REPLICATED = hashlib.sha256(inspect.getsource(pages.Page.render).encode()).hexdigest() == RENDER_REPLICATED


class OneConverter:
    """MkDocs' Page.render with one Markdown converter for all the pages of a build, reset
    between pages (as our reading does, publishing.markdown.reading), instead of one made per page.
    MkDocs' four per-page processors are registered again on each page, replacing the last's."""

    def __init__(self) -> None:
        self.md: markdown.Markdown | None = None

    def render(self, page: pages.Page, config: Any, files: Any) -> None:
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.md is None:
            self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                        extension_configs=config["mdx_configs"] or {})
        md = self.md.reset()
        raw_html_ext = pages._RawHTMLPreprocessor()
        raw_html_ext._register(md)
        extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
        extract_anchors_ext._register(md)
        relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
        relative_path_ext._register(md)
        extract_title_ext = pages._ExtractTitleTreeprocessor()
        extract_title_ext._register(md)
        page.content = md.convert(page.markdown)
        page.toc = pages.get_toc(getattr(md, "toc_tokens", []))
        page._title_from_render = extract_title_ext.title
        page.present_anchor_ids = extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
        if pages.log.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative_path_ext.links_to_anchors
