"""A partner's submission: the form's values checked, then made into the notice's files and checked
again as `build.py check` checks any notice (publishing.load.news, publishing.checks.lint).

Refused with a problem next to its field: a required field empty, a text too long, HTML anywhere
(no tag is accepted, script or not), a link that is not a web or e-mail address, too many links, an
image that does not decode, no description for the image, and whatever the notice's schema and
checks refuse (a website without https, an `until` in the past or more than a year away…). The
problems are keys of the sites' interface texts (submission.problem.*), shown in the page's
language.
"""
from __future__ import annotations

import re
import secrets
import tempfile
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from publishing.checks import lint
from publishing.load.items import TEXT_FIELDS
from publishing.load.news import load_notices
from publishing.load.yamlio import load_markdown
from publishing.markdown import reading
from publishing.model import LANGS
from publishing.model.paths import NOTICES
from publishing.plan.sections.notice_form import IMAGE_MB, TRAP, FormField, all_fields, theme_choices
from publishing.problems import Report, messages
from publishing.service import image as images

LINK_SCHEMES = ("https://", "http://", "mailto:")
EMAIL = re.compile(r"^[^@\s<>\"',;]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")

# What stands in for a field already refused, while the others are checked as `check` would
STAND_IN: dict[str, Any] = {"website": "", "themes": [], "image_alt": "x", "submitter_email": "x@example.org"}
LANG_SUFFIXES = tuple(f"_{lang}" for lang in LANGS)

# What `check` reports, as the form says it (theme/i18n: submission.problem.<key>)
PROBLEM_KEYS = {
    "missing": "required", "string_too_short": "required", "bad_website": "bad_website", "not_https": "not_https",
    "notice_until_before_date": "until_past", "notice_until_too_far": "until_far", "item_image_no_alt": "image_alt",
    "html_tag_forbidden": "html", "html_event_handler": "html", "javascript_link": "link", "image_no_alt": "link",
    "date_type": "bad_date", "date_from_datetime_parsing": "bad_date", "date_parsing": "bad_date",
    "literal_error": "choice",
}


@dataclass
class Submission:
    """What a partner sent, once read: the form's values (texts, lists), and the image's bytes."""

    values: dict[str, Any]
    image: bytes | None = None
    image_name: str = ""


@dataclass
class Checked:
    """The result: problems by field (interface-text keys with their parameters), or the files."""

    errors: dict[str, list[tuple[str, dict[str, Any]]]] = field(default_factory=dict)
    trap: bool = False
    langs: tuple[str, ...] = ()
    files: dict[str, bytes] = field(default_factory=dict)  # repository path -> content (drafts)
    slug: str = ""
    title: str = ""

    def add(self, name: str, key: str, **params: Any) -> None:
        if not self.errors.get(name):  # one problem a field: the first found
            self.errors.setdefault(name, []).append((key, params))


def chosen_langs(value: Any) -> tuple[str, ...]:
    return {"fr": ("fr",), "nl": ("nl",), "both": tuple(LANGS)}.get(str(value), ())


def check(submission: Submission, territory: str, today: date, links_max: int, root: Path,
          submission_id: str = "") -> Checked:
    """Every problem of a submission; when there is none, the notice's files (as drafts)."""
    values = submission.values
    result = Checked()
    if str(values.get(TRAP, "")).strip():
        result.trap = True
        return result
    result.langs = langs = chosen_langs(values.get("langs"))
    if not langs:
        result.add("langs", "choice")
    for f in all_fields():
        if f.lang and f.lang not in langs or f.kind in ("langs", "trap"):
            continue
        _check_field(f, values.get(f.name), links_max, root, result)
    email = str(values.get("submitter_email", "")).strip()
    if email and not EMAIL.match(email):
        result.add("submitter_email", "bad_email")
    image = None
    if submission.image:
        if len(submission.image) > IMAGE_MB * 1024 * 1024:
            result.add("image", "image_too_large", mb=IMAGE_MB)
        else:
            image = images.clean(submission.image)
            if image is None:
                result.add("image", "no_image")
        for lang in langs:
            if not str(values.get(f"image_alt_{lang}", "")).strip():
                result.add(f"image_alt_{lang}", "image_alt")
    if not langs:
        return result
    slug = slugify(str(values.get(f"title_{langs[0]}", ""))) or "annonce"
    # the files as check reads them; a field already refused stands in valid, so that the others are checked
    standing_in = {**values, **{name: STAND_IN.get(name.rsplit("_", 1)[0] if name.endswith(LANG_SUFFIXES) else name,
                                                   "x") for name in result.errors}}
    if "until" in result.errors:
        standing_in["until"] = today.isoformat()
    _check_as_built(notice_files(standing_in, langs, territory, today, slug, None if "image" in result.errors
                                 else image, submission_id), territory, langs, root, result)
    if not result.errors:
        result.files, result.slug = notice_files(values, langs, territory, today, slug, image, submission_id), slug
        result.title = str(values.get(f"title_{langs[0]}", "")).strip()
    return result


def _check_field(f: FormField, raw: Any, links_max: int, root: Path, result: Checked) -> None:
    if f.kind == "themes":
        if any(v not in theme_choices() for v in raw or []):
            result.add(f.name, "choice")
        return
    if f.kind == "file":
        return
    value = str(raw or "").strip()
    if f.kind == "consent":
        if value != "yes":
            result.add(f.name, "consent")
        return
    if not value:
        if f.required and f.key != "image_alt":
            result.add(f.name, "required")
        return
    if f.max_length and len(value) > f.max_length:
        result.add(f.name, "too_long", max=f.max_length)
    if lint.HTML_IN_TEXT.search(value):
        result.add(f.name, "html")
    if f.kind == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            result.add(f.name, "bad_date")
    if f.key == "body":
        found = reading.links(value)
        if any(link.image or not link.url.lower().startswith(LINK_SCHEMES) for link in found):
            result.add(f.name, "link")
        if len(found) > links_max:
            result.add(f.name, "too_many_links", max=links_max)


def _check_as_built(files: dict[str, bytes], territory: str, langs: tuple[str, ...], root: Path,
                    result: Checked) -> None:
    """The files as `check` reads them (not yet drafts): the notice's schema and checks, the texts' lint."""
    with tempfile.TemporaryDirectory(prefix="brusano-submission-") as tmp:
        base = Path(tmp)
        for path, content in files.items():
            target = base / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_without_draft(content) if path.endswith(".md") else content)
        report = Report(base)
        load_notices(base / "content", (territory,), report)
        for path in files:
            if path.endswith(".md"):
                md = load_markdown(base / path, report)
                if md is not None:
                    lint.check_text(root, base / path, md.body, md.body_line, report)
        for problem in report.errors:
            lang = problem.file.rsplit(".", 2)[-2] if problem.file.endswith(".md") else ""
            name = _field_of(problem.where, lang, problem.code, langs)
            key = PROBLEM_KEYS.get(problem.code, "other")
            result.add(name, key, **{k: v for k, v in problem.params.items() if k == "limit"})


def _field_of(where: str, lang: str, code: str, langs: tuple[str, ...]) -> str:
    key = where.split(".")[0].split("[")[0]
    if code in ("html_tag_forbidden", "html_event_handler", "javascript_link", "image_no_alt") or not key:
        key = "body"
    if key in TEXT_FIELDS or key == "body":
        return f"{key}_{lang if lang in LANGS else langs[0]}"
    return key


def _without_draft(content: bytes) -> bytes:
    return content.replace(b"\ndraft: true\n", b"\n", 1)


def slugify(title: str, limit: int = 50) -> str:
    """A file name's words: lower case, no accents, hyphens; cut at a word."""
    text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", text)
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit:
            break
        out = f"{out}-{word}" if out else word
    return out


def new_id() -> str:
    return secrets.token_hex(4)


def notice_files(values: dict[str, Any], langs: tuple[str, ...], territory: str, today: date, slug: str,
                 image: images.Cleaned | None, submission_id: str) -> dict[str, bytes]:
    """The notice's language files (drafts) and its image, by repository path."""
    folder = f"content/{territory}/{NOTICES}"
    stem = f"{today.isoformat()}-{slug}"
    name = str(values.get("submitter_name", "")).strip()
    email = str(values.get("submitter_email", "")).strip()
    themes = [v for v in theme_choices() if v in (values.get("themes") or [])]
    files: dict[str, bytes] = {}
    if image is not None:
        files[f"{folder}/{stem}.{image.extension}"] = image.data
    for lang in langs:
        text = {key: _clean(values.get(f"{key}_{lang}")) for key in ("title", "summary", "image_alt", "body")}
        header: dict[str, Any] = {"title": text["title"], "date": today, "summary": text["summary"]}
        if themes:
            header["themes"] = themes
        if image is not None:
            header["image"] = f"{stem}.{image.extension}"
            header["image_alt"] = text["image_alt"]
        header["partner"] = _clean(values.get("partner"))
        if _clean(values.get("website")):
            header["website"] = _clean(values.get("website"))
        header["until"] = _date_or_text(_clean(values.get("until")))
        header["source"] = messages.word("submission_source", "fr", id=submission_id, date=today.isoformat())
        header["submitter"] = f"{name} <{email}>"
        header["draft"] = True
        front = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=1000)
        files[f"{folder}/{stem}.{lang}.md"] = f"---\n{front}---\n\n{text['body']}\n".encode()
    return files


def _clean(value: Any) -> str:
    """A text as the form sent it: trimmed, line ends made Unix, "…" written as three dots (the
    templates' placeholder, which `check` refuses)."""
    return str(value or "").replace("\r\n", "\n").replace("\r", "\n").replace("…", "...").strip()


def _date_or_text(value: str) -> date | str:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value
