"""`build.py deploy` and `rollback`: releases beside each other, the served tree a symlink switched in one rename.

DIR/releases/<time>/ holds each release, a copy of a successful build (public/) with the .br and .gz
of its text files (publishing.output.precompress: those of a file the served release has unchanged
are linked from there); DIR/current is a
symlink to one of them, the folder nginx serves (`public:` in server.yml). A release is copied
under a temporary name and renamed when whole, then `current` is replaced by a new symlink in one
rename (atomic on POSIX): a request is served from the old release or the new one, never from a
half-copied one. The last `keep` releases are kept, so `rollback` can go back.
"""
from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from publishing.commands.admin import ADMIN
from publishing.model import REGION, TERRITORY_IDS
from publishing.output.precompress import precompress
from publishing.problems import UsageError

RELEASES = "releases"
CURRENT = "current"
PARTIAL = ".partial-"


def releases(to: Path) -> list[Path]:
    """The whole releases, oldest first."""
    folder = to / RELEASES
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))


def current(to: Path) -> Path | None:
    link = to / CURRENT
    return (to / RELEASES / Path(os.readlink(link)).name) if link.is_symlink() else None


def switch(to: Path, release: Path) -> None:
    """Point `current` at release in one rename."""
    fresh = to / f".{CURRENT}.new"
    if fresh.is_symlink() or fresh.exists():
        fresh.unlink()
    fresh.symlink_to(Path(RELEASES) / release.name)  # relative: the folder can move
    os.replace(fresh, to / CURRENT)


def deploy(public: Path, to: Path, keep: int = 5, now: datetime | None = None,
           shown: Callable[[int, int], None] | None = None) -> Path:
    """Copy the build in public/ into a new release, serve it, keep the last `keep` releases.
    shown: the compression's progress (publishing.output.precompress), on a terminal."""
    if not all((public / sid / "index.html").is_file() for sid in TERRITORY_IDS):
        raise UsageError("deploy_no_build", path=public)
    if not (public / REGION / ADMIN / "config.yml").is_file():
        raise UsageError("deploy_no_editor", path=public / REGION / ADMIN)
    if keep < 2:
        raise UsageError("deploy_keep", keep=keep)
    (to / RELEASES).mkdir(parents=True, exist_ok=True)
    name = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")
    partial = to / RELEASES / f"{PARTIAL}{name}"
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(public, partial, symlinks=False,
                    ignore=shutil.ignore_patterns(".*"))  # no dotfile (the build's .old folders)
    precompress(partial, previous=current(to), shown=shown)  # .br and .gz: the unchanged from the served release
    release = to / RELEASES / name
    partial.rename(release)
    switch(to, release)
    for stale in (to / RELEASES).glob(f"{PARTIAL}*"):  # copies an earlier deploy left half done
        shutil.rmtree(stale, ignore_errors=True)
    served = current(to)
    for old in releases(to)[:-keep]:
        if old != served:
            shutil.rmtree(old)
    return release


def rollback(to: Path) -> Path:
    """Serve the release before the current one."""
    served, kept = current(to), releases(to)
    if served is None or served not in kept or kept.index(served) == 0:
        raise UsageError("rollback_none", path=to)
    previous = kept[kept.index(served) - 1]
    switch(to, previous)
    return previous
