"""News, notices and the agenda as visitors find them: lists, item pages, the region's view of
the bassins' items, calendars and feeds, built from an inline repository with fictional items."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from publishing import build_sites
from tests.support import HOME, item, make_repo

pytestmark = pytest.mark.slow  # every test here builds sites

TODAY = date(2023, 3, 1)


EVENT_HEAD = """
title: {title}
summary: {summary}
start: "2023-03-28 09:30"
end: "2023-03-28 12:00"
venue: {venue}
address: {{street: "Rue de l'Exemple 1", postcode: "1190", commune: forest}}
organiser: Organisation fictive
registration: https://example.org/inscription
price: {price}
themes: [sante-mentale]
region: true
"""
FILES = HOME + item("content/sud/agenda/2023-03-28-atelier.fr.md",
                    EVENT_HEAD.format(title="Atelier fictif", summary="Un atelier pour les tests.",
                                      venue="Maison fictive", price="Gratuit"), "Le programme.") \
    + item("content/sud/agenda/2023-03-28-atelier.nl.md",
           EVENT_HEAD.format(title="Fictieve workshop", summary="Een workshop voor de tests.",
                             venue="Fictief huis", price="Gratis"), "Het programma.") \
    + item("content/sud/agenda/2023-01-10-rencontre-passee.fr.md", """
title: Rencontre passée
summary: Une rencontre qui a eu lieu.
start: 2023-01-10
status: held
""") \
    + item("content/sud/agenda/2023-02-20-annulee.fr.md", """
title: Rencontre annulée
summary: Elle n'a pas eu lieu.
start: 2023-02-20
status: cancelled
""") \
    + item("content/sud/actualites/2023-02-15-nouvelle.fr.md", """
title: Une nouvelle fictive
date: 2023-02-15
summary: Le résumé de la nouvelle.
themes: [fin-de-vie]
""") \
    + item("content/sud/actualites/2023-02-15-nouvelle.nl.md", """
title: Een fictief bericht
date: 2023-02-15
summary: De samenvatting van het bericht.
themes: [fin-de-vie]
""") \
    + item("content/region/actualites/2022-11-02-regionale.fr.md", """
title: Une actualité régionale
date: 2022-11-02
summary: Seulement en français.
""") \
    + item("content/sud/valves/2023-02-01-permanence.fr.md", """
title: Une permanence fictive
date: 2023-02-01
summary: Un partenaire fictif ouvre une permanence.
partner: Service fictif
website: https://example.org/
until: 2023-03-31
""") \
    + item("content/sud/valves/2023-02-10-zitdag.nl.md", """
title: Een fictieve zitdag
date: 2023-02-10
summary: Een fictieve partner houdt een zitdag, alleen in het Nederlands aangekondigd.
partner: Fictieve dienst
until: 2023-03-31
""", "Alleen in het Nederlands.") \
    + item("content/sud/valves/2022-12-01-ancienne.fr.md", """
title: Une annonce terminée
date: 2022-12-01
summary: Elle n'est plus affichée.
partner: Service fictif
until: 2022-12-31
""")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("items"), FILES)
    out = root.parent / "public"
    report = build_sites(root, out=out, today=TODAY)
    assert not report.errors, report.render()
    return out


def read(built: Path, path: str) -> str:
    return (built / path).read_text(encoding="utf-8")


def article(html: str) -> str:
    return html[html.index('<article'):html.index('</article>')]


def test_the_agenda_shows_coming_events_first_then_past_ones_by_month(built):
    page = article(read(built, "sud/agenda/index.html"))
    coming, past = page.index("À venir"), page.index("Événements passés")
    assert coming < page.index("Atelier fictif") < past
    assert past < page.index("Février 2023") < page.index("Rencontre annulée") < page.index("Janvier 2023") \
        < page.index("Rencontre passée")
    assert "mardi 28 mars 2023, 9 h 30 – 12 h 00" in page
    assert "Maison fictive · Rue de l&#x27;Exemple 1, 1190 Forest – Bassin Sud" in page
    assert re.search(r'class="bp-status bp-status--cancelled">Annulé<', page)


def test_the_dutch_agenda_speaks_dutch(built):
    page = article(read(built, "sud/nl/agenda/index.html"))
    assert "dinsdag 28 maart 2023, 9.30 uur – 12.00 uur" in page
    assert "Fictieve workshop" in page and "Binnenkort" in page


def test_an_event_page_has_its_facts_registration_calendar_file_and_json_ld(built):
    html = read(built, "sud/agenda/2023-03-28-atelier/index.html")
    page = article(html)
    for fact in ("Maison fictive", "Organisation fictive", "Gratuit", "Le programme."):
        assert fact in page
    assert 'href="https://example.org/inscription"' in page
    assert 'href="2023-03-28-atelier.ics"' in page
    assert (built / "sud/agenda/2023-03-28-atelier/2023-03-28-atelier.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event" and data["startDate"].startswith("2023-03-28T09:30:00+02:00")


def test_the_region_lists_the_bassins_items_marked_and_linking_to_the_bassin(built):
    page = article(read(built, "region/agenda/index.html"))
    assert 'href="https://www.bassin-sud.brussels/agenda/2023-03-28-atelier/"' in page
    assert '<span class="bp-badge">Bassin Sud</span>' in page
    news = article(read(built, "region/actualites/index.html"))
    assert 'href="https://www.bassin-sud.brussels/actualites/2023-02-15-nouvelle/"' in news
    assert 'href="2022-11-02-regionale/"' in news
    assert not (built / "region/agenda/2023-03-28-atelier").exists()


def test_both_calendars_hold_the_event_once(built):
    for path in ("sud/agenda/agenda.ics", "region/agenda/agenda.ics", "sud/nl/agenda/agenda.ics"):
        text = read(built, path)
        assert text.count("BEGIN:VEVENT") == 3, path
        assert len(re.findall(r"UID:[^\r\n]*2023-03-28-atelier", text)) == 1


def test_news_list_feed_and_untranslated_item(built):
    page = article(read(built, "sud/actualites/index.html"))
    assert "Une nouvelle fictive" in page and "15 février 2023" in page and "Fin de vie" in page
    assert '<a href="../valves/">Valves partenaires →</a>' in page  # the notices, not in the navigation bar
    assert "<feed" in read(built, "sud/actualites/feed.xml")
    dutch = article(read(built, "region/nl/actualites/index.html"))
    assert '<a href="2022-11-02-regionale/" lang="fr" hreflang="fr">Une actualité régionale</a>' in dutch
    untranslated = read(built, "region/nl/actualites/2022-11-02-regionale/index.html")
    assert "Deze pagina is nog niet vertaald" in untranslated or 'class="bp-notice"' in untranslated


def test_notices_leave_the_list_after_their_end_date_and_their_page_says_so(built):
    page = article(read(built, "sud/valves/index.html"))
    assert "Une permanence fictive" in page and "Une annonce terminée" not in page
    old = article(read(built, "sud/valves/2022-12-01-ancienne/index.html"))
    assert "n&#x27;est plus affichée dans les valves" in old
    current = article(read(built, "sud/valves/2023-02-01-permanence/index.html"))
    assert '<a href="https://example.org/">Service fictif</a>' in current


def test_a_notice_in_dutch_only_is_published_on_both_sites_marked_on_the_french_one(built):
    dutch = article(read(built, "sud/nl/valves/index.html"))
    assert '<a href="2023-02-10-zitdag/">Een fictieve zitdag</a>' in dutch
    french = article(read(built, "sud/valves/index.html"))
    assert '<a href="2023-02-10-zitdag/" lang="nl" hreflang="nl">Een fictieve zitdag</a>' in french
    page = read(built, "sud/valves/2023-02-10-zitdag/index.html")
    assert "Le texte ci-dessous est la version néerlandaise." in page and "Alleen in het Nederlands." in page
    assert 'hreflang="fr"' not in page.split("</head>")[0]  # no French alternate announced


def test_empty_lists_say_so(built):
    assert "Aucune annonce de partenaire n&#x27;est affichée en ce moment." in article(read(built, "nord/valves/index.html"))
    assert "Aucun événement n&#x27;est encore publié ici." in article(read(built, "nord/agenda/index.html"))


def test_every_page_announces_the_feeds_of_its_site(built):
    head = read(built, "sud/index.html").split("</head>")[0]
    assert 'type="application/atom+xml" title="Fil Atom des actualités" href="https://www.bassin-sud.brussels/actualites/feed.xml"' in head
    assert 'type="text/calendar" title="S&#39;abonner à l&#39;agenda (iCalendar)"' in head


def test_a_long_past_is_split_into_pages_per_year(tmp_path):
    files = HOME + "".join(item(f"content/nord/actualites/{year}-0{month}-01-n{year}{month}.fr.md", f"""
title: Nouvelle {year}-{month}
date: {year}-0{month}-01
summary: Résumé.
""") for year in range(2015, 2023) for month in range(1, 6))
    root = make_repo(tmp_path, files)
    out = root.parent / "public"
    report = build_sites(root, ["nord"], out=out, today=TODAY, with_files=False)
    assert not report.errors, report.render()
    first = article((out / "nord/actualites/index.html").read_text())
    assert first.count('class="bp-item"') == 30
    assert '<a href="2016/">2016</a>' in first
    year = article((out / "nord/actualites/2016/index.html").read_text())
    assert year.count('class="bp-item"') == 5 and 'href="../2016-01-01-n20161/"' in year


def test_an_event_and_a_news_item_dated_to_the_month(tmp_path):
    """Sources sometimes give the month only (« juin 2024 »): the event says « mars 2023 » without a
    weekday, stays coming until the month ends, and its calendar entry covers the whole month."""
    root = make_repo(tmp_path, HOME + item("content/sud/agenda/2023-03-journee-fictive.fr.md", """
title: Journée fictive
summary: Une journée dont on ne connaît que le mois.
start: 2023-03
""") + item("content/sud/agenda/2023-03-journee-fictive.nl.md", """
title: Fictieve dag
summary: Een dag waarvan alleen de maand bekend is.
start: 2023-03
""") + item("content/sud/actualites/2023-02-bulletin.fr.md", """
title: Un bulletin fictif
date: 2023-02
summary: Publié en février.
"""))
    out = tmp_path / "public"
    report = build_sites(root, ["sud"], out=out, today=date(2023, 3, 31))
    assert not report.errors, report.render()
    page = article(read(out, "sud/agenda/index.html"))
    assert page.index("À venir") < page.index("Journée fictive")
    assert '<time datetime="2023-03">mars 2023</time>' in page and "mercredi" not in page
    assert '<time datetime="2023-03">maart 2023</time>' in article(read(out, "sud/nl/agenda/index.html"))
    ics = read(out, "sud/agenda/2023-03-journee-fictive/2023-03-journee-fictive.ics")
    assert "DTSTART;VALUE=DATE:20230301" in ics and "DTEND;VALUE=DATE:20230401" in ics
    html = read(out, "sud/agenda/2023-03-journee-fictive/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["startDate"] == "2023-03"
    news = article(read(out, "sud/actualites/index.html"))
    assert '<time datetime="2023-02">février 2023</time>' in news
    later = tmp_path / "later"
    report = build_sites(root, ["sud"], out=later, today=date(2023, 4, 1))
    assert report.warnings and "2023-03-journee-fictive.fr.md" in report.render()  # past, still `scheduled`
