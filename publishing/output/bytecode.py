"""Compiled Jinja templates kept on disk (build/cache/jinja), so that a process compiles only the
templates that changed. Jinja keys each by the template's name and checks its source's checksum
and its own version: a changed template is compiled again."""
from __future__ import annotations

from pathlib import Path

import jinja2

from publishing.model.paths import BUILD_CACHE


def bytecode_cache(root: Path) -> jinja2.BytecodeCache | None:
    """The repository's cache of compiled templates (None in a read-only checkout: compiled each time)."""
    folder = Path(root) / BUILD_CACHE / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return jinja2.FileSystemBytecodeCache(str(folder))
