"""Where things are published in a site, and where the build keeps its caches: one home for each.

Section folders are site-relative (the same on every site and in both languages); cache
folders are relative to the repository.
"""
from __future__ import annotations

# The repository's folders and files of content and data (relative to the repository)
CONTENT = "content"  # pages: shared/, bassins/, <territory>/ (and each territory's dated items)
SHARED_CONTENT = f"{CONTENT}/shared"  # the pages of every site
BASSINS_CONTENT = f"{CONTENT}/bassins"  # the pages of the five bassins
FOCUS_DATA = "focus"  # focus/<slug>/: a Focus brochure
DIRECTORIES_DATA = "directories"  # directories/<id>.yml
SITES_DATA = "sites"  # the territories' facts
REDIRECTS_FILE = f"{SITES_DATA}/anciennes-adresses.yml"  # the old sites' addresses (nginx only)
SERVER_SETTINGS = "server.yml"

# Sections generated from data (publishing.plan.sections)
FOCUS = "focus"
DIRECTORIES = "repertoires"
SYNTHESES = "syntheses"
SYNTHESES_FEED = f"{SYNTHESES}/feed.xml"
NEWS = "actualites"  # news (actualités / nieuws)
NEWS_FEED = f"{NEWS}/feed.xml"
AGENDA = "agenda"  # events
AGENDA_FEED = f"{AGENDA}/agenda.ics"  # the iCalendar feed people subscribe to
NOTICES = "valves"  # partners' notices (valves partenaires / prikbord)
NEWSLETTER = "newsletter"  # the monthly newsletter's archive (and content/<territory>/newsletter/YYYY-MM.<lang>.md)

# The partners' form (publishing/plan/sections/notice_form.py), where it posts (the submission
# service, behind nginx: publishing/output/nginx.py) and the pages that answer for them
NOTICE_FORM = f"{NOTICES}/proposer"
NOTICE_SUBMIT = f"{NOTICE_FORM}/envoyer"
NOTICE_THANKS = f"{NOTICE_FORM}/merci"  # the service's answer once a submission is queued
NOTICE_TOO_LARGE = f"{NOTICE_FORM}/trop-volumineux"  # nginx's answer to a body over the limit (413)
NOTICE_TOO_MANY = f"{NOTICE_FORM}/trop-d-envois"  # nginx's answer to too many from one address (429)
NOTICE_UNAVAILABLE = f"{NOTICE_FORM}/indisponible"  # nginx's answer when the service does not (502–504)
NOTICE_IMAGE_MB = 5  # the largest image the form takes (the service checks it)
NOTICE_BODY_MB = NOTICE_IMAGE_MB + 1  # the largest post nginx passes on: the image and the texts

# The folders of content/<territory>/ that hold dated items (YYYY-MM-DD-<slug>.<lang>.md, the
# newsletter's YYYY-MM.<lang>.md), not pages
DATED_FOLDERS = (SYNTHESES, NEWS, AGENDA, NOTICES, NEWSLETTER)

# Folders the build adds beside the pages
SEARCH = "pagefind"
ASSETS = "assets"

# Published folders that no editor's page may take: what links may point into without a page
GENERATED = (FOCUS, DIRECTORIES, SYNTHESES, NEWS, AGENDA, NOTICES, NEWSLETTER, SEARCH, ASSETS)

# Caches, relative to the repository (ignored by Git)
BUILD_CACHE = "build/cache"  # the manifest of the last build of each output folder
PDF_CACHE = f"{BUILD_CACHE}/pdf"  # rendered PDFs by content hash
READING_CACHE = f"{BUILD_CACHE}/reading"  # what a text holds (publishing.markdown.reading), by content
