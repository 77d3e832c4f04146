"""The homes as front doors (publishing/plan/sections/home.py): the territory in two lines, the
helpdesk, the next events, the latest news, the presentation page; and the header on a phone.

Built from an inline repository with fictional items of Bassin Sud, on a fixed day (the build's
today), as `build.py build --today` does.
"""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from harness.served import serve_directory
from publishing import build_sites, check
from tests.support import make_repo

pytestmark = pytest.mark.slow  # every test here builds sites

TODAY = date(2026, 12, 4)


def event(slug: str, title: str, titre: str, start: str, extra: str = "") -> str:
    """An event of Bassin Sud in French and Dutch."""
    return "".join(f"""
    -- content/sud/agenda/{slug}.{lang}.md --
    ---
    title: {name}
    summary: {summary}
    start: "{start}"
    online: true
    organiser: Brusano{extra}
    ---
    Le programme.
""" for lang, name, summary in (("fr", titre, "Un atelier fictif."), ("nl", title, "Een fictieve workshop.")))


FILES = """
    -- content/shared/index.fr.md --
    ---
    title: Accueil
    description: Une phrase fictive qui dit ce qu'est le territoire.
    nav: 0
    ---
    -- content/shared/index.nl.md --
    ---
    title: Startpagina
    description: Een fictieve zin over het gebied.
    nav: 0
    ---
    -- content/bassins/presentation.fr.md --
    ---
    title: Le bassin en bref
    nav: 18
    ---
    # Le bassin en bref

    Le texte de présentation du bassin.
    -- content/bassins/presentation.nl.md --
    ---
    title: De zorgzone in het kort
    nav: 18
    ---
    # De zorgzone in het kort

    De voorstellingstekst van de zorgzone.
    -- content/sud/actualites/2026-11-30-nouvelle-permanence.fr.md --
    ---
    title: Une nouvelle permanence fictive
    date: 2026-11-30
    summary: Une permanence ouvre à Forest.
    themes: [sante-mentale]
    ---
    Texte.
    -- content/sud/actualites/2026-11-30-nouvelle-permanence.nl.md --
    ---
    title: Een nieuw fictief spreekuur
    date: 2026-11-30
    summary: Een spreekuur opent in Vorst.
    themes: [sante-mentale]
    ---
    Tekst.
""" + event("2026-12-10-atelier-regional", "Regionale workshop", "Atelier régional", "2026-12-10 09:30",
            "\n    region: true") \
    + event("2026-12-15-atelier-local", "Lokale workshop", "Atelier local", "2026-12-15 14:00") \
    + event("2026-11-20-atelier-passe", "Voorbije workshop", "Atelier passé", "2026-11-20 10:00",
            "\n    status: held")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Sud, Nord (no item) and the region, in both languages."""
    root = make_repo(tmp_path_factory.mktemp("home"), FILES)
    out = root.parent / "public"
    report = build_sites(root, site_ids=["sud", "nord", "region"], out=out, with_files=False, today=TODAY)
    assert not report.problems, report.render()
    return out


def page(out, path: str) -> str:
    return (out / path).read_text(encoding="utf-8")


def article(html: str) -> str:
    """The page's own content, without the header, navigation and footer."""
    return html[html.index('<article'):html.index("</article>")]


def links(html: str) -> dict[str, str]:
    """href -> text of the links of a piece of HTML (tags in the text removed)."""
    return {href: re.sub(r"<[^>]+>", "", text).strip()
            for href, text in re.findall(r'<a href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)}


@pytest.mark.parametrize("prefix, regional, local, news", [
    ("", "Atelier régional", "Atelier local", "Une nouvelle permanence fictive"),
    ("nl/", "Regionale workshop", "Lokale workshop", "Een nieuw fictief spreekuur"),
])
def test_the_sud_home_shows_its_coming_events_and_its_news_linking_to_their_pages(built, prefix, regional, local,
                                                                                   news):
    home = article(page(built, f"sud/{prefix}index.html"))
    found = links(home)
    assert found["agenda/2026-12-10-atelier-regional/"] == regional
    assert found["agenda/2026-12-15-atelier-local/"] == local
    assert found["actualites/2026-11-30-nouvelle-permanence/"] == news
    assert "agenda/2026-11-20-atelier-passe/" not in found  # over before today
    assert home.index(regional) < home.index(local)  # soonest first
    assert "agenda/" in found and "actualites/" in found  # the full lists
    assert '<time datetime="2026-12-10T09:30:00+01:00">' in home


def test_the_home_says_who_the_territory_is_in_two_lines_and_hides_the_side_columns(built):
    html = page(built, "sud/index.html")
    home = article(html)
    assert "<h1>Bassin Sud</h1>" in home
    assert "Bassin d&#x27;aide et de soins du sud de Bruxelles" in home  # the tagline, from sites/sud.yml
    assert "Une phrase fictive qui dit ce qu&#x27;est le territoire." in home  # the index's description
    assert re.search(r'data-md-type="navigation"\s+hidden', html) and re.search(r'data-md-type="toc"\s+hidden', html)


def test_the_region_home_shows_the_bassin_event_flagged_for_the_region_marked_and_on_the_bassin_site(built):
    home = article(page(built, "region/index.html"))
    found = links(home)
    regional = "https://www.bassin-sud.brussels/agenda/2026-12-10-atelier-regional/"
    assert found[regional] == "Atelier régional"
    assert re.search(re.escape(regional) + r'">Atelier régional</a> <span class="bp-badge">Bassin Sud</span>', home)
    assert not any("atelier-local" in href for href in found)  # not flagged: Sud's only
    nl = links(article(page(built, "region/nl/index.html")))
    assert nl["https://www.zorgzone-zuid.brussels/agenda/2026-12-10-atelier-regional/"] == "Regionale workshop"


def test_a_home_without_coming_events_or_news_says_so_and_links_the_lists(built):
    home = article(page(built, "nord/index.html"))
    assert "Aucun événement n&#x27;est annoncé pour le moment." in home
    assert "Aucune actualité n&#x27;est encore publiée." in home
    assert {"agenda/", "actualites/"} <= set(links(home))


def test_the_presentation_page_holds_the_text_and_the_home_links_to_it(built):
    for prefix, title, text in (("", "Le bassin en bref", "Le texte de présentation du bassin."),
                                ("nl/", "De zorgzone in het kort", "De voorstellingstekst van de zorgzone.")):
        assert links(article(page(built, f"sud/{prefix}index.html")))["presentation/"] == title
        presentation = page(built, f"sud/{prefix}presentation/index.html")
        assert text in presentation and text not in page(built, f"sud/{prefix}index.html")


def test_the_helpdesk_block_gives_the_region_s_line_to_a_bassin_without_its_own(built):
    sud = article(page(built, "sud/index.html"))
    assert '<a href="tel:+3228802980">+32 2 880 29 80</a>' in sud  # sites/region.yml: Sud has no phone
    assert '<a href="mailto:info@brusano.brussels">' in sud and "Les jours ouvrables, de 9 h à 17 h" in sud
    assert "Le helpdesk régional de Brusano vous répond" in sud
    assert links(sud)["helpdesk/"] == "Tout savoir sur le helpdesk"
    region = article(page(built, "region/nl/index.html"))
    assert '<a href="tel:+3228802980">+32 2 880 29 80</a>' in region and "Op werkdagen, van 9 tot 17 uur" in region
    assert "gewestelijke helpdesk" not in region  # its own line
    assert links(region)["helpdesk/"] == "Alles over de helpdesk"


def test_a_text_under_the_home_s_front_matter_comes_below_the_blocks_and_only_its_links_are_checked(tmp_path):
    files = FILES.replace("    description: Une phrase fictive qui dit ce qu'est le territoire.\n    nav: 0\n    ---\n",
                          "    description: Une phrase fictive qui dit ce qu'est le territoire.\n    nav: 0\n    ---\n"
                          "    Une annonce : voir [la page absente](absente.md).\n")
    root = make_repo(tmp_path, files)
    report = check(root, today=TODAY)
    # the editor's link is followed (line 6 of the file); the blocks' links to the agenda and
    # news pages (not planned in this repository) are the code's and are not
    assert [(p.file, p.line, p.code) for p in report.errors] == [("content/shared/index.fr.md", 6, "broken_link")]
    index = root / "content/shared/index.fr.md"
    index.write_text(index.read_text(encoding="utf-8").replace("absente.md", "https://example.org/annonce"),
                     encoding="utf-8")
    out = tmp_path / "public"
    report = build_sites(root, site_ids=["sud"], langs=["fr"], out=out, with_files=False, today=TODAY)
    assert not report.errors, report.render()
    home = article(page(out, "sud/index.html"))
    assert home.index("Toutes les actualités") < home.index('Une annonce : voir <a href="https://example.org/annonce">')


# --- the header on a phone, in a browser ------------------------------------------------------

# In view: inside the viewport, and the element at its middle (nothing clipping or covering it).
BAR = """(() => {
  const inside = e => { const r = e.getBoundingClientRect();
    const seen = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= innerWidth
      && r.top >= 0 && r.bottom <= innerHeight && (seen === e || e.contains(seen)); };
  return JSON.stringify({width: document.documentElement.scrollWidth,
    territories: [...document.querySelectorAll('.bp-territories li a')].map(a => [a.textContent, inside(a)]),
    current: document.querySelector('.bp-territories [aria-current]').textContent,
    lang: [document.querySelector('.bp-lang').lang, inside(document.querySelector('.bp-lang'))]});
})()"""


@pytest.mark.parametrize("path, names, current, lang", [
    ("sud/", ["Brusano", "Bassin Nord", "Bassin Nord-Est", "Bassin Centre-Ouest", "Bassin Sud", "Bassin Sud-Est"],
     "Bassin Sud", "nl"),
    ("region/nl/", ["Brusano", "Zorgzone Noord", "Zorgzone Noord-Oost", "Zorgzone Centrum-West", "Zorgzone Zuid",
                    "Zorgzone Zuid-Oost"], "Brusano", "fr"),
])
def test_on_a_390_px_phone_the_six_territories_and_the_language_switch_are_in_view(built, new_page, path, names,
                                                                                   current, lang):
    with serve_directory(built) as url:
        phone = new_page(phone=True)  # 390 × 844
        phone.goto(url + path)
        bar = json.loads(phone.evaluate(BAR))
    assert bar["width"] <= 390  # nothing scrolls sideways
    assert bar["territories"] == [[name, True] for name in names]  # the full names, for screen readers too
    assert bar["current"] == current and bar["lang"] == [lang, True]
