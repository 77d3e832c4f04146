"""One reading of the Markdown (issue 17): what the check reads in a text is what its page holds.

The differential test runs every Markdown file of the repository (content/, focus/) and a
corpus of valid constructs (tests/fixtures/markdown/constructs.fr.md) through the check's
reading (publishing.markdown.reading) and through the web page's Markdown (the sites' extensions
in MkDocs' form, permalinks and all), and compares the links and images: every one the check
reports is on the page, every one on the page is checked. The rendered HTML is read here with
the standard library's HTML parser, apart from the reading's. MkDocs then points `x.md` links
to page addresses; that rewriting comes after, on the same links.
"""
from __future__ import annotations

import html as html_module
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from publishing import build_sites, check
from publishing.load.yamlio import load_markdown
from publishing.markdown import reading
from publishing.markdown.extensions import web_extensions
from publishing.markdown.html import to_html
from publishing.problems import Report
from tests.support import make_repo

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "markdown" / "constructs.fr.md"
GENERATED = {"footnote-ref", "footnote-backref", "headerlink"}  # the extensions' own links


def page_links(body: str) -> Counter:
    """(address, image?) of the links and images of the web page's HTML of a text."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in web_extensions("#")]
    configs = {next(iter(e)): e[next(iter(e))] for e in web_extensions("#") if isinstance(e, dict)}
    page = markdown.Markdown(extensions=names, extension_configs=configs).convert(body)
    found: Counter = Counter()

    class Page(HTMLParser):
        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if GENERATED & set((values.get("class") or "").split()):
                return
            if tag == "a" and "href" in values:
                found[((values["href"] or "").strip(), False)] += 1
            elif tag == "img":
                found[((values.get("src") or "").strip(), True)] += 1

        handle_startendtag = handle_starttag

    parser = Page(convert_charrefs=True)
    parser.feed(page)
    parser.close()
    return found


def checked_links(body: str) -> Counter:
    return Counter((link.url, link.image) for link in reading.links(body))


def markdown_files() -> list[Path]:
    files = sorted((ROOT / "content").rglob("*.md")) + sorted((ROOT / "focus").rglob("*.md"))
    return [CORPUS, *files]


def body_of(path: Path) -> tuple[str, int]:
    document = load_markdown(path, Report(ROOT))
    assert document is not None, path
    return document.body, document.body_line


def test_the_repository_has_texts_to_compare():
    assert len(markdown_files()) > 100


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_check_reads_the_links_the_page_has(path):
    body, _ = body_of(path)
    assert checked_links(body) == page_links(body)


def test_the_corpus_holds_every_construct_and_its_links():
    body, _ = body_of(CORPUS)
    links = checked_links(body)
    for url in ("https://example.org/note", "https://example.org/reference", "mailto:contact@example.org",
                "tel:+3220000000", "mailto:secretariat@example.org?subject=Question",
                "https://example.org/cherche?q=a&lang=fr", "https://example.org/html-bloc",
                "https://example.org/html-ligne", "https://example.org/encadre", "https://example.org/repliable",
                "https://example.org/definition", "https://example.org/md-in-html", "#titre-avec-id"):
        assert (url, False) in links, url
    assert links[("schema.svg", True)] == 3
    assert not any("nulle-part" in url or "absente" in url for url, _ in links)  # code is text
    assert links[("https://example.org/simple", False)] == 2  # one definition, two uses


def test_each_link_is_reported_on_the_line_where_its_address_is_written():
    body, first = body_of(CORPUS)
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    for link in reading.links(body):
        written = lines[first + link.line - 2]
        forms = {link.url, html_module.escape(link.url, quote=False), link.url.removeprefix("mailto:")}
        assert any(form in written for form in forms), (link, written)
        assert ("<img" in written or "<a " in written) if link.html else True
    html_image = [link for link in reading.links(body) if link.image and link.html]
    assert [first + link.line - 1 for link in html_image] == [CORPUS_LINE_OF('<img src="schema.svg"')]


def CORPUS_LINE_OF(fragment: str) -> int:
    (number,) = [i for i, line in enumerate(CORPUS.read_text(encoding="utf-8").split("\n"), 1)
                 if fragment in line]
    return number


@pytest.mark.slow
def test_a_page_with_every_construct_passes_the_check_and_shows_as_written(tmp_path):
    text = CORPUS.read_text(encoding="utf-8")
    root = make_repo(tmp_path, """
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # Startpagina
    """)
    (root / "content" / "shared" / "index.fr.md").write_text(text, encoding="utf-8")
    (root / "content" / "shared" / "schema.svg").write_bytes((CORPUS.parent / "schema.svg").read_bytes())
    report = check(root)
    assert not report.errors, report.render()
    assert not [p for p in report.warnings if "index.fr.md" in str(p.file)], report.render()
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out, with_files=False)
    assert not report.errors, report.render()
    page = (out / "sud" / "index.html").read_text(encoding="utf-8")
    shown(page)


def shown(page: str) -> None:
    """What the corpus shows when rendered as written."""
    assert 'class="footnote"' in page and "La note de bas de page, sur une ligne." in page
    assert "Et un second paragraphe dans la note." in page
    assert 'title="Le titre du lien"' in page and 'href="https://example.org/raccourci"' in page
    assert 'class="admonition note"' in page and "<details" in page
    assert "<table>" in page and "<dl>" in page and '<abbr title="Bureau d&#x27;accueil' in page.replace(
        "&#39;", "&#x27;").replace("'", "&#x27;")
    assert 'id="titre-avec-id"' in page and 'class="important"' in page
    assert "<strong>Markdown</strong>" in page
    assert "[pas un lien](nulle-part.md)" in page and "[^2]: pas une note" in page
    assert 'src="schema.svg"' in page
    assert "tel:+3220000000" in page


def test_the_print_of_the_corpus_shows_it_as_written():
    body, _ = body_of(CORPUS)
    shown(to_html(body).body)


HOSTILE = """Texte.

<script>alert('x')</script>

    <script>dans un bloc de code indenté : montré, pas exécuté</script>

`<iframe src="x">` et

```html
<object data="x"></object>
```

Voir [la page](https://example.org/){ onclick="alert(1)" }

<div markdown="1" onmouseover="x">
*a* <iframe src="https://example.org/"></iframe>
</div>

<form action="https://example.org/"><input name="q"></form>
"""


def dangerous_in_page(body: str) -> Counter:
    """(element, forbidden tag or on* attribute) of the web page's HTML."""
    from publishing.checks.lint import FORBIDDEN_TAGS

    names = [e if isinstance(e, str) else next(iter(e)) for e in web_extensions("#")]
    page = markdown.Markdown(extensions=names).convert(body)
    found: Counter = Counter()

    class Page(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in FORBIDDEN_TAGS:
                found[(tag, tag)] += 1
            for name, _ in attrs:
                if name.startswith("on"):
                    found[(tag, name)] += 1

    parser = Page(convert_charrefs=True)
    parser.feed(page)
    return found


def dangerous_read(body: str) -> Counter:
    from publishing.checks.lint import FORBIDDEN_TAGS

    found: Counter = Counter()
    for tag in reading.tags(body):
        if tag.name in FORBIDDEN_TAGS:
            found[(tag.name, tag.name)] += 1
        for name in tag.attributes:
            if name.startswith("on"):
                found[(tag.name, name)] += 1
    return found


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_the_check_reads_the_html_the_page_has(path):
    body, _ = body_of(path)
    assert dangerous_read(body) == dangerous_in_page(body)


def test_html_that_runs_code_is_found_where_it_is_written_and_code_is_not():
    found = dangerous_read(HOSTILE)
    assert found == dangerous_in_page(HOSTILE)
    assert found == Counter({("script", "script"): 1, ("a", "onclick"): 1, ("div", "onmouseover"): 1,
                             ("iframe", "iframe"): 1, ("form", "form"): 1})
    lines = {(tag.name, tag.line) for tag in reading.tags(HOSTILE)}
    assert {("script", 3), ("a", 13), ("div", 15), ("iframe", 16), ("form", 19)} <= lines


@pytest.mark.slow
def test_the_corpus_prints_to_pdf():
    from publishing.output.pdf import render

    body, _ = body_of(CORPUS)
    document = (f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Corpus</title></head>'
                f"<body>{to_html(body).body}</body></html>")
    pdf = render(document, CORPUS.parent, ROOT, "Corpus", "fr")
    assert pdf.content.startswith(b"%PDF") and pdf.pages >= 2
    # what the pages show, as laid out by WeasyPrint
    from weasyprint import HTML

    def texts(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "all_children", list)():
            yield from texts(child)

    laid_out = HTML(string=document, base_url=str(CORPUS.parent) + "/").render()
    shown_on_paper = " ".join(" ".join(texts(page._page_box)) for page in laid_out.pages)
    for words in ("La note de bas de page, sur une ligne.", "Et un second paragraphe dans la note.",
                  "Une remarque", "Accueil", "Sa définition", "[pas un lien](nulle-part.md)",
                  "[^2]: pas une note", "Markdown", "(example.org/encadre)"):
        assert words in shown_on_paper, words
