"""The Dutch of the sites follows the guide's glossary (docs/guide-redaction.md, section 4): the
reader is addressed as u, and one term stands for one institution (issue 18)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A variant the glossary sets aside, and the term to write instead.
SET_ASIDE = {
    r"\bje\b|\bjij\b|\bjouw\b|\bjezelf\b": "u, uw",
    r"\bstappenplan\b": "routekaart",
    r"\bFGC\b": "COCOF",
    r"\bCLSS\b": "LWGC",
    r"\bPSSI\b": "GWGP",
    r"\bCPAS\b": "OCMW",
    r"\bINAMI\b": "RIZIV",
    r"\bballingschap\b": "vluchtelingen en migranten",
    r"\bverzadiging\b": "overbelasting",
    r"\bbegunstigden\b": "gebruikers",
    r"\bin eigen naam\b": "op persoonlijke titel",
    r"\bVeranderingsateliers\b": "Veranderateliers",
    r"\bRaad voor de Gewestelijke Actie\b": "Gewestelijke Actieraad",
}


def dutch_texts() -> list[Path]:
    return sorted([*(ROOT / "content").rglob("*.nl.md"), *(ROOT / "focus").rglob("*.nl.md")])


def prose(path: Path) -> str:
    """The text a reader sees: without the header's source line, code, link targets and
    abbreviations' French expansions (« Commission communautaire française » may stand there)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^source:.*$", "", text, flags=re.M)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"\([^()]*(?:française|Commission|commune)[^()]*\)", "", text)


@pytest.mark.parametrize("path", dutch_texts(), ids=lambda p: str(p.relative_to(ROOT)))
def test_dutch_follows_the_glossary(path):
    text = prose(path)
    found = [(m.group(0), instead) for pattern, instead in SET_ASIDE.items()
             for m in re.finditer(pattern, text, flags=re.I if "je" in pattern else 0)]
    assert not found, f"{path.relative_to(ROOT)}: " + "; ".join(f"« {a} » → {b}" for a, b in found)


def test_the_check_sees_a_variant():
    assert re.search(next(iter(SET_ASIDE)), "Wil je deelnemen?")
