"""Thematic directories (répertoires): directories/<slug>.yml, validated once, here.

    title: {fr, nl}            intro: {fr, nl} (optional)
    categories: {id: {fr, nl}, ...}   ordered headings of the page
    entries: [ {id, name, description, organisation, address{street, postcode, commune},
                bassin, serves, phone, email, website, languages, hours, categories,
                social_brussels, source, verified}, ... ]

`source` says where an entry's information comes from (a report, the service's own page);
`verified` is the day a person of the team checked it with the service, written by that person
only: `check` counts the entries never verified (one warning).

An entry's bassin follows from its commune, except in Bruxelles-Ville, which is
split between bassins: there `bassin` is required. `serves` is `region` or a
list of bassins; by default the entry serves its own bassin. Phones are
normalised to "+32 2 xxx xx xx".
"""
from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from typing import Any, ClassVar

from pydantic import Field, field_validator

from publishing.load import contact, schema
from publishing.load.yamlio import Locator
from publishing.model import BASSINS, Address, Category, Directory, Entry, Project, Text
from publishing.problems import Report

LANGUAGE_CODE = re.compile(r"^[a-z]{2,4}$")


# --- the schema: what an editor may write ------------------------------------

class LaxText(schema.Strict):
    """A text with French required and Dutch optional (French shown until translated)."""

    fr: str = Field(min_length=1)
    nl: str | None = None


class EntrySchema(schema.Strict):
    id: str = Field(pattern=schema.SLUG)
    name: LaxText
    description: LaxText
    organisation: str | None = None
    address: schema.AddressSchema | None = None
    bassin: str | None = None
    serves: str | list[str] | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    languages: list[str] = []
    hours: LaxText | None = None
    categories: list[str] = []
    social_brussels: str | None = None
    source: str | None = None
    verified: date | None = None

    # `updated` said when an entry's text was last changed; what counts is when a person checked it
    RENAMED: ClassVar[dict[str, str]] = {"updated": "verified"}

    @field_validator("name", "description", "hours", mode="before")
    @classmethod
    def _one_text(cls, value: Any) -> Any:
        """One string serves both languages (names of organisations often do)."""
        return {"fr": value, "nl": value} if isinstance(value, str) else value

    @field_validator("social_brussels", mode="before")
    @classmethod
    def _as_text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value

    @field_validator("phone", mode="before")
    @classmethod
    def _phone_as_text(cls, value: Any) -> Any:
        if isinstance(value, int):  # YAML read an unquoted number (and 02… as octal): ask for quotes
            raise schema.CodedError("phone_unquoted", input=value)
        return value


class DirectoryFile(schema.Strict):
    title: schema.Bilingual
    intro: schema.Bilingual | None = None
    categories: dict[str, schema.Bilingual] = {}
    entries: list[dict] = []  # each entry is validated on its own, so one bad entry
    # does not hide the problems of the others


# --- loading -------------------------------------------------------------------

def load_directories(directories_dir: Path, project: Project, report: Report) -> dict[str, Directory]:
    found: dict[str, Directory] = {}
    if not directories_dir.is_dir():
        return found
    for path in sorted(directories_dir.glob("*.y*ml")):
        if not re.fullmatch(schema.SLUG, path.stem):
            report.add(path, "bad_slug", line=1, input=path.stem)
            continue
        directory = load_directory(path, project, report)
        if directory is not None:
            found[directory.slug] = directory
    never = sorted({e.id for d in found.values() for e in d.entries if e.verified is None})
    if never:  # once for all the directories: a count, not a line per entry
        total = len({e.id for d in found.values() for e in d.entries})
        report.warn(directories_dir, "entries_never_verified", count=len(never), total=total)
    return found


def load_directory(path: Path, project: Project, report: Report) -> Directory | None:
    loaded = schema.load_validated(DirectoryFile, path, report)
    if loaded is None:
        return None
    data, doc = loaded
    categories = tuple(Category(cid, Text(label.fr, label.nl)) for cid, label in data.categories.items())
    known = {c.id for c in categories}
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    ok = True
    for index, raw in enumerate(data.entries):
        entry = load_entry(raw, index, path, doc.locator, project, known, report)
        if entry is None:
            ok = False
            continue
        if entry.id in seen:
            report.add(path, "duplicate_id", line=entry.line, where=_where(index, entry.id),
                       input=entry.id, other=seen[entry.id])
            ok = False
            continue
        seen[entry.id] = index
        entries.append(entry)
    untranslated = [e.id for e in entries if not e.translated]
    if untranslated:
        report.warn(path, "entries_not_translated", count=len(untranslated), ids=", ".join(untranslated[:5])
                    + (" …" if len(untranslated) > 5 else ""))
    if not ok:
        return None
    intro = Text(data.intro.fr, data.intro.nl) if data.intro else None
    return Directory(path.stem, Text(data.title.fr, data.title.nl), intro, categories, tuple(entries), path)


def _where(index: int, entry_id: str | None) -> str:
    return f"entries[{index}]" + (f" ({entry_id})" if entry_id else "")


def _text(value: LaxText | str | None) -> tuple[Text | None, bool]:
    if value is None:
        return None, True
    if isinstance(value, str):
        return Text(value, value), True
    return Text(value.fr, value.nl or value.fr), value.nl is not None


def load_entry(raw: Any, index: int, path: Path, locator: Locator, project: Project, categories: set[str],
               report: Report) -> Entry | None:
    entry_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else None
    where = _where(index, entry_id)
    data = schema.validate(EntrySchema, raw, path, report, locator, prefix=("entries", index), name=where)
    ok = data is not None
    if data is None and isinstance(raw, dict):
        # All of an entry's problems at once: the keys the schema refused are reported; the
        # checks below still run on the others (a misspelt commune beside an unknown key).
        rest = {k: v for k, v in raw.items() if k not in schema.failing_keys(EntrySchema, raw)}
        data = schema.validate(EntrySchema, rest, path, Report(), locator)
    if data is None:
        return None
    line = lambda *loc: locator.line(("entries", index) + loc)  # noqa: E731

    def problem(code: str, loc: tuple, **params: Any) -> None:
        nonlocal ok
        ok = False
        field_where = where + ("." + ".".join(str(x) for x in loc) if loc else "")
        report.add(path, code, line=line(*loc), where=field_where, **params)

    # where it is, and whom it serves
    address, bassin = None, None
    if data.address is not None:
        a = data.address
        commune = project.communes.get(a.commune)
        if commune is None:
            close = difflib.get_close_matches(a.commune, list(project.communes), n=1)
            problem("unknown_commune", ("address", "commune"), input=a.commune,
                    suggestion=close[0] if close else "")
        else:
            postcodes = set(commune.postcodes) | {pc for part in commune.parts for pc in part.postcodes}
            if a.postcode not in postcodes:
                problem("postcode_mismatch", ("address", "postcode"), input=a.postcode,
                        commune=commune.name.fr, allowed=", ".join(sorted(postcodes)))
            if commune.parts:
                if data.bassin is None:
                    owners = sorted({project.bassin_of(p.id) or "" for p in commune.parts} - {""})
                    problem("bassin_required", ("address", "commune"), input=commune.name.fr,
                            allowed=", ".join(owners))
                elif data.bassin not in BASSINS:
                    problem("unknown_bassin", ("bassin",), input=data.bassin, allowed=", ".join(BASSINS))
                else:
                    bassin = data.bassin
            else:
                bassin = project.bassin_of(commune.id)
                if data.bassin is not None and data.bassin != bassin:
                    problem("bassin_mismatch", ("bassin",), input=data.bassin, commune=commune.name.fr,
                            expected=bassin or "?")
            address = Address(a.street, a.postcode, a.commune)
    elif data.bassin is not None:
        if data.bassin not in BASSINS:
            problem("unknown_bassin", ("bassin",), input=data.bassin, allowed=", ".join(BASSINS))
        else:
            bassin = data.bassin

    region_wide = False
    serves: tuple[str, ...] = ()
    if data.serves is None:
        if bassin is None and ok:
            problem("serves_missing", ())
        serves = (bassin,) if bassin else ()
    elif data.serves in ("region", ["region"]):  # the editor's choice list writes a list
        region_wide, serves = True, BASSINS
    elif isinstance(data.serves, str) and data.serves in BASSINS:
        serves = (data.serves,)  # one bassin, written without brackets
    elif isinstance(data.serves, str):
        close = difflib.get_close_matches(data.serves, BASSINS + ("region",), n=1)
        problem("bad_serves", ("serves",), input=data.serves, allowed=", ".join(BASSINS),
                suggestion=close[0] if close else "")
    else:
        for i, b in enumerate(data.serves):
            if b not in BASSINS:
                close = difflib.get_close_matches(b, BASSINS, n=1)
                problem("bad_serves", ("serves", i), input=b, allowed=", ".join(BASSINS),
                        suggestion=close[0] if close else "")
        serves = tuple(b for b in BASSINS if b in data.serves)
        region_wide = set(serves) == set(BASSINS)

    # how to reach it
    phone = None
    if data.phone is not None:
        phone = contact.normalise_phone(data.phone)
        if phone is None:
            problem("bad_phone", ("phone",), input=data.phone)
    if data.email is not None and not contact.valid_email(data.email):
        problem("bad_email", ("email",), input=data.email)
    if data.website is not None and not contact.valid_url(data.website):
        problem("bad_website", ("website",), input=data.website)
    for i, code in enumerate(data.languages):
        if not LANGUAGE_CODE.match(code):
            problem("bad_language_code", ("languages", i), input=code)
    for i, cid in enumerate(data.categories):
        if cid in categories:
            continue
        if not categories:  # the file declares none: say where to declare it
            problem("category_undeclared", ("categories", i), input=cid)
        else:
            close = difflib.get_close_matches(cid, sorted(categories), n=1)
            problem("unknown_category", ("categories", i), input=cid, allowed=", ".join(sorted(categories)),
                    suggestion=close[0] if close else "")
    if not ok:
        return None
    name, t1 = _text(data.name)
    description, t2 = _text(data.description)
    hours, t3 = _text(data.hours)
    assert name is not None and description is not None
    return Entry(data.id, name, description, data.organisation, address, bassin, serves, region_wide,
                 phone, data.email, data.website, tuple(data.languages), hours, tuple(data.categories),
                 data.social_brussels, data.verified, t1 and t2 and t3, line(), data.source)
