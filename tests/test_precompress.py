"""The build writes .br and .gz beside the published text files, the same bytes every time."""
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


def test_the_build_publishes_them(public):
    for site in ("region", "sud"):
        for page in (public / site / "index.html", public / site / "nl" / "index.html"):
            assert brotli.decompress(page.with_name("index.html.br").read_bytes()) == page.read_bytes()
            assert gzip.decompress(page.with_name("index.html.gz").read_bytes()) == page.read_bytes()


def test_theme_and_editor_files_compressed_once_and_linked(tmp_path, monkeypatch):
    """keep_shared: a CSS or JS file's copies come from build/cache/compressed/ by content, linked
    into every site that has the file (Decap's 5 MB bundle is not compressed on each build)."""
    from publishing.output import precompress as module

    monkeypatch.setattr(module, "_STORE", None)
    monkeypatch.setattr(module, "_SHARED", {})
    module.keep_shared(tmp_path / "repo")
    sites = [tmp_path / "public" / site for site in ("region", "sud")]
    for site in sites:
        (site / "assets").mkdir(parents=True)
        (site / "assets" / "main.css").write_bytes(b"body { color: #123; } " * 80)
        (site / "index.html").write_bytes(f"<p>{site.name}</p>".encode() * 80)
        module.precompress(site)
    first, second = (site / "assets" / "main.css.br" for site in sites)
    assert first.stat().st_ino == second.stat().st_ino  # one file, linked twice
    assert brotli.decompress(second.read_bytes()) == (sites[1] / "assets" / "main.css").read_bytes()
    assert gzip.decompress((sites[1] / "assets" / "main.css.gz").read_bytes()).startswith(b"body")
    kept = list((tmp_path / "repo" / "build" / "cache" / "compressed").rglob("*.br"))
    assert len(kept) == 1 and kept[0].stat().st_ino == first.stat().st_ino
    pages = [site / "index.html.br" for site in sites]
    assert pages[0].stat().st_ino != pages[1].stat().st_ino  # pages are each their own
    # compressing again without the store writes new files: the kept copy is untouched
    monkeypatch.setattr(module, "_STORE", None)
    (sites[0] / "assets" / "main.css").write_bytes(b"p { margin: 0; } " * 80)
    module.precompress(sites[0])
    assert brotli.decompress(kept[0].read_bytes()).startswith(b"body")
    assert brotli.decompress(first.read_bytes()).startswith(b"p {")
