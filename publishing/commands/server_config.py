"""`build.py server-config`: the nginx configuration of the eleven domains, from sites/ and server.yml."""
from __future__ import annotations

import dataclasses
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import create_model

from publishing.load import schema
from publishing.load.redirects import load_redirects
from publishing.load.territories import load_communes, load_territories
from publishing.output.nginx import ServerSettings, config
from publishing.problems import ContentError, Report

# The schema of server.yml, derived from ServerSettings (one field a key, its type and default)
# and read as the content is (publishing.load.schema: unknown keys, wrong types, with their lines),
# with the choices the dataclass does not spell.
CHOICES: dict[str, Any] = {"editor_backend": Literal["gitlab", "github", "gitea", "forgejo"]}
_TYPES = typing.get_type_hints(ServerSettings)
ServerFile = create_model(  # type: ignore[call-overload]
    "ServerFile", __base__=schema.Strict,
    **{f.name: (CHOICES.get(f.name, _TYPES[f.name]), f.default) for f in dataclasses.fields(ServerSettings)})


def load_settings(path: Path, report: Report) -> ServerSettings | None:
    """The settings of server.yml (missing keys keep their defaults; no file: every default), or
    None after reporting its problems with their lines."""
    if not path.exists():
        return ServerSettings()
    loaded = schema.load_validated(ServerFile, path, report)
    return None if loaded is None else ServerSettings(**loaded[0].model_dump())


def read_settings(path: Path, **overrides: Any) -> ServerSettings:
    """The settings of server.yml, then the overrides; ContentError with the file's problems."""
    report = Report(path.parent)
    settings = load_settings(path, report)
    if settings is None:
        raise ContentError(report)
    return dataclasses.replace(settings, **{k: v for k, v in overrides.items() if v is not None})


def server_config(root: Path, settings: ServerSettings) -> tuple[str, Report]:
    report = Report()
    territories = load_territories(root / "sites", load_communes(root / "sites", report), report)
    redirects = load_redirects(root / "sites", territories, report)
    return (config(territories, settings, redirects) if not report.errors else ""), report
