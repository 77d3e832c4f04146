"""Load sites/communes.yml and sites/<id>.yml into Commune and Territory objects.

The six territories are fixed by the mission; their facts (names, domains,
communes, helpdesk, colour) live in one file each. A commune belongs to the
bassin whose file lists it; Bruxelles-Ville is split, so bassins list its parts
("bruxelles/laeken"). Every commune or part must belong to exactly one bassin.
"""
from __future__ import annotations

import difflib
from pathlib import Path

from publishing.load import contact, schema
from publishing.model import TERRITORY_IDS, Area, Commune, Helpdesk, Territory, Text
from publishing.problems import Report


def text(bilingual: schema.Bilingual) -> Text:
    return Text(bilingual.fr, bilingual.nl)


def load_communes(sites_dir: Path, report: Report) -> dict[str, Commune]:
    path = sites_dir / "communes.yml"
    if not path.exists():
        report.add(path, "territory_missing", input="communes")
        return {}
    loaded = schema.load_validated(schema.CommunesFile, path, report)
    if loaded is None:
        return {}
    data, _doc = loaded
    communes = {}
    for cid, c in data.communes.items():
        parts = tuple(
            Area(f"{cid}/{pid}", cid, c.nis, text(p.name), tuple(str(x) for x in p.postcodes))
            for pid, p in c.parts.items()
        )
        communes[cid] = Commune(cid, c.nis, text(c.name), tuple(str(x) for x in c.postcodes), parts)
    return communes


# The files of sites/ that are no territory: the communes, the old sites' addresses (load.redirects),
# the newsletter's setting (load.newsletters)
DATA_FILES = ("communes", "anciennes-adresses", "newsletter", "wordpress")


def load_territories(sites_dir: Path, communes: dict[str, Commune], report: Report) -> dict[str, Territory]:
    territories: list[Territory] = []
    orders: dict[str, int] = {}
    owner: dict[str, str] = {}  # area id -> bassin id
    for path in sorted(sites_dir.glob("*.yml")):
        tid = path.stem
        if tid in DATA_FILES:
            continue
        if tid not in TERRITORY_IDS:
            report.add(path, "unknown_territory_file", line=1, input=tid, allowed=", ".join(TERRITORY_IDS))
            continue
        loaded = schema.load_validated(schema.TerritorySchema, path, report)
        if loaded is None:
            continue
        data, doc = loaded
        ok = True
        line = doc.locator.line

        for lang in ("fr", "nl"):
            url = getattr(data.url, lang)
            if not (contact.valid_url(url) and url.endswith("/")):
                report.add(path, "bad_url", line=line(("url", lang)), where=f"url.{lang}", input=url)
                ok = False
        if problem := contact.colour_problem(data.colour):
            report.add(path, problem[0], line=line(("colour",)), where="colour", **problem[1])
            ok = False

        phone = None
        if data.helpdesk.phone:
            phone = contact.normalise_phone(data.helpdesk.phone)
            if phone is None:
                report.add(path, "bad_phone", line=line(("helpdesk", "phone")), where="helpdesk.phone",
                           input=data.helpdesk.phone)
                ok = False
        if data.helpdesk.email and not contact.valid_email(data.helpdesk.email):
            report.add(path, "bad_email", line=line(("helpdesk", "email")), where="helpdesk.email",
                       input=data.helpdesk.email)
            ok = False

        areas: list[Area] = []
        if data.kind == "region":
            areas = [a for c in communes.values() for a in c.areas]
        for index, ref in enumerate(data.communes):
            area = find_area(ref, communes)
            loc = ("communes", index)
            if isinstance(area, str):
                report.add(path, area, line=line(loc), where=f"communes[{index}]", input=ref,
                           suggestion=suggest(ref, communes), example=example_part(ref, communes))
                ok = False
                continue
            if area.id in owner:
                report.add(path, "commune_twice", line=line(loc), where=f"communes[{index}]",
                           input=ref, other=owner[area.id])
                ok = False
                continue
            owner[area.id] = tid
            areas.append(area)
        if not ok:
            continue
        helpdesk = Helpdesk(phone, data.helpdesk.email,
                            text(data.helpdesk.hours) if data.helpdesk.hours else None)
        territories.append(Territory(tid, data.kind, text(data.name), text(data.tagline),
                                     text(data.url), data.colour.lower(), tuple(areas), helpdesk, path))
        orders[tid] = data.order
    found = {t.id for t in territories}
    for tid in TERRITORY_IDS:
        if tid not in found and not (sites_dir / f"{tid}.yml").exists():
            report.add(sites_dir / f"{tid}.yml", "territory_missing", input=tid)
    if len(found) == len(TERRITORY_IDS):
        for commune in communes.values():
            for area in commune.areas:
                if area.id not in owner:
                    report.add(sites_dir / "communes.yml", "commune_orphan", input=area.id)
    territories.sort(key=lambda t: (orders[t.id], t.id))
    return {t.id: t for t in territories}


def find_area(ref: str, communes: dict[str, Commune]) -> Area | str:
    """The area a bassin's 'communes' entry names, or a problem code."""
    commune_id, _, part = str(ref).partition("/")
    commune = communes.get(commune_id)
    if commune is None:
        return "unknown_commune"
    if not part:
        return "commune_needs_part" if commune.parts else commune.areas[0]
    for area in commune.parts:
        if area.id == ref:
            return area
    return "unknown_commune"


def suggest(ref: str, communes: dict[str, Commune]) -> str:
    """The id of a commune or part close to `ref`, or "" (the catalogue words the suggestion)."""
    names = [a.id for c in communes.values() for a in c.areas]
    close = difflib.get_close_matches(str(ref), names, n=1, cutoff=0.6)
    return close[0] if close else ""


def example_part(ref: str, communes: dict[str, Commune]) -> str:
    """A part of the commune `ref` names, for the fix of `commune_needs_part`."""
    commune = communes.get(str(ref).partition("/")[0])
    return commune.parts[0].id if commune and commune.parts else ""
