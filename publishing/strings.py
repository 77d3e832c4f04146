"""Interface texts (theme/i18n/<lang>.yml): flat dotted keys, one file per language.

French is the reference: a key missing in Dutch is reported, and falls back to
the French text rather than breaking a page.
"""
from __future__ import annotations

from pathlib import Path

from .errors import Report
from .model import DEFAULT_LANG, LANGS
from .yamlio import load_yaml


class Strings:
    def __init__(self, tables: dict[str, dict[str, str]]) -> None:
        self.tables = tables

    def t(self, lang: str, key: str) -> str:
        return self.tables.get(lang, {}).get(key) or self.tables.get(DEFAULT_LANG, {}).get(key) or key

    def for_lang(self, lang: str):
        return lambda key: self.t(lang, key)


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


MONTHS = {
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"],
}


def long_date(day, lang: str) -> str:
    """23 novembre 2026 / 23 november 2026."""
    first = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{first} {MONTHS[lang][day.month - 1]} {day.year}"


def month_year(day, lang: str) -> str:
    return f"{MONTHS[lang][day.month - 1]} {day.year}"
