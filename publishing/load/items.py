"""News, partners' notices and events: the language files of each item, read and compared.

Each language file has the whole header (Decap CMS and `build.py new` write both): the
fields of the item itself (dates, place, themes…) must be the same in French and Dutch; the
texts (title, summary, image alternative, audience, price, venue) are the language's own.
French is the reference: an item without Dutch is published in French on the Dutch site,
marked, as any page. An item in Dutch only (a partner's notice often is, an imported WordPress
item may be) is published the same way the other way round: in Dutch on the French site, marked.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from publishing.load import contact
from publishing.load.dated import DatedFiles, read_header
from publishing.load.yamlio import Locator
from publishing.model import ItemText
from publishing.problems import Report

M = TypeVar("M", bound=BaseModel)

# What `build.py new` writes where an editor has to fill in (publishing/commands/scaffolds/)
PLACEHOLDER = "…"

# The fields of a header that are the language's own; all others must agree between languages.
TEXT_FIELDS = frozenset({"title", "summary", "image_alt", "audience", "price", "venue", "draft", "source"})


@dataclass
class ReadItem(Generic[M]):
    """An item's headers and texts by language; the French header is the reference (the Dutch
    one for an item in Dutch only)."""

    files: DatedFiles
    metas: dict[str, M]
    texts: dict[str, ItemText]
    locators: dict[str, Locator]

    @property
    def lang(self) -> str:
        """The reference language: French, or Dutch for an item in Dutch only."""
        return "fr" if "fr" in self.metas else next(iter(self.metas))

    @property
    def meta(self) -> M:
        return self.metas[self.lang]

    @property
    def source(self) -> Path:
        return self.texts[self.lang].source

    def line(self, key: str, lang: str | None = None) -> int | None:
        return self.locators[lang or self.lang].line((key,))


def read_items(found: Iterator[DatedFiles], model: type[M], report: Report, date_of: Callable[[M], date],
               date_key: str) -> Iterator[ReadItem[M]]:
    """Each item whose French file is valid and not a draft; date_of(header) must be the date of
    the file's name (date_key names that field in the messages)."""
    for files in found:
        metas: dict[str, M] = {}
        texts: dict[str, ItemText] = {}
        locators: dict[str, Locator] = {}
        for lang, path in files.paths.items():
            read = read_header(path, model, report, files.day, date_of, date_key, "item_date")
            if read is None:
                continue
            meta, md = read
            fields = meta.model_dump()
            left = [key for key, value in fields.items() if PLACEHOLDER in str(value)]
            if left:  # a template's "…" still there: the item is not ready
                report.add(path, "placeholder_left", line=md.locator.line((left[0],)), where=left[0])
                continue
            metas[lang], locators[lang] = meta, md.locator
            texts[lang] = ItemText(lang, fields["title"], fields["summary"], md.body, md.body_line, path,
                                   image_alt=fields.get("image_alt"), audience=fields.get("audience"),
                                   price=fields.get("price"), venue=fields.get("venue"))
        if "fr" in files.paths and "fr" not in texts or not texts:
            continue  # the French file has a problem (reported): the item waits for it
        item = ReadItem(files, metas, texts, locators)
        reference = item.meta.model_dump(exclude=set(TEXT_FIELDS))
        for lang, meta in metas.items():
            if lang == item.lang:
                continue
            other = meta.model_dump(exclude=set(TEXT_FIELDS))
            differing = sorted(key for key in reference if reference[key] != other.get(key))
            if differing:
                report.add(texts[lang].source, "item_mismatch", line=locators[lang].line((differing[0],)),
                           input=", ".join(differing), other=item.source.name)
        if "nl" not in files.paths:
            report.warn(files.paths["fr"], "not_translated", stem=files.slug)
        elif "fr" not in files.paths:
            report.warn(files.paths["nl"], "item_dutch_only", stem=files.slug)
        yield item


def image_of(item: ReadItem[Any], report: Report) -> tuple[bool, Path | None]:
    """(valid, the image file) of an item's `image`: the file beside the text, and in every
    language an alternative text, since an image nobody can read is an error."""
    name = getattr(item.meta, "image", None)
    if not name:
        return True, None
    ok = True
    path = item.source.parent / name
    if not path.is_file():
        report.add(item.source, "missing_image", line=item.line("image"), where="image", input=name)
        ok = False
    for lang, text in item.texts.items():
        if not text.image_alt:
            report.add(text.source, "item_image_no_alt", line=item.line("image", lang), where="image", input=name)
            ok = False
    return ok, path


def check_url(item: ReadItem[Any], key: str, report: Report) -> bool:
    """A header's link, if any: a web address, and a secure one (https://)."""
    value = getattr(item.meta, key)
    if not isinstance(value, str):
        return True
    if not contact.valid_url(value):
        report.add(item.source, "bad_website", line=item.line(key), where=key, input=value)
        return False
    if not value.startswith("https://"):
        report.add(item.source, "not_https", line=item.line(key), where=key, input=value)
        return False
    return True

