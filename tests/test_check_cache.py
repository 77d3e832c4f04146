"""Each text parsed once for the check (issue 26): the reading of a text is kept by its content
(build/cache/reading/), and a build takes it from the parse that renders the page.

Both are shortcuts to what a fresh parse of the text says (publishing.markdown.reading.read):
these tests compare them with it, and the problems reported with those of a cold run.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from publishing import build_sites, check
from publishing.markdown import body, reading
from publishing.mkdocs_adapter import build_language
from publishing.plan.site import plan_site
from tests.support import make_repo

pytestmark = pytest.mark.slow  # each test checks a repository, some build a site

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "markdown"

# Texts with problems of every kind the reading finds: code, an image without alternative text,
# links to no page, to no anchor, and through a variable; a shared text read on all six sites.
PROBLEMS = """
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    nav: 0
    ---
    # Startpagina
    -- content/shared/outils.fr.md --
    ---
    title: Outils
    ---

    # Outils

    <script>alert('x')</script>

    Voir [la page](https://example.org/){ onclick="alert(1)" } et ![](schema.png).

    Le [helpdesk](helpdesk.md), l'[accueil](index.md#nulle-part) et [ici]({{ territory.url }}absente/).
    -- content/sud/contact.fr.md --
    ---
    title: Contact
    ---


    # Contact

    <iframe src="https://example.org/"></iframe> [javascript](javascript:alert(1))
"""


def problem_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, PROBLEMS)
    corpus = (FIXTURES / "constructs.fr.md").read_text(encoding="utf-8")
    (root / "content" / "shared" / "index.fr.md").write_text(corpus, encoding="utf-8")
    (root / "content" / "shared" / "schema.svg").write_bytes((FIXTURES / "schema.svg").read_bytes())
    return root


def keys(report) -> set[tuple]:
    return {p.key for p in report.problems if p.code != "mkdocs_warning"}


@pytest.fixture
def parses(monkeypatch) -> list[int]:
    """Counts the parses of the check's reading from now on, in a process that holds no reading."""
    reading.forget()
    count = [0]
    make = reading._markdown

    def counted():
        count[0] += 1
        return make()

    monkeypatch.setattr(reading, "_markdown", counted)
    yield count
    reading.forget()


def test_a_second_check_parses_nothing_and_reports_what_a_cold_one_does(tmp_path, parses, monkeypatch):
    root = problem_repo(tmp_path)
    body._template.cache_clear()
    cold = check(root)
    codes = {p.code for p in cold.problems}
    assert {"html_tag_forbidden", "html_event_handler", "image_no_alt", "javascript_link", "broken_link",
            "broken_anchor"} <= codes, cold.render()
    assert parses[0] > 0 and list((root / "build" / "cache" / "reading").glob("*.pickle"))
    assert list((root / "build" / "cache" / "jinja-bodies").glob("*.code"))  # {{ territory.url }}

    reading.forget()  # as a new process: only the cache on disk
    body._template.cache_clear()
    compiled: list[str] = []
    compile_ = body.ENV.compile

    def counted(source, *args, **kwargs):
        compiled.append(source)
        return compile_(source, *args, **kwargs)

    monkeypatch.setattr(body.ENV, "compile", counted)
    parses[0] = 0
    again = check(root)
    assert parses[0] == 0 and compiled == []  # no text parsed, no page's variables compiled again
    assert again.render() == cold.render() and keys(again) == keys(cold)

    # a changed text is read again, and only it
    page = root / "content" / "sud" / "contact.fr.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEt [une autre](ailleurs.md).\n", encoding="utf-8")
    reading.forget()
    changed = check(root)
    assert parses[0] == 1
    assert [p for p in changed.problems if p.code == "broken_link" and p.params.get("input") == "ailleurs.md"]
    assert keys(changed) > keys(cold)


def test_another_version_of_the_reading_reads_every_text_again(tmp_path, parses, monkeypatch):
    root = problem_repo(tmp_path)
    cold = check(root)
    monkeypatch.setattr(reading, "_version", lambda: "another")
    reading.forget()
    parses[0] = 0
    assert check(root).render() == cold.render()
    assert parses[0] > 0
    assert [p.name for p in (root / "build" / "cache" / "reading").glob("*.pickle")] == ["another.pickle"]


@pytest.mark.parametrize("pages_on_disk", [True, False], ids=["staged files (preview)", "from memory (build)"])
def test_the_pages_mkdocs_renders_are_read_as_the_check_reads_them(tmp_path, parses, pages_on_disk):
    root = problem_repo(tmp_path)
    project_report = check(root)
    from publishing.commands.check import load_project

    project, report = load_project(root, checks=False)
    plan = plan_site(project, project.territory("sud"), "fr", report, with_files=False)
    texts = [page.markdown for page in plan.pages]
    readings: dict[str, reading.Reading] = {}
    build_language(project, plan, tmp_path / "site", tmp_path / "staging", readings=readings,
                   texts=texts, pages_on_disk=pages_on_disk)
    assert (tmp_path / "site" / "index.html").is_file()
    assert bool(list((tmp_path / "staging").rglob("*.md"))) == pages_on_disk
    assert set(texts) == set(readings)
    assert any(text.startswith("\n\n") for text in texts)  # MkDocs strips them: the lines still count
    reading.forget()
    for text in texts:
        assert readings[text] == reading.read(text), text[:80]
    assert project_report.problems

    # only the texts asked for are read (the build asks for the editors' texts it has no reading of)
    some: dict[str, reading.Reading] = {}
    build_language(project, plan, tmp_path / "site", tmp_path / "staging", readings=some,
                   texts=texts[1:])
    assert set(some) == set(texts[1:])


def test_a_build_reports_what_check_reports_and_publishes_nothing(tmp_path, parses):
    root = problem_repo(tmp_path)
    checked = check(root)
    read_by_check = parses[0]
    reading.forget()
    parses[0] = 0
    out = tmp_path / "public"
    built = build_sites(root, ["sud"], out=out, with_files=False, cache=False)
    assert keys(built) == keys(checked), built.render()
    assert not out.exists()
    # Sud's pages were read by its builds (other processes): the build itself parsed the rest only
    assert 0 < parses[0] < read_by_check
