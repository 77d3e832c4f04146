"""The newsletter's edition as an e-mail: HTML for mail clients and its plain-text twin.

The HTML comes from theme/email/newsletter.html; css-inline (a maintained Rust inliner, no
network access, chosen over hand-written style attributes) copies every rule into the elements'
style attributes, keeping the media queries (phone width, dark mode) in <style> for the clients
that read them. The unsubscribe link is the mailing tool's placeholder, set in
sites/newsletter.yml (`unsubscribe`), which the tool replaces for each recipient.
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import replace
from html import escape, unescape
from pathlib import Path

import css_inline
import jinja2

from publishing.model.newsletter import Issue, from_edition
from publishing.model.strings import Lookup, month_year

INLINER = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


def email_html(root: Path, issue: Issue, unsubscribe: str, t: Lookup) -> str:
    # a missing value fails (StrictUndefined), as in the sites' templates: test_newsletter
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "theme" / "email"),
                                     autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                     undefined=jinja2.StrictUndefined)
    html = environment.get_template("newsletter.html").render(issue=issue, unsubscribe=unsubscribe,
                                                               month=month_year(issue.month, t))
    return INLINER.inline(html)


def from_the_email(issue: Issue, hosts: frozenset[str]) -> Issue:
    """The edition whose links to the sites (hosts) carry its parameter (?nl=2026-12): the audience
    report counts the visits that start from the e-mail, by edition."""
    def mark(url: str) -> str:
        return from_edition(url, issue.month, hosts)

    editorial = re.sub(r'href="([^"]*)"', lambda m: f'href="{escape(mark(unescape(m.group(1))))}"',
                       issue.editorial_html)
    sections = [(heading, [replace(item, url=mark(item.url)) for item in items]) for heading, items in issue.sections]
    return replace(issue, url=mark(issue.url), site_url=mark(issue.site_url), editorial_html=editorial,
                   sections=sections)


def email_text(issue: Issue, unsubscribe: str) -> str:
    """The same edition in plain text: every item with its address."""
    out = [issue.site_name, issue.title, "", f"{issue.words['online']} {issue.url}", ""]
    if issue.editorial_html:
        out += [_text(issue.editorial_html), ""]
    for heading, items in issue.sections:
        out += [heading.upper(), "=" * len(heading), ""]
        for item in items:
            meta = " · ".join(part for part in (item.when, item.where, item.bassin) if part)
            title = f"[{item.status}] {item.title}" if item.status else item.title  # what the agenda says
            out += [title, meta, *textwrap.wrap(item.summary, 76), item.url, ""]
    out += ["--", f"{issue.words['footer']} {issue.site_url}",
            issue.words["unsubscribe_line"].format(link=unsubscribe), ""]
    return "\n".join(out)


def _text(html: str) -> str:
    """The editorial's HTML as text: paragraphs kept, a link's address after its words."""
    html = re.sub(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', r"\2 (\1)", html, flags=re.S)
    html = re.sub(r"<li[^>]*>", "- ", html)
    html = re.sub(r"</(p|li|h\d|ul|ol)>", "\n", html)
    text = unescape(re.sub(r"<[^>]+>", "", html))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n(?=- )", text) if p.strip()]
    return "\n\n".join("\n".join(textwrap.wrap(p, 76, subsequent_indent="  " if p.startswith("- ") else ""))
                       for p in paragraphs)
