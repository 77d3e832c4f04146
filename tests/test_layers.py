"""The package's stages import only the stages before them, and no module imports itself back.

A newcomer finds a stage by its folder (publishing/__init__.py lists them); these tests keep
the folders telling the truth. Imports inside functions count too: a lazy import is still a
dependency.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "publishing"

# The pipeline, in order: each stage may import itself and the stages before it.
STAGES = ("problems", "model", "markdown", "load", "output", "plan", "checks", "mkdocs_adapter", "commands",
          "service", "cli", "__init__")
# Third-party libraries that only one place may know (moving off them touches that place alone).
ONLY_IN = {"mkdocs": "mkdocs_adapter", "material": "mkdocs_adapter", "mkdocs_static_i18n": "mkdocs_adapter",
           "weasyprint": "output/pdf.py", "starlette": "service/app.py", "uvicorn": "service/app.py",
           "PIL": "service/image.py"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The project modules a module imports, wherever the import statement is."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".") if is_package else name.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from package import module` depends on the module; `from module import name`, on the module
            submodules = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known]
            targets = submodules if len(submodules) == len(node.names) else [base] + submodules
        else:
            continue
        found.update(t for t in targets if t in known)
    found.discard(name)
    return found


def third_party_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            out.add(node.module.split(".")[0])
    return out


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(path, name, set(found)) for name, path in found.items()}


def order_violations(edges: dict[str, set[str]]) -> list[str]:
    return sorted(f"{a} imports {b}: stage '{stage_of(b)}' comes after '{stage_of(a)}'"
                  for a, targets in edges.items() for b in targets
                  if STAGES.index(stage_of(b)) > STAGES.index(stage_of(a)))


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle, found by depth-first search (each reported once, from its smallest module)."""
    found, state = [], {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                cycle = path[path.index(nxt):] + [nxt]
                found.append(cycle)
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    return found


def test_every_module_belongs_to_a_stage():
    assert {stage_of(m) for m in modules()} <= set(STAGES)


def test_stages_import_only_the_stages_before_them():
    assert order_violations(graph()) == []


def test_no_import_cycle():
    assert cycles(graph()) == []


def test_the_checks_find_what_they_look_for():
    """The two checks above, on a made-up graph: a stage importing a later one, and a cycle."""
    edges = {"publishing.model.page": {"publishing.plan.site"}, "publishing.plan.site": {"publishing.plan.x"},
             "publishing.plan.x": {"publishing.plan.site"}}
    assert order_violations(edges) == ["publishing.model.page imports publishing.plan.site: "
                                       "stage 'plan' comes after 'model'"]
    assert cycles(edges) == [["publishing.plan.site", "publishing.plan.x", "publishing.plan.site"]]


def test_generator_and_pdf_engine_known_in_one_place_each():
    wrong = []
    for path in modules().values():
        rel = path.relative_to(PACKAGE).as_posix()
        for library, home in ONLY_IN.items():
            if library in third_party_of(path) and not (rel == home or rel.startswith(home + "/")):
                wrong.append(f"{rel} imports {library} (only {home} may)")
    assert wrong == []
