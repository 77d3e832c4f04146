"""`build.py import-wordpress EXPORT.xml… --site ID`: the old WordPress sites' items written as
the repository's own files, which `check` and the build then treat like any other.

- `post` → news (content/<site>/actualites/); a post of the sector's category → a partner's
  notice (valves/); `tribe_events` → events (agenda/, with their venue); `page` → a draft page
  under content/<site>/ for the team to place; `attachment` → the file copied from --uploads
  beside the item that uses it. Only published items; the others are listed as skipped.
- Languages from WPML's table (--translations) or the file's <language>; the items of one
  trid become the French and Dutch files of one item; an item in one language is published in it.
- Each item's permalink → its new page in sites/anciennes-adresses.yml (an address already there
  that led to a list now leads to the article); drafts get none.
- Each file says where it came from (`source: WordPress <site> #ID`, never published); a file
  already imported is found again by it. A file that differs from what the import would write
  (the team edited it) is kept unless --force. --dry-run writes nothing; nor does a failed run.
"""
from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from publishing.commands import wordpress_html
from publishing.commands.wordpress_fields import (
    dump_header,
    find_area,
    is_draft,
    plain_text,
    slugify,
    slugify_file,
    zone_of,
)
from publishing.load.redirects import FILE as REDIRECTS_FILE
from publishing.load.redirects import load_redirects
from publishing.load.territories import load_communes, load_territories
from publishing.load.today import build_today
from publishing.load.wordpress import Mapping, WxrExport, WxrItem, read_export, read_mapping, read_translations
from publishing.model import BRUSSELS, TERRITORY_IDS, Commune, Territory
from publishing.model.paths import AGENDA, GENERATED, NEWS, NOTICES
from publishing.model.redirect import locate, normal
from publishing.problems import Report, UsageError, messages

NEWS_KIND, NOTICE_KIND, EVENT_KIND, PAGE_KIND = "news", "notice", "event", "page"
KINDS = (NEWS_KIND, NOTICE_KIND, EVENT_KIND, PAGE_KIND)
FOLDERS = {NEWS_KIND: NEWS, NOTICE_KIND: NOTICES, EVENT_KIND: AGENDA}
KIND_OF = {"actualite": NEWS_KIND, "avis": NOTICE_KIND, "evenement": EVENT_KIND, "page": PAGE_KIND}
NOTICE_DAYS = 30  # a notice's `until`, when no field gives it
NOTICE_UNTIL_FIELDS = ("until", "date_fin", "einddatum")
PARTNER_FIELDS = ("partenaire", "partner")
# Types that carry no item of their own: read for what the others use
SUPPORT_TYPES = frozenset({"attachment", "tribe_venue", "tribe_organizer"})
PUBLISHED = "publish"
RESIZED = re.compile(r"-\d+x\d+(?=\.[A-Za-z0-9]+$)")
UPLOADS = "/wp-content/uploads/"
SOURCE = re.compile(r"""^source:\s*["']?WordPress (?P<site>[\w-]+) #(?P<id>\d+)["']?\s*$""", re.M)
PLACEHOLDER = "…"


@dataclass
class Group:
    """The language versions of one WordPress item (one trid), and where they go."""

    kind: str
    items: dict[str, WxrItem]  # by language
    stem: str = ""  # "2023-03-01-forum" (a page: "forum")
    draft: bool = False

    @property
    def lang(self) -> str:
        return "fr" if "fr" in self.items else next(iter(self.items))

    @property
    def ref(self) -> WxrItem:
        return self.items[self.lang]


@dataclass
class Note:
    """One line of the report: an item, what to do about it, and the file concerned."""

    kind: str
    code: str
    item: WxrItem
    file: str = ""
    detail: str = ""


@dataclass
class Outcome:
    """What a run did (or, with --dry-run, would do)."""

    report: Report  # bad input: errors; nothing written when there are any
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → state → count
    notes: list[Note] = field(default_factory=list)
    other_types: dict[str, int] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    redirects_added: int = 0
    redirects_changed: int = 0

    def count(self, kind: str, state: str) -> None:
        per_kind = self.counts.setdefault(kind, {})
        per_kind[state] = per_kind.get(state, 0) + 1


def import_wordpress(root: Path, exports: list[Path], site: str, uploads: Path | None = None,
                     translations: Path | None = None, dry_run: bool = False, force: bool = False,
                     today: date | None = None, progress: str | None = None) -> Outcome:
    """Plan the import of the exports into content/<site>/, and write it unless dry_run or a
    problem was found. progress: the language of a line per export read (on a terminal)."""
    root = Path(root)
    if site not in TERRITORY_IDS:
        raise UsageError("wxr_unknown_site", input=site, allowed=", ".join(TERRITORY_IDS))
    for path in exports:
        if not path.is_file():
            raise UsageError("wxr_no_export", path=path)
    if uploads is not None and not uploads.is_dir():
        raise UsageError("wxr_no_uploads", path=uploads)
    if translations is not None and not translations.is_file():
        raise UsageError("wxr_no_export", path=translations)
    report = Report(root)
    outcome = Outcome(report)
    communes = load_communes(root / "sites", report)
    territories = load_territories(root / "sites", communes, report)
    loaded: list[WxrExport] = []
    for path in exports:
        export = read_export(path, report)
        if export is not None:
            loaded.append(export)
            if progress:
                print(messages.word("wxr_read", progress, path=path, count=len(export.items)), file=sys.stderr)
    table = read_translations(translations, report) if translations is not None else {}
    mapping = read_mapping(root / "sites", report)
    if report.errors or table is None or mapping is None:
        return outcome
    run = _Run(root, site, territories, communes, loaded, table, uploads, force, today or build_today(root), outcome)
    run.mapping = mapping
    run.plan()
    if not dry_run and not report.errors:
        run.write()
    return outcome


class _Run:
    """One import: the items grouped and placed, their files made, then written all at once."""

    def __init__(self, root: Path, site: str, territories: dict[str, Territory], communes: dict[str, Commune],
                 exports: list[WxrExport], table: dict[int, tuple[str, str]], uploads: Path | None, force: bool,
                 today: date, outcome: Outcome) -> None:
        self.root, self.site, self.territory = root, site, territories[site]
        self.territories, self.communes = territories, communes
        self.exports, self.table, self.uploads, self.force, self.today = exports, table, uploads, force, today
        self.outcome = outcome
        self.content = root / "content" / site
        self.by_id: dict[int, WxrItem] = {}
        self.authors: dict[str, str] = {}
        self.uploads_by_path: dict[str, WxrItem] = {}  # "2023/03/photo.jpg" → attachment
        self.groups: list[Group] = []
        self.group_of: dict[int, Group] = {}
        self.link_keys: dict[tuple[str, str], int] = {}  # normal(permalink) → item id
        self.hosts: set[str] = set()
        self.existing: dict[int, Path] = {}  # WordPress id → file already in the repository
        self.names: dict[Path, set[str]] = {}  # folder → names of its texts (found and placed)
        self.listed = {r.key: r for r in load_redirects(root / "sites", territories, Report(root))}
        self.files: dict[Path, str] = {}  # what the run writes: path → text
        self.copies: dict[Path, Path] = {}  # what it copies: target → upload
        self.redirects: list[tuple[str, str]] = []  # (old address, new page)
        self.redirects_text: str | None = None  # sites/anciennes-adresses.yml as the run leaves it
        self.mapping = Mapping()
        self.upload_files: dict[Path, bool] = {}  # a file of --uploads, looked for once

    # --- reading ------------------------------------------------------------

    def plan(self) -> None:
        self._index()
        self._find_existing()
        self._group()
        for group in self.groups:
            self._place(group)
        for group in self.groups:
            self._make(group)
        self._plan_redirects()
        self.redirects_text = self._merged_redirects()

    def _index(self) -> None:
        for export in self.exports:
            self.authors.update(export.authors)
            if export.base_url:
                self.hosts.add(normal(export.base_url)[0])
            for item in export.items:
                if item.id in self.table:
                    item.lang = self.table[item.id][1]
                self.by_id.setdefault(item.id, item)
                if item.link:
                    self.hosts.add(normal(item.link)[0])
                if item.type == "attachment" and item.attachment_url:
                    self.uploads_by_path[_upload_path(item.attachment_url)] = item
                elif item.type not in SUPPORT_TYPES and item.link:
                    self.link_keys[normal(item.link)] = item.id

    def _find_existing(self) -> None:
        if not self.content.is_dir():
            return
        for path in sorted(self.content.rglob("*.md")):
            with path.open(encoding="utf-8", errors="replace") as stream:
                head = stream.read(4096)
            for match in SOURCE.finditer(head.split("\n---", 1)[0]):
                if match["site"] == self.site:
                    self.existing[int(match["id"])] = path

    def _kind(self, item: WxrItem) -> str | None:
        """What an item becomes (sites/wordpress.yml, or its defaults); None for another type."""
        name = self.mapping.kinds.get(item.type)
        if name == "actualite" and any(domain == "category" and nicename in self.mapping.notice_categories
                                       for domain, nicename, _label in item.categories):
            return NOTICE_KIND
        return KIND_OF.get(name or "")

    def _group(self) -> None:
        by_key: dict[str, Group] = {}
        for item in self.by_id.values():
            if item.type in SUPPORT_TYPES:
                continue
            kind = self._kind(item)
            if kind is None:
                self.outcome.other_types[item.type] = self.outcome.other_types.get(item.type, 0) + 1
                continue
            if item.status != PUBLISHED or item.password:
                state = "protected" if item.password else item.status or "draft"
                self.outcome.count(kind, "skipped")
                self.outcome.notes.append(Note(kind, "wxr_skipped", item, detail=state))
                continue
            if not item.lang:
                self.outcome.count(kind, "skipped")
                self.outcome.notes.append(Note(kind, "wxr_no_language", item))
                continue
            if kind == EVENT_KIND and self._event_start(item)[0] is None:
                self.outcome.count(kind, "skipped")
                self.outcome.notes.append(Note(kind, "wxr_event_no_date", item,
                                               detail=item.meta.get("_EventStartDate", "")))
                continue
            key = f"trid:{self.table[item.id][0]}" if item.id in self.table else f"id:{item.id}"
            group = by_key.get(key)
            if group is None:
                group = by_key[key] = Group(kind, {})
                self.groups.append(group)
            if item.lang in group.items:  # two items of one language in one trid: the first stays
                self.outcome.notes.append(Note(kind, "wxr_same_language", item, detail=str(group.items[item.lang].id)))
                continue
            group.items[item.lang] = item
            self.group_of[item.id] = group

    def _place(self, group: Group) -> None:
        """The group's file name: the one already imported, or made from its date and slug."""
        # a draft (a page, an item without a summary, or a file the team keeps as one) gets no link
        group.draft = group.kind == PAGE_KIND or any(not plain_text(i.excerpt) for i in group.items.values())
        for item in group.items.values():
            if item.id in self.existing:
                group.stem = self.existing[item.id].name.rsplit(".", 2)[0]
                group.draft = is_draft(self.existing[item.id].read_text(encoding="utf-8"))
                return
        ref = group.ref
        slug = slugify(ref.slug or ref.title) or f"wordpress-{ref.id}"
        if group.kind == PAGE_KIND:
            stem = slug
            # nor a section's name, nor a folder's: a page there would take their address
            self._taken(self.content).update(GENERATED, ("index",), (p.name for p in self.content.glob("*/")))
        else:
            day = self._event_start(ref)[0] if group.kind == EVENT_KIND else ref.date
            stem = f"{(day or datetime(1970, 1, 1)).strftime('%Y-%m-%d')}-{slug}"
        taken = self._taken(self._folder(group))
        candidate, n = stem, 2
        while candidate in taken:
            candidate, n = f"{stem}-{n}", n + 1
        group.stem = candidate
        taken.add(candidate)

    def _taken(self, folder: Path) -> set[str]:
        """The names of a folder's texts, those already there and those the run places."""
        if folder not in self.names:
            self.names[folder] = {p.name.rsplit(".", 2)[0] for p in folder.glob("*.md")} if folder.is_dir() else set()
        return self.names[folder]

    def relative(self, path: Path) -> str:
        """A path of the repository as the report shows it (the run builds them from root)."""
        return path.relative_to(self.root).as_posix()

    def _folder(self, group: Group) -> Path:
        return self.content / FOLDERS[group.kind] if group.kind in FOLDERS else self.content

    def _url(self, group: Group) -> str:
        """The group's page within the site, from the site's root: "actualites/2023-03-01-forum/"."""
        folder = FOLDERS.get(group.kind)
        return f"{folder}/{group.stem}/" if folder else f"{group.stem}/"

    # --- making the files --------------------------------------------------

    def _make(self, group: Group) -> None:
        kind = group.kind
        folder = self._folder(group)
        notes_before = len(self.outcome.notes)
        headers: dict[str, dict[str, Any]] = {}
        bodies: dict[str, str] = {}
        shared = self._shared_fields(group)
        for lang, item in group.items.items():
            path = folder / f"{group.stem}.{lang}.md"
            rel = self.relative(path)
            resolver = _Resolver(self, group, item, folder, rel)
            body, findings = wordpress_html.to_markdown(item.content, resolver)
            for finding in findings:
                self.outcome.notes.append(Note(kind, finding.code, item, rel, finding.detail))
            headers[lang] = self._header(group, item, lang, shared, rel)
            bodies[lang] = body
        if any(h.get("draft") for h in headers.values()):
            group.draft = True
            for header in headers.values():
                header["draft"] = True
        states = set()
        for lang, item in group.items.items():
            path = folder / f"{group.stem}.{lang}.md"
            text = "---\n" + dump_header(headers[lang]) + "---\n\n" + bodies[lang]
            states.add(self._write(group, item, path, text))
        # an item counts once: imported when a file of it is written, kept when one is kept
        self.outcome.count(kind, next(s for s in ("imported", "kept", "unchanged") if s in states))
        if len(self.outcome.notes) > notes_before:
            self.outcome.count(kind, "to_review")

    def _write(self, group: Group, item: WxrItem, path: Path, text: str) -> str:
        """Plan the writing of one file: "imported", "unchanged", or "kept" (edited, not --force)."""
        rel = self.relative(path)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if current == text:
            return "unchanged"
        if current is not None and not self.force:
            self.outcome.notes.append(Note(group.kind, "wxr_edited_kept", item, rel))
            # the file as the team left it decides: finished (no longer a draft), its old address leads to it
            group.draft = is_draft(current)
            return "kept"
        self.files[path] = text
        return "imported"

    def _shared_fields(self, group: Group) -> dict[str, Any]:
        """The fields that must be the same in both languages, from the reference language."""
        ref = group.ref
        if group.kind == EVENT_KIND:
            start, end, all_day = self._event_start(ref)
            fields: dict[str, Any] = {}
            if start is not None:
                fields["start"] = start.date() if all_day else start.strftime("%Y-%m-%d %H:%M")
                if end is not None and end > start:
                    if all_day:
                        if end.date() != start.date():
                            fields["end"] = end.date()
                    else:
                        fields["end"] = end.strftime("%Y-%m-%d %H:%M")
            address = self._address(group)
            if address:
                fields["address"] = address
            organiser = self.by_id.get(_int(ref.meta.get("_EventOrganizerID", "")))
            if organiser is not None and organiser.title:
                fields["organiser"] = html.unescape(organiser.title)
            url = ref.meta.get("_EventURL", "").strip()
            if url.startswith("https://"):
                fields["registration"] = url
            elif url:
                self.outcome.notes.append(Note(group.kind, "wxr_not_https", ref, detail=url))
            last = (end or start)
            fields["status"] = "held" if last is not None and last.date() < self.today else "scheduled"
            return fields
        if group.kind == NOTICE_KIND and ref.date is not None:
            until = next((ref.meta[f] for f in NOTICE_UNTIL_FIELDS if ref.meta.get(f)), "")
            try:
                end_day = date.fromisoformat(until.strip()[:10]) if until else None
            except ValueError:
                end_day = None
            return {"until": end_day or ref.date.date() + timedelta(days=NOTICE_DAYS),
                    "partner": next((ref.meta[f] for f in PARTNER_FIELDS if ref.meta.get(f)), "")
                    or self.authors.get(ref.author, ref.author)}
        return {}

    def _header(self, group: Group, item: WxrItem, lang: str, shared: dict[str, Any], rel: str) -> dict[str, Any]:
        title = html.unescape(item.title).strip() or PLACEHOLDER
        summary = plain_text(item.excerpt)
        header: dict[str, Any] = {"title": title}
        if group.kind == PAGE_KIND:
            self.outcome.notes.append(Note(group.kind, "wxr_page_draft", item, rel))
            header["draft"] = True
            header["source"] = f"WordPress {self.site} #{item.id}"
            return header
        if group.kind in (NEWS_KIND, NOTICE_KIND):  # the date of the name, in both languages
            header["date"] = date.fromisoformat(group.stem[:10])
        header["summary"] = summary or PLACEHOLDER
        if not summary:
            self.outcome.notes.append(Note(group.kind, "wxr_no_summary", item, rel))
            header["draft"] = True
        if group.kind == NOTICE_KIND:
            header["partner"] = shared.get("partner") or PLACEHOLDER
            header["until"] = shared["until"]
        if group.kind in (NEWS_KIND, NOTICE_KIND):
            image = self._featured(group, item, rel)
            if image:
                header["image"], header["image_alt"] = image
        if group.kind == EVENT_KIND:
            header.update({k: v for k, v in shared.items() if k in ("start", "end")})
            venue = self.by_id.get(_int(item.meta.get("_EventVenueID", "")))
            if venue is not None and venue.title:
                header["venue"] = html.unescape(venue.title)
            header.update({k: v for k, v in shared.items() if k not in ("start", "end", "status")})
            cost = item.meta.get("_EventCost", "").strip()
            if cost:
                symbol = item.meta.get("_EventCurrencySymbol", "").strip()
                header["price"] = f"{cost} {symbol}".strip() if cost.replace(",", "").replace(".", "").isdigit() \
                    else cost
            header["status"] = shared["status"]
        header["source"] = f"WordPress {self.site} #{item.id}"
        return header

    def _featured(self, group: Group, item: WxrItem, rel: str) -> tuple[str, str] | None:
        attachment = self.by_id.get(_int(item.meta.get("_thumbnail_id", "")))
        if attachment is None or attachment.type != "attachment":
            return None
        name = self.copy_upload(attachment.attachment_url, self._folder(group), group.stem)
        if name is None:
            self.outcome.notes.append(Note(group.kind, "wxr_missing_upload", item, rel, attachment.attachment_url))
            return None
        alt = html.unescape(attachment.meta.get("_wp_attachment_image_alt", "")).strip()
        if not alt:
            self.outcome.notes.append(Note(group.kind, "wxr_image_no_alt", item, rel, attachment.attachment_url))
            return None
        return name, alt

    def copy_upload(self, url: str, folder: Path, stem: str) -> str | None:
        """The name of an upload's copy beside an item (the original of a resized copy), or None
        when --uploads does not hold it."""
        if self.uploads is None:
            return None
        relative = _upload_path(url)
        if not relative:
            return None
        candidates = [relative]
        original = RESIZED.sub("", relative)
        if original != relative:
            candidates.insert(0, original)
        for candidate in candidates:  # made of the address's parts, ".." left out: inside --uploads
            source = self.uploads / candidate
            if self._is_upload(source):
                name = f"{stem}-{slugify_file(PurePosixPath(candidate).name)}"
                self.copies[folder / name] = source
                return name
        return None

    def _is_upload(self, source: Path) -> bool:
        if source not in self.upload_files:
            self.upload_files[source] = source.is_file()
        return self.upload_files[source]

    def _event_start(self, item: WxrItem) -> tuple[datetime | None, datetime | None, bool]:
        """(start, end) in Brussels' time, and whether it lasts all day."""
        zone = zone_of(item.meta.get("_EventTimezone", ""))
        all_day = item.meta.get("_EventAllDay", "").strip().lower() in ("yes", "1", "true")

        def moment(value: str) -> datetime | None:
            try:
                parsed = datetime.strptime(value.strip()[:19], "%Y-%m-%d %H:%M:%S")
            except ValueError:
                return None
            return parsed if all_day else parsed.replace(tzinfo=zone).astimezone(BRUSSELS)

        return moment(item.meta.get("_EventStartDate", "")), moment(item.meta.get("_EventEndDate", "")), all_day

    def _address(self, group: Group) -> dict[str, str] | None:
        ref = group.ref
        venue = self.by_id.get(_int(ref.meta.get("_EventVenueID", "")))
        if venue is None:
            return None
        street = html.unescape(venue.meta.get("_VenueAddress", "")).strip()
        postcode = venue.meta.get("_VenueZip", "").strip()
        city = html.unescape(venue.meta.get("_VenueCity", "")).strip()
        area = find_area(self.communes, city, postcode)
        if not street or area is None:
            self.outcome.notes.append(Note(group.kind, "wxr_unknown_commune", ref,
                                           detail=", ".join(x for x in (street, postcode, city) if x)))
            return None
        return {"street": street, "postcode": postcode, "commune": area}

    # --- old addresses ------------------------------------------------------

    def _plan_redirects(self) -> None:
        for group in self.groups:
            if group.draft or group.kind == PAGE_KIND:
                continue
            for lang, item in group.items.items():
                if not item.link:
                    continue
                new = self.territory.absolute(lang, self._url(group))
                if locate(item.link, self.territories) is None:
                    self.outcome.notes.append(Note(group.kind, "wxr_link_not_ours", item, detail=item.link))
                    continue
                self.redirects.append((item.link, new))

    def link_target(self, href: str, group: Group) -> tuple[str | None, bool]:
        """Where a link of the old site leads now, from the page of `group`: the relative address
        of an imported item, or "" (its text only: a draft's, when the second value says so, or
        an address the new sites do not have); None to keep the link as it is."""
        parts = urlsplit(href)
        if parts.netloc and normal(href)[0] not in self.hosts:
            return None, False
        if not parts.netloc and not parts.path.startswith("/") and not parts.query:
            return None, False  # "#part", "mailto:…", a relative link
        key = normal(href) if parts.netloc else (next(iter(sorted(self.hosts)), ""),
                                                 unquote(parts.path).rstrip("/") or "/")
        query = parse_qs(parts.query)
        target_id = next((_int(query[k][0]) for k in ("p", "page_id", "post") if k in query), 0)
        target = self.group_of.get(target_id or self.link_keys.get(key, 0))
        if target is None and not target_id and key in self.listed:  # an old address listed: where it leads
            return self.listed[key].new, False
        if target is None:
            return (None if not target_id and self._kept_address(key) else ""), False
        if target.draft or target.kind == PAGE_KIND:
            return "", True
        depth = self._url(group).count("/")
        return "../" * depth + self._url(target) + (f"#{parts.fragment}" if parts.fragment else ""), False

    def _kept_address(self, key: tuple[str, str]) -> bool:
        """A link to the old site that is no imported item is kept when the new site has that page."""
        rest = key[1].strip("/")
        home = urlsplit(self.territory.url["nl"]).path.strip("/")
        if home and (rest == home or rest.startswith(home + "/")):
            rest = rest[len(home):].strip("/")
        if not rest or rest.split("/")[0] in GENERATED:
            return True
        return any((self.root / "content" / scope / f"{rest}.{lang}.md").is_file()
                   or (self.root / "content" / scope / rest / f"index.{lang}.md").is_file()
                   for scope in (self.site, "shared", "bassins") for lang in ("fr", "nl"))

    def _merged_redirects(self) -> str | None:
        """sites/anciennes-adresses.yml with the run's addresses; None when it does not change."""
        path = self.root / "sites" / REDIRECTS_FILE
        text = path.read_text(encoding="utf-8") if path.is_file() else "addresses:\n"
        lines = text.split("\n")
        scratch = Report(self.root)
        existing = {r.key: r for r in load_redirects(self.root / "sites", self.territories, scratch)}
        added: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for old, new in self.redirects:
            key = normal(old)
            if key in seen:
                continue
            seen.add(key)
            current = existing.get(key)
            if current is None:
                added.append((old, new))
            elif normal(current.new) != normal(new):
                if leads_to_list(current.new, self.territories) and current.to_line:
                    index = current.to_line - 1
                    lines[index] = lines[index].replace(current.new, new)
                    self.outcome.redirects_changed += 1
                else:
                    self.outcome.notes.append(Note("redirect", "wxr_redirect_elsewhere", self.by_id[
                        self.link_keys.get(key, 0)] if key in self.link_keys else _blank(old), REDIRECTS_FILE,
                        current.new))
        if added:
            while lines and lines[-1] == "":
                lines.pop()
            lines.append("  # " + messages.word("wxr_redirects_comment", "fr", site=self.site))
            for old, new in added:
                lines.append(f"  - from: {_yaml_url(old)}")
                lines.append(f"    to: {_yaml_url(new)}")
            lines.append("")
            self.outcome.redirects_added += len(added)
        merged = "\n".join(lines)
        return merged if merged != text else None

    # --- writing ------------------------------------------------------------

    def write(self) -> None:
        """Everything at once, each file through a temporary name: a run that fails before this
        point writes nothing."""
        if self.redirects_text is not None:
            self.files[self.root / "sites" / REDIRECTS_FILE] = self.redirects_text
        for target, source in self.copies.items():
            if target.is_file() and target.read_bytes() == source.read_bytes():
                continue
            _replace(target, source.read_bytes())
            self.outcome.written.append(target)
        for path, text in self.files.items():
            _replace(path, text.encode("utf-8"))
            self.outcome.written.append(path)

class _Resolver:
    """Links and images of one item's text."""

    def __init__(self, run: _Run, group: Group, item: WxrItem, folder: Path, rel: str) -> None:
        self.run, self.group, self.item, self.folder, self.rel = run, group, item, folder, rel

    def link(self, href: str) -> str | None:
        if UPLOADS in href:
            name = self.run.copy_upload(href, self.folder, self.group.stem)
            if name is None:
                self.run.outcome.notes.append(Note(self.group.kind, "wxr_missing_upload", self.item, self.rel, href))
                return ""
            return name
        target, draft = self.run.link_target(href, self.group)
        if target == "":
            self.run.outcome.notes.append(Note(self.group.kind, "wxr_link_to_draft" if draft else "wxr_link_unresolved",
                                               self.item, self.rel, href))
        return target

    def image(self, src: str) -> tuple[str | None, str]:
        if UPLOADS not in src:
            return None, ""
        name = self.run.copy_upload(src, self.folder, self.group.stem)
        attachment = self.run.uploads_by_path.get(RESIZED.sub("", _upload_path(src))) \
            or self.run.uploads_by_path.get(_upload_path(src))
        alt = html.unescape(attachment.meta.get("_wp_attachment_image_alt", "")).strip() if attachment else ""
        return name, alt


# --- helpers ------------------------------------------------------------------

def _blank(link: str) -> WxrItem:
    return WxrItem(0, "", "", link, link, "", None, "", "", "", "", "", 0, "")


def _int(value: str) -> int:
    value = value.strip()
    return int(value) if value.isdigit() else 0


def _upload_path(url: str) -> str:
    """"2023/03/photo.jpg" for …/wp-content/uploads/2023/03/photo.jpg; "" for another address."""
    path = unquote(urlsplit(url).path)
    if UPLOADS not in path:
        return ""
    rest = path.split(UPLOADS, 1)[1]
    parts = [p for p in rest.split("/") if p and p not in (".", "..")]
    return "/".join(parts)


def _replace(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.importing")
    temporary.write_bytes(data)
    temporary.replace(path)


def _yaml_url(url: str) -> str:
    return url if re.fullmatch(r"[A-Za-z0-9:/._~%?&=+-]+", url) and "#" not in url else yaml_string(url)


def yaml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def leads_to_list(url: str, territories: dict[str, Territory]) -> bool:
    """An address that leads to a list of items (news, agenda, notices, a year of them) or a home."""
    found = locate(url, territories)
    if found is None:
        return False
    rest = found[2].strip("/")
    first = rest.split("/")[0] if rest else ""
    return rest == "" or (first in (NEWS, AGENDA, NOTICES, "syntheses") and
                          (rest.count("/") == 0 or rest.split("/")[-1].isdigit()))
