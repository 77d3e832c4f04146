"""The fields of an imported item: names made from titles, excerpts as one line, headers written
as YAML, a venue's commune, an event's time zone. Pure functions of what WordPress wrote."""
from __future__ import annotations

import html
import re
import unicodedata
from datetime import timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from publishing.model import BRUSSELS, Commune

MAX_SLUG = 60


def zone_of(name: str) -> Any:
    """The time zone of The Events Calendar's _EventTimezone ("Europe/Brussels", "UTC+1");
    Brussels' when it says none or one unknown."""
    name = name.strip()
    match = re.fullmatch(r"UTC([+-])(\d{1,2})(?:[:.](\d{2}))?", name)
    if match:
        minutes = int(match[2]) * 60 + int(match[3] or 0)
        return timezone(timedelta(minutes=minutes if match[1] == "+" else -minutes))
    try:
        return ZoneInfo(name) if name else BRUSSELS
    except (ZoneInfoNotFoundError, ValueError):
        return BRUSSELS


def slugify(text: str) -> str:
    """A name of lower-case letters, digits and hyphens, at most MAX_SLUG characters."""
    ascii_text = unicodedata.normalize("NFKD", html.unescape(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug


def slugify_file(name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    return f"{slugify(stem) or 'fichier'}.{suffix.lower()}" if dot else slugify(name)


def plain_text(fragment: str) -> str:
    """An excerpt as one line of text: tags dropped, entities decoded, spaces collapsed."""
    text = re.sub(r"<[^>]*>", " ", fragment or "")
    return " ".join(html.unescape(text).split())


DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's emitter when there (as for reading)


def dump_header(header: dict[str, Any]) -> str:
    return yaml.dump(header, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=10_000,
                     default_flow_style=False)


def fold(name: str) -> str:
    """A name compared without accents, case, spaces or hyphens: "Saint-Gilles" is "saintgilles"."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", ascii_text)


CITY_ALIASES = {"bruxelles": "bruxelles", "brussel": "bruxelles", "brussels": "bruxelles",
                "bruxellesville": "bruxelles", "brusselstad": "bruxelles", "bruxelles1000": "bruxelles"}


def find_area(communes: dict[str, Commune], city: str, postcode: str) -> str | None:
    """The commune id (or part of Bruxelles-Ville) of a venue's city, in French or Dutch, with its
    postcode; None when it cannot be told for sure."""
    folded = fold(city)
    commune = None
    for candidate in communes.values():
        names = {fold(candidate.name.fr), fold(candidate.name.nl), fold(candidate.id)}
        parts = {fold(n) for part in candidate.parts for n in (part.name.fr, part.name.nl)}
        if folded in names or folded in parts or CITY_ALIASES.get(folded) == candidate.id:
            commune = candidate
            break
    if commune is None and postcode:
        matching = [c for c in communes.values()
                    if postcode in c.postcodes or any(postcode in p.postcodes for p in c.parts)]
        commune = matching[0] if len(matching) == 1 else None
    if commune is None:
        return None
    if not commune.parts:
        return commune.id if not postcode or postcode in commune.postcodes else None
    by_name = [p for p in commune.parts if folded in (fold(p.name.fr), fold(p.name.nl))]
    by_code = by_name or [p for p in commune.parts if postcode in p.postcodes]
    return by_code[0].id if len(by_code) == 1 else None


def is_draft(text: str) -> bool:
    header = text.split("\n---", 1)[0] if text.startswith("---") else ""
    return re.search(r"^draft:\s*true\s*$", header, re.M) is not None
