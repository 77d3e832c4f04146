"""The build cache rebuilds exactly the sites whose output changes.

What a site reads is declared once (publishing.plan.site.site_reads, from each section's `reads`);
the cache hashes that declaration. Here a file of every kind is changed in every scope of a copy of
the real repository, and the sites whose plan (pages and files) changed are compared with the sites
whose cache key changed. Then the stale-region case of issue 26 is built for real: an event, a news
item and a notice of a bassin shown on the region's site are changed and built again with the cache,
and the result is compared byte for byte with a build without it.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from publishing import build_sites
from publishing.commands.cache import input_hashes
from publishing.load.project import read_project
from publishing.model import LANGS, TERRITORY_IDS
from publishing.plan import site as site_plan
from publishing.plan.sections import SECTIONS, Section
from publishing.plan.site import plan_site
from publishing.problems import Report
from tests.support import ROOT, make_repo
from tests.test_news_agenda import FILES

pytestmark = pytest.mark.slow

TODAY = date(2026, 12, 7)
BASSINS = [sid for sid in TERRITORY_IDS if sid != "region"]
EVERY_SITE = set(TERRITORY_IDS)


def plans_fingerprint(root: Path) -> dict[str, str]:
    """site -> a hash of its two plans: every page (text, title, data) and every file but the PDFs."""
    project, report = read_project(root, TODAY)
    assert not report.errors, report.render()
    found = {}
    for sid in TERRITORY_IDS:
        digest = hashlib.sha256()
        for lang in LANGS:
            plan = plan_site(project, project.territory(sid), lang, Report(root), with_pdfs=False)
            for page in plan.pages:
                digest.update(repr((page.key, page.title, page.markdown, page.text_lang, page.description,
                                    page.translations, page.meta)).encode())
            for item in plan.files:
                digest.update(item.path.encode() + b"\0" + item.content)
        found[sid] = digest.hexdigest()
    return found


def cache_keys(root: Path) -> dict[str, str]:
    hashes = input_hashes(root, TERRITORY_IDS, LANGS, "test")
    return {sid: hashes[(sid, "fr")] for sid in TERRITORY_IDS}


def retitle(path: Path, title: str = "Titre changé pour le test du cache") -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^title:.*$", f'title: "{title}"', text, count=1), encoding="utf-8")


def append(path: Path, text: str = "\n\nUne phrase ajoutée pour le test du cache.\n") -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def news_item(root: Path, site: str) -> None:
    write(root / f"content/{site}/actualites/2026-12-01-essai-du-cache.fr.md",
          "---\ntitle: Une nouvelle pour le test\ndate: 2026-12-01\nsummary: Un résumé.\n---\nTexte.\n")


def notice(root: Path, site: str) -> None:
    write(root / f"content/{site}/valves/2026-12-01-essai-du-cache.fr.md",
          "---\ntitle: Une annonce pour le test\ndate: 2026-12-01\nsummary: Un résumé.\n"
          "partner: Service fictif\nwebsite: https://example.org/\nuntil: 2026-12-31\n---\nTexte.\n")


def synthesis(root: Path, site: str) -> None:
    write(root / f"content/{site}/syntheses/2026-12-01-essai-du-cache.fr.md",
          "---\ntitle: Une synthèse pour le test\ndate: 2026-12-01\nsummary: Un résumé.\n"
          "kind: concertation\ntheme: organisation-integree\n---\n## Contexte\n\nTexte.\n")


def edition(root: Path, site: str) -> None:
    write(root / f"content/{site}/newsletter/2026-11.fr.md", "---\ntitle: L'édition de novembre\n---\nÉditorial.\n")


def first(root: Path, pattern: str) -> Path:
    return sorted(root.glob(pattern))[0]


# kind, scope: (change, the sites whose output must change when the plans cannot show it)
CASES: dict[str, tuple[Callable[[Path], None], set[str] | None]] = {
    "page, shared": (lambda r: append(r / "content/shared/accessibilite.fr.md"), None),
    "page, bassins": (lambda r: append(r / "content/bassins/conseil-de-l-action.fr.md"), None),
    "page, a bassin": (lambda r: append(r / "content/sud/presentation.fr.md"), None),
    "page, region": (lambda r: append(r / "content/region/contact.fr.md"), None),
    "Focus": (lambda r: append(first(r, "focus/*/index.fr.md")), None),
    "directory": (lambda r: retitle_directory(first(r, "directories/*.yml")), None),
    "event of a bassin shown on the region": (lambda r: retitle(first(r, "content/nord-est/agenda/*.fr.md")), None),
    "event of the region": (lambda r: retitle(first(r, "content/region/agenda/*.fr.md")), None),
    "news of a bassin": (lambda r: news_item(r, "sud"), None),
    "news of the region": (lambda r: news_item(r, "region"), None),
    "notice of a bassin": (lambda r: notice(r, "nord"), None),
    "synthesis of a bassin": (lambda r: synthesis(r, "sud-est"), None),
    "synthesis of the region": (lambda r: retitle(first(r, "content/region/syntheses/*.fr.md")), None),
    "newsletter edition of a bassin": (lambda r: edition(r, "sud"), None),
    "newsletter edition of the region": (lambda r: edition(r, "region"), None),
    # read by nginx and the checks only: no site changes
    "old address": (lambda r: append(r / "sites/anciennes-adresses.yml", "\n# un commentaire\n"), set()),
    # the theme and the territories' data shape every page (menus, footers, colours): all six
    "theme": (lambda r: append(r / "theme/web/assets/brusano.css", "\n/* test */\n"), EVERY_SITE),
    "territory data": (lambda r: append(r / "sites/sud.yml", "\n# un commentaire\n"), EVERY_SITE),
}


def retitle_directory(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('fr: "', 'fr: "Changé pour le test – ', 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """A copy of the real repository's content and data (not its code: the cache hashes it as it is)."""
    root = tmp_path_factory.mktemp("cache") / "repo"
    for folder in ("content", "sites", "theme", "focus", "directories"):
        shutil.copytree(ROOT / folder, root / folder)
    for name in ("mkdocs.yml", "server.yml"):
        shutil.copy(ROOT / name, root / name)
    return root


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def restore(root: Path, saved: dict[Path, bytes]) -> None:
    for path in [p for p in root.rglob("*") if p.is_file()]:
        if path not in saved:
            path.unlink()
    for path, data in saved.items():
        if path.read_bytes() != data:
            path.write_bytes(data)


def rebuilt_and_changed(root: Path, change: Callable[[Path], None]) -> tuple[set[str], set[str]]:
    """(the sites the cache rebuilds, the sites whose plans changed) for one change."""
    saved = snapshot(root)
    keys, plans = cache_keys(root), plans_fingerprint(root)
    try:
        change(root)
        after_keys, after_plans = cache_keys(root), plans_fingerprint(root)
    finally:
        restore(root, saved)
    return ({s for s in TERRITORY_IDS if keys[s] != after_keys[s]},
            {s for s in TERRITORY_IDS if plans[s] != after_plans[s]})


@pytest.mark.parametrize("case", list(CASES))
def test_exactly_the_sites_whose_output_changes_are_rebuilt(repo, case):
    change, expected = CASES[case]
    rebuilt, changed = rebuilt_and_changed(repo, change)
    if expected is not None:
        changed = expected
    assert rebuilt == changed, f"{case}: rebuilt {sorted(rebuilt)}, output changed on {sorted(changed)}"


def without_bassins_events(section: Section) -> Section:
    """The section, its declaration that the region reads the bassins' events removed."""
    def reads(site: str, sites) -> list[str]:
        return [p for p in section.reads(site, sites) if not (p.endswith("/agenda") and f"/{site}/" not in p)]
    return Section(section.add, reads)


def test_a_declaration_removed_makes_the_region_stale(repo, monkeypatch):
    """Without the declarations that the region reads the bassins' events (the agenda's and the
    home's), a bassin's event changes the region's pages and the cache does not see it: the test
    above fails then."""
    monkeypatch.setattr(site_plan, "SECTIONS", tuple(without_bassins_events(s) for s in SECTIONS))
    rebuilt, changed = rebuilt_and_changed(repo, CASES["event of a bassin shown on the region"][0])
    assert "region" in changed and "region" not in rebuilt


def read_tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_bassins_items_changed_show_on_the_region_after_a_cached_build(tmp_path):
    """Issue 26's case: a bassin's event flagged for the region, its news and its notice are retitled;
    the cached build shows the new titles on the region's home and lists, and is the same, byte for
    byte, as a build without the cache."""
    root = make_repo(tmp_path, FILES)
    out = tmp_path / "public"
    today = date(2023, 3, 1)
    report = build_sites(root, ["region", "sud"], out=out, today=today, with_pdfs=False)
    assert not report.errors, report.render()
    assert "Atelier fictif" in (out / "region" / "index.html").read_text()
    retitle(root / "content/sud/agenda/2023-03-28-atelier.fr.md", "Atelier renommé")
    retitle(root / "content/sud/actualites/2023-02-15-nouvelle.fr.md", "Nouvelle renommée")
    retitle(root / "content/sud/valves/2023-02-01-permanence.fr.md", "Permanence renommée")
    report = build_sites(root, ["region", "sud"], out=out, today=today, with_pdfs=False)
    assert not report.errors, report.render()
    home = (out / "region" / "index.html").read_text()
    assert "Atelier renommé" in home and "Atelier fictif" not in home
    assert "Nouvelle renommée" in home
    assert "Atelier renommé" in (out / "region" / "agenda" / "index.html").read_text()
    assert "Nouvelle renommée" in (out / "region" / "actualites" / "index.html").read_text()
    assert "Permanence renommée" in (out / "region" / "valves" / "index.html").read_text()
    fresh = tmp_path / "fresh"
    report = build_sites(root, ["region", "sud"], out=fresh, today=today, with_pdfs=False, cache=False)
    assert not report.errors, report.render()
    for sid in ("region", "sud"):
        cached, whole = read_tree(out / sid), read_tree(fresh / sid)
        assert cached.keys() == whole.keys(), sid
        assert [name for name in cached if cached[name] != whole[name]] == [], sid
