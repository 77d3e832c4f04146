"""The content model: plain objects, no file access, no generator.

The loaders (publishing.load) build these from the repository; planning
(publishing.plan) turns them into site plans; outputs and the MkDocs adapter read
them. Nothing here reads a file or knows MkDocs.
"""
from publishing.model.dates import Month, first_day, parse_month
from publishing.model.directory import Address, Category, Directory, Entry
from publishing.model.event import BRUSSELS, STATUSES, Event, Place
from publishing.model.focus import Focus
from publishing.model.langs import DEFAULT_LANG, LANGS
from publishing.model.news import ItemText, News, Notice
from publishing.model.page import DocumentText, Page, Translatable, url_of
from publishing.model.plan import (
    ATOM,
    ICALENDAR,
    Feed,
    NavItem,
    NavOrder,
    OutputFile,
    OutputPage,
    PageData,
    SitePlan,
)
from publishing.model.project import PostalAddress, Project
from publishing.model.strings import Lookup, Strings, language_names, long_date, month_year
from publishing.model.synthesis import KINDS, THEMES, Synthesis
from publishing.model.territory import (
                                        BASSINS,
                                        PUBLISHER,
                                        REGION,
                                        TERRITORY_IDS,
                                        Area,
                                        Commune,
                                        Helpdesk,
                                        Territory,
                                        Text,
                                        phone_link,
)

__all__ = ["Address", "Area", "ATOM", "BASSINS", "BRUSSELS", "Category", "Commune", "DEFAULT_LANG", "Directory",
           "DocumentText", "Entry", "Event", "Feed", "first_day", "Focus", "Helpdesk", "ICALENDAR", "ItemText",
           "KINDS", "LANGS", "language_names", "long_date", "Lookup", "Month", "month_year", "NavItem", "NavOrder",
           "News", "Notice", "OutputFile", "OutputPage", "Page", "PageData", "parse_month", "phone_link", "Place",
           "PostalAddress", "Project", "PUBLISHER", "REGION", "SitePlan", "STATUSES", "Strings", "Synthesis",
           "Territory", "TERRITORY_IDS", "Text", "THEMES", "Translatable", "url_of"]
