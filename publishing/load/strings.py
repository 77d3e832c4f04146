"""Interface texts (theme/i18n/<lang>.yml): flat dotted keys, one file per language.

French is the reference: a key missing in Dutch is reported, and falls back to
the French text rather than breaking a page.
"""
from __future__ import annotations

from pathlib import Path

from publishing.load.yamlio import load_yaml
from publishing.model import DEFAULT_LANG, LANGS, Strings
from publishing.problems import Report


def load_strings(folder: Path, report: Report) -> Strings:
    tables: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        path = folder / f"{lang}.yml"
        doc = load_yaml(path, report) if path.exists() else None
        tables[lang] = {str(k): str(v) for k, v in (doc.data if doc else {}).items()}
    reference = tables.get(DEFAULT_LANG, {})
    for lang in LANGS:
        for key in sorted(set(reference) - set(tables[lang])):
            report.warn(folder / f"{lang}.yml", "missing_translation", key=key)
    return Strings(tables)
