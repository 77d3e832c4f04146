"""The news section of a site: the list (newest first, by year; the latest on the first page,
each year on a page of its own), one page per item, and an Atom feed per language.

A site lists its own news; the region's list also shows the bassins', marked, linking to the
bassin's site. An item not translated into Dutch is listed on the Dutch site, marked, and its
page is the French text with the notice every untranslated page has.
"""
from __future__ import annotations

from collections.abc import Sequence

from publishing.model import ATOM, LANGS, Feed, NavOrder, News, Notice, PageData, long_date
from publishing.model.paths import NEWS, NEWS_FEED, NOTICES
from publishing.output import feed, structured_data
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import (
    LATEST,
    Entry,
    Fact,
    FilterForm,
    ItemHead,
    Link,
    Listing,
    badge,
    by_year,
    filter_data,
    item_href,
    items_read,
    list_page,
    shown_items,
    text_lang,
    theme_filter,
    theme_labels,
    translations_of,
)


def add(section: SectionContext) -> None:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    own = [n for n in project.news if n.territory == territory.id]
    shown = shown_items(project.news, project, territory)
    for item in own:
        add_item_page(section, item)
    if own and section.with_files:
        section.add_file(NEWS_FEED, feed.news_atom(project, territory, lang, own))
    years = sorted({n.date.year for n in shown}, reverse=True)
    latest = shown[:LATEST]
    archived = len(latest) < len(shown)
    listing = Listing(groups=by_year([(n.date, entry(section, n, 0)) for n in latest]),
                      filters=filters(section, latest), empty=t("news.empty"),
                      archives=[(str(y), f"{y}/") for y in years] if archived else [],
                      archives_title=t("items.archives"),
                      feeds=[Link("feed.xml", t("news.feed"), ATOM)] if own else [])
    section.add_page(key=f"{NEWS}/index", title=t("news.title"), markdown=page(section, t("news.title"),
                     t("news.intro"), listing), nav=NavOrder.NEWS, description=t("news.description"),
                     translations=LANGS, meta=PageData(feed=Feed(NEWS_FEED, t("news.feed"), ATOM) if own else None))
    if archived:
        for year in years:
            items = [n for n in shown if n.date.year == year]
            listing = Listing(groups=by_year([(n.date, entry(section, n, 1)) for n in items]),
                              filters=filters(section, items), empty=t("news.empty"))
            title = f"{t('news.title')} {year}"
            section.add_page(key=f"{NEWS}/{year}", title=title, markdown=page(section, title, "", listing, depth=1),
                             description=t("news.description"), translations=LANGS)


def page(section: SectionContext, title: str, intro: str, listing: Listing, depth: int = 0) -> str:
    # the partners' notices are linked from here (not in the navigation bar, which they would crowd)
    listing.see_also = Link(f"{'../' * (depth + 1)}{NOTICES}/", section.t("notices.title"),
                            text=section.t("notices.description"))
    return list_page(section, title, listing, intro=intro or None)


def filters(section: SectionContext, items: list[News]) -> FilterForm | None:
    t = section.t
    return theme_filter(t, items, section.project, section.territory, section.lang, t("news.filter"),
                        t("news.count_one"), t("news.count_many"), t("news.none"))


def entry(section: SectionContext, item: News, depth: int) -> Entry:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    text = item.text(lang)
    return Entry(href=item_href(project, territory, lang, item, depth), title=text.title, summary=text.summary,
                 datetime=item.date.isoformat(), when=long_date(item.date, t),
                 labels=theme_labels(t, item.themes), text_lang=text_lang(item, lang),
                 badge=badge(project, territory, lang, item), data=filter_data(item))


def add_item_page(section: SectionContext, item: News | Notice, facts: list[Fact] | None = None,
                  past: str | None = None) -> None:
    """The page of a news item or a notice: its head (date, themes, image…), then its text."""
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    text = item.text(lang)
    image = Link(f"../{item.image.name}", text.image_alt or "") if item.image is not None else None
    head = ItemHead(datetime=item.date.isoformat(), when=long_date(item.date, t), labels=theme_labels(t, item.themes),
                    summary=text.summary, image=image, past=past, facts=facts or [])
    markdown = section.render("item_head.html", head=head) + "\n\n" + text.body
    data = (structured_data.notice(project, territory, lang, item) if isinstance(item, Notice)
            else structured_data.news_article(project, territory, lang, item))
    section.add_page(key=item.key, title=text.title, markdown=markdown, source=text.source, text_lang=text.lang,
                     description=text.summary, translations=translations_of(item), meta=PageData(jsonld=data))


def reads(site: str, sites: Sequence[str]) -> list[str]:
    return items_read([NEWS], site, sites)
