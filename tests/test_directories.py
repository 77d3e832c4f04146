"""Directories: validation of the YAML, pages filtered per territory, open data exports."""
from __future__ import annotations

import csv
import io
import json
import re
import uuid
from pathlib import Path

import pytest

from publishing.commands.check import load_project
from tests.support import REFERENCE, ROOT, make_repo

HSDS = REFERENCE / "hsds-3.0" / "schema" / "compiled" / "service_with_definitions.json"


def page(public: Path, path: str) -> str:
    return (public / path).read_text(encoding="utf-8")


def entry_ids(html: str) -> set[str]:
    return set(re.findall(r'<li class="bp-entry" id="([^"]+)"', html))


# --- pages ----------------------------------------------------------------------

def test_region_shows_every_entry(fixture_public):
    html = page(fixture_public, "region/repertoires/exemple/index.html")
    assert entry_ids(html) == {"ligne-exemple", "soins-forest", "soins-laeken", "ecoute-schaerbeek",
                               "sans-categorie-uccle"}


@pytest.mark.parametrize("site, expected", [
    ("nord", {"ligne-exemple", "soins-laeken", "ecoute-schaerbeek"}),  # Laeken: bassin given; Schaerbeek serves nord
    ("nord-est", {"ligne-exemple", "ecoute-schaerbeek"}),
    ("sud", {"ligne-exemple", "soins-forest", "sans-categorie-uccle"}),  # bassin derived from the commune
    ("centre-ouest", {"ligne-exemple"}),
])
def test_a_bassin_shows_what_serves_it(fixture_public, site, expected):
    for prefix in ("", "nl/"):
        html = page(fixture_public, f"{site}/{prefix}repertoires/exemple/index.html")
        assert entry_ids(html) == expected


def test_region_wide_entries_are_marked_on_bassin_sites(fixture_public):
    html = page(fixture_public, "sud/repertoires/exemple/index.html")
    entry = html[html.index('id="ligne-exemple"'):]
    entry = entry[:entry.index("</li></ul></li>")]
    assert '<span class="bp-badge">Toute la région</span>' in entry
    assert "bp-badge" not in page(fixture_public, "region/repertoires/exemple/index.html")


def test_an_entry_says_when_a_person_checked_it_with_the_service(fixture_public):
    """Issue 27: the legal notice says an entry shows its check once a person made it (`verified`)."""
    for path, text in (("region/repertoires/exemple/index.html", "Vérifié auprès du service le"),
                       ("region/nl/repertoires/exemple/index.html", "Gecontroleerd bij de dienst op")):
        html = page(fixture_public, path)
        entry = html[html.index('id="ligne-exemple"'):]
        entry = entry[:entry.index("</ul></li>")]
        assert re.search(rf'{text}</span> <time datetime="2026-10-01">[^<]*2026</time>', entry), entry


def test_contacts_are_links_and_phones_normalised(fixture_public):
    html = page(fixture_public, "sud/repertoires/exemple/index.html")
    assert '<a href="tel:+3225550202">+32 2 555 02 02</a>' in html
    assert '<a href="mailto:forest@example.org">forest@example.org</a>' in html
    assert "Rue de l&#x27;Exemple 1, 1190 Forest" in html
    nl = page(fixture_public, "sud/nl/repertoires/exemple/index.html")
    assert "1190 Vorst" in nl and "Gesproken talen:" in nl


def test_text_from_the_data_is_escaped(fixture_public):
    html = page(fixture_public, "nord/repertoires/exemple/index.html")
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Écoute fictive." in html
    assert "<script>alert(" not in html


def test_filter_is_hidden_without_javascript_and_lists_the_territory_communes(fixture_public):
    html = page(fixture_public, "nord/repertoires/exemple/index.html")
    form = re.search(r"<form class=\"bp-filter\"[^>]*>.*?</form>", html, re.S).group(0)
    assert " hidden " in form.split(">")[0] + " "
    assert '<label for="bp-commune">Commune</label>' in form and '<label for="bp-text">' in form
    values = re.findall(r'<option value="([^"]*)">', form)
    assert values[0] == "" and "jette" in values and "bruxelles/laeken" in values
    assert "schaerbeek" not in values  # in bassin Nord-Est
    assert "forest" not in values  # Forest is in bassin Sud
    assert re.search(r'<script src="[./]*assets/filter.js" defer>', html)


def test_entries_carry_the_areas_they_serve(fixture_public):
    html = page(fixture_public, "nord/repertoires/exemple/index.html")
    areas = dict(re.findall(r'<li class="bp-entry" id="([^"]+)" data-bp-item data-areas="([^"]*)"', html))
    assert areas["ligne-exemple"] == "*"
    assert "bruxelles/laeken" in areas["soins-laeken"].split()
    assert {"schaerbeek", "evere"} <= set(areas["ecoute-schaerbeek"].split())


def test_jsonld_is_an_item_list_of_services(fixture_public):
    html = page(fixture_public, "sud/nl/repertoires/exemple/index.html")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "ItemList" and data["numberOfItems"] == 3
    services = {item["item"]["name"]: item["item"] for item in data["itemListElement"]}
    forest = services["Soins Forest Exemple"]
    assert forest["@type"] == "Service"
    assert forest["provider"]["name"] == "Soins Forest Exemple"
    assert forest["areaServed"] == [{"@type": "AdministrativeArea", "name": "Zorgzone Zuid"}]
    assert forest["availableChannel"]["servicePhone"]["telephone"] == "+32 2 555 02 02"


def test_index_lists_directories_with_their_count(fixture_public):
    html = page(fixture_public, "nord/repertoires/index.html")
    assert '<a href="exemple/">Répertoire d&#x27;exemple</a>' in html
    assert "3 services" in html


# --- open data -------------------------------------------------------------------

def test_exports_are_linked_and_exist(fixture_public):
    html = page(fixture_public, "nord/nl/repertoires/exemple/index.html")
    for name in ("repertoire-exemple-nord-nl.hsds.json", "repertoire-exemple-nord-nl.csv"):
        assert f'href="{name}"' in html
        assert (fixture_public / "nord/nl/repertoires/exemple" / name).is_file()
    assert 'rel="license"' in html


def test_hsds_export_is_valid_and_ids_are_stable(fixture_public):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(HSDS.read_text(encoding="utf-8"))
    data = json.loads((fixture_public / "region/repertoires/exemple/repertoire-exemple-region-fr.hsds.json")
                      .read_text(encoding="utf-8"))
    assert len(data) == 5
    for service in data:
        jsonschema.validate(service, schema)
    by_name = {s["name"]: s for s in data}
    laeken = by_name["Soins Laeken Exemple"]
    address = laeken["service_at_locations"][0]["location"]["addresses"][0]
    assert address["postal_code"] == "1020" and address["city"] == "Bruxelles-Ville" and address["country"] == "BE"
    assert uuid.UUID(laeken["id"]).version == 5
    nl = json.loads((fixture_public / "sud/nl/repertoires/exemple/repertoire-exemple-sud-nl.hsds.json")
                    .read_text(encoding="utf-8"))
    ids = {s["name"]: s["id"] for s in nl}
    assert ids["Luisterlijn Voorbeeld"] == by_name["Ligne d'écoute Exemple"]["id"]  # same service, same id
    ligne = by_name["Ligne d'écoute Exemple"]
    assert [lang["code"] for lang in ligne["languages"]] == ["fr", "nl", "en"]
    assert ligne["phones"][0]["number"] == "+32 2 555 01 01"


def test_csv_export(fixture_public):
    raw = (fixture_public / "sud/repertoires/exemple/repertoire-exemple-sud-fr.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["ligne-exemple", "soins-forest", "sans-categorie-uccle"]
    forest = rows[1]
    assert forest["commune"] == "Forest" and forest["bassin"] == "sud" and forest["phone"] == "+32 2 555 02 02"
    assert rows[0]["serves"] == "region"


# --- validation: every mistake an editor can make, with its message -------------------

ENTRY = """\
title: {fr: Test, nl: Test}
categories:
  soins: {fr: Soins, nl: Zorg}
entries:
  - id: bon
    name: {fr: Bon, nl: Goed}
    description: {fr: Bon., nl: Goed.}
    serves: region
"""


def problems(tmp_path: Path, entry: str) -> str:
    root = make_repo(tmp_path, "")
    (root / "directories").mkdir()
    (root / "directories" / "test.yml").write_text(ENTRY + entry, encoding="utf-8")
    _project, report = load_project(root)
    return report.render("fr")


@pytest.mark.parametrize("entry, expected", [
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n    telephone: 02 555 00 00\n",
     "directories/test.yml:13: entries[1] (x): clé inconnue « telephone »."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n"
     "    address: {street: Rue X 1, postcode: '1190', commune: forrest}\n",
     "directories/test.yml:12: entries[1] (x).address.commune: commune inconnue « forrest »."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n"
     "    address: {street: Rue X 1, postcode: '1000', commune: bruxelles}\n",
     "Bruxelles-Ville est partagée entre plusieurs bassins : l'entrée doit dire le sien."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n    phone: 555-12\n",
     "directories/test.yml:13: entries[1] (x).phone: numéro de téléphone « 555-12 » invalide."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n    email: x@example\n",
     "directories/test.yml:13: entries[1] (x).email: adresse e-mail « x@example » invalide."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n    website: www.example.org\n",
     "directories/test.yml:13: entries[1] (x).website: adresse web invalide « www.example.org »."),
    ("  - id: bon\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n",
     "directories/test.yml:9: entries[1] (bon): l'identifiant « bon » est déjà utilisé par entries[0] du fichier."),
    ("  - id: x\n    name: {nl: X}\n    description: {fr: X, nl: X}\n    serves: region\n",
     "directories/test.yml:10: entries[1] (x).name: le texte français manque pour « entries[1].name »."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n    categories: [soin]\n",
     "directories/test.yml:13: entries[1] (x).categories.0: catégorie inconnue « soin » "
     "(vouliez-vous dire « soins » ?)."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n    serves: [nord, sude]\n",
     "directories/test.yml:12: entries[1] (x).serves.1: « serves » ne connaît pas « sude »."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n",
     "entries[1] (x): l'entrée n'a ni adresse ni « serves »"),
    ("  - id: x\n    name: X\n    description: X\n    serves: region\n    phone: 025550606\n",
     "directories/test.yml:13: entries[1] (x).phone: le numéro de téléphone est écrit sans guillemets"),
    ("  - id: x\n    name: X\n    description: X\n    serves: sude\n",
     "directories/test.yml:12: entries[1] (x).serves: « serves » ne connaît pas « sude »."),
    ("  - id: X Y\n    name: X\n    description: {fr: X, nl: X}\n    serves: region\n",
     "directories/test.yml:9: entries[1] (X Y).id: le nom « X Y » n'est pas un identifiant valable."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n"
     "    address: {street: Rue X 1, postcode: '1000', commune: forest}\n",
     "le code postal « 1000 » n'est pas un code de Forest."),
    ("  - id: x\n    name: X\n    description: {fr: X, nl: X}\n"
     "    address: {street: Rue X 1, postcode: '1190', commune: forest}\n    bassin: nord\n",
     "« bassin: nord » contredit la commune : Forest est dans le bassin sud."),
])
def test_every_mistake_is_named_with_file_line_entry_and_fix(tmp_path, entry, expected):
    rendered = problems(tmp_path, entry)
    assert expected in rendered, rendered
    assert "À faire:" in rendered


def test_one_bassin_and_one_text_for_both_languages_are_accepted(tmp_path):
    rendered = problems(tmp_path, "  - id: x\n    name: X\n    description: Un texte.\n    serves: sud\n")
    assert rendered.splitlines()[-1].startswith("0 erreur"), rendered


def test_every_real_entry_says_where_it_comes_from_and_none_claims_a_check_no_one_made():
    """Issue 18: a source for each entry; `verified` only when a person checked (none has yet)."""
    import yaml
    for path in sorted((ROOT / "directories").glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
            assert entry.get("source"), f"{path.name}: {entry['id']} has no source"
            assert "verified" not in entry and "updated" not in entry, f"{path.name}: {entry['id']}"


def test_check_counts_the_entries_never_verified_once(tmp_path):
    rendered = problems(tmp_path, "  - id: x\n    name: X\n    description: Un texte.\n    serves: sud\n"
                                  "  - id: y\n    name: Y\n    description: Un texte.\n    serves: sud\n"
                                  "    verified: 2026-12-01\n")
    assert rendered.count("n'ont jamais été vérifiées") == 1, rendered
    assert "directories: avertissement: 2 entrée(s) de répertoire sur 3 n'ont jamais été vérifiées" in rendered


def test_a_valid_entry_in_bruxelles_ville_with_its_bassin(tmp_path):
    rendered = problems(tmp_path, "  - id: x\n    name: X\n    description: {fr: X, nl: X}\n"
                                  "    address: {street: Rue X 1, postcode: '1020', commune: bruxelles}\n"
                                  "    bassin: nord\n")
    assert rendered.splitlines()[-1].startswith("0 erreur"), rendered


# --- the filter, in a browser ----------------------------------------------------------

@pytest.fixture(scope="module")
def fixture_url(fixture_public):
    from harness.served import serve_directory

    with serve_directory(fixture_public) as url:
        yield url


VISIBLE = "[...document.querySelectorAll('.bp-entry')].filter(e => !e.hidden).map(e => e.id).sort()"


def test_filter_by_commune_and_text_with_the_keyboard_on_a_phone(new_page, fixture_url):
    page = new_page(phone=True)
    page.goto(fixture_url + "region/repertoires/exemple/")
    page.wait_for_function("!document.querySelector('[data-bp-filter]').hidden")
    assert len(page.evaluate(VISIBLE)) == 5
    # keyboard: focus the commune list and choose Schaerbeek
    page.focus("#bp-commune")
    order = page.evaluate("[...document.getElementById('bp-commune').options].map(o => o.value)")
    for _ in range(order.index("schaerbeek")):
        page.keyboard.press("ArrowDown")
    page.wait_for_function("document.getElementById('bp-commune').value === 'schaerbeek'")
    assert page.evaluate(VISIBLE) == ["ecoute-schaerbeek", "ligne-exemple"]  # its own, and the region-wide line
    assert "2 services" in page.evaluate("document.querySelector('[data-bp-count]').textContent")
    assert "commune=schaerbeek" in page.evaluate("location.search")
    assert page.evaluate("document.getElementById('soins').closest('[data-bp-group]').hidden")  # empty group hidden
    # text: accents and case do not matter
    page.focus("#bp-text")
    page.keyboard.type("ECOUTE SCHAER")
    page.wait_for_function("document.querySelectorAll('.bp-entry:not([hidden])').length === 1")
    assert page.evaluate(VISIBLE) == ["ecoute-schaerbeek"]


def test_an_entry_reports_all_its_problems_at_once_and_a_renamed_key_its_new_name(tmp_path):
    """An unknown (here: renamed) key does not hide the entry's other problems until the next run."""
    from publishing.commands.check import check

    root = make_repo(tmp_path, """
        -- content/shared/index.fr.md --
        ---
        title: Accueil
        ---
        # Accueil
        -- directories/essai.yml --
        title: {fr: Essai, nl: Proef}
        entries:
          - id: ligne
            name: {fr: Ligne, nl: Lijn}
            description: {fr: Une ligne., nl: Een lijn.}
            address: {street: Rue de l'Essai 1, postcode: "1190", commune: forets}
            updated: 2024-01-01
    """)
    lines = check(root).render("en").splitlines()
    assert "directories/essai.yml:7: entries[0] (ligne): the key 'updated' was renamed 'verified'." in lines
    assert "directories/essai.yml:6: entries[0] (ligne).address.commune: unknown commune 'forets'." in lines
    french = check(root).render("fr")
    assert "la clé « updated » a été renommée « verified »" in french
