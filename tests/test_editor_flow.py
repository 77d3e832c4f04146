"""Issue 14's test as an editor lives it: `build.py new` writes an event and a news item for Bassin
Sud in French and Dutch, the editor fills them in, `check` passes, the build puts them where
visitors and calendar apps find them."""
from __future__ import annotations

import json
import re
from datetime import date

import icalendar
import pytest

from publishing import build_sites, check
from publishing.cli import main
from tests.support import HOME, make_repo

pytestmark = pytest.mark.slow  # every test here builds sites

TODAY = date(2026, 12, 4)
FILLED = {
    "title: Titre court de l'événement": "title: Atelier du changement fictif",
    "title: Korte titel van het evenement": "title: Fictief atelier van de verandering",
    "venue: Nom du lieu": "venue: Salle fictive",
    "venue: Naam van de plaats": "venue: Fictieve zaal",
    "street: Rue …": "street: Rue de l'Exemple 1",
    "commune: …": "commune: forest",
    'postcode: "…"': 'postcode: "1190"',
    "registration: https://…": "registration: https://example.org/inscription",
    "source: …": "source: test",
    "title: Titre court de l'actualité": "title: Une actualité fictive",
    "title: Korte titel van het bericht": "title: Een fictief bericht",
    "draft: true\n": "",
}


def fill(path) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in FILLED.items():
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_an_event_and_a_news_item_from_the_scaffold_to_the_sites(tmp_path):
    root = make_repo(tmp_path, HOME)
    for kind, day, slug in (("evenement", "2026-12-10", "atelier"), ("actualite", "2026-12-01", "annonce")):
        assert main(["--root", str(root), "new", kind, slug, "--site", "sud", "--date", day]) == 0
    for path in sorted((root / "content" / "sud").rglob("*.md")):
        fill(path)
    report = check(root, today=TODAY)
    assert not report.problems, report.render()
    out = tmp_path / "public"
    report = build_sites(root, out=out, today=TODAY, with_files=True)
    assert not report.errors, report.render()

    page = "agenda/2026-12-10-atelier/"
    for lang, title in (("fr", "Atelier du changement fictif"), ("nl", "Fictief atelier van de verandering")):
        prefix = "" if lang == "fr" else "nl/"
        assert title in (out / f"sud/{prefix}agenda/index.html").read_text()
        assert title in (out / f"sud/{prefix}index.html").read_text()  # the home's next events
        region = (out / f"region/{prefix}agenda/index.html").read_text()
        sud = "https://www.bassin-sud.brussels/" if lang == "fr" else "https://www.zorgzone-zuid.brussels/"
        assert f'href="{sud}{page}"' in region and ("Bassin Sud" in region or "Zorgzone Zuid" in region)
        for site in ("sud", "region"):
            calendar = icalendar.Calendar.from_ical((out / f"{site}/{prefix}agenda/agenda.ics").read_bytes())
            (event,) = [c for c in calendar.walk("VEVENT")]
            assert str(event["SUMMARY"]) == title and event["DTSTART"].dt.isoformat() == "2026-12-10T09:30:00+01:00"
        single = icalendar.Calendar.from_ical((out / f"sud/{prefix}{page}2026-12-10-atelier.ics").read_bytes())
        assert str(single.walk("VEVENT")[0]["UID"]) == str(event["UID"])
        html = (out / f"sud/{prefix}{page}index.html").read_text()
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@type"] == "Event" and data["startDate"] == "2026-12-10T09:30:00+01:00"
        assert data["location"]["address"]["postalCode"] == "1190"

        news = "Une actualité fictive" if lang == "fr" else "Een fictief bericht"
        assert news in (out / f"sud/{prefix}actualites/index.html").read_text()
        assert news in (out / f"sud/{prefix}index.html").read_text()
        assert news in (out / f"region/{prefix}actualites/index.html").read_text()
        feed = (out / f"sud/{prefix}actualites/feed.xml").read_text()
        assert f"<title>{news}</title>" in feed or f'<title type="text">{news}</title>' in feed
