"""The Dutch of the sites follows the guide's glossary (docs/guide-redaction.md, section 4): the
reader is addressed as u, one term stands for one thing, and French turns of phrase are rewritten
in Dutch (issues 18 and 27). Read: every Dutch text of content/ and focus/, the Dutch values of
directories/ and sites/, the interface texts of theme/i18n/nl.yml and the Dutch scaffolds that
`build.py new` writes."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT

# A variant the glossary sets aside, and what to write instead.
SET_ASIDE = {
    r"(?i:\bje\b|\bjij\b|\bjou\b|\bjouw\b|\bjezelf\b|\bjullie\b)": "u, uw",
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
    r"(?i:\boriëntatie)": "doorverwijslijn, doorverwijzing",
    r"(?i:\bonderlinge kennis\b)": "elkaar (beter) leren kennen, kennis van elkaar",
    r"(?i:gezondheidsdynamieken|welzijnsdynamieken)": "wat er rond welzijn en gezondheid in beweging is",
    r"(?i:\btransversale (?:visie|acties)\b)": "een overkoepelende visie, gezamenlijke acties",
    r"(?i:\bverbinding ambulant)": "ziekenhuis en ambulante zorg",
    r"(?i:\bverbindingsschrift\b)": "heen-en-weerschrift",
    r"(?i:\brelais (?:d')?action\b)": "wijkrelais",
    r"\bCPQ\b": "overleg wijkprojecten",
    r"\b[Oo]verleg (?!Diapason)[A-Z][a-zë]+": "overleg + kleine letter (overleg wijkprojecten)",
    r"\bwaar het terrein om vroeg\b": "die de actoren op het terrein het sterkst steunden",
    r"\bBrusano\b[^.;:!?\n]{0,80}(?<!zijn of )\bhaar\b": "Brusano … zijn (Brusano is het: zijn acties, zijn team)",
}


def prose(text: str) -> str:
    """The text a reader sees: without the header's source line, code, link targets, the French
    expansions of abbreviations (*[RAQ]: relais d'action de quartier) and the French names in
    parentheses (« Commission communautaire française » may stand there)."""
    text = re.sub(r"^source:.*$", "", text, flags=re.M)
    text = re.sub(r"^\*\[[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"\([^()]*(?:française|Commission|commune)[^()]*\)", "", text)


def problems(text: str) -> list[str]:
    return [f"« {m.group(0)} » → {instead}" for pattern, instead in SET_ASIDE.items()
            for m in re.finditer(pattern, prose(text))]


def dutch_values(data: object, dutch: bool = False) -> list[str]:
    """The strings of a YAML document that are Dutch: every value under a key `nl` (or all, for
    theme/i18n/nl.yml)."""
    if isinstance(data, str):
        return [data] if dutch else []
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in dutch_values(value, dutch or key == "nl")]
    if isinstance(data, list):
        return [s for value in data for s in dutch_values(value, dutch)]
    return []


def yaml_dutch(path: Path, everything: bool = False) -> str:
    return "\n".join(dutch_values(yaml.safe_load(path.read_text(encoding="utf-8")), everything))


def scaffolds() -> dict[str, str]:
    """What `build.py new` writes in Dutch: the files of scaffolds/ and the texts new.py holds."""
    folder = ROOT / "publishing" / "commands" / "scaffolds"
    found = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.nl.*"))}
    new = importlib.import_module("publishing.commands.new")
    for name, value in vars(new).items():
        if isinstance(value, dict) and isinstance(value.get("nl"), str):
            found[f"publishing/commands/new.py:{name}"] = value["nl"]
    return found


def dutch_sources() -> dict[str, str]:
    texts = {str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
             for p in sorted([*(ROOT / "content").rglob("*.nl.md"), *(ROOT / "focus").rglob("*.nl.md")])}
    texts["theme/i18n/nl.yml"] = yaml_dutch(ROOT / "theme" / "i18n" / "nl.yml", everything=True)
    for folder in ("directories", "sites"):
        for path in sorted((ROOT / folder).glob("*.yml")):
            texts[str(path.relative_to(ROOT))] = yaml_dutch(path)
    return {**texts, **scaffolds()}


SOURCES = dutch_sources()


@pytest.mark.parametrize("where", sorted(SOURCES))
def test_dutch_follows_the_glossary(where):
    found = problems(SOURCES[where])
    assert not found, f"{where}: " + "; ".join(found)


def test_every_place_that_publishes_dutch_is_read():
    kinds = {"content/", "focus/", "directories/", "sites/", "theme/i18n/nl.yml", "publishing/commands/"}
    assert all(any(where.startswith(kind) for where in SOURCES) for kind in kinds), sorted(SOURCES)
    assert "Focus-brochures" in SOURCES["theme/i18n/nl.yml"]
    assert "Zorgzone Zuid" in SOURCES["sites/sud.yml"] and "Bassin Sud" not in SOURCES["sites/sud.yml"]
    assert any("Titel van de Focus" in text for text in scaffolds().values())


@pytest.mark.parametrize("planted", [
    "Wil je deelnemen?", "Jullie zijn welkom.", "Dit is voor jou.", "De helpdesk is een oriëntatielijn.",
    "Het bevordert de onderlinge kennis.", "welzijns- en gezondheidsdynamieken", "een transversale visie",
    "Overleg verbinding ambulant-ziekenhuis", "een verbindingsschrift", "de relais action quartier",
    "het Overleg Wijkprojecten (CPQ)", "de acties waar het terrein om vroeg", "Brusano en haar partners",
])
def test_a_planted_variant_is_found(planted):
    assert problems(planted)


def test_a_planted_je_in_the_interface_texts_is_found(tmp_path):
    text = (ROOT / "theme" / "i18n" / "nl.yml").read_text(encoding="utf-8")
    assert not problems(yaml_dutch(ROOT / "theme" / "i18n" / "nl.yml", everything=True))
    planted = tmp_path / "nl.yml"
    planted.write_text(text.replace("waarop u in Brussel", "waarop je in Brussel"), encoding="utf-8")
    assert problems(yaml_dutch(planted, everything=True)) == ["« je » → u, uw"]


def test_french_beside_the_dutch_is_not_read_as_dutch():
    entry = {"name": {"fr": "Je suis là", "nl": "Hier ben ik"}, "source": "seed 000", "phone": "je"}
    assert dutch_values(entry) == ["Hier ben ik"]
    assert not problems("De wijkrelais (RAQ) werken in de wijk.\n*[RAQ]: relais d'action de quartier (wijkrelais)")
