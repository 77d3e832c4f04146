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

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from publishing.load import schema
from publishing.load.directories import DirectoryFile, EntrySchema
from publishing.load.events import EventMeta
from publishing.load.focus import FocusFile, FocusTextMeta
from publishing.load.items import TEXT_FIELDS
from publishing.load.news import NewsMeta, NoticeMeta
from publishing.load.syntheses import SynthesisMeta
from publishing.model import BASSINS, LANGS, Project
from publishing.model.paths import AGENDA, DATED_FOLDERS, NEWS, NOTICES, SYNTHESES

Field = dict[str, Any]

# Texts a directory entry may write as one string for both languages (EntrySchema._one_text)
ONE_STRING = frozenset({"name", "description", "hours"})

DAY = r"^\d{4}-\d{2}-\d{2}$"
DAY_OR_MONTH = r"^\d{4}-\d{2}(-\d{2})?$"
MOMENT = r"^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$"
SLUG_TEXT = "des minuscules sans accents, des chiffres et des tirets (ex. : aide-a-domicile)"

# Labels of the form's fields (French interface); a field without one shows its name.
LABELS = {
    "title": "Titre", "description": "Description", "summary": "Résumé", "nav": "Position dans le menu",
    "updated": "Mis à jour le", "draft": "Brouillon (non publié)", "hide": "Masquer",
    "date": "Date", "kind": "Type de réunion", "theme": "Thème", "themes": "Thèmes",
    "participants": "Nombre de participants", "source": "Source (pour l'équipe, non publiée)",
    "image": "Image", "image_alt": "Description de l'image", "partner": "Partenaire",
    "website": "Site web", "until": "Affiché jusqu'au",
    "submitter": "Envoyé par (formulaire ; privé, jamais publié)", "start": "Début", "end": "Fin", "venue": "Lieu",
    "address": "Adresse", "street": "Rue et numéro", "postcode": "Code postal", "commune": "Commune",
    "online": "En ligne (lien)", "organiser": "Organisateur", "audience": "Public",
    "registration": "Inscription (lien)",
    "price": "Prix", "status": "Statut", "region": "Concerne aussi la Région", "directories": "Répertoires",
    "cover": "Couleur de couverture", "id": "Identifiant", "name": "Nom",
    "organisation": "Organisation",
    "bassin": "Bassin", "serves": "Territoire desservi", "phone": "Téléphone", "email": "E-mail",
    "languages": "Langues (codes : fr, nl, en…)", "hours": "Horaires", "categories": "Catégories",
    "social_brussels": "Fiche Social.brussels (numéro)", "verified": "Vérifié avec le service le",
    "intro": "Introduction", "entries": "Services", "fr": "Français", "nl": "Nederlands", "body": "Texte",
}

# Hints under the fields where the format matters (what `check` would otherwise report)
HINTS = {
    "start": "AAAA-MM-JJ (toute la journée) ou AAAA-MM-JJ HH:MM, heure de Bruxelles",
    "end": "AAAA-MM-JJ ou AAAA-MM-JJ HH:MM, pas avant le début",
    "date": "AAAA-MM-JJ (ou AAAA-MM quand seul le mois est connu)",
    "phone": "+32 2 123 45 67",
    "registration": "une adresse https://",
    "online": "une adresse https://",
    "cover": "une couleur, ex. #1b4f8a (texte blanc lisible dessus)",
    "id": SLUG_TEXT,
}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """The type inside Optional[...], and whether None was allowed."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        return (args[0] if len(args) == 1 else typing.Union[tuple(args)]), optional  # noqa: UP007
    return annotation, False


def _options(values: list[str] | tuple[str, ...], labels: dict[str, str] | None = None) -> list[Any]:
    return [{"label": labels[v], "value": v} if labels and v in labels else v for v in values]


def field_of(name: str, info: FieldInfo, choices: dict[str, list[Any]], i18n: Any = None) -> Field:
    """The form field of one schema field. choices: options taken from the data, by field name."""
    annotation, optional = _unwrap(info.annotation)
    out: Field = {"name": name, "label": LABELS.get(name, name)}
    if name in HINTS:
        out["hint"] = HINTS[name]
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
                   fields=[field_of(k, v, choices) for k, v in annotation.model_fields.items()])
        if optional or name in ONE_STRING:
            # Decap asks for the required fields of an object even when it is left out (an event
            # without an address), and shows an object written as one string ("name: BruZEL") empty:
            # there `check` alone asks for them.
            for sub in out["fields"]:
                sub["required"] = False
    elif annotation is date and info.metadata and name == "date":  # schema.DayOrMonth
        out.update(widget="string", pattern=[DAY_OR_MONTH, "AAAA-MM-JJ ou AAAA-MM"])
    elif annotation is date:
        out.update(widget="datetime", format="YYYY-MM-DD", date_format="YYYY-MM-DD", time_format=False,
                   picker_utc=True)
    elif origin in (typing.Union, types.UnionType) and set(args) <= {date, datetime}:
        out.update(widget="string", pattern=[MOMENT, "AAAA-MM-JJ ou AAAA-MM-JJ HH:MM"])
    else:  # str, or a str that may also be something else (online: a link or true)
        out.update(widget="string")
        pattern = next((m.pattern for m in info.metadata if getattr(m, "pattern", None)), None)
        if pattern:
            out["pattern"] = [pattern, SLUG_TEXT]
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


def fields_of(model: type[BaseModel], choices: dict[str, list[Any]], shared: frozenset[str] | None = None
              ) -> list[Field]:
    """A model's form fields. shared: with i18n, the fields that are the same in every language
    (duplicated into each file); the others are each language's own. None: no i18n."""
    out = []
    for name, info in model.model_fields.items():
        i18n = None if shared is None else ("duplicate" if name in shared else True)
        out.append(field_of(name, info, choices, i18n))
    return out


def data_choices(project: Project) -> dict[str, list[Any]]:
    """Choices that come from the data files: communes (and parts of Bruxelles-Ville), bassins,
    directories; themes and kinds with their French names."""
    strings = project.strings
    areas = [{"label": area.name.fr if area.id == c.id else f"{c.name.fr} – {area.name.fr}", "value": area.id}
             for c in project.communes.values() for area in c.areas]
    bassins = [{"label": t.name.fr, "value": t.id} for t in project.territories.values() if t.id in BASSINS]
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
    return [{"label": strings.t("fr", prefix + v) if strings.t("fr", prefix + v) != prefix + v else v, "value": v}
            for v in values]


def _folder(name: str, label: str, folder: str, fields: list[Field], **extra: Any) -> dict[str, Any]:
    return {"name": name, "label": label, "folder": folder, "create": True, "extension": "md",
            "format": "frontmatter", "i18n": True, "media_folder": "", "public_folder": "",
            "fields": fields + [{"name": "body", "label": LABELS["body"], "widget": "markdown", "required": False,
                                 "i18n": True}], **extra}


DATED: dict[str, tuple[str, type[BaseModel], str]] = {  # folder -> (label, schema, the field whose date names the file)
    SYNTHESES: ("Synthèses", SynthesisMeta, "date"),
    NEWS: ("Actualités", NewsMeta, "date"),
    AGENDA: ("Agenda", EventMeta, "start"),
    NOTICES: ("Valves partenaires", NoticeMeta, "date"),
}


def collections(project: Project) -> list[dict[str, Any]]:
    choices = data_choices(project)
    out: list[dict[str, Any]] = []
    page_fields = fields_of(schema.PageMeta, choices, frozenset())
    # pages: every folder of content/ that holds pages (shared, bassins, a territory, a sub-folder)
    content = project.root / "content"
    names = {t.id: t.name.fr for t in project.territories.values()}
    names.update(shared="les six sites", bassins="les cinq bassins")
    for top in ["shared", "bassins", *project.territories]:
        base = content / top
        folders = [base] + sorted(p for p in base.rglob("*") if p.is_dir() and p.name not in DATED_FOLDERS
                                  and not set(p.relative_to(base).parts) & set(DATED_FOLDERS))
        for folder in folders:
            rel = folder.relative_to(content).as_posix()
            label = f"Pages · {names.get(top, top)}" + ("" if folder == base else f" · {folder.relative_to(base)}")
            out.append(_folder("pages-" + rel.replace("/", "-"), label, f"content/{rel}", page_fields,
                               slug="{{slug}}", summary="{{title}}"))
    # dated items of each territory
    for dated, (label, model, day) in DATED.items():
        shared = frozenset(model.model_fields) - TEXT_FIELDS
        fields = fields_of(model, choices, shared)
        for tid, territory in project.territories.items():
            out.append(_folder(f"{dated}-{tid}", f"{label} · {territory.name.fr}", f"content/{tid}/{dated}",
                               fields, slug=f"{{{{fields.{day} | date('YYYY-MM-DD')}}}}-{{{{slug}}}}",
                               summary=f"{{{{{day}}}}} · {{{{title}}}}", sortable_fields=[day, "title"]))
    # Focus: the texts (index.fr.md / index.nl.md) and the settings (focus.yml) of each folder
    focus_text = _folder("focus", "Focus · textes", "focus", fields_of(FocusTextMeta, choices, frozenset()),
                         path="{{slug}}/index", slug="{{slug}}", summary="{{title}}")
    out.append(focus_text)
    out.append({"name": "focus-settings", "label": "Focus · réglages", "folder": "focus", "path": "{{slug}}/focus",
                "create": False, "extension": "yml", "format": "yml", "identifier_field": "updated",
                "summary": "{{dirname}}", "fields": fields_of(FocusFile, choices)})
    # directories: one form per file, its categories the choices of its entries
    for slug, directory in sorted(project.directories.items()):
        out.append(directory_collection(slug, directory.title.fr, [c.id for c in directory.categories],
                                        {c.id: c.label.fr for c in directory.categories}, choices))
    return out


def directory_collection(slug: str, title: str, category_ids: list[str], category_names: dict[str, str],
                         choices: dict[str, list[Any]]) -> dict[str, Any]:
    own = {**choices, "categories": _options(category_ids, category_names),
           "serves": [{"label": "Toute la Région", "value": "region"}, *choices["bassin"]]}
    fields = []
    for name, info in DirectoryFile.model_fields.items():
        if name == "categories":  # an id -> {fr, nl} mapping: one bilingual name per declared category
            fields.append({"name": name, "label": LABELS[name], "widget": "object", "required": False,
                           "fields": [{**field_of(cid, DirectoryFile.model_fields["title"], choices),
                                       "label": category_names.get(cid, cid)} for cid in category_ids]})
        elif name == "entries":
            fields.append({"name": name, "label": LABELS[name], "widget": "list", "required": False,
                           "summary": "{{fields.name.fr}}", "fields": fields_of(EntrySchema, own)})
        else:
            fields.append(field_of(name, info, choices))
    return {"name": f"repertoire-{slug}", "label": f"Répertoire · {title}", "files": [
        {"name": slug, "label": title, "file": f"directories/{slug}.yml", "fields": fields}]}


def config(project: Project, backend: dict[str, Any], local: str | None = None) -> dict[str, Any]:
    """The whole config.yml. backend: Decap's backend block; local: the local backend's URL
    (decap-server on loopback) for `make edit`, None for the deployed /admin/."""
    out: dict[str, Any] = {
        "locale": "fr",
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


def admin_page(title: str = "Brusano · éditeur") -> str:
    """The editor's page: Decap's bundle and our script, from this folder; no inline script."""
    return ("<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"robots\" content=\"noindex\">\n"
            f"<title>{title}</title>\n<link rel=\"icon\" href=\"favicon.svg\">\n"
            "<link rel=\"cms-config-url\" type=\"text/yaml\" href=\"config.yml\">\n</head>\n<body>\n"
            "<script src=\"decap-cms.js\"></script>\n<script src=\"preview.js\"></script>\n</body>\n</html>\n")


# A text in the preview pane as the site shows it: Material's content column and typography
PREVIEW_TEMPLATE = """var BrusanoText = createClass({
  render: function () {
    var data = this.props.entry.get("data");
    return h("div", {className: "md-content", "data-md-component": "content"},
      h("article", {className: "md-content__inner md-typeset"},
        h("h1", {}, data.get("title")),
        h("p", {}, h("em", {}, data.get("summary") || data.get("description") || "")),
        this.props.widgetFor("body")));
  }
});
"""


def preview_script(stylesheets: list[str], texts: tuple[str, ...] | list[str] = ()) -> str:
    """Registers the site's stylesheets in the preview pane, and for the collections of texts
    (texts: their names) a template that lays them out as the site does."""
    lines = [f"CMS.registerPreviewStyle({name!r});" for name in stylesheets]
    if texts:
        lines.append(PREVIEW_TEMPLATE)
        lines += [f"CMS.registerPreviewTemplate({name!r}, BrusanoText);" for name in texts]
    return "// The site's look in the editor's preview pane (generated by build.py admin)\n" + "\n".join(lines) + "\n"


def bundle_files(decap_dist: Path) -> list[Path]:
    """What the editor page loads from Decap's build: the bundle, its chunks, its WebAssembly."""
    return sorted(p for p in decap_dist.iterdir()
                  if (p.name.endswith("decap-cms.js") or p.suffix == ".wasm") and not p.name.startswith("cms"))
