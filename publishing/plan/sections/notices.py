"""Partners' notices (valves): the list of those still shown (until their end date, included),
and a page per notice, which stays after its end date, marked as past.

Publishing a notice is merging its file (the editors' guide says how a partner's text reaches
the repository and who reviews it).
"""
from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from publishing.model import LANGS, Notice, long_date
from publishing.model.paths import NOTICES
from publishing.plan.sections.context import SectionContext
from publishing.plan.sections.listing import (
    Entry,
    Fact,
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
)
from publishing.plan.sections.news import add_item_page


def add(section: SectionContext) -> None:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    today = project.today
    for item in (n for n in project.notices if n.territory == territory.id):
        facts = [Fact(t("notices.partner"), item.partner, item.partner_url),
                 Fact(t("notices.until"), long_date(item.until, t))]
        add_item_page(section, item, facts=facts, past=None if item.listed(today) else t("notices.past"))
    listed = [n for n in shown_items(project.notices, project, territory) if n.listed(today)]
    listing = Listing(groups=by_year([(n.date, entry(section, n)) for n in listed]),
                      filters=theme_filter(t, listed, project, territory, lang, t("notices.filter"),
                                           t("notices.count_one"), t("notices.count_many"), t("notices.none")),
                      empty=t("notices.empty"))
    # the partners' form (notice_form), announced before the list
    propose = Markup('<p class="bp-propose"><a href="proposer/">{}</a> {}</p>').format(
        t("notices.propose"), t("notices.propose_text"))
    markdown = list_page(section, t("notices.title"), listing, intro=t("notices.intro"), text=str(propose))
    section.add_page(key=f"{NOTICES}/index", title=t("notices.title"), markdown=markdown,
                     description=t("notices.description"), translations=LANGS)


def entry(section: SectionContext, item: Notice) -> Entry:
    project, territory, lang, t = section.project, section.territory, section.lang, section.t
    text = item.text(lang)
    return Entry(href=item_href(project, territory, lang, item, 0), title=text.title, summary=text.summary,
                 datetime=item.date.isoformat(), when=long_date(item.date, t),
                 labels=[item.partner, *theme_labels(t, item.themes)], text_lang=text_lang(item, lang),
                 badge=badge(project, territory, lang, item), data=filter_data(item))


def reads(site: str, sites: Sequence[str]) -> list[str]:
    return items_read([NOTICES], site, sites)
