"""Precompressed copies of the published text files, for nginx's brotli_static and gzip_static.

Each HTML, CSS, JavaScript, JSON, XML (sitemaps, feeds), SVG and iCalendar file gets a `.br` and a
`.gz` beside it, the same bytes for the same input (no time stamp in the gzip header), so builds
stay reproducible and the server never compresses on the fly.
"""
from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli

SUFFIXES = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".ics"})
BROTLI_QUALITY = 5  # sud: 0.25 s CPU for .br and .gz, .br 6 % under .gz; 9 costs 4×, 11 14×, for 1–3 %
# .gz is for the few clients without brotli: level 6 takes 44 % less time than 9 for 1 % more bytes
GZIP_LEVEL = 6
SHARED_SUFFIXES = frozenset({".css", ".js", ".svg"})  # the theme's files, the same on the twelve sites
_SHARED: dict[bytes, dict[str, bytes]] = {}  # their copies, by content: compressed once per process


def compressed(data: bytes) -> dict[str, bytes]:
    """The bytes of each precompressed copy, by the file's suffix."""
    return {".br": brotli.compress(data, quality=BROTLI_QUALITY),
            ".gz": gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)}


def compress(path: Path) -> None:
    data = path.read_bytes()
    if path.suffix in SHARED_SUFFIXES:
        key = hashlib.sha256(data).digest()
        copies = _SHARED.get(key)
        if copies is None:
            copies = _SHARED[key] = compressed(data)
    else:
        copies = compressed(data)
    for suffix, copy in copies.items():
        path.with_name(path.name + suffix).write_bytes(copy)


def precompress(folder: Path) -> int:
    """Write the .br and .gz of every text file under folder; the number of files compressed."""
    count = 0
    for path in sorted(folder.rglob("*")):
        if path.suffix in SUFFIXES and path.is_file():
            compress(path)
            count += 1
    return count
