"""The monthly newsletter (issue 15): the region's December edition, made from news, events and a
synthesis of two bassins (fictional, tests only), as an e-mail in French and Dutch read in Chromium
at 600 and 375 px, as plain text, and as a page of the site's archive."""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from publishing import build_sites
from publishing.commands.check import check
from tests.support import HOME, ROOT, item, make_repo

pytestmark = pytest.mark.slow  # every test here builds sites or runs build.py

TODAY = date(2026, 12, 1)


FILES = HOME + item("content/sud/actualites/2026-12-02-permanence.fr.md", """
title: Une permanence fictive à Forest
date: 2026-12-02
summary: Une permanence d'essai pour les tests.
source: équipe Brusano (tests)
""") + item("content/sud/actualites/2026-12-02-permanence.nl.md", """
title: Een fictieve permanentie in Vorst
date: 2026-12-02
summary: Een proefpermanentie voor de tests.
source: équipe Brusano (tests)
""") + item("content/nord/actualites/2026-12-09-rencontre.fr.md", """
title: Une rencontre fictive à Schaerbeek
date: 2026-12-09
summary: Une rencontre d'essai.
source: équipe Brusano (tests)
""") + item("content/nord/agenda/2026-12-15-atelier.fr.md", """
title: Un atelier fictif
summary: Un atelier pour les tests.
start: "2026-12-15 09:30"
end: "2026-12-15 12:00"
venue: Maison fictive
address: {street: "Rue de l'Exemple 1", postcode: "1030", commune: schaerbeek}
source: équipe Brusano (tests)
""") + item("content/nord/agenda/2026-12-15-atelier.nl.md", """
title: Een fictieve workshop
summary: Een workshop voor de tests.
start: "2026-12-15 09:30"
end: "2026-12-15 12:00"
venue: Fictief huis
address: {street: "Rue de l'Exemple 1", postcode: "1030", commune: schaerbeek}
source: équipe Brusano (tests)
""") + item("content/nord/agenda/2026-12-17-annule.fr.md", """
title: Un atelier annulé
summary: Un atelier qui n'aura pas lieu.
start: "2026-12-17 14:00"
status: cancelled
source: équipe Brusano (tests)
""") + item("content/nord/agenda/2026-12-17-annule.nl.md", """
title: Een geannuleerde workshop
summary: Een workshop die niet doorgaat.
start: "2026-12-17 14:00"
status: cancelled
source: équipe Brusano (tests)
""") + item("content/sud/agenda/2026-12-18-complet.fr.md", """
title: Une formation complète
summary: Plus de place.
start: "2026-12-18 09:00"
status: full
source: équipe Brusano (tests)
""") + item("content/sud/agenda/2027-03-01-trop-tard.fr.md", """
title: Un événement trop lointain
summary: Hors des semaines qui suivent.
start: 2027-03-01
source: équipe Brusano (tests)
""") + item("content/sud/syntheses/2026-12-03-concertation.fr.md", """
title: Une concertation fictive
date: 2026-12-03
kind: concertation
summary: La synthèse d'essai du mois.
""", "## Contexte\n\n    Texte.") \
    + item("content/region/newsletter/2026-12.fr.md", """
summary: Décembre dans les bassins, en bref.
""", "Bonne fin d'année ! Voir aussi [l'accueil](../../index.md).") \
    + item("content/region/newsletter/2026-12.nl.md", """
summary: December in de zorgzones, kort.
""", "Een mooi eindejaar! Zie ook [de startpagina](../../index.md).")


@pytest.fixture(scope="module")
def letters(tmp_path_factory):
    root = make_repo(tmp_path_factory.mktemp("newsletter"), FILES)
    out = root.parent / "public"
    report = build_sites(root, ["region", "nord", "sud"], out=out, today=TODAY, with_files=False)
    assert not report.errors, report.render()
    mails = root.parent / "mails"
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "newsletter",
                           "--site", "region", "--month", "2026-12", "--out", str(mails), "--today", "2026-12-01"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    return root, out, mails


def page_of(public: Path, url: str) -> Path:
    """The built file an absolute URL of the fixture's sites leads to."""
    parts = urlsplit(url)
    site = {"www.brusano.brussels": "region", "www.bassin-nord.brussels": "nord", "www.bassin-sud.brussels": "sud",
            "www.zorgzone-noord.brussels": "nord/nl", "www.zorgzone-zuid.brussels": "sud/nl"}[parts.netloc]
    return public / site / parts.path.lstrip("/") / "index.html"


def test_the_command_writes_both_languages_html_and_text(letters):
    _root, _public, mails = letters
    names = sorted(p.name for p in mails.iterdir())
    assert names == [f"newsletter-region-2026-12-{lang}.{ext}" for lang in ("fr", "nl") for ext in ("html", "txt")]
    html = (mails / "newsletter-region-2026-12-fr.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html and "<script" not in html.lower() and "<img" not in html.lower()
    assert "@font-face" not in html and "fonts.googleapis" not in html
    assert 'style="' in html and "Décembre dans les bassins, en bref." in html  # inlined; the preheader
    assert "[[UNSUBSCRIBE]]" in html
    hosts = {urlsplit(u).netloc for u in re.findall(r'href="(https?://[^"]+)"', html)}
    assert hosts <= {"www.brusano.brussels", "www.bassin-nord.brussels", "www.bassin-sud.brussels"}, hosts


def test_every_link_leads_to_a_built_page(letters):
    _root, public, mails = letters
    for lang in ("fr", "nl"):
        html = (mails / f"newsletter-region-2026-12-{lang}.html").read_text(encoding="utf-8")
        links = [u for u in re.findall(r'href="(https://[^"]+)"', html)]
        assert len(links) >= 8
        for url in links:
            assert page_of(public, url).is_file(), url
            # the edition, for the audience report (publishing.model.audience): in both languages
            assert urlsplit(url).query == "nl=2026-12", url


def test_the_plain_text_carries_every_item_and_link(letters):
    _root, _public, mails = letters
    text = (mails / "newsletter-region-2026-12-fr.txt").read_text(encoding="utf-8")
    for title in ("Une permanence fictive à Forest", "Une rencontre fictive à Schaerbeek", "Un atelier fictif",
                  "Une concertation fictive"):
        assert title in text
    html = (mails / "newsletter-region-2026-12-fr.html").read_text(encoding="utf-8")
    for url in set(re.findall(r'href="(https://[^"]+)"', html)):
        assert url in text, url
    assert "Un événement trop lointain" not in text  # beyond the coming weeks
    said = " ".join(text.split())
    assert "Bonne fin d'année ! Voir aussi l'accueil (https://www.brusano.brussels/?nl=2026-12)." in said


def test_an_event_says_what_the_agenda_says_cancelled_or_full(letters):
    """A cancelled event stays in the edition, marked as the site marks it (the guide, chapter 16)."""
    _root, public, mails = letters
    words = {"fr": ("Annulé", "Complet", "Un atelier annulé", "Une formation complète"),
             "nl": ("Geannuleerd", "Volzet", "Een geannuleerde workshop", "Une formation complète")}
    for lang, (cancelled, full, title, other) in words.items():
        text = (mails / f"newsletter-region-2026-12-{lang}.txt").read_text(encoding="utf-8")
        assert f"[{cancelled}] {title}" in text and f"[{full}] {other}" in text
        assert f"] {'Un atelier fictif' if lang == 'fr' else 'Een fictieve workshop'}" not in text  # scheduled: no word
        html = (mails / f"newsletter-region-2026-12-{lang}.html").read_text(encoding="utf-8")
        blocks = html.split('class="item-title"')[1:]
        items = {re.findall(r"<a [^>]*>(.*?)</a>", block)[0]: block for block in blocks}
        assert re.search(rf"<strong [^>]*>{cancelled}</strong>", items[title]), items[title]
        assert re.search(rf"<strong [^>]*>{full}</strong>", items[other])
        assert "<strong" not in items["Un atelier fictif" if lang == "fr" else "Een fictieve workshop"]
        page = public / ("region" if lang == "fr" else "region/nl") / "newsletter/2026-12/index.html"
        assert f'bp-status--cancelled">{cancelled}</span>' in page.read_text(encoding="utf-8")  # the archive too


@pytest.mark.parametrize("width", [600, 375])
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_email_reads_well_in_chromium(letters, new_page, width, lang):
    _root, _public, mails = letters
    page = new_page()
    page.set_viewport_size({"width": width, "height": 900})
    page.goto((mails / f"newsletter-region-2026-12-{lang}.html").as_uri())
    seen = page.inner_text("body")
    titles = {"fr": ["Une permanence fictive à Forest", "Un atelier fictif", "Une concertation fictive",
                     "mardi 15 décembre 2026, 9 h 30 – 12 h 00", "2 décembre 2026", "Bassin Nord", "Bassin Sud",
                     "Annulé"],
              "nl": ["Een fictieve permanentie in Vorst", "Een fictieve workshop", "dinsdag 15 december 2026",
                     "2 december 2026", "Zorgzone Noord", "Geannuleerd"]}[lang]
    for words in titles:
        assert words in seen, words
    assert page.evaluate("document.documentElement.lang") == lang
    if lang == "nl":  # an item not translated keeps the language of its text
        assert page.evaluate("document.querySelector('a[lang=fr]').textContent") == "Une rencontre fictive à Schaerbeek"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width  # no sideways scrolling
    # the preheader is in the message but not shown
    assert page.evaluate("getComputedStyle(document.body.firstElementChild).display") == "none"


def test_the_archive_shows_the_edition(letters):
    _root, public, _mails = letters
    archive = (public / "region/newsletter/index.html").read_text(encoding="utf-8")
    assert 'href="2026-12/"' in archive and "décembre 2026" in archive
    edition = (public / "region/newsletter/2026-12/index.html").read_text(encoding="utf-8")
    for words in ("Bonne fin d'année", "Une permanence fictive à Forest", "Un atelier fictif",
                  '<span class="bp-badge">Bassin Sud</span>'):
        assert words in edition, words
    nl = (public / "region/nl/newsletter/2026-12/index.html").read_text(encoding="utf-8")
    assert "Een fictieve permanentie in Vorst" in nl and "Nieuwsbrief" in nl
    assert 'lang="fr" hreflang="fr">Une rencontre fictive à Schaerbeek</a>' in nl  # not translated: said so
    assert "Aucune newsletter" in (public / "sud/newsletter/index.html").read_text(encoding="utf-8")
    footer = (public / "region/agenda/index.html").read_text(encoding="utf-8").split('<footer', 1)[1]
    assert '<a href="../newsletter/">Newsletter</a>' in footer  # the archive is found from every page


def test_check_reports_an_empty_month_and_a_missing_dutch_editorial(tmp_path):
    root = make_repo(tmp_path, HOME + item("content/sud/newsletter/2026-11.fr.md", "summary: Rien.", ""))
    rendered = check(root, today=TODAY).render("fr")
    assert ("content/sud/newsletter/2026-11.fr.md: avertissement: l'édition 2026-11 de la newsletter n'a pas de "
            "fichier néerlandais") in rendered
    assert ("content/sud/newsletter/2026-11.fr.md: avertissement: l'édition 2026-11 de la newsletter n'a rien à "
            "envoyer") in rendered
    bad = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "newsletter", "--site", "sud",
                          "--month", "2026-13"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "n'est pas un mois AAAA-MM" in bad.stderr


def test_the_email_template_fails_on_a_missing_value(tmp_path):
    """A value the template names and the edition lacks is an error, as in the sites' templates,
    not an empty place in an e-mail sent to every subscriber."""
    from types import SimpleNamespace

    import jinja2

    from publishing.output.newsletter import email_html

    (tmp_path / "theme" / "email").mkdir(parents=True)
    template = tmp_path / "theme" / "email" / "newsletter.html"
    issue = SimpleNamespace(month=date(2026, 12, 1), title="Décembre")
    template.write_text("<p>{{ issue.title }} {{ unsubscribe }}</p>", encoding="utf-8")
    assert "Décembre" in email_html(tmp_path, issue, "https://example.org/u", str)
    template.write_text("<p>{{ issue.subtitle }}</p>", encoding="utf-8")
    with pytest.raises(jinja2.UndefinedError):
        email_html(tmp_path, issue, "https://example.org/u", str)
