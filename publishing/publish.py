"""Build sites into public/: in parallel, and atomically (a failed build changes nothing)."""
from __future__ import annotations

import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .errors import Report
from .model import LANGS
from .project import load_project
from .search import index_sites, language_roots
from .site import plan_site
from .sitemap import write_sitemaps

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _build_one(root: str, site_id: str, lang: str, site_dir: str, staging: str) -> tuple[list, list]:
    """Worker: load the project, plan one site in one language, build it. Returns problems."""
    from .mkdocs_adapter import build_language

    project, strings, report = load_project(Path(root))
    territory = project.territory(site_id)
    plan = plan_site(project, territory, lang, report)
    warnings = build_language(project, strings, plan, Path(site_dir), Path(staging))
    for item in plan.files:
        target = Path(site_dir) / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(item.content)
    for message in warnings:
        report.warn(project.root / "content", "mkdocs_warning", detail=f"[{site_id}/{lang}] {message}")
    return report.problems, [(lang, plan)]


def build_sites(root: Path, site_ids: list[str] | None = None, langs: list[str] | None = None,
                out: Path | None = None, strict: bool = False, jobs: int | None = None) -> Report:
    root = Path(root).resolve()
    out = Path(out or root / "public").resolve()
    project, _strings, report = load_project(root)
    if report.failed(strict):
        return report
    site_ids = site_ids or list(project.territories)
    langs = langs or list(LANGS)
    tmp = out.parent / f".{out.name}.building"
    staging = root / "build" / "staging"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    # Each language is built into its own folder (MkDocs empties the folder it builds
    # into), then Dutch is moved into nl/ of the French root.
    tasks = [(str(root), sid, lang, str(tmp / f"{sid}--{lang}"), str(staging))
             for sid in site_ids for lang in langs]
    plans: dict[str, list] = {sid: [] for sid in site_ids}
    problems = []
    with ProcessPoolExecutor(max_workers=jobs or min(2, os.cpu_count() or 1)) as pool:
        futures = [(t[1], pool.submit(_build_one, *t)) for t in tasks]
        for sid, future in futures:
            found, built = future.result()
            problems.extend(found)
            plans[sid].extend(plan for _lang, plan in built)
    seen = {(p.file, p.line, p.code, p.where) for p in report.problems}
    for problem in problems:
        if (problem.file, problem.line, problem.code, problem.where) not in seen:
            seen.add((problem.file, problem.line, problem.code, problem.where))
            report.problems.append(problem)
    if report.failed(strict):
        shutil.rmtree(tmp)
        return report
    for sid in site_ids:
        assemble(tmp, sid, langs)
        write_sitemaps(tmp / sid, plans[sid])
    index_sites([lang_root for sid in site_ids for lang_root in language_roots(tmp / sid, langs)])
    swap(tmp, out, site_ids, langs)
    return report


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
