"""Build cache: a site whose inputs did not change since the last build into the same
output folder is not built again; its published folder is kept as it is.

Inputs are hashed by content, per site and language:

- everything that shapes every site: sites/, theme/, focus/, directories/, mkdocs.yml,
  content/shared/, the publishing/ code, the versions of the tools, the build options;
- content/bassins/ for the five bassins; content/<id>/ for site <id>;
- the region also lists the bassins' syntheses: content/<bassin>/syntheses/.

So a change in content/sud/ rebuilds Sud only, a change in content/shared/ rebuilds
all six. The manifest (build/cache/<output folder's hash>.pickle) keeps each site's
input hash, the problems its build reported (replayed on a reuse, so that warnings
are not lost) and a fingerprint of its published folder: a site folder changed or
removed by hand is built again.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from publishing.model import REGION
from publishing.model.paths import (  # content/<bassin>/syntheses/: listed on the region's site too
    BUILD_CACHE,
    SYNTHESES,
)

GLOBAL_INPUTS = ("sites", "theme", "focus", "directories", "publishing", "mkdocs.yml", "content/shared")
TOOLS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pagefind", "weasyprint", "markdown",
         "pymdown-extensions", "jinja2", "pyyaml", "pydantic")
SKIP_DIRS = {"__pycache__", ".git"}
FORMAT = 1


def hash_tree(path: Path, digest) -> None:
    """Feed every file under path (or the file itself) to digest: name and content, sorted."""
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
            if name.endswith((".pyc", "~")):
                continue
            data = (Path(folder) / name).read_bytes()
            digest.update(f"{rel}/{name}\0{len(data)}\0".encode() + data)


def _hash(root: Path, parts: list[str], extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for part in parts:
        digest.update(b"\1" + part.encode() + b"\1")
        hash_tree(root / part, digest)
    return digest.hexdigest()


def tool_versions() -> str:
    found = [f"python={sys.version}"]
    for name in TOOLS:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=-")
    return ";".join(found)


def input_hashes(root: Path, site_ids: list[str], langs: list[str], options: str = "") -> dict[tuple[str, str], str]:
    """(site, lang) -> hash of everything that site's build in that language reads."""
    root = Path(root)
    content = root / "content"
    scopes = sorted(p.name for p in content.iterdir() if p.is_dir()) if content.is_dir() else []
    known = {"shared", "bassins", *site_ids, REGION}
    # a folder of content/ that is not a known scope is read by the loader (and reported): global
    unknown = [f"content/{name}" for name in scopes if name not in known and name not in SKIP_DIRS]
    shared = _hash(root, list(GLOBAL_INPUTS) + unknown, f"{FORMAT}|{tool_versions()}|{options}")
    hashes = {}
    for sid in site_ids:
        if sid == REGION:
            parts = [f"content/{REGION}"] + [f"content/{name}/{SYNTHESES}" for name in scopes
                                             if name not in ("shared", "bassins", REGION)]
        else:
            parts = ["content/bassins", f"content/{sid}"]
        site = _hash(root, parts, shared)
        for lang in langs:
            hashes[(sid, lang)] = hashlib.sha256(f"{site}|{lang}".encode()).hexdigest()
    return hashes


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
