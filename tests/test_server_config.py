"""The nginx configuration of the eleven domains: generated from sites/, run by Debian's nginx on loopback."""
from __future__ import annotations

import contextlib
import gzip
import http.client
import re
import shutil
import ssl
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from harness.served import BROTLI, get, running_nginx
from publishing.commands.server_config import read_settings
from publishing.load.territories import load_communes, load_territories
from publishing.output.nginx import domains
from publishing.problems import Report
from tests.support import REFERENCE, ROOT


def territories():
    report = Report()
    found = load_territories(ROOT / "sites", load_communes(ROOT / "sites", report), report)
    assert not report.errors
    return found


def test_one_server_per_domain_from_sites():
    found = territories()
    hosts = {d.host for d in domains(found)}
    expected = {t.url[lang].split("/")[2] for t in found.values() for lang in ("fr", "nl")}
    assert hosts == expected and len(hosts) == 11
    region = next(d for d in domains(found) if d.site == "region")
    assert dict(region.roots) == {"/": "fr", "/nl/": "nl"}


def test_settings_file_is_read_and_checked(tmp_path):
    settings = read_settings(ROOT / "server.yml")
    assert settings.https_port == 443 and "{domain}" in settings.certificate
    (tmp_path / "server.yml").write_text("public: /srv\npublik: /srv\nhttps_port: quatre\neditor_backend: svn\n")
    from publishing.problems import ContentError
    with pytest.raises(ContentError) as raised:
        read_settings(tmp_path / "server.yml")
    # every problem at once, each with its line, as the content's (publishing.load.schema)
    assert raised.value.report.render("en").splitlines()[::2] == [
        "server.yml:2: unknown key 'publik'.",
        "server.yml:3: https_port: a whole number is expected, not 'quatre'.",
        "server.yml:4: editor_backend: value 'svn' is not allowed.", "3 errors, 0 warnings."]


def page(lang: str, text: str) -> str:
    return f'<!doctype html><html lang="{lang}"><body>{text}</body></html>'


def make_public(public: Path) -> None:
    """A small served tree like the build's: the region (FR at /, NL under /nl/) and the bassins."""
    for site in ("region", "nord", "nord-est", "centre-ouest", "sud", "sud-est"):
        for lang, folder in (("fr", public / site), ("nl", public / site / "nl")):
            (folder / "assets" / "stylesheets").mkdir(parents=True)
            (folder / "syntheses").mkdir()
            (folder / "agenda").mkdir()
            (folder / "index.html").write_text(page(lang, f"home {site} {lang} " + "x" * 2000))
            (folder / "index.html.gz").write_bytes(gzip.compress((folder / "index.html").read_bytes()))
            (folder / "index.html.br").write_bytes(brotli.compress((folder / "index.html").read_bytes()))
            (folder / "404.html").write_text(page(lang, f"404 {lang}"))
            (folder / "assets" / "stylesheets" / "main.5a65cc14.min.css").write_text("body{}")
            (folder / "assets" / "brusano.css").write_text("body{}")
            (folder / "syntheses" / "feed.xml").write_text("<feed/>")
            (folder / "agenda" / "agenda.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
            (folder / "focus.pdf").write_bytes(b"%PDF-1.7\n")
            (folder / "data.csv").write_text("a,b\n")
            (folder / "data.json").write_text("{}")
        (public / site / ".git").mkdir()
        (public / site / ".git" / "config").write_text("secret")
        (public / site / ".env").write_text("secret")


@contextlib.contextmanager
def small_tree_nginx():
    """nginx serving a small tree like the build's (make_public), in a folder its workers may read."""
    public = Path(tempfile.mkdtemp(prefix="brusano-public-"))
    public.chmod(0o755)
    make_public(public / "public")
    with running_nginx(public / "public") as running:
        yield running
    shutil.rmtree(public)


@pytest.fixture(scope="module")
def server():
    with small_tree_nginx() as running:
        yield running


@pytest.mark.slow
def test_every_domain_answers(server):
    settings, _ = server
    for domain in domains(territories()):
        for prefix, lang in domain.roots:
            response, body = get(settings, domain.host, prefix)
            assert response.status == 200, (domain.host, prefix)
            assert f"home {domain.site} {lang}".encode() in body
            assert response.getheader("Content-Type") == "text/html; charset=utf-8"
            assert response.getheader("Cache-Control") == "no-cache"
            for name in ("Strict-Transport-Security", "Referrer-Policy", "Permissions-Policy",
                         "X-Content-Type-Options"):
                assert response.getheader(name), name
            csp = response.getheader("Content-Security-Policy")
            assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
            # the other form of the host, over HTTPS and HTTP, and HTTP itself: to the canonical HTTPS one
            canonical = f"https://{domain.host}:{settings.https_port}{prefix}x?y=1"
            for host, tls in ((domain.alias, True), (domain.alias, False), (domain.host, False)):
                response, _ = get(settings, host, f"{prefix}x?y=1", tls=tls)
                assert response.status == 301 and response.getheader("Location") == canonical, (host, tls)


@pytest.mark.slow
def test_404_per_language(server):
    settings, _ = server
    for domain in domains(territories()):
        for prefix, lang in domain.roots:
            response, body = get(settings, domain.host, prefix + "nothing-here/")
            assert response.status == 404
            assert f'lang="{lang}"'.encode() in body and f"404 {lang}".encode() in body
            assert response.getheader("Content-Security-Policy")


@pytest.mark.slow
def test_unknown_hosts_are_refused(server):
    settings, _ = server
    with pytest.raises((ssl.SSLError, ConnectionError)):
        get(settings, "evil.example.org")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        get(settings, "evil.example.org", tls=False)


@pytest.mark.slow
def test_acme_challenge_over_http(server):
    settings, _ = server
    response, body = get(settings, "bassin-sud.brussels", "/.well-known/acme-challenge/token123", tls=False)
    assert response.status == 200 and body == b"token123.key"


@pytest.mark.slow
def test_types_and_caching(server):
    settings, _ = server
    host = "www.bassin-sud.brussels"
    expected = {
        "/focus.pdf": ("application/pdf", "public, max-age=3600"),
        "/syntheses/feed.xml": ("application/atom+xml; charset=utf-8", "public, max-age=300"),
        "/agenda/agenda.ics": ("text/calendar; charset=utf-8", "public, max-age=300"),
        "/data.csv": ("text/csv; charset=utf-8", "public, max-age=3600"),
        "/data.json": ("application/json; charset=utf-8", "public, max-age=3600"),
        "/assets/stylesheets/main.5a65cc14.min.css": ("text/css; charset=utf-8",
                                                      "public, max-age=31536000, immutable"),
        "/assets/brusano.css": ("text/css; charset=utf-8", "public, max-age=3600"),
    }
    for path, (mime, cache) in expected.items():
        response, _ = get(settings, host, path)
        assert response.status == 200, path
        assert response.getheader("Content-Type") == mime, path
        assert response.getheader("Cache-Control") == cache, path
        assert response.getheader("X-Content-Type-Options") == "nosniff", path


@pytest.mark.slow
def test_no_dotfile_no_listing(server):
    settings, _ = server
    for path in ("/.git/config", "/.env", "/.git/"):
        response, body = get(settings, "www.brusano.brussels", path)
        assert response.status == 404 and b"secret" not in body, path
    response, _ = get(settings, "www.brusano.brussels", "/assets/")
    assert response.status == 404


@pytest.mark.slow
def test_precompressed_gzip_with_vary(server):
    settings, _ = server
    response, body = get(settings, "www.bassin-sud.brussels", "/", headers={"Accept-Encoding": "gzip"})
    assert response.getheader("Content-Encoding") == "gzip"
    assert "Accept-Encoding" in response.getheader("Vary", "")
    assert b"home sud fr" in gzip.decompress(body)
    response, body = get(settings, "www.bassin-sud.brussels", "/")
    assert response.getheader("Content-Encoding") is None and b"home sud fr" in body


@pytest.mark.slow
@pytest.mark.skipif(not BROTLI.exists(), reason="libnginx-mod-http-brotli-static is not installed")
def test_precompressed_brotli_with_vary(server):
    settings, _ = server
    for host, text in (("www.zorgzone-zuid.brussels", b"home sud nl"), ("www.brusano.brussels", b"home region fr")):
        response, body = get(settings, host, "/", headers={"Accept-Encoding": "gzip, deflate, br"})
        assert response.getheader("Content-Encoding") == "br"
        assert "Accept-Encoding" in response.getheader("Vary", "")
        assert text in brotli.decompress(body)


@pytest.mark.slow
def test_access_log_keeps_no_full_ip(server):
    settings, tmp = server
    get(settings, "www.brusano.brussels", "/")
    log = (tmp / "access.log").read_text()
    assert "127.0.0.0 " in log and "127.0.0.1" not in log


# --- the old sites' addresses, on the real build ------------------------------------------------------

OLD_URLS = REFERENCE / "old-urls.md"


def old_addresses() -> list[str]:
    """The addresses listed in ../shared/reference/old-urls.md (the table's first column; its copy in
    tests/fixtures/reference/)."""
    return re.findall(r"^\| (https?://\S+) \|", OLD_URLS.read_text(encoding="utf-8"), re.M)


def test_every_old_address_of_the_reference_is_kept():
    from publishing.load.redirects import load_redirects
    from publishing.model.redirect import normal
    report = Report()
    kept = {r.key for r in load_redirects(ROOT / "sites", territories(), report)}
    assert not report.errors, report.render()
    missing = [url for url in old_addresses() if normal(url) not in kept]
    assert len(old_addresses()) >= 22 and not missing, missing


def test_old_addresses_lead_to_their_page_in_one_step(real_server):
    """Each old address, with and without www., with and without the final slash, over HTTP and
    HTTPS: one 301 to the page that holds its content, which the server then serves (200)."""
    from publishing.load.redirects import load_redirects
    from publishing.model.redirect import normal
    settings, _ = real_server
    moves = {r.key: r for r in load_redirects(ROOT / "sites", territories(), Report())}
    for url in old_addresses():
        host, path = normal(url)
        redirect = moves[(host, path)]
        target = urlsplit(redirect.new)
        expected = f"https://{target.netloc}:{settings.https_port}{target.path}"
        raw_path = urlsplit(url).path.rstrip("/") or "/"
        for form in (host, "www." + host):
            for variant in dict.fromkeys((raw_path, raw_path if raw_path == "/" else raw_path + "/")):
                for tls in (True, False):
                    response, _ = get(settings, form, variant, tls=tls)
                    if redirect.same and tls and form == target.netloc:
                        assert response.status in (200, 301), (form, variant)
                        continue
                    assert response.status == 301, (form, variant, tls, response.status)
                    location = response.getheader("Location")
                    if not redirect.same:
                        assert location == expected, (form, variant, tls, location)
        response, body = get(settings, target.netloc, target.path)
        assert response.status == 200 and b"<html" in body, redirect.new


def test_the_build_serves_the_editor_on_the_regions_domain(real_server):
    """`build` writes /admin/ with the region's site: nginx serves it, under its own policy."""
    settings, _ = real_server
    host = urlsplit(territories()["region"].url["fr"]).hostname
    response, body = get(settings, host, "/admin/")
    assert response.status == 200 and b"decap-cms.js" in body
    assert "'unsafe-eval'" in response.getheader("Content-Security-Policy")  # the editor's policy, /admin/ only
    response, body = get(settings, host, "/admin/config.yml")
    assert response.status == 200 and b"collections:" in body
