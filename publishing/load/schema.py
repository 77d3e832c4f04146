"""The shape of every YAML file and front matter, checked once at the edge.

Each schema is a pydantic model that forbids unknown keys. `validate()` turns
pydantic's findings into problems with the file, the line and a fix, worded in
messages.py from pydantic's stable error codes (never from its English text).
"""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, field_validator

from publishing.load.yamlio import Document, Locator, load_yaml
from publishing.model import parse_month
from publishing.problems import Report

M = TypeVar("M", bound=BaseModel)

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

# A day (2024-03-14) or, for what the sources date to the month only, a month (2024-03).
DayOrMonth = Annotated[date, BeforeValidator(parse_month)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    # Keys that were renamed: old name -> new name (an old key is reported with its new name)
    RENAMED: ClassVar[dict[str, str]] = {}


class Bilingual(Strict):
    """A text in French and in Dutch: both are required."""

    fr: str = Field(min_length=1)
    nl: str = Field(min_length=1)


class AddressSchema(Strict):
    """A street address (directories' entries, events' places); the commune by its id."""

    street: str = Field(min_length=1)
    postcode: str
    commune: str

    @field_validator("postcode", mode="before")
    @classmethod
    def _postcode(cls, value: Any) -> Any:
        return str(value) if isinstance(value, int) else value


# --- sites/communes.yml ---------------------------------------------------

class CommunePartSchema(Strict):
    name: Bilingual
    postcodes: list[int] = Field(min_length=1)


class CommuneSchema(Strict):
    nis: int
    name: Bilingual
    postcodes: list[int] = Field(min_length=1)
    parts: dict[str, CommunePartSchema] = {}


class CommunesFile(Strict):
    communes: dict[str, CommuneSchema]


# --- sites/<id>.yml --------------------------------------------------------

class HelpdeskSchema(Strict):
    phone: str | None = None
    email: str | None = None
    hours: Bilingual | None = None


class TerritorySchema(Strict):
    kind: Literal["region", "bassin"]
    name: Bilingual
    tagline: Bilingual
    url: Bilingual
    colour: str
    order: int
    communes: list[str] = []
    helpdesk: HelpdeskSchema = HelpdeskSchema()


# --- front matter of content pages -----------------------------------------

class PageMeta(Strict):
    title: str | None = None
    description: str | None = None
    nav: int | None = None
    updated: date | None = None
    draft: bool = False
    hide: list[Literal["navigation", "toc"]] = []
    source: str | None = None  # where the text comes from (an imported WordPress page): for the team, not published

    @field_validator("title", "description", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return str(value) if isinstance(value, (int, float)) else value


# --- turning pydantic's errors into problems --------------------------------

def validate(model: type[M], data: Any, path: Path, report: Report,
             locator: Locator | None = None, prefix: tuple = (), name: str = "") -> M | None:
    """Validate data against a schema; report every problem with its line. prefix: where the data
    is in its file (("entries", 3)); name: how to show that place ("entries[3] (cpas-forest)")."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            report_error(dict(err), tuple(err["loc"]), model, path, report, locator, prefix, name)
        return None


def failing_keys(model: type[BaseModel], data: dict) -> set[str]:
    """The top-level keys of data that the schema refuses (unknown, or of a wrong value)."""
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
    return set()


def load_validated(model: type[M], path: Path, report: Report) -> tuple[M, Document] | None:
    """A YAML file read and validated against a schema: the data and the document it came from
    (its lines, its raw values), or None when either step reported a problem."""
    doc = load_yaml(path, report)
    if doc is None:
        return None
    data = validate(model, doc.data, path, report, doc.locator)
    return None if data is None else (data, doc)


def report_error(err: dict, inner: tuple, model: type[BaseModel], path: Path, report: Report,
                 locator: Locator | None, prefix: tuple = (), name: str = "") -> None:
    kind = err["type"]
    loc = prefix + inner
    line = locator.line(loc) if locator else None
    key = str(loc[-1]) if loc else ""
    where = dotted(loc[:-1]) if kind in ("missing", "extra_forbidden") else dotted(loc)
    if name and prefix:
        where = name + where[len(dotted(prefix)):]
    params: dict[str, Any] = {"key": key, "input": short(err.get("input")), "detail": err.get("msg", "")}
    code = kind
    if kind == "missing" and key == "nl":
        code, params["key"] = "missing_translation", dotted(loc[:-1])
    elif kind == "missing" and key == "fr":
        code, params["key"] = "missing_french", dotted(loc[:-1])
    elif kind == "extra_forbidden":
        params["allowed"] = ", ".join(allowed_keys(model, inner[:-1]))
        renamed = getattr(schema_at(model, inner[:-1]), "RENAMED", {})
        if key in renamed:
            code = "renamed_key"
            params["new"] = renamed[key]
    elif kind == "literal_error":
        params["expected"] = str(err.get("ctx", {}).get("expected", "")).replace(" or ", ", ")
    elif kind.startswith("date") or kind.startswith("datetime"):
        code = "date_type"
    elif kind.startswith("int") and kind != "int_type":
        code = "int_type"
    elif kind in ("string_too_short",) and key in ("fr", "nl"):
        code = "missing_translation" if key == "nl" else "missing_french"
        params["key"] = dotted(loc[:-1])
    elif kind == "string_pattern_mismatch":
        code = "bad_slug"
    elif kind == "value_error":
        ctx = err.get("ctx", {}).get("error")
        code = getattr(ctx, "code", None) or "invalid"
    elif kind not in ("missing", "string_type", "int_type", "list_type", "dict_type", "bool_type",
                      "model_type"):
        code = "invalid"
    if kind == "model_type":
        code = "dict_type"
    report.add(path, code, line=line, where=where, **params)


class CodedError(ValueError):
    """A validator's error that carries a message code from messages.py."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def dotted(loc: tuple) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (("." if out else "") + str(part))
    return out


def short(value: Any) -> str:
    text = str(value) if not isinstance(value, dict) else "{…}"
    return text if len(text) <= 60 else text[:57] + "…"


def allowed_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The keys a (possibly nested) schema accepts at loc, for 'did you mean'."""
    current = schema_at(model, loc)
    return list(current.model_fields) if current is not None else []


def schema_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The (possibly nested) schema that validates the data at loc."""
    current: Any = model
    for part in loc:
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        field = current.model_fields.get(str(part))
        if field is None:
            # inside a dict or list: look at the value type
            continue
        current = _inner(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _inner(annotation: Any) -> Any:
    args = getattr(annotation, "__args__", ())
    for arg in reversed(args):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        inner = _inner(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation
