"""Links, anchors and images of the editors' texts, followed on the plans of the twelve sites.

A link is followed as the published site will follow it: `page.md` from the
text's folder in the site (as MkDocs resolves it), `../helpdesk/` from the page's
address, and an absolute address on one of the sites' domains as a link into
that site and language. Checked, on every site that publishes the text:

- the page exists (error `broken_link`), and so does the anchor, a heading or an
  id of that page (error `broken_anchor`);
- an image exists, in the text's own folder, from which it is published
  (errors `missing_image`, `image_not_published`);
- a Dutch text does not send readers to a French page that exists in Dutch
  (warning `link_to_french`).

Addresses on other hosts are never fetched. Nothing here knows MkDocs: the plans
are what `site.plan_site` makes of the model.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from publishing.markdown import markup, reading
from publishing.model import LANGS, TERRITORY_IDS, OutputPage, Project, SitePlan
from publishing.model.paths import GENERATED
from publishing.plan.resources import RESOURCE_SUFFIXES
from publishing.problems import Report

Site = tuple[str, str]  # (territory id, language)



@dataclass(frozen=True)
class Found:
    """Where a link leads: a site, and the page there (None: no page at that address)."""

    site: Site
    page: OutputPage | None
    fragment: str
    explicit_lang: str | None = None  # 'fr' in `page.fr.md`
    docs_link: bool = False
    path: str = ""  # what was looked for, for suggestions


class Sites:
    """The twelve site plans, indexed for following links."""

    def __init__(self, project: Project, plans: dict[Site, SitePlan]) -> None:
        self.project, self.plans = project, plans
        self.by_key = {site: {p.key: p for p in plan.pages} for site, plan in plans.items()}
        self.by_url = {site: {p.url: p for p in plan.pages} for site, plan in plans.items()}
        # longest first: https://www.brusano.brussels/nl/ before https://www.brusano.brussels/
        self.bases = sorted(((self.base(site), site) for site in plans), key=lambda b: -len(b[0]))

    def base(self, site: Site) -> str:
        return self.project.territories[site[0]].url[site[1]]

    def page_address(self, site: Site, page: OutputPage) -> str:
        return self.base(site) + page.url

    def site_of(self, address: str) -> tuple[Site, str] | None:
        """The site an absolute address belongs to, and the path inside it."""
        parts = urlsplit(address)
        plain = f"//{parts.netloc.lower()}{parts.path or '/'}"
        for base, site in self.bases:
            b = urlsplit(base)
            prefix = f"//{b.netloc.lower()}{b.path}"
            if plain.startswith(prefix) or plain + "/" == prefix:
                return site, plain[len(prefix):]
        return None

    def ids(self, page: OutputPage) -> set[str]:
        """The anchors of a page: heading ids as the sites make them, and ids of its HTML."""
        return set(reading.ids(page.markdown))

    def follow(self, site: Site, page: OutputPage, url: str) -> Found | None:
        """Where a link of `page` (on `site`) leads; None for what is not ours to check."""
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None  # mailto:, tel:…
        path, fragment = unquote(parts.path), unquote(parts.fragment)
        if not parts.scheme and not parts.netloc and path.endswith(".md"):
            key, lang = docs_target(page.key, path)
            target_site = (site[0], lang or site[1])
            target = self.by_key.get(target_site, {}).get(key) if key is not None else None
            return Found(target_site, target, fragment, lang, True, path)
        if not parts.scheme and not parts.netloc and not path:
            return Found(site, page, fragment)  # #anchor on the same page
        address = urljoin(self.page_address(site, page), url.split("#")[0])
        found = self.site_of(address)
        if found is None:
            return None  # another host
        target_site, rest = found
        rest = unquote(rest)
        if rest == "index.html" or rest.endswith("/index.html"):
            rest = rest[: -len("index.html")]
        if posixpath.splitext(rest.rstrip("/"))[1]:
            return None  # a file, not a page: resources are checked from the text's folder
        wanted = rest if rest == "" or rest.endswith("/") else rest + "/"
        return Found(target_site, self.by_url.get(target_site, {}).get(wanted), fragment, path=wanted)


def docs_target(key: str, path: str) -> tuple[str | None, str | None]:
    """'../bassins.md' from page 'a-propos/histoire' -> ('bassins', None); 'x.fr.md' -> ('x', 'fr')."""
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(key), path)
    normal = posixpath.normpath(joined)
    if normal.startswith("..") or normal == ".":
        return None, None
    stem = normal[: -len(".md")]
    base, dot, lang = stem.rpartition(".")
    if dot and lang in LANGS:
        return base, lang
    return stem, None


def label(site: Site) -> str:
    """How public/ names a site: 'sud', 'sud/nl'."""
    return site[0] if site[1] == "fr" else f"{site[0]}/{site[1]}"


class Findings:
    """Problems by (file, line, code, params), with the sites each was seen on.

    A shared text is published on six sites: a link broken on all of them is one
    problem; one broken on some of them names those sites."""

    def __init__(self) -> None:
        self.seen: dict[tuple, set[Site]] = {}
        self.order: list[tuple] = []
        self.params: dict[tuple, dict] = {}
        self.published: dict[Path, set[Site]] = {}

    def add(self, site: Site, source: Path, line: int | None, code: str, url: str, warning: bool = False,
            **params) -> None:
        """One finding on one site; `params` beyond the url are taken from the first site."""
        key = (source, line, code, url, warning)
        if key not in self.seen:
            self.seen[key] = set()
            self.order.append(key)
            self.params[key] = params
        self.seen[key].add(site)

    def report(self, report: Report) -> None:
        for key in self.order:
            source, line, code, url, warning = key
            sites = self.seen[key]
            langs = {lang for _territory, lang in sites}
            published = {s for s in self.published.get(source, set()) if s[1] in langs}
            where = "" if sites >= published else \
                " [" + ", ".join(label(s) for s in sorted(sites, key=site_order)) + "]"
            add = report.warn if warning else report.add
            add(source, code, line=line, input=url, sites=where, **self.params[key])


def site_order(site: Site) -> tuple:
    return (TERRITORY_IDS.index(site[0]) if site[0] in TERRITORY_IDS else 99, LANGS.index(site[1]))


@dataclass(frozen=True)
class Text:
    """An editor's text as published on a page: its body there, and where it comes from."""

    source: Path
    body: str  # as published (variables filled in)
    source_body: str  # as written
    first_line: int
    lang: str


def editor_text(page: OutputPage, documents: dict, pages: dict) -> Text | None:
    if page.source is None or page.source.suffix != ".md":
        return None  # a page made from data (directories, lists): its links are the code's
    if page.source in documents:
        doc = documents[page.source]
        return Text(doc.source, doc.body, doc.body, doc.body_line, doc.lang)
    written = pages.get(page.source)
    if written is None:
        return None
    published = page.markdown if page.text is None else page.text  # the home: its editor's text only
    return Text(written.source, published, written.body, written.body_line, written.lang)


def published_texts(project: Project, plans: dict[Site, SitePlan]) -> set[str]:
    """The editors' texts as the sites publish them (variables filled in): whose links are followed."""
    documents, pages = _sources(project)
    return {text.body for plan in plans.values() for page in plan.pages
            if (text := editor_text(page, documents, pages)) is not None}


def _sources(project: Project) -> tuple[dict, dict]:
    documents = {t.source: t for d in project.documents() for t in d.texts.values()}
    return documents, {p.source: p for p in project.pages}


def check_links(project: Project, plans: dict[Site, SitePlan], report: Report) -> None:
    sites = Sites(project, plans)
    documents, pages = _sources(project)
    findings = Findings()
    for site, plan in plans.items():
        for page in plan.pages:
            text = editor_text(page, documents, pages)
            if text is None:
                continue
            findings.published.setdefault(text.source, set()).add(site)
            check_page(sites, site, page, text, findings)
    findings.report(report)


def check_page(sites: Sites, site: Site, page: OutputPage, text: Text, findings: Findings) -> None:
    for link in links_of(text.body):
        url = link.url.strip()
        if not url or url.startswith(("{{", "{%")):
            continue
        line = source_line(text, link.line, url)
        if link.image:
            check_image(site, text, url, line, findings)
            continue
        if resource(url) and not urlsplit(url).scheme:
            check_resource(sites, site, page, text, url, line, findings)
            continue
        found = sites.follow(site, page, url)
        if found is None:
            continue
        if found.page is None:
            findings.add(site, text.source, line, "broken_link", url,
                         suggestion=suggest_page(sites, site, page, found))
            continue
        # a French text shown on a Dutch site links the Dutch pages: its French anchors are not theirs
        if found.fragment and text.lang == found.site[1] and found.fragment not in sites.ids(found.page):
            # a heading's or an editor's id, not a footnote's (fn:1, fnref:1: not what anyone means)
            anchors = sorted(i for i in sites.ids(found.page) if not i.startswith(("fn:", "fnref:")))
            close = difflib.get_close_matches(found.fragment, anchors, n=1)
            findings.add(site, text.source, line, "broken_anchor", url, anchor=found.fragment,
                         suggestion=f"#{close[0]}" if close else "")
            continue
        if text.lang != "fr" and found.site[1] == "fr" and text.lang in found.page.translations:
            better = (posixpath.relpath(f"{found.page.key}.md", posixpath.dirname(page.key) or ".")
                      if found.docs_link else sites.base((found.site[0], text.lang)) + found.page.url)
            findings.add(site, text.source, line, "link_to_french", url, warning=True, target=better)


def links_of(body: str) -> tuple[markup.Link, ...]:
    """The links of a text as its page holds them, found once however many sites publish it."""
    return reading.read(body).links


def resource(url: str) -> bool:
    """A link to a file (a PDF, an image), not to a page."""
    path = urlsplit(url).path
    suffix = posixpath.splitext(path.rstrip("/"))[1].lower()
    return bool(suffix) and suffix not in (".md", ".html")


def check_image(site: Site, text: Text, url: str, line: int | None, findings: Findings) -> None:
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or parts.path.startswith("/"):
        return  # an address, not a file of the repository
    if not published_beside(text.source, unquote(parts.path)):
        file = (text.source.parent / unquote(parts.path))
        code = "image_not_published" if file.is_file() else "missing_image"
        findings.add(site, text.source, line, code, url)


def check_resource(sites: Sites, site: Site, page: OutputPage, text: Text, url: str, line: int | None,
                   findings: Findings) -> None:
    path = unquote(urlsplit(url).path)
    if path.startswith("/") or published_beside(text.source, path):
        return
    # a file the build makes (a Focus PDF, an open data export): under a generated section
    address = urljoin(sites.page_address(site, page), path)
    found = sites.site_of(address)
    if found is not None and found[1].split("/")[0] in GENERATED:
        return
    findings.add(site, text.source, line, "broken_link", url, suggestion="")


def published_beside(source: Path, path: str) -> bool:
    """Is this file published with the text? Only the files of the text's own folder are."""
    file = (source.parent / path)
    return (file.is_file() and file.resolve().parent == source.parent.resolve()
            and file.suffix.lower() in RESOURCE_SUFFIXES)


def suggest_page(sites: Sites, site: Site, page: OutputPage, found: Found) -> str:
    """The link to a page close to the one looked for, or "" (the catalogue words the suggestion)."""
    if found.docs_link:
        # never the page itself; a page of the same name elsewhere (helpdesk.md from a folder: ../helpdesk.md)
        keys = sorted(k for k in sites.by_key.get(found.site, {}) if k != page.key)
        folder = posixpath.dirname(page.key) or "."
        wanted = posixpath.normpath(posixpath.join(posixpath.dirname(page.key), found.path))[: -len(".md")]
        name = posixpath.basename(wanted)
        same_name = sorted((k for k in keys if posixpath.basename(k) == name), key=lambda k: (k.count("/"), k))
        close = same_name[:1] or difflib.get_close_matches(wanted, keys, n=1)
        return posixpath.relpath(close[0] + ".md", folder) if close else ""
    own = page.url if found.site == site else None  # never the page itself
    urls = sorted(u for u in sites.by_url.get(found.site, {}) if u and u != own)
    close = difflib.get_close_matches(found.path, urls, n=1)
    return sites.base(found.site) + close[0] if close else ""


def source_line(text: Text, line: int, url: str) -> int | None:
    """The line, in the file, of a link found on `line` of the published body."""
    if text.body == text.source_body:
        return text.first_line + line - 1
    written = text.source_body.split("\n")
    candidates = [i for i, content in enumerate(written, start=1) if url in content]
    if not candidates:  # an address made with a variable: {{ t.url }}helpdesk/
        for i, content in enumerate(written, start=1):
            if "{{" not in content:
                continue
            for link in markup.links(content):
                pattern = ".*?".join(re.escape(part) for part in re.split(r"\{\{.*?\}\}", link.url))
                if "{{" in link.url and re.fullmatch(pattern, url):
                    candidates.append(i)
    if candidates:
        return text.first_line + min(candidates, key=lambda i: abs(i - line)) - 1
    if len(written) == text.body.count("\n") + 1:
        return text.first_line + line - 1
    return None
