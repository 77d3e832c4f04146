"""The bench's copies of the repository (bench/run.py, bench/preview.py): the real content as it
is, or a corpus `factor` times larger made from it, with years of made-up news and events."""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("sites", "theme", "content", "focus", "directories", "mkdocs.yml", "server.yml")
ITEM_FOLDERS = ("actualites", "agenda", "valves")
SITES = ("region", "nord", "nord-est", "centre-ouest", "sud", "sud-est")


def make_corpus(dest: Path, factor: int) -> Path:
    dest.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.exists():
            shutil.copy2(source, dest / name)
    modules = ROOT / "node_modules"  # the editor's bundle, which `build.py admin` copies: read only
    if modules.is_dir():
        (dest / "node_modules").symlink_to(modules.resolve(), target_is_directory=True)
    if factor > 1:
        multiply(dest, factor)
    return dest


def multiply(root: Path, factor: int) -> None:
    for page in sorted((root / "content").rglob("*.md")):
        stem, lang = page.name[: -len(".xx.md")], page.name[-len("xx.md"):-len(".md")]
        if stem == "index" or page.parent.name in ITEM_FOLDERS:
            continue  # section homes stay single; news and events come from add_items
        text = page.read_text(encoding="utf-8")
        for k in range(2, factor + 1):
            copy = re.sub(r"(?m)^nav:.*\n", "", text, count=1)  # out of the navigation
            copy = re.sub(r"(?m)^title: *(.+)$", lambda m, k=k: f"title: {numbered(m.group(1), k)}", copy, count=1)
            (page.parent / f"{stem}-{k}.{lang}.md").write_text(copy, encoding="utf-8")
    focus = root / "focus"
    if focus.is_dir():
        for bundle in sorted(p for p in focus.iterdir() if p.is_dir()):
            for k in range(2, factor + 1):
                shutil.copytree(bundle, focus / f"{bundle.name}-{k}")


def numbered(value: str, k: int) -> str:
    """A title's YAML value with ` k` added to the text, however it was written (plain or quoted)."""
    title = yaml.safe_load(value)
    return json.dumps(f"{title} {k}", ensure_ascii=False)  # a JSON string is a double-quoted YAML one


def add_items(root: Path, years: int, news: int = 50, events: int = 100) -> None:
    """Ten years (by default) of news and events on every territory, in French and Dutch: some
    500 news items and 1,000 events a site, dated back from the last day of the real content.
    Made-up texts of a realistic length; half the events timed, a tenth online, all past ones
    held, the last month's coming."""
    body = {"fr": "Un paragraphe de texte, comme en écrit l'équipe, d'une centaine de mots. " * 8,
            "nl": "Een alinea tekst zoals het team die schrijft, van een honderdtal woorden. " * 8}
    themes = ("sante-mentale", "prevention-promotion-sante", "pratiques-inclusives", "organisation-integree")
    today = time.strftime("%Y-%m-%d")  # the corpus is no Git repository: the build takes the clock's day
    last = int(today[:4])
    for site in SITES:
        for lang in ("fr", "nl"):
            for kind, count, folder in (("news", news, "actualites"), ("event", events, "agenda")):
                target = root / "content" / site / folder
                target.mkdir(parents=True, exist_ok=True)
                for year in range(last - years + 1, last + 1):
                    for k in range(count):
                        day = f"{year}-{1 + k * 12 // count:02d}-{1 + k % 28:02d}"
                        slug = f"{day}-{kind}-{k}"
                        theme = themes[k % len(themes)]
                        if kind == "news":
                            head = f"title: {kind} {k} {year}\ndate: {day}\nsummary: Résumé {k}.\nthemes: [{theme}]\n"
                        else:
                            start = f'"{day} 09:30"' if k % 2 else day
                            head = (f"title: {kind} {k} {year}\nsummary: Résumé {k}.\nstart: {start}\n"
                                    f"status: {'scheduled' if day >= today else 'held'}\nthemes: [{theme}]\n"
                                    + ("online: true\n" if k % 10 == 0 else "venue: Salle\n"))
                        (target / f"{slug}.{lang}.md").write_text(f"---\n{head}---\n\n{body[lang]}\n",
                                                                  encoding="utf-8")
