"""Open data exports of a directory: Open Referral HSDS 3.0 (JSON) and CSV.

One export per (directory, site, language), holding the entries the site shows.
Identifiers are UUIDs derived from the entries' ids, so they stay the same from
one build to the next and across sites.
"""
from __future__ import annotations

import csv
import io
import json
import uuid

from publishing.model import REGION, Directory, Entry, Project, Territory

NAMESPACE = uuid.UUID("6f1c2a4e-6d0b-5c3e-9a57-0b6f4e2d8c11")  # Brusano's namespace for HSDS ids
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"

ISO_639 = {"fr": "French", "nl": "Dutch", "en": "English", "de": "German", "ar": "Arabic", "es": "Spanish",
           "it": "Italian", "pt": "Portuguese", "tr": "Turkish", "ro": "Romanian", "pl": "Polish",
           "ru": "Russian", "uk": "Ukrainian", "ber": "Berber"}


def uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def served_names(project: Project, entry: Entry, lang: str) -> list[str]:
    """Names of the territories an entry serves: the Region, or its bassins."""
    if entry.region_wide:
        return [project.territories[REGION].name[lang]] if REGION in project.territories else []
    return [project.territories[b].name[lang] for b in entry.serves if b in project.territories]


def service(project: Project, entry: Entry, lang: str) -> dict:
    sid = uid("service", entry.id)
    org_name = entry.organisation or entry.name[lang]
    oid = uid("organization", org_name)
    out: dict = {
        "id": sid,
        "organization_id": oid,
        "name": entry.name[lang],
        "description": entry.description[lang],
        "status": "active",
        "organization": {"id": oid, "name": org_name, "description": entry.description[lang]},
        "languages": [{"id": uid("language", entry.id, code), "service_id": sid, "code": code,
                       "name": ISO_639.get(code, code)} for code in entry.languages],
        "service_areas": [{"id": uid("service_area", entry.id, name), "service_id": sid, "name": name,
                           "extent_type": "text", "extent": name} for name in served_names(project, entry, lang)],
        "phones": [],
        "service_at_locations": [],
    }
    if entry.website:
        out["url"] = entry.website
    if entry.email:
        out["email"] = entry.email
    if entry.verified:  # the last time a person checked it, never a date no one checked
        out["last_modified"] = entry.verified.isoformat() + "T00:00:00Z"
    if entry.phone:
        out["phones"].append({"id": uid("phone", entry.id), "service_id": sid, "number": entry.phone})
    if entry.address is not None:
        lid = uid("location", entry.id)
        commune = project.communes[entry.address.commune]
        location = {
            "id": lid, "location_type": "physical", "name": entry.name[lang], "organization_id": oid,
            "addresses": [{
                "id": uid("address", entry.id), "location_id": lid, "address_1": entry.address.street,
                "city": commune.name[lang], "state_province": project.strings.t(lang, "opendata.state_province"),
                "postal_code": entry.address.postcode, "country": "BE", "address_type": "physical",
            }],
        }
        out["service_at_locations"].append({"id": uid("service_at_location", entry.id), "service_id": sid,
                                            "location_id": lid, "location": location})
    return out


def to_json(project: Project, entries: list[Entry], lang: str) -> bytes:
    data = [service(project, e, lang) for e in entries]
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


CSV_COLUMNS = ("id", "name", "organisation", "description", "street", "postcode", "commune", "bassin",
               "serves", "phone", "email", "website", "languages", "hours", "categories", "verified")


def to_csv(project: Project, directory: Directory, entries: list[Entry], lang: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    labels = {c.id: c.label[lang] for c in directory.categories}
    for e in entries:
        commune = project.communes[e.address.commune].name[lang] if e.address else ""
        writer.writerow([
            e.id, e.name[lang], e.organisation or "", e.description[lang],
            e.address.street if e.address else "", e.address.postcode if e.address else "", commune,
            e.bassin or "", "region" if e.region_wide else " ".join(e.serves), e.phone or "", e.email or "",
            e.website or "", " ".join(e.languages), e.hours[lang] if e.hours else "",
            "; ".join(labels.get(c, c) for c in e.categories), e.verified.isoformat() if e.verified else "",
        ])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")  # BOM: spreadsheets then read UTF-8


def export_names(directory: Directory, territory: Territory, lang: str) -> tuple[str, str]:
    base = f"repertoire-{directory.slug}-{territory.id}-{lang}"
    return base + ".hsds.json", base + ".csv"
