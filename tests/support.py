"""What the tests share besides fixtures: the repository's folders, the copies of ../shared/ they
read, and inline repositories (make_repo). Fixtures are in tests/conftest.py; servers and the
browser in harness/."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Copies of ../shared/reference/ the tests read, at the same paths (tests/fixtures/reference/README.md)
REFERENCE = FIXTURES / "reference"
# The team's material beside the repository: present in sessions and CI, absent from a bare clone
SHARED = ROOT.parent / "shared"

# A home page in both languages for the six sites, for inline repositories.
HOME = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    nav: 0
    ---
    # {{ territory.name }}
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # {{ territory.name }}
"""


def make_repo(tmp_path: Path, files: str = "") -> Path:
    """A copy of the real repository's sites/ (less its old addresses) and theme/ plus files given inline:

        -- content/shared/page.fr.md --
        ...text...
    """
    root = tmp_path / "repo"
    for folder in ("sites", "theme"):
        # the real old addresses lead to real pages, which an inline repository does not have
        shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("anciennes-adresses.yml"))
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "content" / "shared").mkdir(parents=True)
    current = None
    buffer: list[str] = []

    def flush():
        if current is not None:
            path = root / current
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent("\n".join(buffer)).lstrip("\n"), encoding="utf-8")

    for line in textwrap.dedent(files).splitlines():
        marker = line.strip()
        if marker.startswith("-- ") and marker.endswith(" --"):  # each file is dedented on its own
            flush()
            current, buffer = marker[3:-3].strip(), []
        else:
            buffer.append(line)
    flush()
    return root


def item(path: str, head: str, body: str = "Texte.") -> str:
    """A dated item (news, event, notice) for make_repo: its header lines, then its body."""
    return f"\n    -- {path} --\n    ---\n" + "".join(f"    {line}\n" for line in head.strip().split("\n")) + \
        f"    ---\n    {body}\n"
