#!/usr/bin/env python3
"""Write requirements.lock: every Python package the build and the tests install, pinned, with
the hashes of its files, resolved from pyproject.toml by uv for Python 3.11 on any platform.

    make lock            # after changing a dependency in pyproject.toml

`make` installs from this file with `pip install --require-hashes`, so every machine gets the
same MkDocs, Material, WeasyPrint and Pagefind, and the same pages. The file names no package
index: pip and uv use the machine's own. Its first lines carry a digest of pyproject.toml's
dependency lists; tests/test_lock.py fails when they no longer match (a dependency changed
without `make lock`).
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
DIGEST_PREFIX = "# pyproject.toml dependencies: sha256 "


def dependencies_digest(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """A digest of what the lock is made from: the project's dependencies and its test extra."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = {"requires-python": project.get("requires-python"), "dependencies": project.get("dependencies", []),
              "test": project.get("optional-dependencies", {}).get("test", [])}
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


def uv() -> str:
    """uv from PATH or beside this Python (installed into the venv by `make lock` if missing)."""
    found = shutil.which("uv") or str(Path(sys.executable).parent / "uv")
    if not Path(found).exists():
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "uv"], check=True)
    return found


def main() -> int:
    resolved = subprocess.run(
        [uv(), "pip", "compile", str(ROOT / "pyproject.toml"), "--extra", "test", "--universal",
         "--python-version", "3.11", "--generate-hashes", "--no-header", "--no-annotate"],
        check=True, capture_output=True, text=True, cwd=ROOT).stdout
    header = (f"# Pinned Python packages with their hashes, from pyproject.toml (scripts/lock.py).\n"
              f"# Refresh after changing a dependency: make lock\n"
              f"{DIGEST_PREFIX}{dependencies_digest()}\n")
    LOCK.write_text(header + resolved, encoding="utf-8")
    print(f"wrote {LOCK.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
