"""build.py audience, tried as the team would: Debian's nginx (the generated configuration, on
loopback) serves a small tree like the build's, a scripted client visits as several people would
(from the newsletter's link, from a search engine, a robot, a calendar app), and the report made
from the log nginx wrote tells those visits."""
from __future__ import annotations

import http.client
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness.served import running_nginx
from publishing.load.project import read_project
from publishing.load.today import build_today
from publishing.plan.site import plan_sites
from publishing.problems import Report
from tests.support import ROOT

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def small_build(public: Path) -> None:
    """Each site's home, Bassin Sud's presentation page, a Focus PDF and the agenda's calendar."""
    for site in ("region", "nord", "nord-est", "centre-ouest", "sud", "sud-est"):
        for lang, folder in (("fr", public / site), ("nl", public / site / "nl")):
            (folder / "agenda").mkdir(parents=True)
            (folder / "index.html").write_text(f'<!doctype html><html lang="{lang}"><title>home</title></html>')
            (folder / "404.html").write_text(f'<!doctype html><html lang="{lang}"><title>404</title></html>')
            (folder / "agenda" / "agenda.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    (public / "sud" / "presentation").mkdir()
    (public / "sud" / "presentation" / "index.html").write_text('<!doctype html><html lang="fr"><title>p</title>')
    (public / "sud" / "focus" / "fin-de-vie").mkdir(parents=True)
    (public / "sud" / "focus" / "fin-de-vie" / "fin-de-vie.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 5000)


def visit(port: int, host: str, path: str, agent: str, referrer: str | None = None) -> int:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    connection = http.client.HTTPSConnection(host, port)
    connection.sock = context.wrap_socket(sock, server_hostname=host)
    headers = {"Host": host, "User-Agent": agent, **({"Referer": referrer} if referrer else {})}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


@pytest.fixture(scope="module")
def visited():
    folder = Path(tempfile.mkdtemp(prefix="brusano-audience-"))
    folder.chmod(0o755)
    small_build(folder / "public")
    with running_nginx(folder / "public") as (settings, tmp):
        port = settings.https_port
        month = time.strftime("%Y-%m")
        sud, region = "www.bassin-sud.brussels", "www.brusano.brussels"
        project, _report = read_project(ROOT, build_today(ROOT))
        moved = next(r for r in project.redirects if not r.same and urlsplit(r.old).netloc == region)
        statuses = [
            # someone opens the newsletter's link, reads a second page, downloads a Focus
            visit(port, sud, f"/?nl={month}", FIREFOX),
            visit(port, sud, "/presentation/", FIREFOX, f"https://{sud}/"),
            visit(port, sud, "/focus/fin-de-vie/fin-de-vie.pdf", FIREFOX, f"https://{sud}/"),
            # someone else comes from a search engine on a phone, then follows a broken link
            visit(port, region, "/", IPHONE, "https://www.google.com/"),
            visit(port, region, "/nl/pagina-die-niet-bestaat/", IPHONE, f"https://{region}/"),
            # an old address of sites/anciennes-adresses.yml, still in circulation
            visit(port, region, urlsplit(moved.old).path, IPHONE),
            # a robot, a calendar app
            visit(port, region, "/", GOOGLEBOT),
            visit(port, sud, "/agenda/agenda.ics", "Google-Calendar-Importer"),
        ]
        log = tmp / "access.log"
        kept = folder / "access.log"
        shutil.copy(log, kept)
    out = folder / "out"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "audience", "--logs", str(kept), "--month",
                           month, "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    plans = plan_sites(project, Report())
    titles = {(t, lang, page.url): page.title for (t, lang), plan in plans.items() for page in plan.pages}
    yield statuses, month, done, out, titles, moved
    shutil.rmtree(folder)


@pytest.mark.slow
def test_the_report_tells_the_visits_nginx_logged(visited):
    statuses, month, done, out, titles, moved = visited
    assert statuses == [200, 200, 200, 200, 404, 301, 200, 200]
    assert done.returncode == 0, done.stderr
    summary = (out / f"audience-{month}.md").read_text(encoding="utf-8")
    assert ("les sites ont reçu 2 visites de 2 visiteurs estimés ; "
            "50 % d'entre elles sont arrivées par la newsletter.") in summary
    table = (out / f"audience-{month}-sources.csv").read_text(encoding="utf-8").splitlines()
    assert f"sud,fr,newsletter,{month},1" in table and "region,fr,search,Google,1" in table
    pages = (out / f"audience-{month}-pages.csv").read_text(encoding="utf-8")
    assert f"sud,fr,{titles['sud', 'fr', 'presentation/']},presentation/,1" in pages  # its title in the build
    assert f"sud,fr,focus,{titles['sud', 'fr', 'focus/fin-de-vie/']},focus/fin-de-vie/fin-de-vie.pdf,1" in \
        (out / f"audience-{month}-pdfs.csv").read_text(encoding="utf-8")
    assert f"sud,fr,{titles['sud', 'fr', 'agenda/']},agenda/agenda.ics,1.0,1" in \
        (out / f"audience-{month}-calendars.csv").read_text(encoding="utf-8")
    assert "brusano.brussels/nl/pagina-die-niet-bestaat/,1" in (out / f"audience-{month}-not-found.csv").read_text()
    followed = (out / f"audience-{month}-old-addresses.csv").read_text(encoding="utf-8")
    assert f"{moved.old},{moved.new},1" in followed
    html = (out / f"audience-{month}.html").read_text(encoding="utf-8")
    assert "127.0.0" not in html and "Googlebot" not in html and "iPhone" not in html
