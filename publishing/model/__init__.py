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
from publishing.model.plan import NavItem, NavOrder, OutputFile, OutputPage, SitePlan
from publishing.model.project import Project
from publishing.model.strings import Lookup, Strings, language_names, long_date, month_year
from publishing.model.synthesis import KINDS, THEMES, Synthesis
from publishing.model.territory import (
                                        BASSINS,
                                        REGION,
                                        TERRITORY_IDS,
                                        Area,
                                        Commune,
                                        Helpdesk,
                                        Territory,
                                        Text,
                                        phone_link,
)

__all__ = ["Address", "Area", "BASSINS", "BRUSSELS", "Category", "Commune", "DEFAULT_LANG", "Directory",
           "DocumentText", "Entry", "Event", "Focus", "Helpdesk", "ItemText", "KINDS", "LANGS", "Lookup", "NavItem",
           "NavOrder", "News", "Notice", "OutputFile", "OutputPage", "Page", "Place", "Project", "REGION",
           "STATUSES", "SitePlan", "Strings", "Synthesis", "TERRITORY_IDS", "THEMES", "Territory", "Text",
           "Translatable", "Month", "first_day", "parse_month", "language_names", "long_date", "month_year",
           "phone_link", "url_of"]
