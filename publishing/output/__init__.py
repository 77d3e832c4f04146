"""Formats made from the model, beside the web pages: PDFs (pdf, the only module that knows
WeasyPrint; focus_pdf and synthesis_pdf for the two kinds of document), the search index
(search), Atom feeds of syntheses and news (feed), the agenda in iCalendar (ical), schema.org
JSON-LD of news, notices and events (structured_data), open data exports (opendata) and
sitemaps (sitemap)."""
