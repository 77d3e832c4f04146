"""The old sites' addresses that must keep working: sites/anciennes-adresses.yml.

    addresses:
      - from: https://brusano.brussels/kairos/            the old address, as found in circulation
        to: https://www.brusano.brussels/revues/kairos/    the page that now holds its content

Both must be on the sites' domains (with or without www.). Written once per old address: with or
without www., with or without the final slash, %c2%b7 or ·, it is the same address. That each
target is a page of the sites, and that no target is itself an old address, is checked once the
sites are planned (publishing.checks.redirects).
"""
from __future__ import annotations

from pathlib import Path

from pydantic import ConfigDict, Field

from publishing.load import schema
from publishing.load.yamlio import load_yaml
from publishing.model import Territory
from publishing.model.redirect import Redirect, locate
from publishing.problems import Report

FILE = "anciennes-adresses.yml"


class OldAddress(schema.Strict):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    old: str = Field(alias="from", min_length=1)
    to: str = Field(min_length=1)


class OldAddresses(schema.Strict):
    addresses: list[dict] = []


def load_redirects(sites_dir: Path, territories: dict[str, Territory], report: Report) -> list[Redirect]:
    path = sites_dir / FILE
    if not path.exists():
        return []
    doc = load_yaml(path, report)
    if doc is None:
        return []
    top = schema.validate(OldAddresses, doc.data, path, report, doc.locator)
    if top is None:
        return []
    hosts = ", ".join(sorted({territories[t].url[lang].split("/")[2] for t in territories for lang in ("fr", "nl")}))
    found: list[Redirect] = []
    seen: dict[tuple[str, str], int | None] = {}
    for i, raw in enumerate(top.addresses):
        item = schema.validate(OldAddress, raw, path, report, doc.locator, prefix=("addresses", i))
        if item is None:
            continue
        line = doc.locator.line(("addresses", i, "from"))
        ok = True
        for key, url in (("from", item.old), ("to", item.to)):
            if not url.startswith(("https://", "http://")) or locate(url, territories) is None:
                report.add(path, "address_not_ours", line=doc.locator.line(("addresses", i, key)),
                           where=f"addresses[{i}].{key}", input=url, allowed=hosts)
                ok = False
        if not ok:
            continue
        redirect = Redirect(item.old, item.to, line, doc.locator.line(("addresses", i, "to")), i)
        if redirect.key in seen:
            report.add(path, "address_twice", line=line, where=f"addresses[{i}].from", input=item.old,
                       other=seen[redirect.key])
            continue
        seen[redirect.key] = line
        found.append(redirect)
    return found
