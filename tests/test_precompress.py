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
