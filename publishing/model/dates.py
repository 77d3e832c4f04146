"""Dates as precise as their source: a day (a `date`), or a month only (`Month`).

The seeds date some meetings to the month ("mars 2024"). Such an item is named
`2024-03-<slug>.fr.md` and dated `date: 2024-03`; it is shown as « mars 2024 » / « maart
2024 », written `2024-03` wherever a machine reads it (HTML `<time>`, JSON-LD, ISO 8601
allows it), and sorted as the first day of its month.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Month(date):
    """A date known to its month only; compares and sorts as the month's first day."""

    def __new__(cls, year: int, month: int, day: int = 1) -> Month:
        return super().__new__(cls, year, month, 1)

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"

    # Arithmetic leaves the month: a day plus some days is a day.
    def __add__(self, other: timedelta) -> date:  # type: ignore[override]
        return first_day(self) + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: Any) -> Any:
        return first_day(self) - (first_day(other) if isinstance(other, date) else other)


def first_day(day: date) -> date:
    """The plain date: a Month's first day, a day itself (for what needs a full date: Atom)."""
    return date(day.year, day.month, day.day)


def last_day(day: date) -> date:
    """The last day a date covers: a Month's last day, a day itself."""
    if isinstance(day, Month):
        following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return day


def parse_month(value: Any) -> Any:
    """'2024-03' (as YAML leaves it: a string) → Month(2024, 3); anything else unchanged."""
    if isinstance(value, str) and (match := MONTH.match(value.strip())):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return Month(year, month)
    return value
