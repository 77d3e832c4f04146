"""build.py import-wordpress, as the team will run it: exports of a fictional WordPress site
(tests/fixtures/wordpress/: WordPress 6, WPML, The Events Calendar) imported into a copy of
the repository, built, served by nginx; run again; and given bad input."""
from __future__ import annotations

import contextlib
import hashlib
import io
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from harness.served import get, running_nginx
from publishing import build_sites
from publishing.cli import main
from tests.support import FIXTURES, HOME, make_repo

EXPORTS = FIXTURES / "wordpress"
TODAY = date(2023, 3, 15)
# An address of the old site already listed, leading to the news list until the import
LISTED = """addresses:
  - from: https://brusano.brussels/2023/03/01/forum-fictif-des-aidants
    to: https://www.brusano.brussels/actualites/
"""


def run(root: Path, *extra: str, exports: tuple[str, ...] = ("region-fr.xml", "region-nl.xml"),
        messages: str = "fr") -> int:
    return main(["--root", str(root), "--messages", messages, "import-wordpress",
                 *[str(EXPORTS / name) for name in exports], "--site", "region", "--uploads", str(EXPORTS / "uploads"),
                 "--translations", str(EXPORTS / "translations.csv"), "--today", TODAY.isoformat(), *extra])


def new_repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path, HOME)
    (root / "sites" / "anciennes-adresses.yml").write_text(LISTED, encoding="utf-8")
    return root


def snapshot(root: Path) -> dict[str, str]:
    """Every file of content/ and sites/ with a hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for folder in ("content", "sites") for p in sorted((root / folder).rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, Path, str]:
    """The repository after one import, its build (region), and what the import printed."""
    root = new_repo(tmp_path_factory.mktemp("wordpress"))
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(root) == 0
    public = root.parent / "public"
    report = build_sites(root, site_ids=["region"], out=public, today=TODAY)
    assert not report.errors, report.render()
    return root, public, out.getvalue()


def read(public: Path, path: str) -> str:
    return (public / path).read_text(encoding="utf-8")


def article(page: str) -> str:
    return page[page.index("<article"):page.index("</article>")]


@pytest.mark.slow
def test_a_translated_news_item_is_one_item_in_both_languages_with_its_image(imported):
    root, public, _ = imported
    folder = root / "content/region/actualites"
    assert sorted(p.name for p in folder.glob("2023-03-01-*")) == [
        "2023-03-01-forum-fictif-des-aidants-salle.jpg", "2023-03-01-forum-fictif-des-aidants.fr.md",
        "2023-03-01-forum-fictif-des-aidants.nl.md"]
    french = article(read(public, "region/actualites/2023-03-01-forum-fictif-des-aidants/index.html"))
    assert "<h1>Forum fictif des aidants &amp; des proches</h1>" in french or "des aidants & des proches</h1>" in french
    assert '<img src="../2023-03-01-forum-fictif-des-aidants-salle.jpg" alt="Une salle de réunion lumineuse, ' \
           'des chaises en cercle"' in french  # the featured image, with the attachment's alternative text
    # in the text: the resized copy's original
    assert re.search(r'<img alt="Une salle de réunion lumineuse, des chaises en cercle" '
                     r'src="\.\./2023-03-01-forum-fictif-des-aidants-salle\.jpg"', french)
    assert "<em>La salle du forum fictif</em>" in french  # its caption
    assert '<h2 id="au-programme">' in french and "<strong>Aidants Exemple</strong>" in french
    assert (public / "region/actualites/2023-03-01-forum-fictif-des-aidants-salle.jpg").is_file()
    dutch = article(read(public, "region/nl/actualites/2023-03-01-forum-fictif-des-aidants/index.html"))
    assert "Fictief forum van de mantelzorgers" in dutch
    assert 'alt="Een lichte vergaderzaal, stoelen in een kring"' in dutch
    head = read(public, "region/actualites/2023-03-01-forum-fictif-des-aidants/index.html").split("</head>")[0]
    assert 'hreflang="nl" href="https://www.brusano.brussels/nl/actualites/2023-03-01-forum-fictif-des-aidants/"' \
        in head  # paired across languages


@pytest.mark.slow
def test_internal_links_lead_to_the_new_pages(imported):
    _root, public, _ = imported
    french = article(read(public, "region/actualites/2023-03-01-forum-fictif-des-aidants/index.html"))
    assert '<a href="../../agenda/2023-04-12-atelier-fictif-decriture/">atelier d' in french  # by ?p=201
    assert '<a href="../2023-03-01-forum-fictif-des-aidants-salle.jpg">plan de la salle</a>' in french  # an upload
    assert "page de l&#x27;association" in french or "page de l'association" in french  # a draft page: text only
    assert "qui-sommes-nous-fictif" not in french
    dutch = article(read(public, "region/nl/actualites/2023-03-01-forum-fictif-des-aidants/index.html"))
    assert '<a href="../../agenda/2023-04-12-atelier-fictif-decriture/">schrijfworkshop</a>' in dutch  # by permalink
    other = article(read(public, "region/actualites/2023-02-01-permanence-fictive/index.html"))
    assert '<a href="../../actualites/2023-03-01-forum-fictif-des-aidants/">forum des aidants</a>' in other  # no "/"
    assert "comme l&#x27;annonçait un ancien article." in other or "comme l'annonçait un ancien article." in other


@pytest.mark.slow
def test_the_timed_event_is_at_its_local_time_and_place_the_all_day_one_is_held(imported):
    root, public, _ = imported
    page = article(read(public, "region/agenda/2023-04-12-atelier-fictif-decriture/index.html"))
    assert "mercredi 12 avril 2023, 14 h 00 – 16 h 30" in page
    assert "Maison fictive des associations" in page and "Rue de l&#x27;Exemple 12, 1190 Forest" in page
    assert 'href="https://example.org/inscription-atelier"' in page and "5 €" in page
    dutch = article(read(public, "region/nl/agenda/2023-04-12-atelier-fictif-decriture/index.html"))
    assert "woensdag 12 april 2023, 14.00 uur – 16.30 uur" in dutch and "Fictief verenigingshuis" in dutch
    all_day = (root / "content/region/agenda/2023-02-20-journee-fictive-portes-ouvertes.fr.md").read_text()
    assert "start: 2023-02-20\n" in all_day and "status: held\n" in all_day


@pytest.mark.slow
def test_a_notice_in_dutch_only_is_on_both_sites(imported):
    root, public, _ = imported
    names = [p.name for p in (root / "content/region/valves").iterdir()]
    assert names == ["2023-03-10-zitdag-over-thuiszorg-fictief.nl.md"]
    text = (root / "content/region/valves/2023-03-10-zitdag-over-thuiszorg-fictief.nl.md").read_text()
    assert "partner: Fictieve vzw Voorbeeld\n" in text and "until: 2023-04-09\n" in text
    assert "Fictieve zitdag over thuiszorg" in article(read(public, "region/nl/valves/index.html"))
    french = read(public, "region/valves/2023-03-10-zitdag-over-thuiszorg-fictief/index.html")
    assert "Le texte ci-dessous est la version néerlandaise." in french and "Fictieve zitdag" in french


@pytest.mark.slow
def test_nothing_forbidden_or_private_is_published(imported):
    root, public, _ = imported
    for page in public.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        body = article(html) if "<article" in html else ""
        assert "<iframe" not in body and "contact-form-7" not in body and "document.write" not in body, page
        assert "WordPress region #" not in html, page  # the source stays for the team
    assert not (public / "region/qui-sommes-nous-fictif").exists()  # a page is a draft
    assert not list(public.rglob("*brouillon*"))  # a WordPress draft is not imported
    page = article(read(public, "region/actualites/2023-02-01-permanence-fictive/index.html"))
    assert '<a href="https://maps.example.org/embed?q=permanence">' in page  # the iframe became a link
    draft = (root / "content/region/qui-sommes-nous-fictif.fr.md").read_text()
    assert "draft: true\n" in draft and "source: 'WordPress region #401'" in draft


@pytest.mark.slow
def test_the_report_names_each_thing_to_fix(imported):
    root, _public, printed = imported
    written = (root / "build/import-wordpress-region.md").read_text()
    for expected in ("| actualités | 2 | 0 | 0 | 1 | 2 |", "[contact-form-7]", "https://maps.example.org/embed?q=permanence",
                     "un script (script) a été retiré", "https://www.youtube.com/watch?v=AAAAAAAAAAA",
                     "2023/02/horaire-fictif.pdf", "pages #401 « Qui sommes-nous (fictif) »",
                     "statut « draft »", "type « nav_menu_item » non repris : 1",
                     "que les nouveaux sites n'ont pas, gardé comme texte : https://www.brusano.brussels/2019/05/"):
        assert expected in written, expected
    assert "actualités #105 « Permanence fictive d’accueil » (content/region/actualites/" \
           "2023-02-01-permanence-fictive.fr.md)" in printed


@pytest.mark.slow
def test_old_addresses_lead_to_the_articles(imported):
    root, _public, _ = imported
    text = (root / "sites/anciennes-adresses.yml").read_text()
    assert "  - from: https://brusano.brussels/2023/03/01/forum-fictif-des-aidants\n" \
           "    to: https://www.brusano.brussels/actualites/2023-03-01-forum-fictif-des-aidants/\n" in text
    assert text.count("forum-fictif-des-aidants\n") == 1  # the listed address changed, not added again
    assert "  - from: https://www.brusano.brussels/nl/evenement/fictieve-schrijfworkshop/\n" \
           "    to: https://www.brusano.brussels/nl/agenda/2023-04-12-atelier-fictif-decriture/\n" in text
    assert "qui-sommes-nous" not in text  # a draft page gets no redirect


@pytest.mark.slow
def test_a_second_run_changes_nothing(imported, tmp_path):
    root, _public, _ = imported
    before = snapshot(root)
    assert run(root) == 0
    assert snapshot(root) == before


def test_an_edited_file_is_kept_unless_forced(tmp_path, capsys):
    root = new_repo(tmp_path)
    assert run(root) == 0
    path = root / "content/region/agenda/2023-04-12-atelier-fictif-decriture.fr.md"
    edited = path.read_text().replace("Un atelier fictif pour écrire", "Un atelier relu pour écrire")
    path.write_text(edited)
    capsys.readouterr()
    assert run(root) == 0
    assert path.read_text() == edited
    assert "le fichier a été modifié depuis l'import : il est gardé tel quel." in capsys.readouterr().out
    assert run(root, "--force") == 0
    assert "Un atelier fictif pour écrire" in path.read_text()


def test_a_dry_run_writes_nothing(tmp_path, capsys):
    root = new_repo(tmp_path)
    before = snapshot(root)
    assert run(root, "--dry-run", messages="en") == 0
    assert snapshot(root) == before and not (root / "build").exists()
    out = capsys.readouterr().out
    assert "news, imported: 2" in out and "Trial (--dry-run): no file was written." in out


@pytest.mark.slow
def test_the_old_addresses_answer_one_301_to_the_article_on_nginx(imported):
    root, public, _ = imported
    # nginx's workers run as nobody: the served tree must be readable by all, outside pytest's 0700 folders
    served = Path(tempfile.mkdtemp(prefix="brusano-wordpress-"))
    served.chmod(0o755)
    shutil.copytree(public, served / "public")
    served = served / "public"
    forum = "/actualites/2023-03-01-forum-fictif-des-aidants/"
    cases = {
        ("brusano.brussels", "/2023/03/01/forum-fictif-des-aidants/"): forum,  # the address listed before
        ("www.brusano.brussels", "/2023/03/01/forum-fictif-des-aidants"): forum,
        ("www.brusano.brussels", "/nl/2023/03/10/zitdag-over-thuiszorg-%e2%80%93-fictief/"):  # percent-encoded
            "/nl/valves/2023-03-10-zitdag-over-thuiszorg-fictief/",
        ("brusano.brussels", "/nl/2023/03/10/zitdag-over-thuiszorg-%E2%80%93-fictief"):
            "/nl/valves/2023-03-10-zitdag-over-thuiszorg-fictief/",
        ("www.brusano.brussels", "/evenement/atelier-fictif-decriture/"):
            "/agenda/2023-04-12-atelier-fictif-decriture/",
    }
    try:
        ask_nginx(served, root, cases)
    finally:
        shutil.rmtree(served.parent)


def ask_nginx(served: Path, root: Path, cases: dict[tuple[str, str], str]) -> None:
    with running_nginx(served, root) as (settings, _tmp):
        for (host, path), target in cases.items():
            response = get(settings, host, path)[0]
            assert response.status == 301, (host, path, response.status)
            location = response.getheader("Location")
            assert location == f"https://www.brusano.brussels:{settings.https_port}{target}", (host, path, location)
            arrived = get(settings, "www.brusano.brussels", target)[0]
            assert arrived.status == 200, target  # one step: the article itself


# --- bad input ------------------------------------------------------------------

def bad(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def run_on(root: Path, *args: str, messages: str = "fr") -> int:
    return main(["--root", str(root), "--messages", messages, "import-wordpress", *args])


@pytest.mark.parametrize("name, text, expected", [
    ("page.xml", "<html><body>Pas un export</body></html>",
     "ce fichier n'est pas un export WordPress (WXR) : « html »"),
    ("flux.xml", "<rss version='2.0'><channel><title>Un flux</title><item><title>x</title></item></channel></rss>",
     "ce fichier n'est pas un export WordPress (WXR)"),
    ("coupe.xml", "<?xml version='1.0'?>\n<rss xmlns:wp='http://wordpress.org/export/1.2/'>\n<channel>\n<item>\n",
     "coupe.xml:5: XML mal formé"),
    ("entites.xml", "<?xml version='1.0'?>\n<!DOCTYPE rss [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;'>]>\n"
     "<rss><channel><title>&b;</title></channel></rss>", "le fichier déclare un DTD ou des entités XML"),
    ("externe.xml", "<?xml version='1.0'?>\n<!DOCTYPE rss SYSTEM 'file:///etc/passwd'>\n<rss/>",
     "le fichier déclare un DTD ou des entités XML"),
    ("vide.xml", "", "XML mal formé"),
])
def test_a_bad_export_is_refused_with_its_file_and_nothing_is_written(tmp_path, capsys, name, text, expected):
    root = new_repo(tmp_path)
    before = snapshot(root)
    path = bad(tmp_path, name, text)
    assert run_on(root, str(EXPORTS / "region-fr.xml"), str(path), "--site", "region") == 1
    err = capsys.readouterr().err
    assert expected in err and name in err and "Traceback" not in err
    assert "Rien n'a été importé." in err
    assert snapshot(root) == before and not (root / "build").exists()


def test_a_translation_table_without_its_columns_is_refused(tmp_path, capsys):
    root = new_repo(tmp_path)
    table = bad(tmp_path, "table.csv", "id;language\n101;fr\n")
    assert run_on(root, str(EXPORTS / "region-fr.xml"), "--site", "region", "--translations", str(table),
                  messages="en") == 1
    err = capsys.readouterr().err
    assert "table.csv:1: the translation table lacks the columns element_id, trid, language_code" in err


@pytest.mark.parametrize("args, expected", [
    (("--site", "atlantide"), "--site « atlantide » inconnu : choisissez parmi region, "),
    (("--site", "region", "--uploads", "/nulle/part/uploads"), "/nulle/part/uploads : ce dossier des médias"),
])
def test_usage_errors_exit_2_with_a_sentence(tmp_path, capsys, args, expected):
    root = new_repo(tmp_path)
    assert run_on(root, str(EXPORTS / "region-fr.xml"), *args) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_a_missing_export_is_a_usage_error(tmp_path, capsys):
    root = new_repo(tmp_path)
    assert run_on(root, str(tmp_path / "absent.xml"), "--site", "region", messages="en") == 2
    assert "absent.xml: no such file." in capsys.readouterr().err


def test_the_mapping_file_changes_what_items_become_and_is_validated(tmp_path, capsys):
    root = new_repo(tmp_path)
    mapping = root / "sites" / "wordpress.yml"
    mapping.write_text("kinds:\n  post: actualite\n  tribe_events: evenement\n  page: ignore\n"
                       "notice_categories: []\n", encoding="utf-8")
    assert run(root) == 0
    assert not (root / "content/region/qui-sommes-nous-fictif.fr.md").exists()  # pages left aside
    assert (root / "content/region/actualites/2023-03-10-zitdag-over-thuiszorg-fictief.nl.md").is_file()  # news now
    assert "type « page » non repris : 1" in capsys.readouterr().out
    mapping.write_text("kinds:\n  post: article\n", encoding="utf-8")
    before = snapshot(root)
    assert run(root) == 1
    err = capsys.readouterr().err
    assert "sites/wordpress.yml:2" in err and "article" in err and "Traceback" not in err
    assert snapshot(root) == before


# --- the parts ------------------------------------------------------------------

@pytest.mark.parametrize("city, postcode, expected", [
    ("Forest", "1190", "forest"), ("Vorst", "1190", "forest"), ("Sint-Gillis", "1060", "saint-gilles"),
    ("SAINT-GILLES", "", "saint-gilles"), ("Bruxelles", "1020", "bruxelles/laeken"), ("Laken", "", "bruxelles/laeken"),
    ("Brussel", "1130", "bruxelles/haren"),
    ("Bruxelles", "1000", None),  # two parts of Bruxelles-Ville have 1000: not for sure
    ("Forest", "1060", None),  # the postcode of another commune
    ("Paris", "75001", None),
])
def test_a_venue_s_commune_is_found_from_its_city_in_either_language_and_its_postcode(city, postcode, expected):
    from publishing.commands.wordpress_fields import find_area
    from publishing.load.territories import load_communes
    from publishing.problems import Report

    communes = load_communes(Path(__file__).resolve().parent.parent / "sites", Report())
    assert find_area(communes, city, postcode) == expected


class Links:
    def link(self, href):
        return None

    def image(self, src):
        return ("photo.jpg", "") if src.endswith("photo.jpg") else (None, "")


@pytest.mark.parametrize("html, expected, codes", [
    ("<p>A &amp; B &lt;script&gt;alert(1)&lt;/script&gt;</p>", "A & B &lt;script>alert(1)&lt;/script>\n", []),
    ("<table><tr><th>Jour</th><th>Heure</th></tr><tr><td>lundi</td><td>9 h</td></tr></table>",
     "| Jour | Heure |\n| --- | --- |\n| lundi | 9 h |\n", []),
    ("<!-- wp:heading --><h3>Titre</h3><!-- /wp:heading --><ol><li>un</li><li>deux</li></ol>",
     "### Titre\n\n1. un\n2. deux\n", []),
    ('<p><img src="https://x.example.org/wp-content/uploads/photo.jpg" alt="Une photo"></p>',
     "![Une photo](photo.jpg)\n", []),
    ('<p>Avant<img src="https://x.example.org/wp-content/uploads/photo.jpg"></p>', "Avant\n", ["wxr_image_no_alt"]),
    ('<p>[gallery ids="1,2"] [caption id="a"]Légende[/caption]</p>', "Légende\n", ["wxr_shortcode"]),
    ('<p><a href="javascript:alert(1)">ici</a></p><form><input name="x"></form><style>p{}</style>', "ici\n",
     ["wxr_script", "wxr_form", "wxr_style"]),  # the form once, with its fields
    ("[embed]https://vimeo.com/1[/embed]", "<https://vimeo.com/1>\n", []),
])
def test_html_becomes_markdown_and_what_cannot_is_reported(html, expected, codes):
    from publishing.commands.wordpress_html import to_markdown

    markdown, findings = to_markdown(html, Links())
    assert markdown == expected
    assert sorted(f.code for f in findings) == sorted(codes)
