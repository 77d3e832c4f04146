"""WordPress export files (WXR 1.2, Tools → Export) and WPML's translation table, read at the edge.

An export is untrusted input: it is parsed with defusedxml, streaming (one `<item>` at a time,
dropped from the tree once read), and a document type declaration, an entity declaration or an
external entity is refused before anything is expanded. What comes out is plain data, one
`WxrItem` per `<item>`: nothing here knows what the repository makes of it
(publishing.commands.import_wordpress does).

    <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" …>
      <channel>
        <language>fr-FR</language>           the language of the file (WPML: one export per language)
        <wp:base_site_url>https://…</wp:base_site_url>
        <wp:author>…<wp:author_login>…</wp:author_login><wp:author_display_name>…</…></wp:author>
        <item>
          <title>…</title> <link>permalink</link> <dc:creator>login</dc:creator> <guid>…?p=12</guid>
          <content:encoded>HTML</content:encoded> <excerpt:encoded>…</excerpt:encoded>
          <wp:post_id>12</wp:post_id> <wp:post_date>2023-03-01 10:00:00</wp:post_date> (local time)
          <wp:post_name>slug</wp:post_name> <wp:status>publish</wp:status> <wp:post_type>post</wp:post_type>
          <wp:post_password/> <wp:post_parent>0</wp:post_parent> <wp:attachment_url>…</wp:attachment_url>
          <category domain="category" nicename="slug">Label</category>
          <wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>40</wp:meta_value></wp:postmeta>
        </item>

The WPML table (`--translations`) is a CSV file with the columns element_id, trid and
language_code (the guide gives the SQL that writes it); other columns are ignored.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from pydantic import Field

from publishing.load import schema
from publishing.load.yamlio import load_yaml
from publishing.problems import Report

WP_NS = "http://wordpress.org/export/"  # followed by the WXR version: 1.0, 1.1, 1.2
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
TRANSLATION_COLUMNS = ("element_id", "trid", "language_code")
MAPPING_FILE = "wordpress.yml"  # in sites/: what each post type becomes (optional)
# What an item can become: news, a partner's notice, an event, a draft page, or nothing
KIND_NAMES = ("actualite", "avis", "evenement", "page", "ignore")


class Mapping(schema.Strict):
    """sites/wordpress.yml: which WordPress post type becomes which kind of item, and which
    categories make a post a partner's notice. Without the file, these defaults."""

    kinds: dict[str, Literal[KIND_NAMES]] = Field(  # type: ignore[valid-type]
        default_factory=lambda: {"post": "actualite", "tribe_events": "evenement", "page": "page"})
    notice_categories: list[str] = Field(
        default_factory=lambda: ["actualite-du-secteur", "actualiteit-van-de-sector"])


def read_mapping(sites_dir: Path, report: Report) -> Mapping | None:
    """sites/wordpress.yml, validated (None after reporting its problems), or the defaults."""
    path = sites_dir / MAPPING_FILE
    if not path.is_file():
        return Mapping()
    doc = load_yaml(path, report)
    if doc is None:
        return None
    return schema.validate(Mapping, doc.data or {}, path, report, doc.locator)
MAX_CSV_FIELD = 1 << 16


@dataclass
class WxrItem:
    """One `<item>` of an export: a post, page, event, venue, attachment or anything else."""

    id: int
    type: str  # wp:post_type: post, page, attachment, tribe_events, tribe_venue, nav_menu_item…
    status: str  # publish, draft, pending, private, future, inherit (attachments)…
    title: str
    link: str  # the permalink
    guid: str
    date: datetime | None  # wp:post_date: the site's local time
    slug: str  # wp:post_name, decoded
    content: str  # HTML (with Gutenberg's <!-- wp:… --> comments)
    excerpt: str
    author: str  # dc:creator, the author's login
    password: str
    parent: int
    attachment_url: str
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nicename, label)
    meta: dict[str, str] = field(default_factory=dict)  # wp:postmeta, key → value
    lang: str = ""  # "fr", "nl", or "" when neither the file nor the table says
    file: Path = Path()


@dataclass
class WxrExport:
    """One export file: its language, its site's address, its authors and its items."""

    path: Path
    language: str  # "fr", "nl", or "" for another or none
    base_url: str
    authors: dict[str, str]  # login → display name
    items: list[WxrItem]


def language_code(value: str) -> str:
    """"fr" for fr-FR, fr_BE, FR; "nl" for nl-BE…; "" for anything else."""
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in ("fr", "nl") else ""


def read_export(path: Path, report: Report) -> WxrExport | None:
    """The export's items, or None after reporting why it cannot be read (not WXR, broken XML
    with its line, a DTD or entity declaration)."""
    export = WxrExport(path, "", "", {}, [])
    try:
        for item in _items(path, export):
            export.items.append(item)
    except (DefusedXmlException, _Refused) as exc:
        report.add(path, "wxr_entities", input=type(exc).__name__)
        return None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        report.add(path, "wxr_broken", line=line, detail=_parse_detail(exc))
        return None
    except _NotWxr as exc:
        report.add(path, "wxr_not_wxr", line=exc.line, input=exc.tag)
        return None
    except OSError as exc:
        report.add(path, "wxr_unreadable", detail=exc.strerror or str(exc))
        return None
    for item in export.items:
        item.lang = export.language
        item.file = path
    return export


class _NotWxr(Exception):
    def __init__(self, tag: str, line: int | None = None) -> None:
        super().__init__(tag)
        self.tag, self.line = tag, line


class _Refused(Exception):
    """A DOCTYPE seen before defusedxml would say so (the parser gives it no callback)."""


def _parse_detail(exc: ParseError) -> str:
    text = str(exc)
    return text.split(":")[0] if ":" in text else text


def _items(path: Path, export: WxrExport) -> Iterator[WxrItem]:
    """Each item of the file, streaming; the channel's fields fill `export` on the way."""
    with path.open("rb") as stream:
        _refuse_doctype(stream)
        events = iterparse(stream, events=("start", "end"), forbid_dtd=True, forbid_entities=True,
                           forbid_external=True)
        depth = 0
        channel: Element | None = None
        wxr = False
        for event, elem in events:
            if event == "start":
                depth += 1
                if depth == 1 and elem.tag != "rss":
                    raise _NotWxr(elem.tag)
                if depth == 2 and elem.tag == "channel":
                    channel = elem
                continue
            depth -= 1
            if depth != 2 or channel is None:
                if depth == 0 and not wxr:
                    raise _NotWxr("rss")
                continue
            tag = elem.tag
            if tag.startswith("{" + WP_NS):
                wxr = True
            if tag == "item":
                if not wxr:
                    raise _NotWxr("item")
                yield _item(elem)
            elif tag == "language":
                export.language = language_code(elem.text or "")
            elif _local(tag) == "base_site_url" and tag.startswith("{" + WP_NS):
                export.base_url = (elem.text or "").strip()
            elif _local(tag) == "author" and tag.startswith("{" + WP_NS):
                login = _wp(elem, "author_login")
                if login:
                    export.authors[login] = _wp(elem, "author_display_name") or login
            channel.remove(elem)  # read: the tree keeps nothing of it


def _refuse_doctype(stream: Any) -> None:
    """A DOCTYPE (where DTDs and entities are declared) is refused before parsing: expat hands
    defusedxml the declarations only, so an export that merely names a DTD is refused here too."""
    head = stream.read(4096)
    stream.seek(0)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise _Refused()


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _wp(elem: Element, name: str) -> str:
    for child in elem:
        if child.tag.startswith("{" + WP_NS) and _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def _int(value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        return 0


def _date(value: str) -> datetime | None:
    try:
        parsed = datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return None if parsed.year < 1971 else parsed  # WordPress writes 0000-00-00 00:00:00 for "none"


def _item(elem: Element) -> WxrItem:
    """One item, its children read in one pass: wp:… fields by name, the rest by tag."""
    wp: dict[str, str] = {}
    other: dict[str, str] = {}
    meta: dict[str, str] = {}
    categories: list[tuple[str, str, str]] = []
    for child in elem:
        tag = child.tag
        if tag.endswith("}encoded") and tag != CONTENT:  # excerpt:encoded (its namespace is under WP_NS)
            other["excerpt"] = child.text or ""
        elif tag.startswith("{" + WP_NS):
            name = _local(tag)
            if name == "postmeta":
                key = _wp(child, "meta_key")
                if key:
                    meta[key] = _wp(child, "meta_value")
            else:
                wp[name] = (child.text or "").strip()
        elif tag == "category":
            categories.append((child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip()))
        else:
            other[tag] = child.text or ""
    return WxrItem(
        id=_int(wp.get("post_id", "")), type=wp.get("post_type", ""), status=wp.get("status", ""),
        title=other.get("title", "").strip(), link=other.get("link", "").strip(), guid=other.get("guid", "").strip(),
        date=_date(wp.get("post_date", "")), slug=unquote(wp.get("post_name", "")), content=other.get(CONTENT, ""),
        excerpt=other.get("excerpt", ""), author=other.get(DC_CREATOR, "").strip(),
        password=wp.get("post_password", ""), parent=_int(wp.get("post_parent", "")),
        attachment_url=wp.get("attachment_url", ""),
        categories=categories, meta=meta)


def read_translations(path: Path, report: Report) -> dict[int, tuple[str, str]] | None:
    """WPML's table: element id → (trid, language), or None after reporting a file without the
    columns element_id, trid and language_code."""
    csv.field_size_limit(MAX_CSV_FIELD)
    found: dict[int, tuple[str, str]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as stream:
            head = stream.readline()
            delimiter = max(",;\t", key=head.count)
            columns = [c.strip().strip('"').lower() for c in head.split(delimiter)]
            missing = [c for c in TRANSLATION_COLUMNS if c not in columns]
            if missing:
                report.add(path, "wxr_csv_columns", line=1, input=", ".join(missing),
                           expected=", ".join(TRANSLATION_COLUMNS))
                return None
            rows = csv.DictReader(stream, fieldnames=columns, delimiter=delimiter)
            for number, row in enumerate(rows, start=2):
                element, trid = (row.get("element_id") or "").strip(), (row.get("trid") or "").strip()
                lang = language_code(row.get("language_code") or "")
                if not element.isdigit() or not trid:
                    report.warn(path, "wxr_csv_row", line=number)
                    continue
                if lang:
                    found[int(element)] = (trid, lang)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        report.add(path, "wxr_unreadable", detail=str(exc))
        return None
    return found
