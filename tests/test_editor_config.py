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
    project, _report = load_project(ROOT, checks=False)
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
    project, _report = load_project(ROOT, checks=False)
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


def test_the_relaxed_policy_applies_to_admin_alone():
    from publishing.commands.server_config import server_config
    from publishing.output.nginx import CSP

    text, report = server_config(ROOT, ServerSettings(editor_backend="gitea", editor_host="https://git.example.org"))
    assert not report.errors
    blocks = text.split("location ^~ /admin/ {")
    assert len(blocks) == 2  # one /admin/, on the region's domain
    admin = blocks[1].split("}", 1)[0]
    assert "'unsafe-eval'" in admin and "connect-src 'self' https://git.example.org" in admin
    assert "X-Frame-Options" in admin and "Strict-Transport-Security" in admin  # the other headers, given again
    assert "'unsafe-eval'" not in CSP and "'unsafe-eval'" not in blocks[0] + blocks[1].split("}", 1)[1]
    region = text[:text.index("location ^~ /admin/")].rsplit("server_name ", 1)[1].split(";")[0]
    assert region == "brusano.brussels" or "brusano" in region


@pytest.mark.slow
def test_the_admin_folder_holds_everything_the_editor_loads(tmp_path):
    from publishing.commands.admin import DECAP_DIST, write_admin

    if not (ROOT / DECAP_DIST / "decap-cms.js").is_file():
        pytest.skip("Decap CMS not installed: npm ci --ignore-scripts")
    report = write_admin(ROOT, tmp_path / "admin")
    assert not report.errors
    page = (tmp_path / "admin/index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in page and "<script>" not in page  # no inline script
    names = {p.name for p in (tmp_path / "admin").iterdir()}
    assert {"decap-cms.js", "config.yml", "preview.js", "brusano.css"} <= names
    assert any(n.startswith("main.") and n.endswith(".css") for n in names)  # Material's stylesheet
    preview = (tmp_path / "admin/preview.js").read_text(encoding="utf-8")
    assert 'registerPreviewStyle("brusano.css")' in preview
    assert 'registerPreviewTemplate("agenda-sud", BrusanoText)' in preview and "md-typeset" in preview
    conf = yaml.safe_load((tmp_path / "admin/config.yml").read_text(encoding="utf-8"))
    assert conf["backend"]["name"] == "gitlab" and conf["publish_mode"] == "editorial_workflow"
    assert "local_backend" not in conf
    for name in names:  # the bundle names no font or script host to fetch from
        if name.endswith(".js") or name.endswith(".css"):
            text = (tmp_path / "admin" / name).read_text(encoding="utf-8", errors="replace")
            for host in ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net"):
                assert host not in text, f"{name} names {host}"


def test_serves_written_as_a_list_by_the_editor_still_means_the_region(tmp_path):
    from tests.support import HOME, make_repo

    root = make_repo(tmp_path, HOME + """
    -- directories/liste.yml --
    title: {fr: Liste, nl: Lijst}
    entries:
      - id: service-liste
        name: {fr: "Service fictif", nl: "Fictieve dienst"}
        description: {fr: "Un service fictif.", nl: "Een fictieve dienst."}
        serves: [region]
    """)
    project, report = load_project(root, checks=False)
    assert not report.errors, report.render()
    (entry,) = project.directories["liste"].entries
    assert entry.region_wide
