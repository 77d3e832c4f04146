"""Precompressed copies of the published text files, for nginx's brotli_static and gzip_static.

Each HTML, CSS, JavaScript, JSON, XML (sitemaps, feeds), SVG and iCalendar file gets a `.br` and a
`.gz` beside it, the same bytes for the same input (no time stamp in the gzip header), so builds
stay reproducible and the server never compresses on the fly.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import shutil
from pathlib import Path

import brotli

from publishing.model.paths import COMPRESSED_CACHE

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".ics"})
BROTLI_QUALITY = 5  # sud: 0.25 s CPU for .br and .gz, .br 6 % under .gz; 9 costs 4×, 11 14×, for 1–3 %
# .gz is for the few clients without brotli: level 6 takes 44 % less time than 9 for 1 % more bytes
GZIP_LEVEL = 6
SHARED_SUFFIXES = frozenset({".css", ".js", ".svg"})  # the theme's and the editor's files: the same every build
_SHARED: dict[bytes, dict[str, bytes]] = {}  # their copies, by content: compressed once per process
_STORE: Path | None = None  # where their copies are kept between builds (keep_shared), if anywhere


def keep_shared(root: Path) -> None:
    """Keep the compressed copies of the theme's and the editor's files in the repository's
    build/cache/compressed/ from now on, by content: a build links them instead of compressing
    Decap's 5 MB bundle and Material's scripts again (and writing twelve copies of each)."""
    global _STORE
    _STORE = Path(root) / COMPRESSED_CACHE


def compressed(data: bytes) -> dict[str, bytes]:
    """The bytes of each precompressed copy, by the file's suffix."""
    return {".br": brotli.compress(data, quality=BROTLI_QUALITY),
            ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)}


def compress(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix not in SHARED_SUFFIXES:
        for suffix, copy in compressed(data).items():
            _write(path.with_name(path.name + suffix), copy)
        return
    key = hashlib.sha256(data).digest()
    if _STORE is not None:
        kept = _STORE / key.hex()[:2] / key.hex()
        for suffix in (".br", ".gz"):
            if not kept.with_name(kept.name + suffix).is_file():
                _keep(kept, _shared_copies(key, data))
                break
        for suffix in (".br", ".gz"):
            link_or_copy(kept.with_name(kept.name + suffix), path.with_name(path.name + suffix))
        return
    for suffix, copy in _shared_copies(key, data).items():
        _write(path.with_name(path.name + suffix), copy)


def _write(target: Path, data: bytes) -> None:
    target.unlink(missing_ok=True)  # a new file: never through a link to the store
    target.write_bytes(data)


def _shared_copies(key: bytes, data: bytes) -> dict[str, bytes]:
    copies = _SHARED.get(key)
    if copies is None:
        copies = _SHARED[key] = compressed(data)
    return copies


def _keep(kept: Path, copies: dict[str, bytes]) -> None:
    """Write the copies into the store whole (a build stopped halfway leaves no half file there)."""
    kept.parent.mkdir(parents=True, exist_ok=True)
    for suffix, copy in copies.items():
        partial = kept.with_name(f"{kept.name}{suffix}.{os.getpid()}.partial")
        partial.write_bytes(copy)
        os.replace(partial, kept.with_name(kept.name + suffix))


def link_or_copy(source: Path, target: Path) -> None:
    """target, the same bytes as source: a hard link (no new file to write) or, where the file
    system refuses one (another device, no links), a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def precompress(folder: Path) -> int:
    """Write the .br and .gz of every text file under folder; the number of files compressed."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            compress(path)
            count += 1
    return count
