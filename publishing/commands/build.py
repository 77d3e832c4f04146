"""Build sites into public/: in parallel, atomically (a failed build changes nothing), and only
the sites whose inputs changed since the last build into the same folder (publishing.commands.cache)."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

from publishing.checks import check_project, published_texts, texts_read
from publishing.commands.admin import ADMIN, DECAP_DIST, decap_dist, write_admin
from publishing.commands.cache import Manifest, input_hashes
from publishing.commands.check import load_project
from publishing.load.today import build_today
from publishing.markdown import body, reading
from publishing.model import DEFAULT_LANG, LANGS, REGION, TERRITORY_IDS
from publishing.output.search import LanguageRoot, index_sites
from publishing.output.sitemap import write_sitemaps
from publishing.plan.site import plan_site, plan_sites
from publishing.problems import Report, UsageError

_LOADED: dict[str, tuple] = {}  # the project of this build, in the parent and (forked) in the workers


def _load(root: str, today: date) -> tuple:
    """The project of this build. Forked workers find the parent's, loaded before the pool was made;
    otherwise (a platform without fork) the first task of each worker loads it."""
    if root not in _LOADED:
        _LOADED.clear()
        # checks=False: the links and texts of the whole project were checked by build_sites
        _LOADED[root] = load_project(Path(root), checks=False, today=today)
    return _LOADED[root]


def _build_one(root: str, site_id: str, lang: str, site_dir: str, staging: str, today: date,
               with_files: bool = True, with_pdfs: bool = True) -> tuple[list, list, dict]:
    """Worker: plan one site in one language, build it, index it for search. Returns its problems,
    its plan's outline (SitePlan.outline: what the sitemaps need), and the readings of its pages'
    texts that the parent lacks (made by the parse that rendered them: the check reads them
    instead of parsing the texts again)."""
    from publishing.mkdocs_adapter import build_language

    project, loaded = _load(root, today)
    report = Report(project.root)
    report.include(loaded.problems)
    territory = project.territory(site_id)
    plan = plan_site(project, territory, lang, report, with_files=with_files, with_pdfs=with_pdfs)
    # the editors' texts as this site publishes them, that this process has no reading of yet (a
    # shared text is read on its first site): the check reads them; the page's parse gives those
    # that are a page's whole text, the others (an item's text under its head) are read here
    texts = {text for text in published_texts(project, {(site_id, lang): plan}) if not reading.is_known(text)}
    readings: dict[str, reading.Reading] = {}
    warnings = build_language(project, plan, Path(site_dir), Path(staging), readings=readings,
                              texts=texts, pages_on_disk=False)
    for item in plan.files:
        target = Path(site_dir) / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.content)
    for message in warnings:
        report.warn(project.root / "content", "mkdocs_warning", detail=f"[{site_id}/{lang}] {message}")
    # The language's search index, made here while the other worker goes on building: the
    # language is a root of its own until assemble() moves Dutch under nl/ of the French.
    if site_id == REGION and lang == DEFAULT_LANG:
        write_admin(project.root, Path(site_dir) / ADMIN, project=project)  # the editor, /admin/
    index_sites([LanguageRoot(Path(site_dir), lang)], jobs=1)
    readings.update((text, reading.read(text)) for text in texts - readings.keys())
    reading.remember(readings)  # this worker's next sites do not read these texts again
    return report.problems, [(lang, plan.outline())], readings


def build_sites(root: Path, site_ids: list[str] | None = None, langs: list[str] | None = None,
                out: Path | None = None, strict: bool = False, jobs: int | None = None,
                with_files: bool = True, cache: bool = True, today: date | None = None,
                with_pdfs: bool = True) -> Report:
    """Build sites into out/ (public/ by default), reusing those whose inputs did not change.

    with_files=False leaves out the files sections publish beside the pages (PDFs, feeds, calendars,
    open data), with_pdfs=False only the PDFs (build --no-pdf);
    cache=False builds everything (publishing.commands.cache decides otherwise); today: the day
    the build treats as today (publishing.load.today: the last commit's date by default).
    """
    root = Path(root).resolve()
    out = Path(out or root / "public").resolve()
    site_ids = list(site_ids or TERRITORY_IDS)
    langs = list(langs or LANGS)
    today = today or build_today(root)
    options = f"with_files={with_files};with_pdfs={with_pdfs};today={today}"
    hashes = input_hashes(root, list(TERRITORY_IDS), list(LANGS), options)
    wanted = {key: value for key, value in hashes.items() if key[1] in langs}
    everything = hashlib.sha256("".join(sorted(hashes.values())).encode()).hexdigest()
    manifest = Manifest.load(root, out)
    stale = [sid for sid in site_ids if not (cache and manifest.fresh(sid, wanted, out))]
    if not stale and manifest.project_inputs == everything:
        report = Report(root)  # nothing changed: the problems of the last build, nothing built
        report.include(manifest.project_problems)
        _replay(report, manifest, site_ids)
        return report

    if cache:  # what the texts hold and their compiled variables, by their content: done again if changed
        reading.use_cache(root)
        body.keep_compiled(root)
    project, report = load_project(root, checks=False, today=today)
    if report.failed(strict):
        return report
    _LOADED.clear()
    _LOADED[str(root)] = (project, report)
    if not stale:
        check_project(project, report)
        _keep_readings(root, cache)
        return _checked_only(report, manifest, everything, site_ids, strict)
    if REGION in stale and DEFAULT_LANG in langs and decap_dist(root) is None:
        raise UsageError("editor_missing", path=str(DECAP_DIST))  # before anything is built
    tmp = out.parent / f".{out.name}.building"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    staging = tmp / ".staging"  # one per build: parallel builds of one repository don't collide
    # Each language is built into its own folder (MkDocs empties the folder it builds
    # into), then Dutch is moved into nl/ of the French root.
    tasks = [(str(root), sid, lang, str(tmp / f"{sid}--{lang}"), str(staging), today, with_files, with_pdfs)
             for sid in stale for lang in langs]
    plans: dict[str, list] = {sid: [] for sid in stale}
    found_by_site: dict[str, list] = {sid: [] for sid in stale}
    with ProcessPoolExecutor(max_workers=jobs or min(2, os.cpu_count() or 1), mp_context=_FORK) as pool:
        futures = [(t[1], pool.submit(_build_one, *t)) for t in tasks]
        # While the workers build (forked at the first submit, they start from the problems of
        # loading): the twelve plans the check follows links on, and the texts the check reads
        # that no site being built publishes (the workers read the others: the check is spread
        # over the cores, its texts read once).
        site_plans = plan_sites(project, report)
        being_built = {key: plan for key, plan in site_plans.items() if key[0] in stale and key[1] in langs}
        for text in texts_read(project, site_plans) - published_texts(project, being_built):
            reading.read(text)
        for sid, future in futures:
            found, built, readings = future.result()
            reading.remember(readings)
            found_by_site[sid].extend(found)
            plans[sid].extend(plan for _lang, plan in built)
    # The whole project checked, its texts read: a problem found stops the build, nothing is published.
    check_project(project, report, site_plans)
    _keep_readings(root, cache)
    project_problems = list(report.problems)
    if report.failed(strict):
        shutil.rmtree(tmp)
        return report
    _replay(report, manifest, [sid for sid in site_ids if sid not in stale])
    site_problems = {}
    for sid in stale:
        before = len(report.problems)
        report.include(found_by_site[sid])
        site_problems[sid] = report.problems[before:]
    if report.failed(strict):
        shutil.rmtree(tmp)
        return report
    for sid in stale:
        assemble(tmp, sid, langs)
        write_sitemaps(tmp / sid, plans[sid])
    swap(tmp, out, stale, langs)
    for sid in stale:
        manifest.record(sid, {k: v for k, v in wanted.items() if k[0] == sid}, site_problems[sid], out)
    _save(manifest, everything, project_problems)
    return report


# Workers forked from the parent inherit its loaded project (and its compiled page templates)
# instead of loading it again.
_FORK = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


def _checked_only(report: Report, manifest: Manifest, everything: str, site_ids: list[str],
                  strict: bool) -> Report:
    """No site to rebuild, but the project changed (a file no site depends on): checked, not built."""
    project_problems = list(report.problems)
    if not report.failed(strict):
        _replay(report, manifest, site_ids)
        _save(manifest, everything, project_problems)
    return report


def _keep_readings(root: Path, cache: bool) -> None:
    if cache:
        reading.save_cache(root)


def _replay(report: Report, manifest: Manifest, site_ids: list[str]) -> None:
    """The problems the last build of these (kept) sites reported."""
    for sid in site_ids:
        report.include(manifest.sites[sid].problems)


def _save(manifest: Manifest, everything: str, project_problems: list) -> None:
    manifest.project_inputs = everything
    manifest.project_problems = project_problems
    try:
        manifest.save()
    except OSError:
        pass  # a read-only checkout: no cache, builds stay correct


def assemble(tmp: Path, sid: str, langs: list[str]) -> None:
    site = tmp / sid
    site.mkdir()
    for lang in langs:
        built = tmp / f"{sid}--{lang}"
        target = site if lang == "fr" else site / lang
        if lang == "fr":
            for item in built.iterdir():
                item.rename(site / item.name)
            built.rmdir()
        else:
            built.rename(target)


def swap(tmp: Path, out: Path, site_ids: list[str], langs: list[str]) -> None:
    """Move the fresh build into out/, site by site, keeping what was not rebuilt."""
    out.mkdir(parents=True, exist_ok=True)
    for sid in site_ids:
        fresh, current = tmp / sid, out / sid
        if set(langs) != set(LANGS) and current.exists():
            # a partial build: keep the other language's files
            for lang in LANGS:
                if lang in langs:
                    continue
                if lang == "fr":
                    for item in current.iterdir():
                        if item.name not in LANGS and not (fresh / item.name).exists():
                            shutil.move(str(item), fresh / item.name)
                else:
                    if (current / lang).exists() and not (fresh / lang).exists():
                        shutil.move(str(current / lang), fresh / lang)
        old = out / f".{sid}.old"
        if old.exists():
            shutil.rmtree(old)
        if current.exists():
            current.rename(old)
        fresh.rename(current)
        if old.exists():
            shutil.rmtree(old)
    shutil.rmtree(tmp, ignore_errors=True)
