"""Syntheses: the lists per territory, the one-page PDFs, the Atom feeds, the editors' errors."""
from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pypdf
import pytest

from publishing import build_sites
from publishing.commands.check import check, load_project
from tests.support import HOME, ROOT, make_repo

ATOM = "{http://www.w3.org/2005/Atom}"


def real_syntheses() -> list[tuple[str, str, str]]:
    """(territory, slug, lang) of every synthesis file in the repository."""
    out = []
    for path in sorted((ROOT / "content").glob("*/syntheses/*.md")):
        slug, lang = path.name.rsplit(".", 2)[:2]
        out.append((path.parent.parent.name, slug, lang))
    return out


def listing(public: Path, site: str, lang: str = "fr") -> str:
    prefix = "nl/" if lang == "nl" else ""
    return (public / site / prefix / "syntheses" / "index.html").read_text(encoding="utf-8")


def test_starter_syntheses_are_those_the_seeds_record():
    """The region's concertations and forums (seeds 000, 002, 004); no bassin meeting is recorded in the
    seeds with what was said, so no bassin publishes a synthesis yet (issue 18)."""
    territories = {t for t, _s, _l in real_syntheses()}
    assert territories == {"region"}
    region = {s for t, s, _l in real_syntheses() if t == "region"}
    assert any("forum" in s and s.startswith("2023-01") for s in region)
    assert len([s for s in region if "pratiques-inclusives" in s]) == 4 * 1  # four concertations, one slug each
    # the Forum des membres of 2023, dated to the month as seed 000 dates them; the projets de quartier
    # sessions and the Forum des pratiques prometteuses to the day
    assert {"2023-02-forum-des-membres", "2023-06-forum-des-membres", "2023-10-forum-des-membres"} <= region
    assert len([s for s in region if "projets-de-quartier" in s]) == 3
    assert "2024-01-17-forum-des-pratiques-prometteuses" in region


def test_a_territory_without_syntheses_says_so(public):
    for site, lang, sentence in (
            ("sud", "fr", "Aucune synthèse de rencontre n&#x27;est encore publiée pour ce territoire."),
            ("nord", "nl", "Voor dit gebied is nog geen synthese van een bijeenkomst gepubliceerd.")):
        html = listing(public, site, lang)
        assert sentence in html and "bp-filter" not in html.split("<article", 1)[1]


@pytest.mark.parametrize("site", ["region"])
def test_list_is_newest_first_and_grouped_by_year(public, site):
    for lang in ("fr", "nl"):
        html = listing(public, site, lang)
        dates = re.findall(r'<p class="bp-synthesis__meta"><time datetime="([0-9-]+)">', html)
        assert dates and dates == sorted(dates, reverse=True)
        years = re.findall(r'<h2 id="annee-(\d{4})">', html)
        assert years == sorted(set(d[:4] for d in dates), reverse=True)


def test_filters_markup(public):
    html = listing(public, "region")
    form = re.search(r'<form class="bp-filter" data-bp-filter hidden role="search"[^>]*>.*?</form>', html, re.S)
    assert form, "the filter form is hidden until JavaScript shows it"
    form = form.group(0)
    assert '<label for="bp-kind">Type de rencontre</label>' in form and '<label for="bp-theme">Thème</label>' in form
    assert '<option value="forum">Forum</option>' in form
    assert '<option value="pratiques-inclusives">Pratiques inclusives</option>' in form
    items = re.findall(r'<li class="bp-synthesis" data-bp-item data-kind="([a-z]+)" data-theme="([a-z-]*)">', html)
    assert ("forum", "") in items or any(k == "forum" for k, _t in items)
    assert ("concertation", "pratiques-inclusives") in items


def test_each_item_shows_date_kind_participants_and_summary(public):
    html = listing(public, "region")
    item = html[html.index("2023-03-30-pratiques-inclusives"):]
    item = item[:item.index("</li>")]
    assert "30 mars 2023" in item and "Concertation" in item and "Pratiques inclusives" in item
    assert "27 participant·es" in item
    assert '<p class="bp-synthesis__summary">' in item


@pytest.mark.slow
def test_region_also_shows_the_bassins_latest_marked(tmp_path):
    root = make_repo(tmp_path, HOME + "".join(f"""
        -- content/{bassin}/syntheses/2024-0{month}-10-rencontre.fr.md --
        ---
        title: Rencontre fictive {bassin}
        date: 2024-0{month}-10
        kind: rencontre
        summary: Une rencontre fictive.
        ---
        Texte.
    """ for month, bassin in ((1, "sud"), (2, "sud"), (3, "nord"))))
    out = tmp_path / "public"
    report = build_sites(root, ["region", "sud"], out=out, with_files=False)
    assert not report.errors, report.render()
    html = (out / "region/syntheses/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.bassin-sud.brussels/syntheses/2024-02-10-rencontre/"' in html  # the latest only
    assert "2024-01-10-rencontre" not in html
    assert 'href="https://www.bassin-nord.brussels/syntheses/2024-03-10-rencontre/"' in html
    assert html.count('<span class="bp-badge">Bassin ') == 2
    sud = (out / "sud/syntheses/index.html").read_text(encoding="utf-8")
    assert "bp-badge" not in sud and "2024-01-10-rencontre" in sud


def test_a_meeting_dated_to_the_month_shows_the_month_only(public):
    """The seed dates the regional concertation "mars 2024" only (004): the page, the list, the PDF
    and the feed say the month, never a day (issue 18)."""
    slug = "2024-03-concertation-regionale"
    for lang, words in (("fr", "mars 2024"), ("nl", "maart 2024")):
        prefix = "nl/" if lang == "nl" else ""
        page = (public / "region" / prefix / "syntheses" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<time datetime="2024-03">{words}</time>' in page
        assert f'<time datetime="2024-03">{words}</time>' in listing(public, "region", lang)
        pdf = pypdf.PdfReader(public / "region" / prefix / "syntheses" / slug / f"synthese-{slug}-{lang}.pdf")
        text = " ".join(pdf.pages[0].extract_text().split())
        assert words in text and f"1 {words}" not in text and f"1er {words}" not in text
        feed = ET.parse(public / "region" / prefix / "syntheses" / "feed.xml").getroot()
        entry = next(e for e in feed.iter(f"{ATOM}entry") if slug in e.find(f"{ATOM}id").text)
        assert entry.find(f"{ATOM}published").text == "2024-03-01T00:00:00Z"  # Atom wants a full date


@pytest.mark.slow
def test_new_synthese_accepts_a_month(tmp_path):
    root = make_repo(tmp_path, HOME)
    subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "new", "synthese",
                    "--site", "sud", "--date", "2024-03", "forum"], check=True, capture_output=True)
    text = (root / "content/sud/syntheses/2024-03-forum.fr.md").read_text("utf-8")
    assert "date: 2024-03\n" in text


def test_synthesis_page_offers_its_one_page_pdf(public):
    html = (public / "region/syntheses/2023-01-19-forum-ouvert/index.html").read_text(encoding="utf-8")
    href = re.search(r'class="md-button md-button--primary" href="([^"]+)"[^>]*download>', html).group(1)
    assert href == "https://www.brusano.brussels/syntheses/2023-01-19-forum-ouvert/synthese-2023-01-19-forum-ouvert-fr.pdf"


@pytest.mark.parametrize("territory, slug, lang", real_syntheses())
def test_every_pdf_is_one_page_with_its_title(public, territory, slug, lang):
    prefix = "nl/" if lang == "nl" else ""
    path = public / territory / prefix / "syntheses" / slug / f"synthese-{slug}-{lang}.pdf"
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    source = (ROOT / "content" / territory / "syntheses" / f"{slug}.{lang}.md").read_text(encoding="utf-8")
    title = re.search(r"^title: (.+)$", source, re.M).group(1).strip().strip('"')
    text = " ".join(reader.pages[0].extract_text().split())
    assert " ".join(title.split()) in text
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert (round(float(reader.pages[0].mediabox.width)), round(float(reader.pages[0].mediabox.height))) == (595, 842)


@pytest.mark.parametrize("site", sorted({t for t, _s, _l in real_syntheses()}))
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_feed_is_valid_atom(public, site, lang):
    prefix = "nl/" if lang == "nl" else ""
    path = public / site / prefix / "syntheses" / "feed.xml"
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"

    def one(parent, name):
        found = parent.findall(f"{ATOM}{name}")
        assert len(found) == 1, (name, len(found))
        return found[0]

    def date(text):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})", text), text
        return datetime.fromisoformat(text.replace("Z", "+00:00"))

    assert one(root, "id").text.startswith("https://")
    assert one(root, "title").text
    newest = date(one(root, "updated").text)
    assert one(root, "author").find(f"{ATOM}name").text
    self_link = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link and self_link[0].get("href").endswith("/syntheses/feed.xml")
    entries = root.findall(f"{ATOM}entry")
    assert entries
    ids = set()
    for entry in entries:
        ids.add(one(entry, "id").text)
        assert one(entry, "title").text
        assert date(one(entry, "updated").text) <= newest
        assert one(entry, "summary").text
        alternate = [link for link in entry.findall(f"{ATOM}link") if link.get("rel") == "alternate"]
        assert len(alternate) == 1 and alternate[0].get("href").startswith("https://")
    assert len(ids) == len(entries)
    page = (public / site / prefix / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in page  # announced in every page's head


# --- what editors get wrong ---------------------------------------------------------

LONG_BODY = "\n\n".join(
    f"## Partie {i}\n\n" + " ".join(["Une phrase assez longue pour remplir la page de la synthèse."] * 12)
    for i in range(1, 9))


@pytest.mark.slow
def test_a_synthesis_too_long_for_one_page_is_an_error(tmp_path):
    root = make_repo(tmp_path, """
        -- content/sud/syntheses/2024-05-02-trop-longue.fr.md --
        ---
        title: Une synthèse trop longue
        date: 2024-05-02
        kind: concertation
        summary: Elle ne tient pas sur une page.
        ---
        PLACEHOLDER
    """)
    path = root / "content/sud/syntheses/2024-05-02-trop-longue.fr.md"
    path.write_text(path.read_text(encoding="utf-8").replace("PLACEHOLDER", LONG_BODY), encoding="utf-8")
    report = check(root)
    rendered = report.render("fr")
    match = re.search(r"content/sud/syntheses/2024-05-02-trop-longue\.fr\.md: la synthèse dépasse une page A4 de "
                      r"([0-9.]+) mm \(environ (\d+) ligne\(s\)\), même sur deux colonnes\.", rendered)
    assert match, rendered
    assert float(match.group(1)) > 10
    assert "raccourcissez le texte" in rendered

    out = tmp_path / "public"
    result = build_sites(root, site_ids=["sud"], out=out)
    assert result.errors and not (out / "sud").exists()  # nothing published


def test_date_must_match_the_file_name(tmp_path):
    root = make_repo(tmp_path, """
        -- content/nord/syntheses/2024-05-02-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-05-03
        kind: rencontre
        summary: Un résumé.
        ---
        ## Contexte
    """)
    _project, report = load_project(root)
    assert ("content/nord/syntheses/2024-05-02-rencontre.fr.md:3: date: la date 2024-05-03 ne correspond pas "
            "à celle du nom du fichier (2024-05-02).") in report.render("fr")


def test_unknown_kind_lists_the_allowed_ones(tmp_path):
    root = make_repo(tmp_path, """
        -- content/nord/syntheses/2024-05-02-rencontre.fr.md --
        ---
        title: Rencontre
        date: 2024-05-02
        kind: reunion
        summary: Un résumé.
        ---
        ## Contexte
    """)
    _project, report = load_project(root)
    rendered = report.render("fr")
    assert "2024-05-02-rencontre.fr.md:4: kind: valeur « reunion » non permise." in rendered
    assert "choisissez parmi : 'concertation', 'conseil', 'atelier', 'forum', 'rencontre'." in rendered


@pytest.mark.slow
def test_new_synthese_creates_both_files_from_the_template(tmp_path):
    root = make_repo(tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "new", "synthese",
                             "--site", "sud", "--date", "2025-02-11", "concertation-sante-mentale"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    for lang, heading in (("fr", "## Ce qui a été dit"), ("nl", "## Wat er gezegd werd")):
        text = (root / f"content/sud/syntheses/2025-02-11-concertation-sante-mentale.{lang}.md").read_text("utf-8")
        assert "date: 2025-02-11" in text and heading in text and "draft: true" in text
    _project, report = load_project(root)
    assert not report.errors, report.render()
    bad = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), "new", "synthese",
                          "--site", "sud", "--date", "2025-02-30", "x"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2 and "n'est pas une date" in bad.stderr
