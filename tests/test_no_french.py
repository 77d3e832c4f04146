"""No French word in a Python string outside the message catalogue.

What an editor or a visitor reads is in publishing/problems/messages.py (the command line's
words and problems, in French and English), theme/i18n/ (the sites' and the editor's words, in
French and Dutch), the templates of theme/ and the scaffolds of publishing/commands/scaffolds/:
never in a Python string, where it could be neither translated nor found. The string literals of
every module are read with `ast` (docstrings apart: they are the code's English documentation,
and their French examples say what a function writes) and searched for common French words.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "publishing"
CATALOGUE = PACKAGE / "problems" / "messages.py"
# Common French words that are neither English nor Dutch, nor part of an identifier (a territory
# "nord-est", an anchor "mois-2023-03", a key "date.month.3", a file named "fichier.pdf" when its
# name has no letter left: not "est", "mois", "date", "fichier")
FRENCH = frozenset("""
    les des une sont pour avec dans sur vous votre vos nous leur leurs cette ces aux qui sans
    aussi déjà être avoir ligne aucun aucune écrire ajoutez ajouter
    créer créé supprimez année heure lieu adresse numéro où ici toute tous réunion éditeur aperçu
""".split())
WORD = re.compile(r"[a-zà-ÿ]+")


def docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring constants of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def french_strings(source: str) -> list[tuple[int, str]]:
    """(line, string) of each string literal of the source that holds a common French word."""
    tree = ast.parse(source)
    skip = docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if set(WORD.findall(node.value.lower())) & FRENCH:
                found.append((node.lineno, node.value))
    return found


def test_the_search_finds_french_in_strings_and_not_in_docstrings():
    source = '''
def add():
    """Writes 'Ajoutez une date' in French (an example in the documentation)."""
    return "Ajoutez une date à l'événement"
label = f"Pages · {name}"
fields = {"date": "Date", "kind": "Type de réunion"}
'''
    assert [line for line, _ in french_strings(source)] == [4, 6]


def test_no_french_word_in_a_python_string_outside_the_catalogue():
    found = []
    for path in sorted([*PACKAGE.rglob("*.py"), PACKAGE.parent / "build.py"]):
        if path == CATALOGUE:
            continue
        for line, text in french_strings(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {text[:70]!r}")
    assert not found, "French in Python strings (move it to the catalogue or theme/i18n/):\n" + "\n".join(found)
