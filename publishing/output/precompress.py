"""Precompressed copies of the published text files, for nginx's brotli_static and gzip_static.

Each HTML, CSS, JavaScript, JSON, XML (sitemaps, feeds), SVG and iCalendar file gets a `.br` and a
`.gz` beside it, the same bytes for the same input (no time stamp in the gzip header), so that
the server never compresses on the fly. They are made when a build is deployed
(publishing.commands.deploy), into the new release: a file that is byte for byte the one the
served release has takes that release's copies (hard links), so a nightly deploy compresses only
what changed. The build itself writes none: compressing is serving's business, and it cost a full
build of the bench's larger corpus a fifth of its time.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import brotli

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".ics"})
COPIES = (".br", ".gz")
BROTLI_QUALITY = 5  # sud: 0.25 s CPU for .br and .gz, .br 6 % under .gz; 9 costs 4×, 11 14×, for 1–3 %
# .gz is for the few clients without brotli: level 6 takes 44 % less time than 9 for 1 % more bytes
GZIP_LEVEL = 6
SHARED_SUFFIXES = frozenset({".css", ".js", ".svg"})  # the theme's and the editor's files: the same on every site
_SHARED: dict[bytes, dict[str, bytes]] = {}  # their copies, by content: compressed once per process


def compressed(data: bytes) -> dict[str, bytes]:
    """The bytes of each precompressed copy, by the file's suffix."""
    return {".br": brotli.compress(data, quality=BROTLI_QUALITY),
            ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)}


def compress(path: Path, data: bytes | None = None) -> None:
    """Write path's .br and .gz (new files: never through a link to another release's)."""
    data = path.read_bytes() if data is None else data
    if path.suffix in SHARED_SUFFIXES:
        key = hashlib.sha256(data).digest()
        copies = _SHARED.get(key)
        if copies is None:
            copies = _SHARED[key] = compressed(data)
    else:
        copies = compressed(data)
    for suffix, copy in copies.items():
        target = path.with_name(path.name + suffix)
        target.unlink(missing_ok=True)
        target.write_bytes(copy)


def precompress(folder: Path, previous: Path | None = None,
                shown: Callable[[int, int], None] | None = None) -> int:
    """Write the .br and .gz of every text file under folder; the number of files compressed.
    previous: a folder of the same layout (the release being served): a file there with the same
    bytes and its copies gives them, linked, instead of being compressed again.
    shown: called now and then with the files done and their number (a terminal's progress)."""
    texts = [path for path in sorted(folder.rglob("*")) if path.suffix in SUFFIXES and path.is_file()]
    count, last = 0, time.monotonic()
    for done, path in enumerate(texts, 1):
        data = path.read_bytes()
        if previous is None or not _reuse(path, data, previous / path.relative_to(folder)):
            compress(path, data)
            count += 1
        if shown is not None and (time.monotonic() - last > 0.5 or done == len(texts)):
            last = time.monotonic()
            shown(done, len(texts))
    return count


def _reuse(path: Path, data: bytes, before: Path) -> bool:
    copies = [before.with_name(before.name + suffix) for suffix in COPIES]
    try:
        if not all(copy.is_file() for copy in copies) or before.read_bytes() != data:
            return False
    except OSError:
        return False
    for copy, suffix in zip(copies, COPIES, strict=True):
        link_or_copy(copy, path.with_name(path.name + suffix))
    return True


def link_or_copy(source: Path, target: Path) -> None:
    """target, the same bytes as source: a hard link (no new file to write) or, where the file
    system refuses one (another device, no links), a copy."""
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
