"""`build.py newsletter --site ID --month YYYY-MM`: the month's edition as e-mails to send.

Writes, for each language, newsletter-<site>-<month>-<lang>.html (to paste or import into the
mailing tool) and .txt (its plain-text version) into --out (build/newsletter/ by default), from
the same selection as the archive page of the site. The repository must pass `check` first: an
edition whose links would lead nowhere is not written.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from publishing.commands.check import load_project
from publishing.load.newsletters import read_settings
from publishing.model import LANGS, Month, parse_month
from publishing.model.newsletter import Issue
from publishing.output.newsletter import email_html, email_text, from_the_email
from publishing.plan.sections.newsletter import issue
from publishing.problems import Report, UsageError


def newsletter(root: Path, site: str, month_text: str, out: Path | None = None,
               today: date | None = None) -> tuple[list[Path], Report]:
    month = parse_month(month_text)
    if not isinstance(month, Month):
        raise UsageError("not_a_month", input=month_text)
    project, report = load_project(root, today=today)  # checked as `check` does
    if report.failed():
        return [], report
    territory = project.territories[site]
    edition = next((e for e in project.editions if e.territory == site and e.month == month), None)
    settings = read_settings(root / "sites", report)
    out = out or root / "build" / "newsletter"
    hosts = frozenset(urlsplit(t.url[lang]).netloc for t in project.territories.values() for lang in LANGS)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for lang in LANGS:
        current = issue(project, territory, lang, month, edition)
        if current.empty:
            report.add(root / "content" / site, "newsletter_nothing", month=month.isoformat())
            return [], report
        current = from_the_email(absolute_editorial(current), hosts)
        t = project.strings.for_lang(lang)
        stem = out / f"newsletter-{site}-{month.isoformat()}-{lang}"
        stem.with_suffix(".html").write_text(email_html(root, current, settings.unsubscribe, t), encoding="utf-8")
        stem.with_suffix(".txt").write_text(email_text(current, settings.unsubscribe), encoding="utf-8")
        written += [stem.with_suffix(".html"), stem.with_suffix(".txt")]
    return written, report


def absolute_editorial(current: Issue) -> Issue:
    """The editorial's links as a reader's mail client needs them: absolute, from the edition's page."""
    from dataclasses import replace

    def fix(match: re.Match) -> str:
        href = match.group(1)
        if re.match(r"^(https?:|mailto:|tel:|#)", href):
            return match.group(0)
        href = re.sub(r"(^|/)index\.md(#|$)", r"\1\2", href)
        href = re.sub(r"\.md(#|$)", r"/\1", href)
        return f'href="{urljoin(current.url, href)}"'

    return replace(current, editorial_html=re.sub(r'href="([^"]*)"', fix, current.editorial_html))
