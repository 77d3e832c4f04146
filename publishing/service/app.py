"""The service's requests: the form's post, answered with the form's page as built, its form shown
again with each problem next to its field, or a redirect to the thanks page.

nginx says which site and language the form was on (X-Brusano-Site, X-Brusano-Lang: one location per
site and language, publishing.output.nginx); the service listens on a Unix socket only nginx reaches.
Starlette parses the request (python-multipart: one file, bounded fields), uvicorn serves it; the
checks, Git and e-mail run in Starlette's thread pool, the queue one submission at a time.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from publishing.load.strings import load_strings
from publishing.load.territories import load_communes, load_territories
from publishing.model import LANGS, Territory
from publishing.model.paths import NOTICE_SUBMIT
from publishing.output.nginx import ServerSettings
from publishing.plan.sections import notice_form
from publishing.plan.sections.notice_form import (
    BODY_MB,
    FORM_MARKS,
    IMAGE_MB,
    THANKS,
    FormState,
    all_fields,
)
from publishing.problems import Report, messages
from publishing.service import mail
from publishing.service.queue import FolderQueue, GitQueue, Queued, QueueError, one_at_a_time
from publishing.service.submission import Checked, Submission, check, new_id

log = logging.getLogger("brusano.submissions")
MB = 1024 * 1024
BRUSSELS = ZoneInfo("Europe/Brussels")
AUTHOR = "Brusano (valves)"  # the commits' author name; the address is mail_from


@dataclass
class Outcome:
    checked: Checked
    refused: str = ""  # submission.refused.<key>
    queued: Queued | None = None


class Service:
    def __init__(self, settings: ServerSettings, root: Path) -> None:
        self.settings, self.root = settings, root
        report = Report()
        communes = load_communes(root / "sites", report)
        self.territories: dict[str, Territory] = load_territories(root / "sites", communes, report)
        self.strings = load_strings(root / "theme" / "i18n", report)
        if report.errors:
            raise RuntimeError(report.render("en"))
        home = Path(settings.submissions_home)
        self.lock = home / "lock"
        self.folder = FolderQueue(home / "queue")
        self.git = GitQueue(home / "repo", settings.editor_branch, settings.editor_backend == "gitlab",
                            (AUTHOR, settings.mail_from or "valves@localhost")) if settings.submissions_push else None

    # --- the page ----------------------------------------------------------------------------
    def built_page(self, site: str, lang: str) -> str:
        folder = Path(self.settings.public) / site / ("" if lang == "fr" else lang)
        return (folder / notice_form.FORM / "index.html").read_text(encoding="utf-8")

    def page(self, site: str, lang: str, state: FormState, today: date) -> str:
        """The built form page, its form replaced by the one showing the partner's values and problems."""
        page = self.built_page(site, lang)
        start, end = page.index(FORM_MARKS[0]), page.index(FORM_MARKS[1]) + len(FORM_MARKS[1])
        t = self.strings.for_lang(lang)
        privacy = notice_form.privacy_url(self.territories, lang)
        form = notice_form.render(self.root, notice_form.view(t, lang, today, privacy, state))
        page = page[:start] + form + page[end:]
        if state.errors or state.refused:  # the tab's title says it first (screen readers read it on load)
            page = page.replace("<title>", f"<title>{t('submission.title_problem')} ", 1)
        return page

    # --- a submission --------------------------------------------------------------------------
    def process(self, submission: Submission, site: str, lang: str, today: date, submission_id: str) -> Outcome:
        checked = check(submission, site, today, self.settings.submissions_links_max, self.root, submission_id)
        if checked.trap:
            log.info("submission %s refused: trap field filled", submission_id)
            return Outcome(checked, refused="trap")
        if checked.errors:
            log.info("submission %s refused: %s", submission_id, ", ".join(sorted(checked.errors)))
            return Outcome(checked)
        stem = f"{today.isoformat()}-{checked.slug}"
        message = messages.word("submission_source", "fr", id=submission_id, date=today.isoformat())
        message = f"{checked.title}\n\n{message}"
        queued: Queued | None = None
        with one_at_a_time(self.lock):
            try:
                waiting = self.git.pending() if self.git else self.folder.pending()
                if self.git:
                    waiting += self.folder.pending()
            except QueueError as error:
                log.error("submission %s: the Git host cannot be reached: %s", submission_id, error)
                waiting = self.folder.pending()
            if len(waiting) >= self.settings.submissions_pending_max:
                log.info("submission %s refused: %d waiting", submission_id, len(waiting))
                return Outcome(checked, refused="queue_full")
            if self.git:
                try:
                    queued = self.git.add(site, stem, checked.files, checked.title, message, waiting)
                except QueueError as error:  # kept in the folder: the moderators get the files by e-mail
                    log.error("submission %s: push failed, kept in the queue folder: %s", submission_id, error)
            if queued is None:
                queued = self.folder.add(site, stem, checked.files, checked.title, message, waiting)
        log.info("submission %s queued: %s", submission_id, queued.where)
        self.tell(checked, submission, site, lang, queued, submission_id, attach=not queued.where.startswith("cms/"))
        return Outcome(checked, queued=queued)

    def tell(self, checked: Checked, submission: Submission, site: str, lang: str, queued: Queued,
             submission_id: str, attach: bool) -> None:
        values = submission.values
        name, email = str(values.get("submitter_name", "")).strip(), str(values.get("submitter_email", "")).strip()
        territory = self.territories[site].name.fr
        try:
            mail.send(self.settings,
                      mail.moderators_message(self.settings, checked.title, territory, str(values.get("partner", "")),
                                              f"{name} <{email}>", queued.where, queued.files, attach, submission_id),
                      mail.partner_message(self.settings, self.strings, lang, name, email, checked.title))
        except Exception as error:  # queued all the same: the moderators see it on the Git host or in queue/
            log.error("submission %s: e-mail not sent: %s", submission_id, error)

    def state(self, outcome: Outcome, values: dict[str, Any], lang: str) -> FormState:
        t = self.strings.for_lang(lang)
        errors = {name: [t(f"submission.problem.{key}").format(**params) for key, params in problems]
                  for name, problems in outcome.checked.errors.items()}
        shown = {k: v for k, v in values.items() if k not in ("image", notice_form.TRAP)}
        refused = t(f"submission.refused.{outcome.refused}").format(mb=IMAGE_MB) if outcome.refused else ""
        return FormState(values=shown, errors=errors, refused=refused)


def today() -> date:
    return datetime.now(BRUSSELS).date()


def make_app(service: Service) -> Starlette:
    async def submit(request: Request) -> Response:
        site, lang = request.headers.get("x-brusano-site", ""), request.headers.get("x-brusano-lang", "")
        if site not in service.territories or lang not in LANGS:
            return PlainTextResponse("unknown site or language", status_code=400)
        day = today()
        if int(request.headers.get("content-length") or 0) > BODY_MB * MB:
            state = FormState(refused=service.strings.t(lang, "submission.refused.too_large").format(mb=IMAGE_MB))
            return HTMLResponse(service.page(site, lang, state, day), status_code=413)
        values: dict[str, Any] = {}
        image: bytes | None = None
        try:
            async with request.form(max_files=1, max_fields=60, max_part_size=64 * 1024) as form:
                for f in all_fields():
                    if f.kind == "themes":
                        values[f.name] = [v for v in form.getlist(f.name) if isinstance(v, str)]
                    elif f.kind == "file":
                        upload = form.get(f.name)
                        if isinstance(upload, UploadFile) and upload.filename:
                            image = await upload.read(IMAGE_MB * MB + 1) or None
                    else:
                        value = form.get(f.name)
                        values[f.name] = value if isinstance(value, str) else ""
        except Exception as error:  # a body python-multipart refuses: too many parts, a part too large
            log.info("submission refused: unreadable form: %s", error)
            state = FormState(refused=service.strings.t(lang, "submission.problem.other"))
            return HTMLResponse(service.page(site, lang, state, day), status_code=400)
        submission_id = new_id()
        outcome = await run_in_threadpool(service.process, Submission(values, image), site, lang, day, submission_id)
        if outcome.queued is not None:
            return RedirectResponse(f"{THANKS.rsplit('/', 1)[-1]}/", status_code=303)
        status = 503 if outcome.refused == "queue_full" else 400 if outcome.refused else 422
        return HTMLResponse(service.page(site, lang, service.state(outcome, values, lang), day), status_code=status)

    async def health(request: Request) -> Response:
        return PlainTextResponse("ok")

    return Starlette(routes=[Route(f"/{NOTICE_SUBMIT}", submit, methods=["POST"]),
                             Route(f"/nl/{NOTICE_SUBMIT}", submit, methods=["POST"]),
                             Route("/health", health, methods=["GET"])])


def run(settings: ServerSettings, root: Path) -> int:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    service = Service(settings, root)
    socket = settings.submissions_socket
    Path(socket).unlink(missing_ok=True)
    print(messages.word("submission_listening", "fr", socket=socket), flush=True)
    uvicorn.run(make_app(service), uds=socket, proxy_headers=False, server_header=False, date_header=False,
                log_level="warning", timeout_keep_alive=5, limit_concurrency=100)
    return 0
