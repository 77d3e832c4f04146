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


# --- the slow marker --------------------------------------------------------------------------------------

# What makes a test slow (make test-fast leaves it out): building sites or a PDF, running build.py or another
# Python in a process of its own, starting nginx. A module's helper or fixture that does one of these is slow
# too, and so is every test that uses it. Fixtures of conftest.py that build or start a browser mark their tests.
SLOW_CALLS = {"build_sites", "build_language", "running_nginx", "pdf.render"}


def slow_call(call: ast.Call, slow_names: set[str]) -> bool:
    name = ast.unparse(call.func)
    if name in ("subprocess.run", "subprocess.Popen"):  # build.py or bench, not git
        return bool(call.args) and "sys.executable" in ast.unparse(call.args[0])
    return name in SLOW_CALLS or name in slow_names


def unmarked_slow_tests(path: Path, auto_marked: frozenset[str]) -> list[str]:
    """The tests of a module that build, run build.py or start nginx, directly or through the module's helpers
    and fixtures, without the slow marker: their own, the module's pytestmark, or a fixture that uses one of
    auto_marked (conftest marks every test whose fixtures, at any depth, include one of these)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if any(isinstance(node, ast.Assign) and "pytestmark" in ast.unparse(node.targets[0])
           and "slow" in ast.unparse(node.value) for node in tree.body):
        return []
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    fixtures = {f.name for f in functions if any("fixture" in ast.unparse(d) for d in f.decorator_list)}

    def uses(function: ast.FunctionDef) -> set[str]:
        return {arg.arg for arg in function.args.args}

    def calls_slow(function: ast.FunctionDef, slow: set[str]) -> bool:
        return any(slow_call(node, slow) for node in ast.walk(function) if isinstance(node, ast.Call))

    auto, slow = set(auto_marked), set(auto_marked)
    changed = True
    while changed:  # to a fixed point: fixtures using fixtures, helpers calling helpers
        changed = False
        for function in functions:
            name = function.name
            if name.startswith("test_"):
                continue
            if name in fixtures and name not in auto and uses(function) & auto:
                auto.add(name)
                changed = True
            if name not in slow and (calls_slow(function, slow) or name in fixtures and uses(function) & slow):
                slow.add(name)
                changed = True
    return [f.name for f in functions if f.name.startswith("test_")
            and (uses(f) & slow or calls_slow(f, slow))
            and not (uses(f) & auto or any("mark.slow" in ast.unparse(d) for d in f.decorator_list))]


def test_every_test_that_builds_or_starts_a_server_is_marked_slow():
    from tests.conftest import SLOW_FIXTURES

    found = {str(path.relative_to(ROOT)): names for path in sorted((ROOT / "tests").glob("test_*.py"))
             if (names := unmarked_slow_tests(path, SLOW_FIXTURES))}
    assert not found, f"add @pytest.mark.slow (or a module's pytestmark): {found}"


def test_the_slow_scan_follows_helpers_and_fixtures(tmp_path):
    module = tmp_path / "test_x.py"
    module.write_text('''
import subprocess, sys
import pytest

def run(*args):
    return subprocess.run([sys.executable, "build.py", *args])

def git(*args):
    return subprocess.run(["git", *args])

@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_sites(tmp_path_factory.mktemp("x"))

def test_cli(): run("check")
def test_git(): git("log")
def test_page(built): pass
@pytest.mark.slow
def test_marked(built): pass
def test_real(public): pass
def test_check(): check(".")

def make(public, text):  # an argument, not the fixture
    (public / "index.html").write_text(text)

@pytest.fixture
def served(public): pass

def test_make(tmp_path): make(tmp_path, "x")
def test_served(served): pass
''', encoding="utf-8")
    assert unmarked_slow_tests(module, frozenset({"public"})) == ["test_cli", "test_page"]
    module.write_text(module.read_text(encoding="utf-8") + "\npytestmark = pytest.mark.slow\n", encoding="utf-8")
    assert unmarked_slow_tests(module, frozenset({"public"})) == []
