"""The editor's configuration (Decap CMS) is generated from the schemas that validate the content
and from the data: every schema field is a form field, required when the schema requires it,
with the schema's choices; the collections write where the loaders read."""
from __future__ import annotations

import typing
from pathlib import Path

import pytest
import yaml

from publishing.commands.admin import backend_of, config_text
from publishing.commands.check import load_project
from publishing.output import decap
from publishing.output.nginx import ServerSettings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def conf() -> dict:
    project, _strings, _report = load_project(ROOT, checks=False)
    text = config_text(decap.config(project, backend_of(ServerSettings())))
    return yaml.safe_load(text)


def by_name(conf: dict) -> dict[str, dict]:
    return {c["name"]: c for c in conf["collections"]}


def form_fields(collection: dict) -> list[dict]:
    if "files" in collection:
        return collection["files"][0]["fields"]
    return collection["fields"]


def agree(model, fields: list[dict], where: str, loose: bool = False) -> None:
    """Every field of the schema is in the form, required exactly when the schema requires it,
    a choice list holding the schema's values when the schema has a fixed set; nothing more.
    loose: the fields of an optional object (or of a text that may be one string), which Decap
    cannot require only when the object is there: `check` does."""
    named = {f["name"]: f for f in fields if f["name"] != "body"}
    assert set(named) == set(model.model_fields), where
    for name, info in model.model_fields.items():
        f = named[name]
        required = info.is_required() and type(None) not in typing.get_args(info.annotation)
        assert f["required"] is (required and not loose), f"{where}.{name}"
        annotation = decap._unwrap(info.annotation)[0]
        literal = annotation
        if typing.get_origin(annotation) is list:
            literal = typing.get_args(annotation)[0]
        if typing.get_origin(literal) is typing.Literal:
            values = {o["value"] if isinstance(o, dict) else o for o in f["options"]}
            assert values == set(typing.get_args(literal)), f"{where}.{name}"
        if isinstance(annotation, type) and issubclass(annotation, decap.BaseModel) and "fields" in f:
            agree(annotation, f["fields"], f"{where}.{name}",
                  loose=type(None) in typing.get_args(info.annotation) or name in decap.ONE_STRING)


def test_every_schema_field_is_in_its_collection(conf):
    collections = by_name(conf)
    models = decap.schema_models()
    seen = set()
    for name, collection in collections.items():
        prefix = next((p for p in sorted(models, key=len, reverse=True) if name == p or
                       (p.endswith("-") and name.startswith(p))), None)
        assert prefix is not None, f"collection {name} made from no schema"
        seen.add(prefix)
        agree(models[prefix], form_fields(collection), name)
    assert seen == set(models)


def test_directory_entries_follow_the_entry_schema(conf):
    from publishing.load.directories import EntrySchema

    for name, collection in by_name(conf).items():
        if name.startswith("repertoire-"):
            entries = next(f for f in form_fields(collection) if f["name"] == "entries")
            agree(EntrySchema, entries["fields"], name + ".entries")


def test_choices_come_from_the_data(conf):
    project, _strings, _report = load_project(ROOT, checks=False)
    event = by_name(conf)["agenda-sud"]
    address = next(f for f in event["fields"] if f["name"] == "address")
    communes = next(f for f in address["fields"] if f["name"] == "commune")
    values = {o["value"] for o in communes["options"]}
    assert "forest" in values and "bruxelles/laeken" in values  # parts of Bruxelles-Ville by their id
    assert values == {a.id for c in project.communes.values() for a in c.areas}
    directory = by_name(conf)["repertoire-sante-mentale"]
    entries = next(f for f in form_fields(directory) if f["name"] == "entries")
    categories = next(f for f in entries["fields"] if f["name"] == "categories")
    declared = {c.id for c in project.directories["sante-mentale"].categories}
    assert {o["value"] for o in categories["options"]} == declared
    focus = next(f for f in by_name(conf)["focus-settings"]["fields"] if f["name"] == "directories")
    assert set(focus["options"]) == set(project.directories)


def test_french_and_dutch_side_by_side_in_one_file_each(conf):
    assert conf["locale"] == "fr"
    assert conf["i18n"] == {"structure": "multiple_files", "locales": ["fr", "nl"], "default_locale": "fr"}
    event = by_name(conf)["agenda-sud"]
    assert event["folder"] == "content/sud/agenda" and event["i18n"] is True
    i18n = {f["name"]: f["i18n"] for f in event["fields"]}
    assert i18n["title"] is True and i18n["start"] == "duplicate" and i18n["themes"] == "duplicate"
    assert event["slug"].startswith("{{fields.start | date('YYYY-MM-DD')}}-")
    assert by_name(conf)["focus"]["path"] == "{{slug}}/index"


def test_one_setting_chooses_the_git_host():
    gitea = backend_of(ServerSettings(editor_backend="gitea", editor_repo="brusano/sites",
                                      editor_host="https://git.example.org"))
    assert gitea["name"] == "gitea" and gitea["api_root"] == "https://git.example.org/api/v1"
    github = backend_of(ServerSettings(editor_backend="github"))
    assert github["name"] == "github" and "api_root" not in github


def test_a_schema_field_added_appears_in_the_editor(monkeypatch):
    from pydantic import create_model

    from publishing.load.events import EventMeta

    bigger = create_model("Bigger", __base__=EventMeta, accessibility=(str, ...))
    fields = decap.fields_of(bigger, {}, frozenset())
    added = next(f for f in fields if f["name"] == "accessibility")
    assert added["required"] is True and added["widget"] == "string"
