"""The files published beside a text (its images, documents): which, and into which folder."""
from __future__ import annotations

import posixpath
from pathlib import Path

from publishing.model import SitePlan

# The files of a text's folder that are published with it (its images, documents).
RESOURCE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".svg", ".webp", ".gif", ".pdf"})


def resource_files(folder: Path) -> list[Path]:
    """The files of a text's folder that are published with it, by name."""
    return sorted(item for item in folder.iterdir() if item.is_file() and item.suffix.lower() in RESOURCE_SUFFIXES)


def resource_folders(plan: SitePlan) -> list[tuple[Path, str]]:
    """(source folder, published folder) of the files beside the plan's texts, each pair once, in
    the order of its last page: the order they are copied in, so a name in two source folders
    published in one folder is the later one's (publishing.checks.resources says so)."""
    pairs: dict[tuple[Path, str], None] = {}
    for page in plan.pages:
        if page.source is not None:
            folder = posixpath.join(posixpath.dirname(page.key), page.resources)
            pair = (page.source.parent, posixpath.normpath(folder) if folder else "")
            pairs.pop(pair, None)
            pairs[pair] = None
    return list(pairs)
