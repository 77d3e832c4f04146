"""`build.py server-config`: the nginx configuration of the eleven domains, from sites/ and server.yml."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import yaml

from publishing.load.redirects import load_redirects
from publishing.load.territories import load_communes, load_territories
from publishing.output.nginx import ServerSettings, config
from publishing.problems import Report, UsageError


def read_settings(path: Path, **overrides: object) -> ServerSettings:
    """The settings of server.yml (missing keys keep their defaults), then the overrides."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    known = {f.name for f in dataclasses.fields(ServerSettings)}
    unknown = sorted(set(data or {}) - known)
    if unknown:
        raise UsageError("unknown_setting", file=path.name, input=", ".join(unknown))
    values = {**(data or {}), **{k: v for k, v in overrides.items() if v is not None}}
    if isinstance(values.get("moderators"), list):
        values["moderators"] = tuple(values["moderators"])
    days = values.get("log_days", ServerSettings.log_days)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise UsageError("bad_log_days", file=path.name, input=str(days))
    return ServerSettings(**values)


def server_config(root: Path, settings: ServerSettings) -> tuple[str, Report]:
    report = Report()
    territories = load_territories(root / "sites", load_communes(root / "sites", report), report)
    redirects = load_redirects(root / "sites", territories, report)
    return (config(territories, settings, redirects) if not report.errors else ""), report
