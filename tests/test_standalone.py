"""The tests and the bench stand alone: they run from a clone with nothing beside it, and their
modules import each other by name (tests.support, harness, bench), never through sys.path or conftest."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support import REFERENCE, ROOT, SHARED

PACKAGES = ("tests", "bench", "harness", "scripts")


def python_files() -> list[Path]:
    return sorted(p for package in PACKAGES for p in (ROOT / package).glob("*.py"))


SIBLINGS = {p.stem for p in python_files()} - {"__init__"}  # conftest, support, served, run, lock…


def reaches_around(path: Path) -> list[tuple[int, str]]:
    """What a module does that works only with a folder put on sys.path, or beside the repository:
    using sys.path, importing conftest or a module of these folders by its bare name (`import served`),
    reading ../shared/ through ROOT.parent (tests/support.py's SHARED is the one way)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if (node.value.id, node.attr) == ("sys", "path"):
                found.append((node.lineno, "sys.path"))
            if (node.value.id, node.attr) == ("ROOT", "parent") and path != ROOT / "tests" / "support.py":
                found.append((node.lineno, "ROOT.parent"))
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
        found += [(node.lineno, f"import {name}") for name in names if name.split(".")[0] in SIBLINGS]
    return sorted(found)


def test_no_module_of_the_tests_or_the_bench_reaches_another_through_sys_path():
    found = [f"{path.relative_to(ROOT)}:{line}: {what}"
             for path in python_files() for line, what in reaches_around(path)]
    # instead: import by package (tests.support, harness.served, bench.run); copy ../shared/ into tests/fixtures/
    assert not found, found


def test_the_scan_sees_sys_path_conftest_bare_imports_and_shared(tmp_path):
    module = tmp_path / "test_x.py"
    module.write_text("import sys\nsys.path.insert(0, 'bench')\nfrom conftest import make_repo\nimport server_load\n"
                      "from tests.support import ROOT\nfrom harness.served import free_port\n"
                      "SEEDS = ROOT.parent / 'shared'\n", encoding="utf-8")
    assert reaches_around(module) == [(2, "sys.path"), (3, "import conftest"), (4, "import server_load"),
                                      (7, "ROOT.parent")]


COPIES = sorted(p for p in REFERENCE.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: str(p.relative_to(REFERENCE)))
def test_each_copy_of_shared_is_still_its_original(copy):
    original = SHARED / "reference" / copy.relative_to(REFERENCE)
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the copy in {REFERENCE.relative_to(ROOT)} is used as it is")
    assert original.is_file(), f"{original} is gone: remove its copy {copy.relative_to(ROOT)} or copy its new place"
    assert copy.read_bytes() == original.read_bytes(), f"{original} changed: cp {original} {copy}"
