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
"""
from __future__ import annotations

import os
from pathlib import Path

import jinja2
import material
from mkdocs.plugins import BasePlugin
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
