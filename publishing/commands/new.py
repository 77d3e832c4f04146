"""`build.py new …`: create the files of a new Focus, synthesis, news item, event or notice from
its scaffold (publishing/commands/scaffolds/).

The templates are written for editors: comments say what to fill in. A new
Focus starts as a draft (never published) until its focus.yml says otherwise.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from publishing.load.schema import SLUG
from publishing.model import LANGS, Month, parse_month
from publishing.model.paths import AGENDA, NEWS, NOTICES, SYNTHESES
from publishing.problems import UsageError

# The templates of each kind, written for editors (comments in French): publishing/commands/scaffolds/
# <kind>.<lang>.md (and focus.yml), where {slug}, {date}, {today} and {until} are replaced.
SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"


def scaffold(name: str, **values: str) -> str:
    """A scaffold's text, its {name} placeholders replaced (the rest is written as it is)."""
    text = (SCAFFOLDS / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text


def check_slug(slug: str) -> None:
    if not re.fullmatch(SLUG, slug):
        raise UsageError("slug_invalid", input=slug)


def new_focus(root: Path, slug: str, today: date | None = None) -> list[Path]:
    check_slug(slug)
    folder = root / "focus" / slug
    if folder.exists():
        raise UsageError("focus_exists", slug=slug)
    folder.mkdir(parents=True)
    today = today or date.today()
    files = {folder / "focus.yml": scaffold("focus.yml", slug=slug, today=today.isoformat())}
    for lang in LANGS:
        files[folder / f"index.{lang}.md"] = scaffold(f"focus.{lang}.md")
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return sorted(files)


def new_synthesis(root: Path, site: str, day: str, slug: str) -> list[Path]:
    check_slug(slug)
    meeting = as_date(day, month_ok=True)  # 2024-03: a meeting the sources date to the month only
    folder = root / "content" / site / SYNTHESES
    stem = f"{meeting.isoformat()}-{slug}"
    files = {folder / f"{stem}.{lang}.md": scaffold(f"synthese.{lang}.md", date=meeting.isoformat()) for lang in LANGS}
    return write_new(root, files)


def as_date(day: str, month_ok: bool = False) -> date:
    month = parse_month(day) if month_ok else None
    if isinstance(month, Month):
        return month
    try:
        return date.fromisoformat(day)
    except ValueError:
        raise UsageError("not_a_date", input=day) from None


def write_new(root: Path, files: dict[Path, str]) -> list[Path]:
    """Write files that must not exist yet (nothing is written if one does)."""
    for path in files:
        if path.exists():
            raise UsageError("file_exists", path=path.relative_to(root))
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)


# `build.py new actualite|evenement|avis`: the kind's folder in content/<territory>/
ITEM_KINDS = {"actualite": NEWS, "evenement": AGENDA, "avis": NOTICES}


def new_item(root: Path, kind: str, site: str, day: str, slug: str) -> list[Path]:
    """Both language files of a news item, an event or a notice, as drafts. day: its date
    (publication, or the event's start); a notice is shown for a month by default."""
    check_slug(slug)
    when = as_date(day)
    folder = root / "content" / site / ITEM_KINDS[kind]
    stem = f"{when.isoformat()}-{slug}"
    until = when + timedelta(days=30)
    files = {folder / f"{stem}.{lang}.md": scaffold(f"{kind}.{lang}.md", date=when.isoformat(), until=until.isoformat())
             for lang in LANGS}
    return write_new(root, files)
