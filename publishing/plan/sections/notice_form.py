"""The form a partner proposes a notice with (« Proposer une annonce » / « Een bericht voorstellen »),
beside the notices of every site, and the two pages nginx answers with when a submission is too
large or comes too often.

Its fields are made from the notice schema (publishing.load.news.NoticeMeta): the header's texts
once per language (title, summary, the image's description) and the body, then the notice's own
fields (partner, website, until, themes), the image, and the form's own: the language(s) of the
text, the submitter's name and e-mail (for the moderators, never published), the consent, and a
trap field people never see. The page works without JavaScript; theme/web/assets/notice-form.js
adds a live character count and shows only the chosen languages' texts.

The submission service (publishing.service) renders the same template with the partner's values
and each problem next to its field, into the built page between the two FORM_MARKS.
"""
from __future__ import annotations

import html
import typing
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from markupsafe import Markup

from publishing.load.items import TEXT_FIELDS
from publishing.load.news import NoticeMeta, until_limit
from publishing.model import LANGS, Lookup, Territory
from publishing.model.paths import (
    NOTICE_BODY_MB,
    NOTICE_FORM,
    NOTICE_IMAGE_MB,
    NOTICE_SUBMIT,
    NOTICE_THANKS,
    NOTICE_TOO_LARGE,
    NOTICE_TOO_MANY,
    NOTICE_UNAVAILABLE,
)
from publishing.plan import templates
from publishing.plan.sections.context import SectionContext

FORM = NOTICE_FORM  # the form's page
ACTION = NOTICE_SUBMIT.rsplit("/", 1)[-1]  # where it posts, beside it (nginx proxies it to the service)
THANKS, TOO_LARGE, TOO_MANY, UNAVAILABLE = NOTICE_THANKS, NOTICE_TOO_LARGE, NOTICE_TOO_MANY, NOTICE_UNAVAILABLE
FORM_MARKS = ("<!-- bp-notice-form -->", "<!-- /bp-notice-form -->")  # the service replaces what is between
TEMPLATE = "notice_form.html"

# Characters at most in each text (the live count shows them): a notice is short
MAX_LENGTH = {"title": 120, "summary": 300, "body": 4000, "image_alt": 250, "partner": 120, "website": 300,
              "submitter_name": 120, "submitter_email": 200}
IMAGE_MB, BODY_MB = NOTICE_IMAGE_MB, NOTICE_BODY_MB

# The header's keys the form does not ask: set by the service (date, image's file name, source, draft,
# submitter), or one per language (TEXT_FIELDS)
SET_BY_SERVICE = frozenset({"date", "image", "source", "draft", "submitter"})
LANG_CHOICES = ("fr", "nl", "both")
TRAP = "website2"  # the honeypot: hidden from people, filled by robots


@dataclass(frozen=True)
class FormField:
    """One field of the form: its name in the request, what it holds, and the header key it fills."""

    name: str  # "title_fr", "until", "consent"
    kind: str  # text, textarea, url, email, date, themes, file, langs, consent, trap
    required: bool = False  # always (the language's texts: when its language is chosen; image_alt: with an image)
    key: str = ""  # the notice header's key, "body" for the text, "" for the form's own fields
    lang: str = ""  # the language of a text
    max_length: int | None = None


def notice_fields() -> tuple[list[FormField], dict[str, list[FormField]], list[FormField]]:
    """(the notice's own fields, each language's texts, the submitter's fields), from NoticeMeta."""
    texts: dict[str, list[FormField]] = {lang: [] for lang in LANGS}
    shared: list[FormField] = []
    for key, info in NoticeMeta.model_fields.items():
        if key in SET_BY_SERVICE:
            continue
        if key in TEXT_FIELDS:
            for lang in LANGS:
                texts[lang].append(FormField(f"{key}_{lang}", "textarea" if key == "summary" else "text",
                                             required=info.is_required(), key=key, lang=lang,
                                             max_length=MAX_LENGTH.get(key)))
            if key == "summary":  # the text comes after the summary
                for lang in LANGS:
                    texts[lang].append(FormField(f"body_{lang}", "textarea", required=True, key="body", lang=lang,
                                                 max_length=MAX_LENGTH["body"]))
            continue
        kind = {"until": "date", "themes": "themes", "website": "url"}.get(key, "text")
        shared.append(FormField(key, kind, required=info.is_required(), key=key, max_length=MAX_LENGTH.get(key)))
    shared.append(FormField("image", "file", key="image"))
    person = [FormField("submitter_name", "text", required=True, max_length=MAX_LENGTH["submitter_name"]),
              FormField("submitter_email", "email", required=True, max_length=MAX_LENGTH["submitter_email"]),
              FormField("consent", "consent", required=True)]
    return shared, texts, person


def all_fields() -> list[FormField]:
    shared, texts, person = notice_fields()
    return [FormField("langs", "langs", required=True), *[f for lang in LANGS for f in texts[lang]], *shared,
            *person, FormField(TRAP, "trap")]


def theme_choices() -> tuple[str, ...]:
    """The themes a notice may have: the Literal of NoticeMeta.themes."""
    annotation = NoticeMeta.model_fields["themes"].annotation
    (literal,) = typing.get_args(annotation)
    return typing.get_args(literal)


@dataclass
class FormState:
    """What the form shows: the partner's values and problems (by field name), or nothing yet."""

    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    refused: str = ""  # a reason the whole submission was refused (queue full, trap)


def view(t: Lookup, lang: str, today: date, privacy_url: str, state: FormState | None = None) -> dict[str, Any]:
    """The template's values: every field with its label, help, value and problems."""
    state = state or FormState()
    shared, texts, person = notice_fields()

    def one(f: FormField) -> dict[str, Any]:
        key = f.key or f.name
        out: dict[str, Any] = {
            "name": f.name, "id": f"bp-{f.name.replace('_', '-')}", "kind": f.kind, "required": f.required,
            "label": t(f"submission.field.{key}"), "help": t(f"submission.help.{key}"),
            "value": state.values.get(f.name, ""), "errors": state.errors.get(f.name, []),
            "max_length": f.max_length, "lang": f.lang, "min": "", "max": "",
        }
        if out["help"] == f"submission.help.{key}":
            out["help"] = ""
        if f.kind == "themes":
            chosen = state.values.get(f.name) or []
            out["options"] = [{"value": v, "label": t(f"synthesis.theme.{v}"), "checked": v in chosen}
                              for v in theme_choices()]
        if f.kind == "date":
            out["min"], out["max"] = today.isoformat(), until_limit(today).isoformat()
        return out

    chosen_langs = state.values.get("langs") or lang
    langs = {"name": "langs", "id": "bp-langs", "label": t("submission.field.langs"),
             "errors": state.errors.get("langs", []),
             "options": [{"value": v, "label": t(f"submission.langs.{v}"), "checked": v == chosen_langs}
                         for v in LANG_CHOICES]}
    errors = [(f["id"], f["label"], message) for f in
              [langs, *[one(f) for f in all_fields()[1:]]] for message in f["errors"]]
    return {
        "t": t, "lang": lang, "action": ACTION, "privacy_url": privacy_url,
        "marks": [Markup(mark) for mark in FORM_MARKS],
        "langs": langs, "texts": [{"lang": code, "legend": t(f"submission.texts.{code}"),
                                   "fields": [one(f) for f in texts[code]]} for code in LANGS],
        "shared": [one(f) for f in shared], "person": [one(f) for f in person],
        "trap": {"name": TRAP, "id": "bp-trap", "label": t("submission.trap")},
        "summary": errors, "refused": state.refused,
    }


def privacy_url(territories: dict[str, Territory], lang: str) -> str:
    """The privacy statement, on the region's site: it says what the form collects."""
    region = next(t for t in territories.values() if t.is_region)
    return region.url[lang] + "vie-privee/"


def render(root: Any, values: dict[str, Any]) -> str:
    """The form's HTML, as the page holds it between FORM_MARKS (the service's re-rendering too)."""
    return templates.environment(str(root)).get_template(TEMPLATE).render(**values)


def reads(site: str, sites: Sequence[str]) -> list[str]:
    """Nothing of the sites' content: the schema, the themes and the interface texts are shared."""
    return []


def add(section: SectionContext) -> None:
    """The form's page, the thanks page, and the pages nginx answers with (413, 429, 502)."""
    project, lang, t = section.project, section.lang, section.t
    values = view(t, lang, project.today, privacy_url(project.territories, lang))
    form = templates.compact(render(project.root, values))
    markdown = "\n\n".join([f"# {t('submission.title')}", html.escape(t("submission.intro")), form]) + "\n"
    section.add_page(key=f"{FORM}/index", title=t("submission.title"), markdown=markdown,
                     description=t("submission.description"), translations=LANGS)
    back = f"[{t('submission.back')}](../)"
    section.add_page(key=f"{THANKS}/index", title=t("submission.thanks_title"), translations=LANGS,
                     markdown=f"# {t('submission.thanks_title')}\n\n{html.escape(t('submission.thanks'))}\n\n"
                              f"[{t('notices.title')}](../../)\n")
    for key, name in ((TOO_LARGE, "too_large"), (TOO_MANY, "too_many"), (UNAVAILABLE, "unavailable")):
        text = t(f"submission.refused.{name}").format(mb=IMAGE_MB)
        section.add_page(key=f"{key}/index", title=t("submission.refused.title"),
                         markdown=f"# {t('submission.refused.title')}\n\n{html.escape(text)}\n\n{back}\n",
                         translations=LANGS)
