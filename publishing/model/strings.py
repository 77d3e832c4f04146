"""Interface texts (theme/i18n/<lang>.yml, read by publishing.load.strings) and dates in words."""
from __future__ import annotations

from publishing.model.langs import DEFAULT_LANG


class Strings:
    def __init__(self, tables: dict[str, dict[str, str]]) -> None:
        self.tables = tables

    def t(self, lang: str, key: str) -> str:
        return self.tables.get(lang, {}).get(key) or self.tables.get(DEFAULT_LANG, {}).get(key) or key

    def for_lang(self, lang: str):
        return lambda key: self.t(lang, key)


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
