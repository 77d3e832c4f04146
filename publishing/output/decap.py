"""The configuration of the in-browser editor (Decap CMS), generated from the schemas that
validate the content and from the data that gives their choices: never written twice.

Each collection is made from the pydantic model that `check` validates its files with
(publishing.load.*): every field of the model becomes a form field, required when the model
requires it, a choice list when the model takes a fixed set (themes, kinds, statuses) or when
the data does (communes, bassins, a directory's categories, the directories a Focus names), a
pattern when the model has one. French and Dutch side by side: Decap's i18n with one file per
language (`name.fr.md` / `name.nl.md`), the fields that must agree between languages duplicated.

`collections(project)` gives the collections, `config(project, backend)` the whole file.
"""
from __future__ import annotations

import types
import typing
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import jinja2
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from publishing.load import schema
from publishing.load.directories import DirectoryFile, EntrySchema
from publishing.load.events import EventMeta
from publishing.load.focus import FocusFile, FocusTextMeta
from publishing.load.items import TEXT_FIELDS
from publishing.load.news import NewsMeta, NoticeMeta
from publishing.load.syntheses import SynthesisMeta
from publishing.model import BASSINS, LANGS, Lookup, Project
from publishing.model.paths import AGENDA, DATED_FOLDERS, NEWS, NOTICES, SYNTHESES

Field = dict[str, Any]

# Texts a directory entry may write as one string for both languages (EntrySchema._one_text)
ONE_STRING = frozenset({"name", "description", "hours"})

DAY = r"^\d{4}-\d{2}-\d{2}$"
DAY_OR_MONTH = r"^\d{4}-\d{2}(-\d{2})?$"
MOMENT = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"
# The editor's interface is French ("locale" below); its words are theme/i18n's editor.* texts:
# editor.label.<field> and editor.hint.<field> for the form's fields.
EDITOR_LANG = "fr"


def _untranslated(key: str) -> str:
    return key


def label(t: Lookup, name: str) -> str:
    """A form field's label (editor.label.<name>); a field without one shows its name."""
    key = f"editor.label.{name}"
    text = t(key)
    return name if text == key else text


def hint(t: Lookup, name: str) -> str | None:
    """The hint under a field whose format matters (editor.hint.<name>), or None."""
    key = f"editor.hint.{name}"
    text = t(key)
    return None if text == key else text


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional[...], and whether None was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        return (args[0] if len(args) == 1 else typing.Union[tuple(args)]), optional  # noqa: UP007
    return annotation, False


def _options(values: list[str] | tuple[str, ...], labels: dict[str, str] | None = None) -> list[Any]:
    return [{"label": labels[v], "value": v} if labels and v in labels else v for v in values]


def field_of(name: str, info: FieldInfo, choices: dict[str, list[Any]], i18n: Any = None,
             t: Lookup = _untranslated) -> Field:
    """The form field of one schema field. choices: options taken from the data, by field name;
    t: the editor's interface texts (labels and hints)."""
    annotation, optional = _unwrap(info.annotation)
    out: Field = {"name": name, "label": label(t, name)}
    if hint(t, name):
        out["hint"] = hint(t, name)
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if name in choices:
        many = origin is list or any(typing.get_origin(a) is list for a in args)  # serves: a name or a list
        out.update(widget="select", options=choices[name], multiple=many)
    elif origin is Literal:
        out.update(widget="select", options=list(args))
    elif origin is list and typing.get_origin(args[0]) is Literal:
        out.update(widget="select", multiple=True, options=list(typing.get_args(args[0])))
    elif origin is list:
        out.update(widget="list")
    elif annotation is bool:
        out.update(widget="boolean", default=bool(info.default))
    elif annotation is int:
        out.update(widget="number", value_type="int")
        low = next((m.ge for m in info.metadata if getattr(m, "ge", None) is not None), None)
        if low is not None:
            out["min"] = low
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        out.update(widget="object", collapsed=False,
                   fields=[field_of(k, v, choices, t=t) for k, v in annotation.model_fields.items()])
        if optional or name in ONE_STRING:
            # Decap asks for the required fields of an object even when it is left out (an event
            # without an address), and shows an object written as one string ("name: BruZEL") empty:
            # there `check` alone asks for them.
            for sub in out["fields"]:
                sub["required"] = False
    elif annotation is date and info.metadata and name == "date":  # schema.DayOrMonth
        out.update(widget="string", pattern=[DAY_OR_MONTH, t("editor.pattern.day_or_month")])
    elif annotation is date:
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                   picker_utc=True)
    elif origin in (typing.Union, types.UnionType) and set(args) <= {date, datetime}:
        out.update(widget="string", pattern=[MOMENT, t("editor.pattern.moment")])
    else:  # str, or a str that may also be something else (online: a link or true)
        out.update(widget="string")
        pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
        if pattern:
            out["pattern"] = [pattern, t("editor.slug")]
    annotation_default = info.default if not info.is_required() else None
    if out.get("widget") == "select" and not out.get("multiple") and annotation_default not in (None, ...):
        out["default"] = annotation_default
    out["required"] = info.is_required() and not optional
    if i18n == "duplicate" and out.get("widget") == "object":  # Decap: an object is translatable, its fields duplicated
        out["i18n"] = True
        for sub in out["fields"]:
            sub["i18n"] = "duplicate"
    elif i18n is not None:
        out["i18n"] = i18n
    return out


def fields_of(model: type[BaseModel], choices: dict[str, list[Any]], shared: frozenset[str] | None = None,
              t: Lookup = _untranslated) -> list[Field]:
    """A model's form fields. shared: with i18n, the fields that are the same in every language
    (duplicated into each file); the others are each language's own. None: no i18n."""
    out = []
    for name, info in model.model_fields.items():
        i18n = None if shared is None else ("duplicate" if name in shared else True)
        out.append(field_of(name, info, choices, i18n, t))
    return out


def data_choices(project: Project) -> dict[str, list[Any]]:
    """Choices that come from the data files: communes (and parts of Bruxelles-Ville), bassins,
    directories; themes and kinds with their French names."""
    strings = project.strings
    lang = EDITOR_LANG
    areas = [{"label": area.name[lang] if area.id == c.id else f"{c.name[lang]} – {area.name[lang]}", "value": area.id}
             for c in project.communes.values() for area in c.areas]
    bassins = [{"label": t.name[lang], "value": t.id} for t in project.territories.values() if t.id in BASSINS]
    return {
        "commune": areas,
        "bassin": bassins,
        "directories": sorted(p.stem for p in (project.root / "directories").glob("*.y*ml")),
        "theme": _labelled(strings, "synthesis.theme.", SynthesisMeta, "theme"),
        "themes": _labelled(strings, "synthesis.theme.", SynthesisMeta, "theme"),
        "kind": _labelled(strings, "synthesis.kind.", SynthesisMeta, "kind"),
    }


def _labelled(strings: Any, prefix: str, model: type[BaseModel], name: str) -> list[Any]:
    annotation, _ = _unwrap(model.model_fields[name].annotation)
    values = typing.get_args(annotation)
    t = strings.for_lang(EDITOR_LANG)
    return [{"label": t(prefix + v) if t(prefix + v) != prefix + v else v, "value": v}
            for v in values]


def _folder(name: str, title: str, folder: str, fields: list[Field], t: Lookup, **extra: Any) -> dict[str, Any]:
    return {"name": name, "label": title, "folder": folder, "create": True, "extension": "md",
            "format": "frontmatter", "i18n": True, "media_folder": "", "public_folder": "",
            "fields": fields + [{"name": "body", "label": label(t, "body"), "widget": "markdown", "required": False,
                                 "i18n": True}], **extra}


# folder -> (its collections' label: editor.collection.<key>, schema, the field whose date names the file)
DATED: dict[str, tuple[str, type[BaseModel], str]] = {
    SYNTHESES: ("syntheses", SynthesisMeta, "date"),
    NEWS: ("news", NewsMeta, "date"),
    AGENDA: ("agenda", EventMeta, "start"),
    NOTICES: ("notices", NoticeMeta, "date"),
}


def collections(project: Project) -> list[dict[str, Any]]:
    t = project.strings.for_lang(EDITOR_LANG)
    choices = data_choices(project)
    out: list[dict[str, Any]] = []
    page_fields = fields_of(schema.PageMeta, choices, frozenset(), t)
    # pages: every folder of content/ that holds pages (shared, bassins, a territory, a sub-folder)
    content = project.root / "content"
    names = {territory.id: territory.name[EDITOR_LANG] for territory in project.territories.values()}
    names.update(shared=t("editor.collection.shared"), bassins=t("editor.collection.bassins"))
    for top in ["shared", "bassins", *project.territories]:
        base = content / top
        folders = [base] + sorted(p for p in base.rglob("*") if p.is_dir() and p.name not in DATED_FOLDERS
                                  and not set(p.relative_to(base).parts) & set(DATED_FOLDERS))
        for folder in folders:
            rel = folder.relative_to(content).as_posix()
            title = (f"{t('editor.collection.pages')} · {names.get(top, top)}"
                     + ("" if folder == base else f" · {folder.relative_to(base)}"))
            out.append(_folder("pages-" + rel.replace("/", "-"), title, f"content/{rel}", page_fields, t,
                               slug="{{slug}}", summary="{{title}}"))
    # dated items of each territory
    for dated, (key, model, day) in DATED.items():
        shared = frozenset(model.model_fields) - TEXT_FIELDS
        fields = fields_of(model, choices, shared, t)
        for tid, territory in project.territories.items():
            out.append(_folder(f"{dated}-{tid}", f"{t(f'editor.collection.{key}')} · {territory.name[EDITOR_LANG]}",
                               f"content/{tid}/{dated}", fields, t,
                               slug=f"{{{{fields.{day} | date('YYYY-MM-DD')}}}}-{{{{slug}}}}",
                               summary=f"{{{{{day}}}}} · {{{{title}}}}", sortable_fields=[day, "title"]))
    # Focus: the texts (index.fr.md / index.nl.md) and the settings (focus.yml) of each folder
    focus_text = _folder("focus", t("editor.collection.focus_texts"), "focus",
                         fields_of(FocusTextMeta, choices, frozenset(), t), t,
                         path="{{slug}}/index", slug="{{slug}}", summary="{{title}}")
    out.append(focus_text)
    out.append({"name": "focus-settings", "label": t("editor.collection.focus_settings"), "folder": "focus",
                "path": "{{slug}}/focus", "create": False, "extension": "yml", "format": "yml",
                "identifier_field": "updated", "summary": "{{dirname}}", "fields": fields_of(FocusFile, choices, t=t)})
    # directories: one form per file, its categories the choices of its entries
    for slug, directory in sorted(project.directories.items()):
        out.append(directory_collection(slug, directory.title[EDITOR_LANG], [c.id for c in directory.categories],
                                        {c.id: c.label[EDITOR_LANG] for c in directory.categories}, choices, t))
    return out


def directory_collection(slug: str, title: str, category_ids: list[str], category_names: dict[str, str],
                         choices: dict[str, list[Any]], t: Lookup) -> dict[str, Any]:
    own = {**choices, "categories": _options(category_ids, category_names),
           "serves": [{"label": t("editor.whole_region"), "value": "region"}, *choices["bassin"]]}
    fields = []
    for name, info in DirectoryFile.model_fields.items():
        if name == "categories":  # an id -> {fr, nl} mapping: one bilingual name per declared category
            fields.append({"name": name, "label": label(t, name), "widget": "object", "required": False,
                           "fields": [{**field_of(cid, DirectoryFile.model_fields["title"], choices, t=t),
                                       "label": category_names.get(cid, cid)} for cid in category_ids]})
        elif name == "entries":
            fields.append({"name": name, "label": label(t, name), "widget": "list", "required": False,
                           "summary": "{{fields.name.fr}}", "fields": fields_of(EntrySchema, own, t=t)})
        else:
            fields.append(field_of(name, info, choices, t=t))
    return {"name": f"repertoire-{slug}", "label": f"{t('editor.collection.directory')} · {title}", "files": [
        {"name": slug, "label": title, "file": f"directories/{slug}.yml", "fields": fields}]}


def config(project: Project, backend: dict[str, Any], local: str | None = None) -> dict[str, Any]:
    """The whole config.yml. backend: Decap's backend block; local: the local backend's URL
    (decap-server on loopback) for `make edit`, None for the deployed /admin/."""
    out: dict[str, Any] = {
        "locale": EDITOR_LANG,
        "backend": backend,
        "media_folder": "content/shared",  # every collection keeps its images beside its texts
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": list(LANGS), "default_locale": "fr"},
        "collections": collections(project),
    }
    if backend.get("name") in ("github", "gitlab", "gitea", "forgejo") and backend.get("workflow", True):
        out["publish_mode"] = "editorial_workflow"
    backend.pop("workflow", None)
    if local:
        out["local_backend"] = {"url": local, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return out


def schema_models() -> dict[str, type[BaseModel]]:
    """The schemas the collections are made from, by collection name prefix (for the tests)."""
    return {"pages-": schema.PageMeta, f"{SYNTHESES}-": SynthesisMeta, f"{NEWS}-": NewsMeta,
            f"{AGENDA}-": EventMeta, f"{NOTICES}-": NoticeMeta, "focus": FocusTextMeta,
            "focus-settings": FocusFile, "repertoire-": DirectoryFile}


def _template(root: Path, name: str) -> jinja2.Template:
    """A file of theme/admin/: the editor's page (HTML, escaped) or its script (JavaScript, whose
    values go through tojson)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(root / "theme" / "admin")),
                             autoescape=name.endswith(".html"), undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template(name)


def admin_page(project: Project) -> str:
    """The editor's page (theme/admin/index.html): Decap's bundle and our script, from this folder."""
    return _template(project.root, "index.html").render(lang=EDITOR_LANG,
                                                        t=project.strings.for_lang(EDITOR_LANG))


def preview_script(root: Path, stylesheets: list[str], texts: tuple[str, ...] | list[str] = ()) -> str:
    """Registers the site's stylesheets in the preview pane, and for the collections of texts
    (texts: their names) a template that lays them out as the site does (theme/admin/preview.js)."""
    return _template(root, "preview.js").render(stylesheets=stylesheets, texts=list(texts))


def bundle_files(decap_dist: Path) -> list[Path]:
    """What the editor page loads from Decap's build: the bundle, its chunks, its WebAssembly."""
    return sorted(p for p in decap_dist.iterdir()
                  if (p.name.endswith("decap-cms.js") or p.suffix == ".wasm") and not p.name.startswith("cms"))
