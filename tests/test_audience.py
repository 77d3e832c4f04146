"""build.py audience: the sites' audience from the access logs, on logs written with a known truth.

Every figure of a scripted month is checked exactly; the same lines shuffled and split across
rotated files (gzip and plain) give the same figures; a log of another format is refused, a
malformed line counted and named, an empty month says so. test_audience_served.py runs it on the
log Debian's nginx wrote.
"""
from __future__ import annotations

import functools
import gzip
import random
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from publishing.commands.audience import audience, period_of
from publishing.commands.server_config import read_settings
from publishing.load.access_log import Reading, Robots, read_logs
from publishing.load.project import read_project
from publishing.load.today import build_today
from publishing.model import access_log
from publishing.model.audience import Period
from publishing.plan.site import plan_sites
from publishing.problems import Report
from tests.support import ROOT

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
          "Version/17.0 Mobile/15E148 Safari/604.1")
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
CALENDAR = "Google-Calendar-Importer"
APPLE_CALENDAR = "iOS/17.0 (21A329) dataaccessd/1.0"
FEEDLY = "Feedly/1.0 (+http://www.feedly.com/fetcher.html; 5 subscribers)"
SUD, REGION = "www.bassin-sud.brussels", "www.brusano.brussels"


def line(client: str, when: datetime, host: str, request: str, status: int = 200, referrer: str = "-",
         agent: str = FIREFOX) -> str:
    """A line as nginx writes it with the configuration's log_format (publishing/model/access_log.py)."""
    values = {"brusano_client": client, "time_local": when.strftime("%d/%b/%Y:%H:%M:%S +0100"), "host": host,
              "request": request, "status": str(status), "body_bytes_sent": "5120", "http_referer": referrer,
              "http_user_agent": agent}
    text = access_log.FORMAT
    for name in sorted(values, key=len, reverse=True):
        text = text.replace("$" + name, values[name])
    return text


def get(path: str) -> str:
    return f"GET {path} HTTP/1.1"


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, second)


@functools.cache
def titles() -> dict[tuple[str, str, str], str]:
    """The build's pages: (territory, lang, address) -> title, from the real content's plans."""
    project, _report = read_project(ROOT, build_today(ROOT))
    return {(t, lang, page.url): page.title for (t, lang), plan in plan_sites(project, Report()).items()
            for page in plan.pages}


def title(territory: str, lang: str, address: str) -> str:
    return titles()[(territory, lang, address)]


def old_address() -> tuple[str, str, str]:
    """One old address of sites/anciennes-adresses.yml that leads elsewhere: (host, path, new)."""
    project, _report = read_project(ROOT, build_today(ROOT))
    moved = next(r for r in project.redirects if not r.same)
    host, path = moved.old.split("/", 3)[2], "/" + moved.old.split("/", 3)[3]
    return host, path, moved.new


def scripted_month() -> list[str]:
    """November 2026 as three people, robots, calendars and a feed made it (the truth in comments)."""
    old_host, old_path, _new = old_address()
    a, b = "203.0.113.0", "198.51.100.0"
    lines = [
        # person 1 (a + Firefox), Bassin Sud FR: from the newsletter, a second page 10 min later;
        # 35 min later a third (a new visit, from the site itself); the next day a direct visit
        line(a, at(3, 10), SUD, get("/?nl=2026-11")),
        line(a, at(3, 10, 0, 1), SUD, get("/assets/stylesheets/main.5a65cc14.min.css"), referrer=f"https://{SUD}/"),
        line(a, at(3, 10, 0, 1), SUD, get("/pagefind/pagefind-entry.json"), referrer=f"https://{SUD}/"),
        line(a, at(3, 10, 10), SUD, get("/focus/"), referrer=f"https://{SUD}/"),
        line(a, at(3, 10, 45), SUD, get("/focus/fin-de-vie/"), referrer=f"https://{SUD}/focus/"),
        line(a, at(4, 9), SUD, get("/presentation/")),
        line(a, at(4, 9, 1), SUD, get("/presentation/"), status=304),
        # person 2 (same address, an iPhone), region FR from Google: three pages, a Focus PDF read in parts
        line(a, at(3, 12), REGION, get("/"), referrer="https://www.google.com/", agent=IPHONE),
        line(a, at(3, 12, 5), REGION, get("/a-propos/"), referrer=f"https://{REGION}/", agent=IPHONE),
        line(a, at(3, 12, 9), REGION, get("/contact/index.html"), referrer=f"https://{REGION}/", agent=IPHONE),
        line(a, at(3, 12, 10), SUD, get("/focus/fin-de-vie/fin-de-vie.pdf"), status=200, agent=IPHONE),
        line(a, at(3, 12, 10, 2), SUD, get("/focus/fin-de-vie/fin-de-vie.pdf"), status=206, agent=IPHONE),
        # person 3 (b + Chrome): region NL from a partner's site, then Bassin Sud from the region's
        # site, an old address followed, a missing page
        line(b, at(3, 15), REGION, get("/nl/"), referrer="https://www.example.org/liens", agent=CHROME),
        line(b, at(3, 15, 2), SUD, get("/"), referrer=f"https://{REGION}/", agent=CHROME),
        line(b, at(3, 15, 3), old_host, get(old_path), status=301, agent=CHROME),
        line(b, at(3, 15, 4), REGION, get("/nl/bestaat-niet/"), status=404, agent=CHROME),
        line(b, at(3, 15, 4), REGION, get("/wp-login.php"), status=404, agent=CHROME),  # not a page looked for
        # robots, the load test, no user agent, HEAD: never visits
        line(b, at(3, 4), REGION, get("/"), agent=GOOGLEBOT),
        line(b, at(3, 4, 1), REGION, get("/gone/"), status=404, agent=GOOGLEBOT),
        line(a, at(3, 5), SUD, get("/"), agent=access_log.LOAD_TEST_AGENT),
        line(a, at(3, 5), SUD, get("/"), agent="-"),
        line(b, at(4, 5), SUD, "HEAD / HTTP/1.1", agent=FIREFOX),
        # other months
        line(a, datetime(2026, 10, 31, 23, 59), SUD, get("/")),
        line(a, datetime(2026, 12, 1, 10, 0), SUD, get("/")),
    ]
    # two calendar apps on Sud's agenda, hourly (the second on the 3rd only); a feed reader on the 4th
    for hour in range(24):
        lines.append(line("2001:db8:1::", at(3, hour, 30), SUD, get("/agenda/agenda.ics"), agent=CALENDAR))
        lines.append(line("2001:db8:1::", at(4, hour, 30), SUD, get("/agenda/agenda.ics"), agent=CALENDAR))
        lines.append(line(b, at(3, hour, 40), SUD, get("/agenda/agenda.ics"), agent=APPLE_CALENDAR))
    lines.append(line(b, at(4, 8), SUD, get("/syntheses/feed.xml"), agent=FEEDLY))
    lines.insert(5, "this line is not a log line")
    return lines


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("logs")
    log = folder / "access.log"
    log.write_text("\n".join(scripted_month()) + "\n", encoding="latin-1")
    written, figures, report = audience(ROOT, [log], Period.month(2026, 11), folder / "out")
    return log, written, figures, report


def counts(figures, territory, lang=None):
    if lang is None:
        return next(c for t, c in figures.territories if t == territory)
    return next(c for s, c in figures.sites if (s.territory, s.lang) == (territory, lang))


def test_every_figure_of_a_scripted_month(scripted):
    _log, _written, f, report = scripted
    # visits: person 1 three on Sud FR; person 2 one on the region FR; person 3 one on each site
    assert (counts(f, "sud", "fr").visits, counts(f, "region", "fr").visits, counts(f, "region", "nl").visits) \
        == (4, 1, 1)
    assert (f.total.visits, f.total.page_views) == (6, 10)  # 304 counts, assets and 404s never
    assert (counts(f, "sud", "fr").page_views, counts(f, "region", "fr").page_views) == (6, 3)
    # visitors: per day, distinct address + browser, added up: 3 on the 3rd (one of them on two
    # sites), 1 on the 4th; per territory, Sud: 2 + 1
    assert f.total.visitors == 4
    assert counts(f, "sud").visitors == 3 and counts(f, "region").visitors == 2
    assert counts(f, "sud", "fr").visitors == 3
    sources = {(t, lang, kind, name): n for t, lang, kind, name, n in f.sources}
    assert sources == {("sud", "fr", "newsletter", "2026-11"): 1, ("sud", "fr", "brusano", ""): 2,
                       ("sud", "fr", "direct", ""): 1, ("region", "fr", "search", "Google"): 1,
                       ("region", "nl", "site", "example.org"): 1}
    assert f.share("newsletter") == 17  # 1 of 6
    days = {d.day: (visits, visitors, views) for d, visits, visitors, views in f.days}
    assert days[3] == (5, 3, 8) and days[4] == (1, 1, 2) and days[1] == (0, 0, 0) and 5 not in days
    # pages by their title in the build, not their path
    pages = {(t, lang, title): n for t, lang, title, _address, n in f.pages}
    focus = title("sud", "fr", "focus/fin-de-vie/")
    assert pages[("sud", "fr", focus)] == 1 and pages[("sud", "fr", title("sud", "fr", ""))] == 2
    assert pages[("sud", "fr", title("sud", "fr", "presentation/"))] == 2
    assert pages[("region", "fr", title("region", "fr", "contact/"))] == 1
    assert pages[("region", "nl", title("region", "nl", ""))] == 1
    assert len(pages) == 8 and all(name for _t, _lang, name, _address, _n in f.pages)  # each by its title
    # a PDF read in two parts is one download, named by its Focus
    assert [(t, kind, title, n) for t, _lang, kind, title, _a, n in f.pdfs] == \
        [("sud", "focus", focus, 1)]
    # calendars: 2 subscribers on the 3rd, 1 on the 4th: 1.5 a day over the 2 days the logs cover
    assert [(t, a, mean, most) for t, _lang, _title, a, mean, most in f.calendars] == \
        [("sud", "agenda/agenda.ics", 1.5, 2)]
    assert [(a, mean) for _t, _lang, _title, a, mean, _most in f.feeds] == [("syntheses/feed.xml", 0.5)]
    _host, _path, new = old_address()
    assert [(moved_to, n) for _old, moved_to, n in f.old_addresses] == [(new, 1)]
    assert f.not_found == [("brusano.brussels/nl/bestaat-niet/", 1)]  # not the robot's, not a .php probe
    # Googlebot twice and the project's load test; a request without user agent; a HEAD
    assert (f.excluded["robot"], f.excluded["no_agent"], f.excluded["head"]) == (3, 1, 1)
    assert [p.code for p in report.problems] == ["log_malformed"] and report.problems[0].line == 6


def test_the_report_holds_the_figures_and_no_address_or_browser(scripted):
    log, written, f, _report = scripted
    names = sorted(p.name for p in written)
    assert "audience-2026-11.html" in names and "audience-2026-11.md" in names
    assert "audience-2026-11-sources.csv" in names and "audience-2026-11-pages.csv" in names
    html = next(p for p in written if p.suffix == ".html").read_text(encoding="utf-8")
    summary = next(p for p in written if p.suffix == ".md").read_text(encoding="utf-8")
    sentence = ("En novembre 2026, les sites ont reçu 6 visites de 4 visiteurs estimés ; "
                "17 % d'entre elles sont arrivées par la newsletter.")
    assert sentence in summary and sentence in html
    assert "<script" not in html and "<svg" in html and "http://" not in html.replace("http://www.w3.org", "")
    assert title("sud", "fr", "focus/fin-de-vie/") in html and "example.org" in html
    for secret in ("203.0.113", "198.51.100", "2001:db8", "Firefox", "iPhone", "Chrome", "Googlebot", "Feedly"):
        for path in written:
            assert secret not in path.read_text(encoding="utf-8"), (secret, path.name)
    assert f"{log}, ligne 6" in html  # the malformed line, named


def test_rotated_gzip_files_in_any_order_give_the_same_figures(scripted, tmp_path):
    _log, _written, expected, _report = scripted
    lines = scripted_month()
    random.Random(7).shuffle(lines)
    thirds = [lines[i::3] for i in range(3)]
    files = [tmp_path / "access.log", tmp_path / "access.log.1", tmp_path / "access.log.2.gz"]
    files[0].write_text("\n".join(thirds[0]) + "\n", encoding="latin-1")
    with gzip.open(tmp_path / "access.log.1", "wt", encoding="latin-1") as handle:  # rotated, gzip, no .gz
        handle.write("\n".join(thirds[1]) + "\n")
    with gzip.open(files[2], "wt", encoding="latin-1") as handle:
        handle.write("\n".join(thirds[2]) + "\n")
    _written, figures, _problems = audience(ROOT, [files[2], files[0], files[1]], Period.month(2026, 11),
                                            tmp_path / "out")
    assert figures == expected


@pytest.mark.slow
def test_a_log_of_another_format_is_refused_and_an_empty_month_says_so(scripted, tmp_path):
    log = scripted[0]
    apache = tmp_path / "other.log"
    apache.write_text("".join(f'127.0.0.1 - - [03/Nov/2026:10:00:0{i} +0100] "GET / HTTP/1.1" 200 12 "-" "x"\n'
                              for i in range(9)))
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--messages", "en", "audience", "--logs",
                           str(apache), str(log), "--month", "2026-11", "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 1
    assert f"{apache}:1: this file is not a log in the 'brusano' format" in done.stderr
    assert (tmp_path / "out" / "audience-2026-11.html").is_file()  # the other file is still counted
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "audience", "--logs", str(log),
                           "--month", "2026-02", "--out", str(tmp_path / "empty")],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "aucune visite comptée pour 2026-02" in done.stdout
    html = (tmp_path / "empty" / "audience-2026-02.html").read_text(encoding="utf-8")
    assert "Aucune visite n'a été comptée pour février 2026" in html and "aucune ligne de cette période" in html


@pytest.mark.slow
def test_without_logs_a_month_reads_the_server_s_own_log():
    """--logs defaults to server.yml's access_log and its rotated files; none here: a usage error naming it."""
    log = Path(read_settings(ROOT / "server.yml").access_log)
    if list(log.parent.glob(log.name + "*")):
        pytest.skip(f"{log} exists on this machine")
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--messages", "en", "audience", "--month",
                           "2026-11"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2 and f"no access log at {log}* (access_log in server.yml)" in done.stderr


def test_a_year_adds_up_its_months(scripted, tmp_path):
    log, _written, month, _report = scripted
    _written, year, _problems = audience(ROOT, [log], period_of(None, "2026"), tmp_path)
    assert year.total.visits == month.total.visits + 2  # the lines of 31 October and 1 December
    assert (tmp_path / "audience-2026.md").read_text(encoding="utf-8").startswith("# Audience des sites Brusano – 2026")


def test_a_year_adds_up_its_months_reports_when_the_logs_are_gone(scripted, tmp_path):
    """The logs are kept only weeks: the year comes from the months' reports, with the same figures."""
    log = scripted[0]
    _written, from_logs, _problems = audience(ROOT, [log], period_of(None, "2026"), tmp_path / "logs")
    for month in ("2026-10", "2026-11", "2026-12"):
        audience(ROOT, [log], period_of(month, None), tmp_path / "reports")
    _written, added, problems = audience(ROOT, [], period_of(None, "2026"), tmp_path / "reports")
    for name in ("total", "territories", "sites", "sources", "pages", "pdfs", "calendars", "feeds", "old_addresses",
                 "not_found", "excluded", "days_covered"):
        assert getattr(added, name) == getattr(from_logs, name), name
    assert added.total.visits == 8
    missing = [p for p in problems.problems if p.code == "year_months_missing"]
    assert len(missing) == 1 and missing[0].params["months"].startswith("2026-01, ") \
        and "2026-11" not in missing[0].params["months"]
    html = (tmp_path / "reports" / "audience-2026.html").read_text(encoding="utf-8")
    assert "2026-10, 2026-11, 2026-12" in html and "les sites ont reçu 8 visites" in html


def test_the_parser_reads_lines_of_the_format_and_names_the_others(tmp_path):
    log = tmp_path / "access.log"
    good = line("203.0.113.0", at(3, 10), SUD, get('/a"b'.replace('"', "\\x22")), referrer="-", agent='x\\x22y')
    log.write_text("\n".join([good, good[:-5], "", good, "x" * 100_000]) + "\n")
    reading = Reading()
    report = Report()
    found = list(read_logs([log], Period.month(2026, 11), report, reading))
    assert len(found) == 2 and found[0][2:5] == ("203.0.113.0", SUD, 'GET /a\\x22b HTTP/1.1')
    assert reading.first_malformed == [(str(log), 2), (str(log), 5), (str(log), 6)] and not report.problems
    assert reading.malformed == 5  # a line too long to be one (a binary file) is read in bounded pieces


def test_a_variable_added_to_the_format_without_its_shape_stops_the_parser(monkeypatch):
    """One definition for nginx and the parser: a new variable must say what it may hold."""
    written = line("203.0.113.0", at(3, 10), SUD, get("/")) + " 0.002"
    monkeypatch.setattr(access_log, "FORMAT", access_log.FORMAT + " $request_time")
    with pytest.raises(KeyError, match="request_time"):
        access_log.pattern()
    monkeypatch.setitem(access_log.VARIABLES, "request_time", r"[\d.]+")
    assert access_log.pattern().match(written)
    assert "$request_time" in access_log.nginx_lines()[0]


@pytest.mark.parametrize("agent, robot", [
    (GOOGLEBOT, True), ("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)", True),
    (FEEDLY, True), ("curl/8.5.0", True), ("python-requests/2.32.3", True), (access_log.LOAD_TEST_AGENT, True),
    ("Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)", True),
    (FIREFOX, False), (IPHONE, False), (CHROME, False),
])
def test_robots_uptime_checkers_feed_fetchers_and_scripts_are_known(agent, robot):
    assert Robots()(agent) is robot


def test_a_gzip_file_cut_while_rotated_gives_its_lines_and_a_warning(tmp_path):
    whole = gzip.compress(("\n".join(line("203.0.113.0", at(3, 10, m), SUD, get("/")) for m in range(60)) + "\n")
                          .encode())
    log = tmp_path / "access.log.2.gz"
    log.write_bytes(whole[: len(whole) - 40])
    reading, report = Reading(), Report()
    found = list(read_logs([log], Period.month(2026, 11), report, reading))
    assert 0 < len(found) < 60 and reading.malformed <= 1
    assert [p.code for p in report.problems] == ["log_truncated"] and not report.failed()


# --- a generated month: many people, sessions by construction ---------------------------------------

def generated_month(seed: int, people: int = 60):
    """Lines and the truth: each person makes sessions on one site, pages 1–29 min apart inside a
    session, sessions at least 31 min apart; a share from the newsletter, some robots between."""
    rng = random.Random(seed)
    pages = ["/", "/focus/", "/presentation/", "/helpdesk/", "/concertations/"]
    lines, visits, newsletter = [], 0, 0
    per_day: dict[int, set[int]] = {}
    for person in range(people):
        client = f"192.0.2.{person // 4 * 0}" if person % 2 else f"10.{person}.0.0"
        agent = f"{FIREFOX} person{person}"
        when = at(rng.randint(1, 20), rng.randint(0, 12), rng.randint(0, 59))
        for _session in range(rng.randint(1, 4)):
            from_letter = rng.random() < 0.3
            visits += 1
            newsletter += from_letter
            for index in range(rng.randint(1, 5)):
                per_day.setdefault(when.day, set()).add(person)
                query = "?nl=2026-11" if from_letter and index == 0 else ""
                lines.append(line(client, when, SUD, get(rng.choice(pages) + query), agent=agent))
                if rng.random() < 0.3:
                    lines.append(line(client, when, SUD, get("/"), agent=GOOGLEBOT))
                when += timedelta(minutes=rng.randint(1, 29))
            when += timedelta(minutes=rng.randint(31, 600))
    rng.shuffle(lines)
    return lines, visits, sum(len(v) for v in per_day.values()), newsletter


@pytest.mark.parametrize("seed", [1, 2])
def test_a_generated_month_is_counted_exactly(tmp_path, seed):
    lines, visits, visitors, newsletter = generated_month(seed)
    log = tmp_path / "access.log"
    log.write_text("\n".join(lines) + "\n")
    _written, f, _report = audience(ROOT, [log], Period.month(2026, 11), tmp_path / "out")
    assert (f.total.visits, f.total.visitors) == (visits, visitors)
    assert sum(n for _t, _l, kind, _name, n in f.sources if kind == "newsletter") == newsletter
