"""requirements.lock pins what pyproject.toml asks for, with hashes, and names no package index."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts.lock import DIGEST_PREFIX, dependencies_digest

ROOT = Path(__file__).resolve().parent.parent

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$")


def pins() -> dict[str, list[tuple[str, str | None]]]:
    found: dict[str, list[tuple[str, str | None]]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line)
        if match:
            found.setdefault(canonicalize_name(match[1]), []).append((match[2], match[3]))
    return found


def wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_the_lock_was_made_from_the_dependencies_of_pyproject():
    """A dependency added or changed in pyproject.toml without `make lock` fails here."""
    first = LOCK.read_text(encoding="utf-8").splitlines()[:5]
    recorded = next((line[len(DIGEST_PREFIX):] for line in first if line.startswith(DIGEST_PREFIX)), None)
    assert recorded == dependencies_digest(), "pyproject.toml's dependencies changed: run `make lock`"


def test_every_dependency_is_pinned_to_a_version_it_accepts():
    locked = pins()
    for requirement in wanted():
        versions = locked.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is not in requirements.lock"
        for version, _marker in versions:
            assert requirement.specifier.contains(version, prereleases=True), f"{requirement} but {version} locked"


def test_every_pin_has_hashes_and_no_index_is_named():
    text = LOCK.read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 3)[3])
    assert blocks and all("--hash=sha256:" in block for block in blocks if "==" in block)
    assert not re.search(r"https?://|file:|--index-url|--extra-index-url|--find-links", text)


def test_the_digest_changes_with_a_dependency(tmp_path):
    """The check above can fail: a changed range gives another digest."""
    original = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    changed = tmp_path / "pyproject.toml"
    changed.write_text(original.replace('"pytest>=8"', '"pytest>=9"'), encoding="utf-8")
    assert dependencies_digest(changed) != dependencies_digest(ROOT / "pyproject.toml")
