"""Render HTML to an accessible PDF with WeasyPrint: offline, tagged, cached.

The only module that imports WeasyPrint. Brochures never fetch anything from
the network: the URL fetcher allows files below the repository and data: URLs,
and a missing file is an error. Each PDF is cached under build/cache/pdf/ by
the hash of everything it is made from, so an unchanged brochure is not
rendered again.
"""
from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

CACHE_VERSION = "2"


class PdfError(Exception):
    """The document could not be rendered (a missing image, a file outside the repository…)."""


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    pages: int
    overflow_mm: float = 0.0  # how far the content ran past the last page's bottom (one-page documents)


def _fetcher(root: Path):
    """Files below the repository and data: URLs only; anything else stops the rendering."""
    from urllib.parse import unquote, urlsplit

    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    root = root.resolve()

    class OfflineFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                path = Path(unquote(urlsplit(url).path)).resolve()
                if root not in path.parents or not path.is_file():
                    raise FatalURLFetchingError(f"missing file, or outside the repository: {path}")
            elif not url.startswith("data:"):
                raise FatalURLFetchingError(f"brochures load nothing from the network: {url}")
            return super().fetch(url, headers)

    return OfflineFetcher(allowed_protocols={"file", "data"}, fail_on_errors=True)


def cache_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(CACHE_VERSION.encode())
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def render(html: str, base_url: Path, root: Path, title: str, lang: str,
           cache_dir: Path | None = None, measure_overflow: bool = False) -> RenderedPdf:
    """HTML (with its stylesheets linked) -> PDF/UA-1 bytes, from the cache when possible."""
    key = None
    if cache_dir is not None:
        key = cache_key(html, str(base_url), title, lang, str(measure_overflow), _assets_digest(html, base_url))
        cached = cache_dir / f"{key}.pdf"
        meta = cache_dir / f"{key}.meta"
        if cached.exists() and meta.exists():
            pages_text, overflow_text = meta.read_text().split()
            return RenderedPdf(cached.read_bytes(), int(pages_text), float(overflow_text))
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError

    try:
        document = HTML(string=html, base_url=str(base_url) + "/", url_fetcher=_fetcher(root)).render()
    except FatalURLFetchingError as exc:  # a BaseException: turn it into an error we report
        raise PdfError(str(exc)) from None
    overflow = _overflow(document) if measure_overflow else 0.0
    output = io.BytesIO()
    document.metadata.title = title
    document.metadata.lang = lang
    document.write_pdf(output, pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True)
    # WeasyPrint writes the creation date of the clock: a fixed one keeps builds identical
    content = _fixed_dates(output.getvalue())
    result = RenderedPdf(content, len(document.pages), overflow)
    if cache_dir is not None and key is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        (cache_dir / f"{key}.pdf").write_bytes(result.content)
        (cache_dir / f"{key}.meta").write_text(f"{result.pages} {result.overflow_mm}")
    return result


_DATE = re.compile(rb"(/(?:CreationDate|ModDate) \(D:)\d{14}[^)]*\)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate)>)[^<]*(</xmp:)")


def _fixed_dates(pdf: bytes) -> bytes:
    pdf = _DATE.sub(rb"\g<1>20000101000000Z)", pdf)
    return _XMP_DATE.sub(rb"\g<1>2000-01-01T00:00:00Z\g<2>", pdf)


def _assets_digest(html: str, base_url: Path) -> str:
    """Hash the local files the HTML links to (stylesheets, images), so editing them renders again."""
    digest = hashlib.sha256()
    for ref in sorted(set(re.findall(r'(?:href|src)="([^"#?]+)"', html))):
        if ref.startswith(("http:", "https:", "data:", "mailto:", "tel:")):
            continue
        path = Path(ref[len("file://"):]) if ref.startswith("file://") else base_url / ref
        if path.is_file():
            digest.update(ref.encode() + path.read_bytes())
    return digest.hexdigest()


def _overflow(document) -> float:
    """For one-page documents: millimetres of content that went onto the pages after the first
    (the height of the page content there, margin boxes such as running footers excluded)."""
    extra = 0.0
    for page in document.pages[1:]:
        for child in page._page_box.children:
            if type(child).__name__ != "MarginBox":
                extra += child.margin_height()
    return round(extra * 25.4 / 96, 1)
