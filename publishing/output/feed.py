"""Atom feeds (RFC 4287), one per site and language: its syntheses (`atom`), its news (`news_atom`)."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from publishing.model import News, Project, Territory
from publishing.model.paths import NEWS, NEWS_FEED, SYNTHESES, SYNTHESES_FEED

PUBLISHER = "Brusano"
TAG_AUTHORITY = "brusano.brussels"  # tag: URIs (RFC 4151) of news entries: fixed, whatever a site's address


def _stamp(day) -> str:
    return day.isoformat() + "T00:00:00Z"  # dates come from the content, never the clock


def atom(project: Project, strings, territory: Territory, lang: str, syntheses: list, pdf_path) -> bytes:
    t = strings.for_lang(lang)
    self_url = territory.absolute(lang, SYNTHESES_FEED)
    listing = territory.absolute(lang, f"{SYNTHESES}/")
    items = syntheses[:50]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>{escape(self_url)}</id>",
        f"  <title>{escape(t('synthesis.feed_title'))} – {escape(territory.name[lang])}</title>",
        f"  <subtitle>{escape(t('synthesis.description'))}</subtitle>",
        f"  <updated>{_stamp(items[0].date)}</updated>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_url)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(listing)}/>",
        f"  <author><name>{escape(territory.name[lang])}</name><uri>{escape(territory.url[lang])}</uri></author>",
    ]
    for s in items:
        text = s.text(lang)
        url = territory.absolute(text.lang, s.key + "/")
        pdf = territory.absolute(text.lang, pdf_path(s, text.lang))
        out += [
            f"  <entry xml:lang=\"{text.lang}\">",
            f"    <id>{escape(territory.absolute('fr', s.key + '/'))}#{lang}</id>",
            f"    <title>{escape(text.title)}</title>",
            f"    <updated>{_stamp(s.date)}</updated>",
            f"    <published>{_stamp(s.date)}</published>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
            f"    <link rel=\"enclosure\" type=\"application/pdf\" href={quoteattr(pdf)}/>",
            f"    <category term=\"{s.kind}\" label={quoteattr(t('synthesis.kind.' + s.kind))}/>",
            f"    <summary>{escape(text.summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def news_atom(project: Project, territory: Territory, lang: str, items: list[News]) -> bytes:
    """The Atom feed of a site's news (actualites/feed.xml), newest first.

    An entry's id is a tag: URI (RFC 4151) made of the item's territory, slug and the feed's
    language, which no change of a site's address alters; its dates are the item's day."""
    t = project.strings.for_lang(lang)
    self_url = territory.absolute(lang, NEWS_FEED)
    listing = territory.absolute(lang, f"{NEWS}/")
    items = sorted(items, key=lambda n: (n.date, n.territory, n.slug), reverse=True)[:50]
    region = next((x for x in project.territories.values() if x.is_region), None)
    author = f"<name>{escape(PUBLISHER)}</name>" + (f"<uri>{escape(region.url[lang])}</uri>" if region else "")
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <id>{escape(self_url)}</id>",
        f"  <title>{escape(t('news.title'))} – {escape(territory.name[lang])}</title>",
        f"  <subtitle>{escape(t('news.description'))}</subtitle>",
        f"  <updated>{_stamp(items[0].date if items else project.today)}</updated>",
        f"  <link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(self_url)}/>",
        f"  <link rel=\"alternate\" type=\"text/html\" href={quoteattr(listing)}/>",
        f"  <author>{author}</author>",
    ]
    for item in items:
        text = item.text(lang)
        home = project.territories.get(item.territory, territory)
        out += [
            f"  <entry xml:lang=\"{text.lang}\">",
            f"    <id>{escape(news_id(item, lang))}</id>",
            f"    <title>{escape(text.title)}</title>",
            f"    <updated>{_stamp(item.date)}</updated>",
            f"    <published>{_stamp(item.date)}</published>",
            f"    <link rel=\"alternate\" type=\"text/html\" href={quoteattr(home.absolute(lang, item.key + '/'))}/>",
            *(f"    <category term=\"{theme}\" label={quoteattr(t('synthesis.theme.' + theme))}/>"
              for theme in item.themes),
            f"    <summary>{escape(text.summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode("utf-8")


def news_id(item: News, lang: str) -> str:
    """tag:brusano.brussels,2023-01-19:sud/actualites/2023-01-19-forum-ouvert/fr — one per item and
    language (the French and Dutch entries are two texts), dated by the item's day."""
    return f"tag:{TAG_AUTHORITY},{item.date.isoformat()}:{item.territory}/{item.key}/{lang}"
