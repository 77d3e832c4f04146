"""The sites' audience over a month or a year, counted from the access log's lines (build.py audience).

What is counted, and how (the report and the editors' guide say the same, chapter « Audience »):

- a **page view**: a GET of a page (a path ending in `/` or `.html`, or without extension)
  answered 200 or 304, by a person: never HEAD, an asset (CSS, JS, image, font, search index), a
  bot (publishing.load.access_log.Robots) or a request without user agent;
- a **visit**: the page views of one visitor (truncated address + user agent) on one site (a
  territory in one language), each less than 30 minutes after the one before; it counts on the
  day it starts, and comes from where its first page view came from (`source`);
- **visitors**: distinct visitors of each day, added up over the days: an estimate, never a
  person (one person on two devices is two, two people behind one address with the same browser
  are one, one person on three days is three);
- a **download** (PDF), a **subscriber** (calendar) or a **follower** (feed): distinct visitors
  of the file on a day (a PDF read in parts, or a calendar polled every hour, counts once a day);
  calendars and feeds count every user agent (calendar apps and feed readers are robots by
  nature), PDFs only people.

Memory is bounded by the visitors and page views of the period, never by the lines: a visitor's
page views are kept as one 8-byte number each (time and source), sorted at the end.
"""
from __future__ import annotations

import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import unquote, urlsplit

from publishing.model.newsletter import EDITION_PARAMETER

# (day ordinal, second of the day, client, host, request, status, referrer, user agent)
Line = tuple[int, int, str, str, str, int, str, str]

VISIT_GAP = 30 * 60  # seconds: a page view this long after the previous one starts a new visit
DAY = 86_400
SOURCE_BITS = 20  # a page view: its time (seconds) shifted left, its source's number in the low bits
PAGE_STATUS = (200, 304)
PDF_STATUS = (200, 206, 304)  # a PDF viewer asks for parts (206)
ASSET_FOLDERS = ("assets/", "pagefind/", "admin/")  # the theme, search, the editor: never pages
NOT_FOUND_KINDS = ("", ".html", ".htm", ".pdf", ".ics", ".xml")  # what a person may have looked for
LIMIT = 100_000  # distinct missing addresses or sources kept; more are counted together

# Search engines, by their host (a referrer gives the host only: search terms never reach us).
SEARCH_ENGINES: tuple[tuple[str, str], ...] = (
    ("Google", r"(^|\.)google\.[a-z.]+$"), ("Bing", r"(^|\.)bing\.com$"),
    ("DuckDuckGo", r"(^|\.)duckduckgo\.com$"), ("Qwant", r"(^|\.)qwant\.com$"),
    ("Ecosia", r"(^|\.)ecosia\.org$"), ("Yahoo", r"(^|\.)yahoo\.[a-z.]+$"),
    ("Startpage", r"(^|\.)startpage\.com$"), ("Brave", r"^search\.brave\.com$"),
    ("Yandex", r"(^|\.)yandex\.[a-z.]+$"), ("Baidu", r"(^|\.)baidu\.com$"),
    ("Lilo", r"(^|\.)lilo\.org$"), ("Perplexity", r"(^|\.)perplexity\.ai$"),
)
# ?nl=2026-12 (publishing.model.newsletter): the edition, never a person
NEWSLETTER = re.compile(rf"(?:^|&){EDITION_PARAMETER}=(\d{{4}}-\d\d)(?:&|$)")


@dataclass(frozen=True)
class Period:
    """A month (2026-11) or a year (2026)."""

    first: date
    last: date
    label: str  # "2026-11" or "2026"

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(date(year, month, 1), following - timedelta(days=1), f"{year}-{month:02d}")

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), str(year))


@dataclass(frozen=True)
class Site:
    """One site: a territory in one language, at a host and a path prefix ("/" or "/nl/")."""

    territory: str
    lang: str
    host: str  # without www.
    prefix: str
    titles: dict[str, str]  # the build's pages: address within the site ("focus/x/", "") -> title


@dataclass(frozen=True)
class Source:
    kind: str  # newsletter, search, site (another site), brusano (one of ours), direct
    name: str = ""  # the edition, the search engine, the host


DIRECT, OURS = Source("direct"), Source("brusano")


@dataclass
class Counts:
    """Figures of one scope: a site, a territory (its two languages) or all sites."""

    page_views: int = 0
    visits: int = 0
    visitors: int = 0  # distinct per day, added up


@dataclass
class Figures:
    """Everything the report shows, computed (publishing.output.audience writes it)."""

    period: Period
    days_covered: list[date]
    sites: list[tuple[Site, Counts]]
    territories: list[tuple[str, Counts]]
    total: Counts
    days: list[tuple[date, int, int, int]]  # day, visits, visitors, page views (all sites)
    sources: list[tuple[str, str, str, str, int]]  # territory, lang, kind, name, visits
    pages: list[tuple[str, str, str, str, int]]  # territory, lang, title, address, page views
    pdfs: list[tuple[str, str, str, str, str, int]]  # territory, lang, kind, title, address, downloads
    calendars: list[tuple[str, str, str, str, float, int]]  # territory, lang, title, address, mean/day, max
    feeds: list[tuple[str, str, str, str, float, int]]
    old_addresses: list[tuple[str, str, int]]  # old address, where it leads, times followed
    not_found: list[tuple[str, int]]  # address, times asked
    excluded: dict[str, int]  # robots, no_agent, head, other_method, load_test…

    @property
    def empty(self) -> bool:
        """Nothing counted: no line of the period, or none but robots'."""
        return not (self.total.page_views or self.pdfs or self.calendars or self.feeds)

    def share(self, kind: str) -> int:
        """The percentage of visits that came from a kind of source (newsletter, search…)."""
        came = sum(visits for *_, source, _name, visits in self.sources if source == kind)
        return round(100 * came / self.total.visits) if self.total.visits else 0


@dataclass
class Tally:
    """Counts lines as they pass (add), then makes the figures (figures)."""

    sites: list[Site]
    is_robot: Callable[[str], bool]
    redirects: dict[tuple[str, str], tuple[str, str]]  # (host, path) as normal() -> (old, new)
    ours: frozenset[str] = field(default=frozenset(), init=False)  # our hosts, without www.
    _hosts: dict[str, list[tuple[str, int]]] = field(default_factory=dict, init=False)
    _views: dict[tuple[int, int], array[int]] = field(default_factory=dict, init=False)
    _sources: dict[Source, int] = field(default_factory=dict, init=False)
    _referrers: dict[str, int] = field(default_factory=dict, init=False)
    _pages: Counter[tuple[int, str]] = field(default_factory=Counter, init=False)  # (site, address) -> views
    # (site, address, day, visitor) of each PDF, calendar and feed fetched
    _files: dict[str, set[tuple[int, str, int, int]]] = field(
        default_factory=lambda: {"pdf": set(), "ics": set(), "feed": set()}, init=False)
    _moved: Counter[tuple[str, str]] = field(default_factory=Counter, init=False)
    _missing: Counter[tuple[str, str]] = field(default_factory=Counter, init=False)
    excluded: Counter[str] = field(default_factory=Counter, init=False)

    def __post_init__(self) -> None:
        for index, site in enumerate(self.sites):
            self._hosts.setdefault(site.host, []).append((site.prefix, index))
        for prefixes in self._hosts.values():
            prefixes.sort(key=lambda p: -len(p[0]))
        self.ours = frozenset(self._hosts)
        self._source(DIRECT)  # number 0
        self._engines = [(name, re.compile(pattern)) for name, pattern in SEARCH_ENGINES]

    def add_all(self, lines: Iterable[Line]) -> None:
        for line in lines:
            self.add(*line)

    def add(self, day: int, second: int, client: str, host: str, request: str, status: int,
            referrer: str, agent: str) -> None:
        method, _, rest = request.partition(" ")
        if method != "GET":
            self.excluded["head" if method == "HEAD" else "other_method"] += 1
            return
        if agent in ("", "-"):
            self.excluded["no_agent"] += 1
            return
        target = rest.rpartition(" ")[0] or rest
        path, _, query = target.partition("?")
        if "%" in path:
            path = unquote(path)
        host = host.lower().removeprefix("www.")
        found = self._site(host, path)
        visitor = hash((client, agent))
        if found is None:
            self.excluded["other_host"] += 1
            return
        site, address = found
        robot = self.is_robot(agent)
        last = address.rpartition("/")[2]
        kind = last[last.rfind("."):].lower() if "." in last else ""
        if status in PAGE_STATUS and (kind == ".ics" or last == "feed.xml"):
            self._files["ics" if kind == ".ics" else "feed"].add((site, address, day, visitor))
            return
        if robot:
            self.excluded["robot"] += 1
            return
        if status == 301:
            moved = self.redirects.get((host, path.rstrip("/") or "/"))
            if moved is not None:
                self._moved[moved] += 1
            return
        if status == 404:
            if kind in NOT_FOUND_KINDS and (len(self._missing) < LIMIT or (host, path) in self._missing):
                self._missing[(host, path)] += 1
            return
        if kind == ".pdf":
            if status in PDF_STATUS:
                self._files["pdf"].add((site, address, day, visitor))
            return
        if status not in PAGE_STATUS or kind not in ("", ".html") or address.startswith(ASSET_FOLDERS):
            self.excluded["not_a_page"] += 1
            return
        if address.endswith("index.html"):
            address = address[: -len("index.html")]
        self._pages[(site, address)] += 1
        source = self._source_of(query, referrer)
        views = self._views.get((site, visitor))
        if views is None:
            views = self._views[(site, visitor)] = array("q")
        views.append(((day * DAY + second) << SOURCE_BITS) | source)

    def merge(self, other: Tally) -> None:
        """Add what another tally counted (the same sites, another file read in another process:
        visitors are hashed alike in processes forked from one parent)."""
        mask = (1 << SOURCE_BITS) - 1
        numbers = {number: self._source(source) for source, number in other._sources.items()}
        for key, views in other._views.items():
            moved = array("q", (value & ~mask | numbers[value & mask] for value in views))
            mine = self._views.get(key)
            if mine is None:
                self._views[key] = moved
            else:
                mine.extend(moved)
        self._pages.update(other._pages)
        for kind, seen in other._files.items():
            self._files[kind] |= seen
        self._moved.update(other._moved)
        for address, count in other._missing.items():
            if len(self._missing) < LIMIT or address in self._missing:
                self._missing[address] += count
        self.excluded.update(other.excluded)

    # --- where a line belongs, where a visit comes from -----------------------------------------

    def _site(self, host: str, path: str) -> tuple[int, str] | None:
        for prefix, index in self._hosts.get(host, ()):
            if path.startswith(prefix) or path + "/" == prefix:
                return index, path[len(prefix):]
        return None

    def _source(self, source: Source) -> int:
        number = self._sources.get(source)
        if number is None:
            if len(self._sources) >= (1 << SOURCE_BITS) - 1:
                source = Source("site", "…")
                return self._sources.setdefault(source, len(self._sources))
            number = self._sources[source] = len(self._sources)
        return number

    def _source_of(self, query: str, referrer: str) -> int:
        if EDITION_PARAMETER in query:
            edition = NEWSLETTER.search(query)
            if edition:
                return self._source(Source("newsletter", edition.group(1)))
        number = self._referrers.get(referrer)
        if number is None:
            if len(self._referrers) >= LIMIT:
                self._referrers.clear()
            number = self._referrers[referrer] = self._source(self._referred(referrer))
        return number

    def _referred(self, referrer: str) -> Source:
        if referrer in ("", "-"):
            return DIRECT
        try:
            host = (urlsplit(referrer).hostname or "").removeprefix("www.")
        except ValueError:
            return DIRECT
        if not host:
            return DIRECT
        if host in self.ours:
            return OURS
        for name, engine in self._engines:
            if engine.search(host):
                return Source("search", name)
        return Source("site", host)

    # --- the figures ---------------------------------------------------------------------------

    def figures(self, period: Period, days_covered: Iterable[int]) -> Figures:
        sources = {number: source for source, number in self._sources.items()}
        n = len(self.sites)
        counts = [Counts() for _ in range(n)]
        visits_by_day: Counter[int] = Counter()
        views_by_day: Counter[int] = Counter()
        site_day: list[Counter[int]] = [Counter() for _ in range(n)]
        territory_day: dict[str, defaultdict[int, set[int]]] = {}
        all_day: defaultdict[int, set[int]] = defaultdict(set)
        by_source: Counter[tuple[int, Source]] = Counter()
        for (site, visitor), views in self._views.items():
            territory = self.sites[site].territory
            per_day = territory_day.setdefault(territory, defaultdict(set))
            previous = None
            seen_days: set[int] = set()
            for value in sorted(views):
                moment, source = value >> SOURCE_BITS, value & ((1 << SOURCE_BITS) - 1)
                day = moment // DAY
                views_by_day[day] += 1
                seen_days.add(day)
                if previous is None or moment - previous >= VISIT_GAP:
                    counts[site].visits += 1
                    visits_by_day[day] += 1
                    by_source[(site, sources[source])] += 1
                previous = moment
            counts[site].page_views += len(views)
            for day in seen_days:
                site_day[site][day] += 1
                per_day[day].add(visitor)
                all_day[day].add(visitor)
        for site in range(n):
            counts[site].visitors = sum(site_day[site].values())
        territories = []
        for territory in dict.fromkeys(s.territory for s in self.sites):
            mine = [counts[i] for i, s in enumerate(self.sites) if s.territory == territory]
            territories.append((territory, Counts(sum(c.page_views for c in mine), sum(c.visits for c in mine),
                                                  sum(len(v) for v in territory_day.get(territory, {}).values()))))
        total = Counts(sum(c.page_views for c in counts), sum(c.visits for c in counts),
                       sum(len(v) for v in all_day.values()))
        visitors_by_day = {day: len(v) for day, v in all_day.items()}
        covered = sorted(set(days_covered))
        days = [(date.fromordinal(d), visits_by_day[d], visitors_by_day.get(d, 0), views_by_day[d])
                for d in range(period.first.toordinal(), min(period.last.toordinal(), max(covered, default=0)) + 1)]
        return Figures(
            period=period, days_covered=[date.fromordinal(d) for d in covered],
            sites=list(zip(self.sites, counts, strict=True)), territories=territories, total=total, days=days,
            sources=sorted(((self.sites[s].territory, self.sites[s].lang, src.kind, src.name, k)
                            for (s, src), k in by_source.items()), key=lambda r: (-r[4], r)),
            pages=sorted(((self.sites[s].territory, self.sites[s].lang, self._title(s, a), a, k)
                          for (s, a), k in self._pages.items()), key=lambda r: (-r[4], r)),
            pdfs=self._downloads(), calendars=self._subscribed("ics", len(covered)),
            feeds=self._subscribed("feed", len(covered)),
            old_addresses=sorted(((old, new, k) for (old, new), k in self._moved.items()), key=lambda r: (-r[2], r)),
            not_found=sorted(((host + path, k) for (host, path), k in self._missing.items()),
                             key=lambda r: (-r[1], r)),
            excluded=dict(self.excluded))

    def _title(self, site: int, address: str) -> str:
        """The page's title in the build; a file's: the title of the page it sits beside."""
        titles = self.sites[site].titles
        if address in titles:
            return titles[address]
        folder = address.rpartition("/")[0]
        return titles.get(folder + "/" if folder else "", "")

    def _downloads(self) -> list[tuple[str, str, str, str, str, int]]:
        found: Counter[tuple[int, str]] = Counter((s, a) for s, a, _day, _visitor in self._files["pdf"])
        rows = [(self.sites[s].territory, self.sites[s].lang, "focus" if a.startswith("focus/") else "synthesis",
                 self._title(s, a), a, k) for (s, a), k in found.items()]
        return sorted(rows, key=lambda r: (-r[5], r))

    def _subscribed(self, kind: str, days: int) -> list[tuple[str, str, str, str, float, int]]:
        per_day: Counter[tuple[int, str, int]] = Counter((s, a, d) for s, a, d, _visitor in self._files[kind])
        total: Counter[tuple[int, str]] = Counter()
        most: Counter[tuple[int, str]] = Counter()
        for (s, a, _d), k in per_day.items():
            total[(s, a)] += k
            most[(s, a)] = max(most[(s, a)], k)
        rows = [(self.sites[s].territory, self.sites[s].lang, self._title(s, a), a,
                 round(k / max(days, 1), 1), most[(s, a)]) for (s, a), k in total.items()]
        return sorted(rows, key=lambda r: (-r[4], r))


def add_up(period: Period, months: list[Figures]) -> Figures:
    """A year from its months' figures: every count adds up (visitors too: they are counted per
    day), a calendar's subscribers per day are averaged over all the days the months' logs held."""
    def summed(rows: Iterable[tuple[Any, ...]], key_size: int) -> list[Any]:
        total: Counter[tuple[Any, ...]] = Counter()
        for row in rows:
            total[row[:key_size]] += row[key_size]
        return sorted(((*key, n) for key, n in total.items()), key=lambda r: (-r[-1], r))

    def counted(pairs: Iterable[tuple[Any, Counts]]) -> list[tuple[Any, Counts]]:
        found: dict[Any, Counts] = {}
        for key, c in pairs:
            into = found.setdefault(key, Counts())
            into.page_views, into.visits, into.visitors = (into.page_views + c.page_views, into.visits + c.visits,
                                                            into.visitors + c.visitors)
        return list(found.items())

    def subscribers(kind: str) -> list[tuple[str, str, str, str, float, int]]:
        days: Counter[tuple[Any, ...]] = Counter()  # subscriber-days
        most: Counter[tuple[Any, ...]] = Counter()
        for month in months:
            for *key, mean, top in getattr(month, kind):
                days[tuple(key)] += mean * len(month.days_covered)
                most[tuple(key)] = max(most[tuple(key)], top)
        covered = max(sum(len(m.days_covered) for m in months), 1)
        rows = [(*key, round(n / covered, 1), most[key]) for key, n in days.items()]
        return sorted(rows, key=lambda r: (-r[4], r))

    sites = {(s.territory, s.lang): s for m in months for s, _c in m.sites}
    excluded: Counter[str] = Counter()
    for month in months:
        excluded.update(month.excluded)
    return Figures(
        period=period, days_covered=sorted({d for m in months for d in m.days_covered}),
        sites=[(sites[key], c) for key, c in counted(((s.territory, s.lang), c) for m in months for s, c in m.sites)],
        territories=counted(pair for m in months for pair in m.territories),
        total=counted(("", m.total) for m in months)[0][1] if months else Counts(),
        days=sorted(day for m in months for day in m.days),
        sources=summed((r for m in months for r in m.sources), 4),
        pages=summed((r for m in months for r in m.pages), 4),
        pdfs=summed((r for m in months for r in m.pdfs), 5),
        calendars=subscribers("calendars"), feeds=subscribers("feeds"),
        old_addresses=summed((r for m in months for r in m.old_addresses), 2),
        not_found=summed((r for m in months for r in m.not_found), 1),
        excluded=dict(excluded))
