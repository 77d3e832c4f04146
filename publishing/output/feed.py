"""Atom feeds (RFC 4287), one per site and language: its syntheses (`atom`), its news (`news_atom`)."""
from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape, quoteattr

from publishing.model import PUBLISHER, REGION, News, Project, Synthesis, Territory, first_day
from publishing.model.paths import NEWS, NEWS_FEED, SYNTHESES, SYNTHESES_FEED

TAG_AUTHORITY = "brusano.brussels"  # tag: URIs (RFC 4151) of news entries: fixed, whatever a site's address


def _stamp(day: date) -> str:
    """Atom wants a full date-time: a month's first day for what is dated to the month."""
    return first_day(day).isoformat() + "T00:00:00Z"  # dates come from the content, never the clock


def _feed(lang: str, self_url: str, listing: str, title: str, subtitle: str, updated, author: str,
          entries: list[list[str]]) -> bytes:
    """A whole feed: its head, then its entries (each a list of lines)."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>{escape(self_url)}</id>",
        f"  <title>{escape(title)}</title>",
        f"  <subtitle>{escape(subtitle)}</subtitle>",
        f"  <updated>{_stamp(updated)}</updated>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_url)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(listing)}/>",
        f"  <author>{author}</author>",
    ]
    for entry in entries:
        out += entry
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def _entry(text_lang: str, entry_id: str, title: str, day, url: str, more: list[str], summary: str) -> list[str]:
    """An entry's lines: id, title, dates (the item's day), its page, `more` (links, categories), summary."""
    return [
        f"  <entry xml:lang=\"{text_lang}\">",
        f"    <id>{escape(entry_id)}</id>",
        f"    <title>{escape(title)}</title>",
        f"    <updated>{_stamp(day)}</updated>",
        f"    <published>{_stamp(day)}</published>",
        f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
        *more,
        f"    <summary>{escape(summary)}</summary>",
        "  </entry>",
    ]


def atom(project: Project, territory: Territory, lang: str, syntheses: list[Synthesis]) -> bytes:
    """The Atom feed of a site's syntheses (syntheses/feed.xml), newest first, each with its PDF."""
    t = project.strings.for_lang(lang)
    items = syntheses[:50]
    entries = []
    for s in items:
        text = s.text(lang)
        pdf = territory.absolute(text.lang, s.pdf_path(text.lang))
        entries.append(_entry(
            text.lang, f"{territory.absolute('fr', s.key + '/')}#{lang}", text.title, s.date,
            territory.absolute(text.lang, s.key + "/"),
            [f"    <link rel=\"enclosure\" type=\"application/pdf\" href={quoteattr(pdf)}/>",
             f"    <category term=\"{s.kind}\" label={quoteattr(t('synthesis.kind.' + s.kind))}/>"],
            text.summary))
    author = f"<name>{escape(territory.name[lang])}</name><uri>{escape(territory.url[lang])}</uri>"
    return _feed(lang, territory.absolute(lang, SYNTHESES_FEED), territory.absolute(lang, f"{SYNTHESES}/"),
                 f"{t('synthesis.feed_title')} – {territory.name[lang]}", t("synthesis.description"),
                 items[0].date, author, entries)


def news_atom(project: Project, territory: Territory, lang: str, items: list[News]) -> bytes:
    """The Atom feed of a site's news (actualites/feed.xml), newest first.

    An entry's id is a tag: URI (RFC 4151) made of the item's territory, slug and the feed's
    language, which no change of a site's address alters; its dates are the item's day."""
    t = project.strings.for_lang(lang)
    items = sorted(items, key=lambda n: (n.date, n.territory, n.slug), reverse=True)[:50]
    region = project.territories.get(REGION)
    author = f"<name>{escape(PUBLISHER)}</name>" + (f"<uri>{escape(region.url[lang])}</uri>" if region else "")
    entries = []
    for item in items:
        text = item.text(lang)
        home = project.territories.get(item.territory, territory)
        entries.append(_entry(
            text.lang, news_id(item, lang), text.title, item.date, home.absolute(lang, item.key + "/"),
            [f"    <category term=\"{theme}\" label={quoteattr(t('synthesis.theme.' + theme))}/>"
             for theme in item.themes],
            text.summary))
    return _feed(lang, territory.absolute(lang, NEWS_FEED), territory.absolute(lang, f"{NEWS}/"),
                 f"{t('news.title')} – {territory.name[lang]}", t("news.description"),
                 items[0].date if items else project.today, author, entries)


def news_id(item: News, lang: str) -> str:
    """tag:brusano.brussels,2023-01-19:sud/actualites/2023-01-19-forum-ouvert/fr — one per item and
    language (the French and Dutch entries are two texts), dated by the item's day."""
    return f"tag:{TAG_AUTHORITY},{item.date.isoformat()}:{item.territory}/{item.key}/{lang}"
