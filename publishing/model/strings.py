"""Interface texts (theme/i18n/<lang>.yml, read by publishing.load.strings), and what is said
with them: dates in words, names of languages."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from publishing.model.dates import Month
from publishing.model.langs import DEFAULT_LANG
from publishing.model.territory import Text

# The interface text of a key in one language (Strings.for_lang; a section's `t`)
Lookup = Callable[[str], str]


class Strings:
    """The interface texts of each language, by flat dotted key; French stands in for a key
    missing in Dutch (publishing.load.strings reports it)."""

    def __init__(self, tables: dict[str, dict[str, str]]) -> None:
        self.tables = tables

    def t(self, lang: str, key: str) -> str:
        """The text of a key; the key itself when no language has it, so that a page still shows."""
        return self.tables.get(lang, {}).get(key) or self.tables.get(DEFAULT_LANG, {}).get(key) or key

    def for_lang(self, lang: str) -> Lookup:
        return lambda key: self.t(lang, key)

    def text(self, key: str) -> Text:
        """A key in both languages, for the model's bilingual values."""
        return Text(self.t("fr", key), self.t("nl", key))


def long_date(day: date, t: Lookup) -> str:
    """23 novembre 2026, 1er mars 2026 / 23 november 2026, 1 maart 2026 (keys date.*); a date
    known to its month only: mars 2026 / maart 2026."""
    if isinstance(day, Month):
        return month_year(day, t)
    first = t("date.first_day") if day.day == 1 else str(day.day)
    return f"{first} {t(f'date.month.{day.month}')} {day.year}"


def month_year(day: date, t: Lookup) -> str:
    """novembre 2026 / november 2026."""
    return f"{t(f'date.month.{day.month}')} {day.year}"


def language_names(codes: Iterable[str], t: Lookup) -> str:
    """'français, néerlandais' for ('fr', 'nl') on the French site (keys language_name.<code>);
    a code without a name is shown as it is."""
    names = []
    for code in codes:
        key = f"language_name.{code}"
        name = t(key)
        names.append(code if name == key else name)
    return ", ".join(names)
