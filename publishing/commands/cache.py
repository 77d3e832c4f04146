"""Build cache: a site whose inputs did not change since the last build into the same
output folder is not built again; its published folder is kept as it is.

Inputs are hashed by content, per site and language:

- what shapes every site: the theme, the publishing/ code, mkdocs.yml, sites/ (but the old
  addresses, which only nginx reads), the versions of the tools, the build options;
- what the site reads, as its plan declares it (publishing.plan.site.site_reads: its pages'
  folders of content/ and what each section reads, e.g. the region's lists read the bassins'
  news, events, notices and syntheses), and for the region the web editor's inputs
  (publishing.commands.admin.READS).

The planner and the cache read one declaration, so they cannot disagree; tests/test_cache.py
changes a file of every kind and compares each site's plan before and after with what the cache
rebuilds. The manifest (build/cache/<output folder's hash>.pickle) keeps each site's
input hash, the problems its build reported (replayed on a reuse, so that warnings
are not lost) and a fingerprint of its published folder: a site folder changed or
removed by hand is built again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from publishing.model import REGION
from publishing.model.paths import BUILD_CACHE, CONTENT, REDIRECTS_FILE, SITES_DATA

# What every site's build reads, beside what its plan declares (sites/ but the old addresses)
SHARED_INPUTS = ("theme", "publishing", "mkdocs.yml", SITES_DATA)
NOT_INPUTS = {REDIRECTS_FILE}  # read by the checks (run by every build) and nginx, by no site
TOOLS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "weasyprint", "markdown",
         "pymdown-extensions", "jinja2", "pyyaml", "pydantic")
SKIP_DIRS = {"__pycache__", ".git"}
FORMAT = 1


def hash_tree(path: Path, digest: Any, skip: Collection[Path] = ()) -> None:
    """Feed every file under path (or the file itself) to digest: name and content, sorted;
    the files of `skip` left out."""
    if path.is_file():
        digest.update(b"F" + path.name.encode() + b"\0" + path.read_bytes())
        return
    if not path.is_dir():
        digest.update(b"-" + path.name.encode())
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        rel = Path(folder).relative_to(path).as_posix()
        for name in sorted(files):
            if name.endswith((".pyc", "~")) or Path(folder) / name in skip:
                continue
            data = (Path(folder) / name).read_bytes()
            digest.update(f"{rel}/{name}\0{len(data)}\0".encode() + data)


class _Hasher:
    """Hashes of the repository's paths, each computed once however many sites read it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.known: dict[str, str] = {}

    def path(self, part: str) -> str:
        if part not in self.known:
            digest = hashlib.sha256(b"\1" + part.encode() + b"\1")
            hash_tree(self.root / part, digest, skip={self.root / p for p in NOT_INPUTS})
            self.known[part] = digest.hexdigest()
        return self.known[part]

    def paths(self, parts: Iterable[str], extra: str = "") -> str:
        """One hash of the paths, a path inside another one listed counted once."""
        chosen = sorted(set(parts))
        kept = [p for p in chosen if not any(p.startswith(other + "/") for other in chosen)]
        return hashlib.sha256("|".join([extra, *(f"{p}={self.path(p)}" for p in kept)]).encode()).hexdigest()


def tool_versions() -> str:
    found = [f"python={sys.version}"]
    for name in TOOLS:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def input_hashes(root: Path, site_ids: Sequence[str], langs: Sequence[str], options: str = "",
                 reads: Callable[[str], Iterable[str]] | None = None) -> dict[tuple[str, str], str]:
    """(site, lang) -> hash of everything that site's build in that language reads: what every site
    shares, and reads(site) (by default the plan's declaration, publishing.plan.site.site_reads)."""
    root = Path(root)
    if reads is None:
        reads = default_reads(site_ids)
    content = root / CONTENT
    scopes = sorted(p.name for p in content.iterdir() if p.is_dir()) if content.is_dir() else []
    known = {"shared", "bassins", *site_ids, REGION}
    # a folder of content/ that is not a known scope is read by the loader (and reported): shared
    unknown = [f"{CONTENT}/{name}" for name in scopes if name not in known and name not in SKIP_DIRS]
    hasher = _Hasher(root)
    shared = hasher.paths([*SHARED_INPUTS, *unknown], f"{FORMAT}|{tool_versions()}|{options}")
    hashes = {}
    for sid in site_ids:
        site = hasher.paths(reads(sid), shared)
        for lang in langs:
            hashes[(sid, lang)] = hashlib.sha256(f"{site}|{lang}".encode()).hexdigest()
    return hashes


def default_reads(site_ids: Sequence[str]) -> Callable[[str], list[str]]:
    """What a site's build reads: its plan's declaration, and the web editor's inputs on the region."""
    from publishing.commands.admin import READS as EDITOR_READS
    from publishing.plan.site import site_reads

    def reads(site: str) -> list[str]:
        return site_reads(site, site_ids) + (list(EDITOR_READS) if site == REGION else [])
    return reads


def fingerprint(folder: Path) -> str | None:
    """Names, sizes and times of the files of a published folder (None if it is missing)."""
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for current, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            stat = os.stat(os.path.join(current, name))
            digest.update(f"{current}/{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@dataclass
class SiteEntry:
    inputs: dict[str, str]  # lang -> input hash
    problems: list  # Problem objects its build reported
    output: str | None  # fingerprint of out/<site>


@dataclass
class Manifest:
    path: Path
    project_problems: list = field(default_factory=list)  # load_project's, for a build that skips it
    project_inputs: str = ""
    sites: dict[str, SiteEntry] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, out: Path) -> Manifest:
        key = hashlib.sha256(str(Path(out).resolve()).encode()).hexdigest()[:16]
        path = Path(root) / BUILD_CACHE / f"{key}.pickle"
        try:
            with open(path, "rb") as handle:
                manifest = pickle.load(handle)
            if isinstance(manifest, cls):
                manifest.path = path
                return manifest
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
            pass  # no cache, or one from another version of the code: build everything
        return cls(path)

    def fresh(self, sid: str, hashes: dict[tuple[str, str], str], out: Path) -> bool:
        entry = self.sites.get(sid)
        if entry is None or entry.output is None:
            return False
        wanted = {lang: h for (s, lang), h in hashes.items() if s == sid}
        if any(entry.inputs.get(lang) != h for lang, h in wanted.items()):
            return False
        return fingerprint(out / sid) == entry.output

    def record(self, sid: str, hashes: dict[tuple[str, str], str], problems: list, out: Path) -> None:
        entry = self.sites.get(sid)
        inputs = dict(entry.inputs) if entry else {}
        inputs.update({lang: h for (s, lang), h in hashes.items() if s == sid})
        self.sites[sid] = SiteEntry(inputs, list(problems), fingerprint(out / sid))

    def forget(self, sid: str) -> None:
        self.sites.pop(sid, None)

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(self, handle)
        os.replace(tmp, self.path)
