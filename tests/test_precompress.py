"""The deploy writes .br and .gz beside the published text files, the same bytes every time."""
from __future__ import annotations

import gzip

import brotli

from publishing.output.precompress import precompress


def test_br_and_gz_beside_text_files_reproducible(tmp_path):
    texts = ["index.html", "assets/main.css", "assets/app.js", "data.json", "sitemap.xml", "logo.svg",
             "agenda/agenda.ics"]
    for name in texts + ["focus.pdf", "photo.png"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(f"contenu de {name} ".encode() * 50)
    assert precompress(tmp_path) == len(texts)
    for name in texts:
        original = (tmp_path / name).read_bytes()
        assert brotli.decompress((tmp_path / (name + ".br")).read_bytes()) == original
        assert gzip.decompress((tmp_path / (name + ".gz")).read_bytes()) == original
    assert not (tmp_path / "focus.pdf.gz").exists() and not (tmp_path / "photo.png.br").exists()
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*.gz")}
    precompress(tmp_path)  # no time stamp: the same bytes again
    assert before == {p.name: p.read_bytes() for p in tmp_path.rglob("*.gz")}


def test_a_deployed_release_has_them(public, tmp_path):
    """The build writes none (compressing is the deploy's); the release deployed from it has them."""
    from publishing.commands.deploy import deploy

    assert not list((public / "sud").glob("*.br"))
    release = deploy(public, tmp_path / "srv")
    for site in ("region", "sud"):
        for page in (release / site / "index.html", release / site / "nl" / "index.html"):
            assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
            assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()
    editor = release / "region" / "admin" / "decap-cms.js"
    assert brotli.decompress(editor.with_name("decap-cms.js.br").read_bytes()) == editor.read_bytes()


def test_a_deploy_takes_the_served_releases_copies_of_what_did_not_change(tmp_path):
    """The next release links the .br and .gz of a file whose bytes the served release has; a file
    that changed gets its own, of its new bytes; the served release's copies are left as they were."""
    from publishing.output.precompress import precompress

    served, fresh = tmp_path / "served", tmp_path / "fresh"
    for folder, news in ((served, "Ancienne nouvelle. "), (fresh, "Nouvelle nouvelle. ")):
        (folder / "assets").mkdir(parents=True)
        (folder / "assets" / "main.css").write_text("body { color: #123; } " * 80, encoding="utf-8")
        (folder / "index.html").write_text("<p>Accueil</p>" * 80, encoding="utf-8")
        (folder / "news.html").write_text(news * 80, encoding="utf-8")
    assert precompress(served) == 3
    assert precompress(fresh, previous=served) == 1  # news.html only
    for name in ("assets/main.css", "index.html"):
        assert (fresh / f"{name}.br").stat().st_ino == (served / f"{name}.br").stat().st_ino
        assert (fresh / f"{name}.gz").stat().st_ino == (served / f"{name}.gz").stat().st_ino
    assert brotli.decompress((fresh / "news.html.br").read_bytes()).startswith(b"Nouvelle")
    assert gzip.decompress((served / "news.html.gz").read_bytes()).startswith(b"Ancienne")
    (fresh / "index.html").write_text("<p>Autre accueil</p>" * 80, encoding="utf-8")
    precompress(fresh)  # compressing again writes new files: the served release's copies are untouched
    assert gzip.decompress((served / "index.html.gz").read_bytes()).startswith(b"<p>Accueil")


def test_the_deploy_tells_its_progress(tmp_path):
    """precompress reports the files done (the deploy's line on a terminal), ending with all of them."""
    from publishing.output.precompress import precompress

    for n in range(5):
        (tmp_path / f"p{n}.html").write_text("<p>page</p>" * 50, encoding="utf-8")
    seen: list[tuple[int, int]] = []
    precompress(tmp_path, shown=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (5, 5) and all(total == 5 for _done, total in seen)
