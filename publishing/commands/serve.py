"""`build.py serve --site ID`: preview one territory, both languages, with live reload.

Watches everything a page can come from (content/, sites/, theme/, focus/, directories/,
mkdocs.yml). The first build makes both languages and the search index. Then a saved page of
content/ rebuilds only its language (both when the other has no translation and shows it), in
this process, with the project reloaded, the language re-planned and only the pages whose text
changed rendered again (MkDocs' dirty build; the whole language when the menu changed); its
links are checked on the site first. Any other change (a shared data file, the theme) rebuilds
and checks everything. When a change breaks something, the problems are printed and the browser
keeps showing the last good version.

The site's own links point to the preview (http://host:port/), not to the production domain,
and a Focus or synthesis PDF is made the first time it is opened, then kept until the next change.
"""
from __future__ import annotations

import dataclasses
import filecmp
import os
import shutil
import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

from publishing.load.today import build_today
from publishing.model import LANGS, Project, Text

WATCHED = ("content", "sites", "theme", "focus", "directories", "mkdocs.yml")


class Preview:
    """The preview's build folder and how to bring it up to date after a change."""

    def __init__(self, root: Path, site: str, host: str, port: int, messages: str, today: date | None) -> None:
        self.root, self.site, self.messages = root, site, messages
        self.today = today or build_today(root)
        self.address = f"http://{host}:{port}/"
        self.work = Path(tempfile.mkdtemp(prefix=f"brusano-{site}-"))
        self.served = self.work / site
        self.menus: dict[str, list] = {}  # by language: the planned pages' keys, titles and places
        self.project: Project | None = None

    def load(self, checks: bool):
        """The project, checked as `check` does when `checks` (with the production addresses), then
        with the previewed site's links leading to the preview, not to its production domain."""
        from publishing.commands.check import load_project

        project, report = load_project(self.root, checks=checks, today=self.today)
        territory = project.territories.get(self.site)
        if territory is not None:
            previewed = dataclasses.replace(territory, url=Text(self.address, self.address + "nl/"))
            project = project.with_territory(previewed)
        return project, report

    def rebuild(self, changed: set[Path]) -> None:
        langs = self.quick_languages(changed)
        if self.project is None or langs is None:
            self.build(list(LANGS), everything=True)
        else:
            self.build(langs, everything=False)

    def quick_languages(self, changed: set[Path]) -> list[str] | None:
        """The languages a change of pages of content/ touches; None when it needs a full rebuild."""
        content = (self.root / "content").resolve()
        langs: set[str] = set()
        for path in changed:
            path = path.resolve() if path.exists() else path
            if content not in path.parents or not path.name.endswith(".md"):
                return None
            lang = path.name.rsplit(".", 2)[-2] if path.name.count(".") >= 2 else ""
            if lang not in LANGS:
                return None
            langs.add(lang)
            other = path.with_name(path.name.replace(f".{lang}.md", ".nl.md" if lang == "fr" else ".fr.md"))
            if not other.exists():
                langs.update(LANGS)  # the other language shows this text, or lost its French
        return sorted(langs) if langs else None

    def build(self, langs: list[str], everything: bool) -> None:
        from publishing.checks.links import check_links
        from publishing.checks.lint import check_texts
        from publishing.mkdocs_adapter import build_language
        from publishing.output.search import LanguageRoot, index_sites
        from publishing.plan.site import plan_site

        project, report = self.load(checks=everything)
        if report.failed():
            return self.say(report)
        territory = project.territories[self.site]
        plans = {lang: plan_site(project, territory, lang, report, with_files=False) for lang in langs}
        if not everything:
            check_texts(project, report)
            check_links(project, {(self.site, lang): plan for lang, plan in plans.items()}, report)
            if report.failed():
                return self.say(report)
        for lang, plan in plans.items():
            menu = [(p.key, p.title, p.nav) for p in plan.pages]
            dirty = not everything and self.menus.get(lang) == menu
            built = self.work / f".{lang}"
            for message in build_language(project, plan, built, self.work / ".staging", dirty=dirty):
                report.warn(project.root / "content", "mkdocs_warning", detail=f"[{self.site}/{lang}] {message}")
            self.menus[lang] = menu
            if everything:
                index_sites([LanguageRoot(built, lang)], jobs=1)
            sync(built, self.served if lang == "fr" else self.served / lang)
        for pdf in self.served.rglob("*.pdf"):  # made again when next opened, from the new sources
            pdf.unlink()
        self.project = project
        self.say(report)

    def say(self, report) -> None:
        text = report.render(self.messages, published=False if report.failed() else None)
        print(text, file=sys.stderr if report.failed() else sys.stdout, flush=True)

    def pdf(self, path: str) -> bytes | None:
        """A Focus or synthesis PDF of the previewed site, made when first asked for."""
        from publishing.plan.pdfs import pdf_at

        if self.project is None:
            return None
        lang, rest = ("nl", path[3:]) if path.startswith("nl/") else ("fr", path)
        try:
            return pdf_at(self.project, self.project.territories[self.site], lang, rest)
        except Exception as exc:
            print(f"{path}: {exc}", file=sys.stderr, flush=True)
            return None

    def remove(self) -> None:
        shutil.rmtree(self.work, ignore_errors=True)


def sync(source: Path, target: Path) -> None:
    """Copy into target the files of source that are new or changed (each replaced whole)."""
    for path in source.rglob("*"):
        if path.is_dir():
            continue
        destination = target / path.relative_to(source)
        if destination.exists() and filecmp.cmp(path, destination, shallow=False):
            continue
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial = destination.with_name(f".{destination.name}.new")
        shutil.copyfile(path, partial)
        os.replace(partial, destination)


def serve(root: Path, site: str, host: str, port: int, messages: str = "fr", today: date | None = None) -> int:
    from publishing.mkdocs_adapter import preview_server
    from publishing.problems.messages import word

    root = Path(root).resolve()
    preview = Preview(root, site, host, port, messages, today)
    preview.rebuild(set())
    if not (preview.served / "index.html").exists():
        print("build.py: " + word("nothing_to_preview", messages), file=sys.stderr)
        preview.remove()
        return 1
    server = preview_server(preview.rebuild, host, port, preview.served,
                            [root / name for name in WATCHED if (root / name).exists()], missing=preview.pdf)
    print(word("previewing", messages, site=site, address=f"http://{host}:{port}/"), flush=True)
    # Closing the terminal or `kill` stops the preview as Ctrl+C does: its folder is removed.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):  # a second signal must not cut this short
            signal.signal(signum, signal.SIG_IGN)
        server.shutdown()
        preview.remove()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
