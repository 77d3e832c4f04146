"""Every word an editor reads comes from the catalogue (publishing/problems/messages.py), in both languages.

The codes are read from the package's source with `ast`: the code argument of every call that
reports a problem (`report.add`, `report.warn`, `Problem`, the link checks' `findings.add`),
raises a `CodedError` or a `UsageError`, or asks for a word (`messages.word`); and of the
functions that hand their own code argument on to one of those (directories' `problem()`,
lint's `add()`, `dated_files()`, `read_header()`), found by following the parameters.
A code that is not written out is followed back to the strings it can be: both sides of a
conditional, the variable's assignments in the function, the strings a called function of the
package returns (`find_area`, `colour_problem`). `schema.report_error` maps pydantic's error
types to codes: it is run on every type it names. A code that cannot be listed fails the test:
write it so that it can be, or add its place to REPLAYS, saying why.
"""
from __future__ import annotations

import ast
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest

from publishing.load import schema
from publishing.problems import Report, messages

PACKAGE = Path(__file__).resolve().parent.parent / "publishing"
LANGS = ("fr", "en")

# Calls that take a code, by the name called: the catalogue's table, the code's position.
CALLS = {"Problem": ("MESSAGES", 1), "CodedError": ("MESSAGES", 0), "UsageError": ("USAGE", 0),
         "word": ("WORDS", 0), "Note": ("MESSAGES", 1), "Finding": ("MESSAGES", 0)}
# Methods that take a code, by (receiver, method).
METHODS = {("report", "add"): ("MESSAGES", 1), ("report", "warn"): ("MESSAGES", 1),
           ("self", "add"): ("MESSAGES", 1),  # Report.warn
           ("findings", "add"): ("MESSAGES", 3)}
# Places that pass on codes counted where they were first found (function, why).
REPLAYS = {"Findings.report": "re-adds each link finding once, with the code given to findings.add",
           "_Run._make": "notes each Finding of a converted text with the code given to Finding"}
# The function that turns pydantic's error types into codes: run rather than read.
MAPPINGS = {"report_error"}
MODULE_LEVEL = ast.parse("def module_level(): pass").body[0]  # a call outside functions: no variables


@dataclass
class Source:
    """The package's functions, and the codes found in them."""

    functions: dict[str, list[tuple[Path, ast.FunctionDef, str]]] = field(default_factory=dict)
    forwarders: dict[str, tuple[str, int, str]] = field(default_factory=dict)  # name -> table, index, param
    used: dict[str, set[str]] = field(default_factory=lambda: {"MESSAGES": set(), "USAGE": set(),
                                                               "WORDS": set()})
    unlisted: list[str] = field(default_factory=list)


def functions_of(tree: ast.Module) -> list[tuple[ast.FunctionDef, str]]:
    """Every function with its qualified name (Class.method, outer.inner)."""
    found = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                found.append((child, prefix + child.name))
                visit(child, prefix + child.name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)
    visit(tree, "")
    return found


def own_nodes(function: ast.FunctionDef):
    """The nodes of a function's body, not those of the functions defined inside it."""
    nested = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    stack = [node for node in function.body if not isinstance(node, nested)]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(c for c in ast.iter_child_nodes(node) if not isinstance(c, nested))


def params(function: ast.FunctionDef) -> list[str]:
    names = [a.arg for a in function.args.posonlyargs + function.args.args]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def assignments(function: ast.FunctionDef, name: str) -> list[ast.expr]:
    """What `name` is given in the function: x = …, x := …, a, x = …, …"""
    values = []
    for node in own_nodes(function):
        if isinstance(node, ast.NamedExpr) and node.target.id == name:
            values.append(node.value)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id == name:
                    values.append(node.value)
                elif isinstance(target, ast.Tuple):
                    for i, element in enumerate(target.elts):
                        if isinstance(element, ast.Name) and element.id == name:
                            values.append(node.value.elts[i] if isinstance(node.value, ast.Tuple)
                                          else ast.Subscript(node.value, ast.Constant(i)))
    return values


def called_name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def taker(call: ast.Call, function: ast.FunctionDef | None, source: Source) -> tuple[str, int, str] | None:
    """(table, position, keyword) of the code argument, if this call takes a code."""
    func = call.func
    if isinstance(func, ast.Attribute):
        receiver = func.value.id if isinstance(func.value, ast.Name) else ""
        if (receiver, func.attr) in METHODS:
            return (*METHODS[(receiver, func.attr)], "code")
        if func.attr in CALLS:
            return (*CALLS[func.attr], "code")
        return None
    if not isinstance(func, ast.Name):
        return None
    if func.id in CALLS:
        return (*CALLS[func.id], "code")
    if function is not None:
        for value in assignments(function, func.id):  # add = report.warn if warning else report.add
            if isinstance(value, ast.IfExp):
                value = value.body
            if isinstance(value, ast.Attribute):
                return taker(ast.Call(value, [], []), None, source)
        if any(isinstance(node, ast.For) and isinstance(node.target, ast.Name) and node.target.id == func.id
               for node in own_nodes(function)):
            return None  # for add in SECTIONS: add(…) is no forwarder's add
    return source.forwarders.get(func.id)


def code_argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    for kw in call.keywords:
        if kw.arg == keyword:
            return kw.value
    return call.args[position] if len(call.args) > position else None


def returned(name: str, source: Source, index: int | None) -> set[str] | None:
    """The strings a function of the package returns (or the element `index` of the tuples it returns)."""
    found: set[str] = set()
    for _path, function, _qualname in source.functions.get(name, []):
        for node in own_nodes(function):
            if isinstance(node, ast.Return) and node.value is not None:
                value = node.value
                if index is not None and isinstance(value, ast.Tuple):
                    value = value.elts[index]
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(value.value)
    return found or None


def strings_of(expr: ast.expr, function: ast.FunctionDef, source: Source, depth: int = 0) -> set[str] | None:
    """Every string `expr` can be, or None when it cannot be listed."""
    if depth > 5:
        return None
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return {expr.value}
    parts: list[ast.expr] = []
    if isinstance(expr, ast.IfExp):
        parts = [expr.body, expr.orelse]
    elif isinstance(expr, ast.BoolOp):
        parts = list(expr.values)
    elif isinstance(expr, ast.Name):
        parts = assignments(function, expr.id)
    elif isinstance(expr, ast.Call):
        return returned(called_name(expr), source, None)
    elif (isinstance(expr, ast.Subscript) and isinstance(expr.slice, ast.Constant)
          and isinstance(expr.value, ast.Name)):
        calls = [v for v in assignments(function, expr.value.id) if isinstance(v, ast.Call)]
        lists = [returned(called_name(c), source, expr.slice.value) for c in calls]
        return set().union(*lists) if lists and None not in lists else None
    found: set[str] = set()
    for part in parts:
        strings = strings_of(part, function, source, depth + 1)
        if strings is None:
            return None
        found |= strings
    return found or None


def mapped_codes(function: ast.FunctionDef) -> set[str]:
    """Run schema.report_error on every pydantic type it names (and one it does not)."""
    kinds = {"some_other_type"}
    for node in ast.walk(function):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id == "kind":
            for comparator in node.comparators:
                elements = comparator.elts if isinstance(comparator, ast.Tuple) else [comparator]
                kinds |= {e.value for e in elements if isinstance(e, ast.Constant)}
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "kind"):
            # kind.startswith("int"): pydantic's int_parsing, date_parsing…
            kinds |= {a.value + "_parsing" for a in node.args if isinstance(a, ast.Constant)}
    class Renamed(schema.PageMeta):  # a schema whose key "title" was renamed
        RENAMED: ClassVar[dict[str, str]] = {"title": "name"}

    report = Report()
    for kind in kinds:
        for key in ("title", "fr", "nl"):
            err = {"type": kind, "loc": (key,), "msg": "", "input": "x", "ctx": {"expected": "'a' or 'b'"}}
            for model in (schema.PageMeta, Renamed):
                schema.report_error(err, (key,), model, Path("x.md"), report, None)
    return {p.code for p in report.problems}


def read_source() -> Source:
    source = Source()
    trees = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        trees[path] = ast.parse(path.read_text(encoding="utf-8"))
        for function, qualname in functions_of(trees[path]):
            source.functions.setdefault(function.name, []).append((path, function, qualname))
    every = [(path, function, qualname) for found in source.functions.values() for path, function, qualname in found]
    # functions that hand their own code argument on (problem(code, …), dated_files(…, name_code)…)
    changed = True
    while changed:
        changed = False
        for _path, function, _qualname in every:
            if function.args.args[:1] and function.args.args[0].arg == "self":
                continue  # a method is called on its object: METHODS says which take a code
            for node in own_nodes(function):
                if not isinstance(node, ast.Call) or not (took := taker(node, function, source)):
                    continue
                argument = code_argument(node, took[1], took[2])
                names = params(function)
                if (isinstance(argument, ast.Name) and argument.id in names
                        and function.name not in source.forwarders):
                    source.forwarders[function.name] = (took[0], names.index(argument.id), argument.id)
                    changed = True
    for path, function, qualname in every:
        for node in own_nodes(function):
            if not isinstance(node, ast.Call) or not (took := taker(node, function, source)):
                continue
            argument = code_argument(node, took[1], took[2])
            if argument is None or qualname in REPLAYS:
                continue
            if isinstance(argument, ast.Name) and argument.id in params(function):
                continue  # a forwarder: its callers' codes are counted
            if function.name in MAPPINGS:
                source.used[took[0]] |= mapped_codes(function)
                continue
            strings = strings_of(argument, function, source)
            if strings is None:
                place = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
                source.unlisted.append(f"{place}: {ast.unparse(argument)}")
            else:
                source.used[took[0]] |= strings
    # module-level calls (outside any function)
    for path, tree in trees.items():
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                continue
            for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
                if (took := taker(call, None, source)) and (argument := code_argument(call, took[1], took[2])):
                    strings = strings_of(argument, MODULE_LEVEL, source)
                    if strings is None:
                        source.unlisted.append(f"{path.relative_to(PACKAGE.parent)}:{call.lineno}")
                    else:
                        source.used[took[0]] |= strings
    return source


@pytest.fixture(scope="module")
def source() -> Source:
    return read_source()


def tables() -> dict[str, dict]:
    return {"MESSAGES": messages.MESSAGES, "USAGE": messages.USAGE, "WORDS": messages.WORDS}


def test_the_source_reading_finds_what_it_should(source):
    """The reading itself: forwarders and codes built at run time are found (else the tests below prove little)."""
    assert {"problem", "add", "dated_files", "read_header"} <= set(source.forwarders), source.forwarders
    assert {"unknown_commune", "commune_needs_part", "bad_colour", "low_contrast", "item_name", "not_https",
            "directory_none", "missing_translation", "extra_forbidden", "phone_unquoted",
            "mkdocs_warning"} <= source.used["MESSAGES"]
    assert {"slug_invalid", "today_not_a_date"} <= source.used["USAGE"]
    assert {"fix", "created"} <= source.used["WORDS"]


def test_every_code_can_be_listed(source):
    assert not source.unlisted, "codes that cannot be listed from the source:\n" + "\n".join(source.unlisted)


@pytest.mark.parametrize("table", ["MESSAGES", "USAGE", "WORDS"])
def test_every_code_used_is_in_the_catalogue_in_both_languages(source, table):
    catalogue = tables()[table]
    missing = sorted(code for code in source.used[table] if code not in catalogue)
    assert not missing, f"codes used in publishing/ but not in messages.{table}: {missing}"
    for code in source.used[table]:
        assert set(catalogue[code]) == set(LANGS), f"messages.{table}[{code!r}]: languages {sorted(catalogue[code])}"


@pytest.mark.parametrize("table", ["MESSAGES", "USAGE", "WORDS"])
def test_every_code_in_the_catalogue_is_used(source, table):
    unused = sorted(set(tables()[table]) - source.used[table])
    assert not unused, f"messages.{table} holds codes that publishing/ never uses: {unused}"


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}


def entries():
    for name, table in {**tables(), "PARTS": messages.PARTS}.items():
        for code, langs in table.items():
            yield f"{name}.{code}", {lang: (text,) if isinstance(text, str) else text for lang, text in langs.items()}


@pytest.mark.parametrize("code, langs", list(entries()), ids=[code for code, _ in entries()])
def test_french_and_english_use_the_same_placeholders(code, langs):
    assert set(langs) == set(LANGS), code
    french, english = langs["fr"], langs["en"]
    assert len(french) == len(english)
    for fr, en in zip(french, english, strict=True):
        assert placeholders(fr) == placeholders(en), f"{code}:\n  fr: {fr}\n  en: {en}"


def test_optional_parts_are_placeholders_of_messages():
    used = {name for table in messages.MESSAGES.values() for pair in table.values() for text in pair
            for name in placeholders(text)}
    assert set(messages.PARTS) <= used
