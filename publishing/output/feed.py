"""Atom feeds (RFC 4287): one per site and language, announcing its syntheses."""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from publishing.model import Project, Territory
from publishing.model.paths import SYNTHESES, SYNTHESES_FEED


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
