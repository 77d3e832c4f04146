"""The partners' form and its submission service, tested as they run on the server: nginx from
`server-config` in front of the service (`build.py submissions`, on its Unix socket), a bare Git
repository standing for the Git host (it records GitLab's push options), the service's own clone of
it, and a local SMTP server (aiosmtpd) catching the e-mails. Chromium fills the form as a partner
would; bad inputs are posted as a robot would; 50 submissions at once lose and duplicate nothing.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import http.client
import io
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from harness.served import free_port, running_nginx
from publishing.commands.build import build_sites
from publishing.output.nginx import ServerSettings
from publishing.output.systemd import unit

ROOT = Path(__file__).resolve().parent.parent
REGION = "www.brusano.brussels"  # French at /, Dutch at /nl/
SUD_NL = "www.zorgzone-zuid.brussels"  # Bassin Sud in Dutch
TODAY = datetime.now(ZoneInfo("Europe/Brussels")).date()
PENDING_MAX = 60


@dataclass
class Mailbox:
    messages: list = field(default_factory=list)

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos),
                              message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@dataclass
class Stack:
    settings: ServerSettings  # nginx's (its ports)
    host_git: Path
    home: Path
    mailbox: Mailbox
    options_log: Path
    tmp: Path
    smtp_port: int

    def branches(self) -> set[str]:
        out = git(self.host_git, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/")
        return set(out.split())

    def files(self, branch: str) -> dict[str, bytes]:
        names = git(self.host_git, "diff", "--name-only", f"main...{branch}").split()
        return {name: subprocess.run(["git", "-C", str(self.host_git), "show", f"{branch}:{name}"],
                                     capture_output=True, check=True).stdout for name in names}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True).stdout.strip()


def wait_for_socket(path: Path, process: subprocess.Popen) -> None:
    for _ in range(300):
        if process.poll() is not None:
            raise AssertionError(f"the service stopped: {process.stderr.read() if process.stderr else ''}")
        if path.exists():
            with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as s:
                s.connect(str(path))
                return
        time.sleep(0.1)
    raise AssertionError("the service did not listen")


@contextlib.contextmanager
def running_service(tmp: Path, public: Path, host_git: Path, smtp_port: int, **settings):
    """`build.py submissions` with its settings file, its home (clone of host_git), its socket."""
    home = tmp / f"home-{free_port()}"
    home.mkdir()
    if host_git is not None:
        subprocess.run(["git", "clone", "--quiet", str(host_git), str(home / "repo")], check=True)
    sock = tmp / f"service-{free_port()}.sock"
    values = {"public": str(public), "submissions_socket": str(sock), "submissions_home": str(home),
              "submissions_pending_max": PENDING_MAX, "editor_backend": "gitlab", "editor_branch": "main",
              "smtp_host": "127.0.0.1", "smtp_port": smtp_port, "mail_from": "valves@example.org",
              "moderators": ["moderation@example.org"], **settings}
    (home / "server.yml").write_text(yaml.safe_dump(values))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, str(ROOT / "build.py"), "--root", str(ROOT), "submissions",
                                "--settings", str(home / "server.yml")], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    try:
        wait_for_socket(sock, process)
        yield sock, home
    finally:
        process.terminate()
        process.wait(timeout=10)


HOOK = """#!/bin/sh
# GitLab's push options, as the Git host receives them: one line per pushed branch
while read old new ref; do
  options=""
  i=0
  while [ "$i" -lt "${GIT_PUSH_OPTION_COUNT:-0}" ]; do
    eval "options=\\"$options|\\$GIT_PUSH_OPTION_$i\\""
    i=$((i + 1))
  done
  echo "$ref$options" >> "$OPTIONS_LOG"
done
"""


@pytest.fixture(scope="module")
def stack():
    from aiosmtpd.controller import Controller

    tmp = Path(tempfile.mkdtemp(prefix="brusano-submissions-"))
    tmp.chmod(0o755)  # nginx's workers (nobody) reach the pages and the socket
    public = tmp / "public"
    report = build_sites(ROOT, ["region", "sud"], out=public, with_files=False, cache=False)
    assert not report.errors, report.render()
    public.chmod(0o755)
    # the Git host: the content as committed, its branch main, push options accepted and recorded
    host_git = tmp / "host.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", "--depth", "1", f"file://{ROOT}", str(host_git)],
                   check=True)
    git(host_git, "update-ref", "refs/heads/main", "HEAD")
    git(host_git, "symbolic-ref", "HEAD", "refs/heads/main")
    git(host_git, "config", "receive.advertisePushOptions", "true")
    options_log = tmp / "push-options.log"
    hook = host_git / "hooks" / "pre-receive"
    hook.write_text(HOOK.replace("$OPTIONS_LOG", str(options_log)))
    hook.chmod(0o755)
    mailbox = Mailbox()
    smtp = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    smtp.start()
    try:
        with running_service(tmp, public, host_git, smtp.port) as (sock, home), \
                running_nginx(public, connections=256, submissions_socket=str(sock),
                              submissions_rate="6000r/m", submissions_burst=200) as (settings, _):
            yield Stack(settings, host_git, home, mailbox, options_log, tmp, smtp.port)
    finally:
        smtp.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def request(settings: ServerSettings, host: str, method: str, path: str, body: bytes = b"",
            headers: dict | None = None) -> tuple[int, dict, str]:
    sock = socket.create_connection(("127.0.0.1", settings.https_port), timeout=60)
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    conn = http.client.HTTPSConnection(host, settings.https_port, timeout=60)
    conn.sock = context.wrap_socket(sock, server_hostname=host)
    conn.request(method, path, body=body or None, headers={"Host": host, **(headers or {})})
    response = conn.getresponse()
    text = response.read().decode("utf-8", errors="replace")
    conn.close()
    return response.status, dict(response.getheaders()), text


def post(settings: ServerSettings, host: str, path: str, fields: dict, image: bytes | None = None):
    from urllib3 import encode_multipart_formdata

    parts: list = []
    for name, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            parts.append((name, one))
    if image is not None:
        parts.append(("image", ("affiche.png", image, "image/png")))
    body, content_type = encode_multipart_formdata(parts)
    return request(settings, host, "POST", path, body, {"Content-Type": content_type})


def valid_fields(**changes) -> dict:
    fields = {"langs": "fr", "title_fr": "Journée portes ouvertes du Service Exemple",
              "summary_fr": "Venez découvrir nos ateliers.", "body_fr": "Le Service Exemple ouvre ses portes.",
              "partner": "Service Exemple", "website": "https://www.example.org/",
              "until": (TODAY + timedelta(days=30)).isoformat(), "themes": ["sante-mentale"],
              "submitter_name": "Camille Exemple", "submitter_email": "camille@example.org", "consent": "yes",
              "website2": ""}
    fields.update(changes)
    return fields


def png(size=(40, 30), exif: bool = False, kind: str = "PNG") -> bytes:
    from PIL import Image

    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera Maker"  # Make
        data[0x8825] = {1: "N", 2: (50.0, 50.0, 0.0)}  # GPS position
        image.save(out, kind, exif=data)
    else:
        image.save(out, kind)
    return out.getvalue()


def drop_draft_and_check(stack: Stack, branch: str, site: str, lang: str) -> Path:
    """The moderator's merge: the branch checked out, `draft: true` dropped; `check` passes; the site
    built in that language (returned)."""
    work = stack.tmp / f"merge-{free_port()}"
    subprocess.run(["git", "clone", "--quiet", "--branch", branch, str(stack.host_git), str(work)], check=True)
    for path in (work / "content").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "\ndraft: true\n" in text and "source: formulaire des valves" in text:
            path.write_text(text.replace("\ndraft: true\n", "\n"), encoding="utf-8")
    checked = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(work), "check",
                              "--today", TODAY.isoformat()], capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert checked.returncode == 0, checked.stdout + checked.stderr
    out = work / "public-out"
    report = build_sites(work, [site], [lang], out=out, with_files=False, cache=False, today=TODAY)
    assert not report.errors, report.render()
    return out


# --- the form, in Chromium ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def mapped_browser(browser):
    """Chromium sending the sites' host names to the loopback nginx."""
    from harness.chromium import ARGS, find_chromium

    args = [*ARGS, "--host-resolver-rules=MAP *.brussels 127.0.0.1", "--proxy-bypass-list=*.brussels"]
    mapped = browser.browser_type.launch(executable_path=find_chromium(), headless=True, args=args)
    yield mapped
    mapped.close()


def open_context(mapped_browser, **options):
    context = mapped_browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 900}, **options)
    context.set_default_timeout(15_000)
    return context, context.new_page()


def test_a_partner_proposes_a_notice_in_french(stack, mapped_browser):
    before = stack.branches()
    mails = len(stack.mailbox.messages)
    context, page = open_context(mapped_browser)
    base = f"https://{REGION}:{stack.settings.https_port}"
    page.goto(f"{base}/valves/")
    page.click("text=Proposer une annonce")
    assert page.url == f"{base}/valves/proposer/"
    # the live count, and only the chosen language's texts
    page.fill("#bp-summary-fr", "Venez découvrir nos ateliers.")
    assert page.inner_text("#bp-summary-fr-count") == "29 caractères sur 300."
    assert page.is_hidden("[data-bp-text=nl]") and page.is_visible("[data-bp-text=fr]")
    page.fill("#bp-title-fr", "Journée portes ouvertes à l'Atelier Exemple")
    page.fill("#bp-body-fr", "L'Atelier Exemple ouvre ses portes.\n\nPlus d'informations sur "
                             "[notre site](https://www.example.org/portes-ouvertes).")
    page.fill("#bp-partner", "Atelier Exemple")
    page.fill("#bp-website", "https://www.example.org/")
    page.fill("#bp-until", (TODAY + timedelta(days=20)).isoformat())
    page.check("input[name=themes][value=sante-mentale]")
    page.fill("#bp-submitter-name", "Camille Exemple")
    page.fill("#bp-submitter-email", "camille@example.org")
    page.check("#bp-consent")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/valves/proposer/merci/")
    assert "Merci, votre annonce sera relue" in page.inner_text("h1")
    context.close()

    new = stack.branches() - before
    assert len(new) == 1
    branch = new.pop()
    stem = f"{TODAY.isoformat()}-journee-portes-ouvertes-a-l-atelier-exemple"
    assert branch == f"cms/valves-region/{stem}"
    files = stack.files(branch)
    assert set(files) == {f"content/region/valves/{stem}.fr.md"}
    text = files[f"content/region/valves/{stem}.fr.md"].decode()
    assert "\ndraft: true\n" in text and "submitter: Camille Exemple <camille@example.org>" in text
    assert re.search(rf"source: formulaire des valves, envoi [0-9a-f]{{8}} du {TODAY.isoformat()}", text)
    # the merge request GitLab opens, with the label of Decap's workflow
    options = [line for line in stack.options_log.read_text().splitlines() if line.startswith(f"refs/heads/{branch}|")]
    assert options == [f"refs/heads/{branch}|merge_request.create|merge_request.target=main|"
                       f"merge_request.title=Journée portes ouvertes à l'Atelier Exemple|"
                       f"merge_request.label=decap-cms/pending_review"]
    # the moderators told, the partner acknowledged in French
    sent = stack.mailbox.messages[mails:]
    assert sorted(rcpt[0] for _, rcpt, _ in sent) == ["camille@example.org", "moderation@example.org"]
    by_rcpt = {rcpt[0]: message for _, rcpt, message in sent}
    assert branch in by_rcpt["moderation@example.org"].get_content()
    assert by_rcpt["camille@example.org"]["Subject"] == (
        "Votre annonce « Journée portes ouvertes à l'Atelier Exemple » a bien été reçue")
    # the moderator's merge: check passes, and the site never shows the submitter's address
    out = drop_draft_and_check(stack, branch, "region", "fr")
    page_html = (out / "region" / "valves" / stem / "index.html").read_text(encoding="utf-8")
    assert "Atelier Exemple ouvre ses portes" in page_html
    leaked = [p for p in out.rglob("*") if p.is_file() and b"camille@example.org" in p.read_bytes()]
    assert not leaked


def test_the_form_works_without_javascript(stack, mapped_browser):
    """Scripts off: both languages' texts are shown, the maximum length is said, the form is sent."""
    before = stack.branches()
    context, page = open_context(mapped_browser, java_script_enabled=False)
    base = f"https://{REGION}:{stack.settings.https_port}"
    page.goto(f"{base}/nl/valves/proposer/")
    assert page.is_visible("[data-bp-text=fr]") and page.is_visible("[data-bp-text=nl]")
    assert page.inner_text("#bp-body-nl-count") == "Hoogstens 4000 tekens."
    page.check("input[name=langs][value=nl]")
    page.fill("#bp-title-nl", "Vorming zonder JavaScript")
    page.fill("#bp-summary-nl", "Een vorming.")
    page.fill("#bp-body-nl", "Een vorming van het Voorbeeldcentrum.")
    page.fill("#bp-partner", "Voorbeeldcentrum")
    page.fill("#bp-until", (TODAY + timedelta(days=5)).isoformat())
    page.fill("#bp-submitter-name", "Jan Voorbeeld")
    page.fill("#bp-submitter-email", "jan@example.org")
    page.check("#bp-consent")
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/nl/valves/proposer/merci/")
    context.close()
    (branch,) = stack.branches() - before
    assert branch == f"cms/valves-region/{TODAY.isoformat()}-vorming-zonder-javascript"
    git(stack.host_git, "update-ref", "-d", f"refs/heads/{branch}")


def test_a_dutch_only_notice_with_a_poster(stack, mapped_browser):
    before = stack.branches()
    context, page = open_context(mapped_browser)
    base = f"https://{SUD_NL}:{stack.settings.https_port}"
    page.goto(f"{base}/valves/proposer/")
    assert page.inner_text("h1").startswith("Een bericht voorstellen")
    page.check("input[name=langs][value=nl]")
    assert page.is_hidden("[data-bp-text=fr]")
    page.fill("#bp-title-nl", "Infosessie over mantelzorg")
    page.fill("#bp-summary-nl", "Een avond over hulp aan mantelzorgers.")
    page.fill("#bp-body-nl", "Het Voorbeeldcentrum nodigt u uit voor een infosessie.")
    page.fill("#bp-image-alt-nl", "Affiche van de infosessie, rood")
    page.fill("#bp-partner", "Voorbeeldcentrum")
    page.fill("#bp-until", (TODAY + timedelta(days=10)).isoformat())
    page.fill("#bp-submitter-name", "Jan Voorbeeld")
    page.fill("#bp-submitter-email", "jan@example.org")
    page.check("#bp-consent")
    poster = stack.tmp / "affiche.jpg"
    poster.write_bytes(png((800, 1131), exif=True, kind="JPEG"))
    page.set_input_files("#bp-image", str(poster))
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/valves/proposer/merci/")
    assert "Bedankt" in page.inner_text("h1")
    context.close()

    (branch,) = stack.branches() - before
    stem = f"{TODAY.isoformat()}-infosessie-over-mantelzorg"
    assert branch == f"cms/valves-sud/{stem}"
    files = stack.files(branch)
    assert set(files) == {f"content/sud/valves/{stem}.nl.md", f"content/sud/valves/{stem}.jpg"}
    from PIL import Image

    with Image.open(io.BytesIO(files[f"content/sud/valves/{stem}.jpg"])) as image:
        assert image.format == "JPEG" and image.size == (800, 1131)
        assert not image.getexif() and "exif" not in image.info  # the camera and the position are gone
    out = drop_draft_and_check(stack, branch, "sud", "nl")
    html = (out / "sud" / "nl" / "valves" / stem / "index.html").read_text(encoding="utf-8")
    assert "Infosessie over mantelzorg" in html and f"{stem}.jpg" in html
    assert not [p for p in out.rglob("*") if p.is_file() and b"jan@example.org" in p.read_bytes()]


def test_the_problems_are_tied_to_their_fields_and_axe_finds_nothing(stack, mapped_browser):
    """The form sent half filled, the browser's own checks turned off: the service's answer lists the
    problems, each linked to its field and named by it (aria-describedby), and passes axe-core."""
    from tests.test_accessibility import AXE, RUN

    if not AXE.is_file():
        pytest.skip("axe-core is not installed: run `make` (npm ci)")
    before = stack.branches()
    context, page = open_context(mapped_browser)
    context.add_init_script(path=str(AXE))  # before the page's scripts, as tests/test_accessibility.py does
    base = f"https://{REGION}:{stack.settings.https_port}"
    for path, lang in (("/valves/proposer/", "fr"), ("/nl/valves/proposer/", "nl")):
        page.goto(base + path)
        page.fill(f"#bp-title-{lang}", "Une annonce")
        page.fill("#bp-website", "http://www.example.org/")
        page.evaluate("document.querySelector('form.bp-form__form').noValidate = true")
        page.click("button[type=submit]")
        page.wait_for_url(base + path + "envoyer")
        assert page.title().startswith(("Erreur :", "Fout:"))
        summary = page.locator("#bp-form-summary li a")
        assert summary.count() >= 6
        assert page.get_attribute("#bp-website", "aria-invalid") == "true"
        described = page.get_attribute("#bp-website", "aria-describedby").split()
        assert page.inner_text(f"#{described[-1]}") in ("L'adresse doit commencer par https:// (une adresse sûre).",
                                                         "Het adres moet beginnen met https:// (een veilig adres).")
        assert page.input_value(f"#bp-title-{lang}") == "Une annonce"
        violations = page.evaluate(RUN)
        assert not violations, violations
    context.close()
    assert stack.branches() == before


# --- bad inputs ------------------------------------------------------------------------------------

REQUIRED = ["langs", "title_fr", "summary_fr", "body_fr", "partner", "until", "submitter_name", "submitter_email",
            "consent"]


def error_of(html: str, field_id: str) -> str:
    """The problem shown next to a field, which the field names in aria-describedby."""
    match = re.search(rf'<p class="bp-form__error" id="{field_id}-error1">([^<]*)</p>', html)
    assert match, f"no problem next to {field_id}"
    described = re.search(rf'id="{field_id}"[^>]*aria-describedby="([^"]*)"', html)
    if described:  # a text field (the language's radios and the consent are checked apart)
        assert f"{field_id}-error1" in described.group(1).split()
    return match.group(1).replace("&#x27;", "'")


def test_every_required_field_missing(stack):
    before = stack.branches()
    status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer", {"website2": ""})
    assert status == 422
    assert "L'annonce n'a pas été envoyée" in html.replace("&#x27;", "'")
    for name in REQUIRED:
        field_id = "bp-" + name.replace("_", "-")
        expected = {"langs": "Choisissez une des propositions.",
                    "consent": "Cochez cette case : sans elle, nous ne pouvons pas traiter l'annonce."}.get(
                        name, "Ce champ est obligatoire.")
        if name.endswith("_fr"):  # no language chosen: its texts are not asked yet
            continue
        assert error_of(html, field_id) == expected
    assert stack.branches() == before


BAD = [
    ({"until": (TODAY - timedelta(days=1)).isoformat()}, "bp-until", "Choisissez aujourd'hui ou un jour plus tard."),
    ({"until": (TODAY + timedelta(days=366)).isoformat()}, "bp-until",
     f"Choisissez un jour jusqu'au {(TODAY + timedelta(days=365)).isoformat()} au plus (un an)."),
    ({"website": "http://www.example.org/"}, "bp-website", "L'adresse doit commencer par https:// (une adresse sûre)."),
    ({"body_fr": "Bonjour <script>alert(1)</script>"}, "bp-body-fr",
     "Le HTML n'est pas accepté : écrivez le texte sans balises (&lt; &gt;)."),
    ({"body_fr": " ".join(f"[lien {i}](https://www.example.org/{i})" for i in range(6))}, "bp-body-fr",
     "Trop de liens : 5 au plus."),
    ({"body_fr": "[cliquez](javascript:alert(1))"}, "bp-body-fr", "Ce lien n'est pas accepté."),
    ({"submitter_email": "camille"}, "bp-submitter-email",
     "Écrivez une adresse e-mail valide, par exemple nom@example.org"),
    ({"title_fr": "x" * 121}, "bp-title-fr", "Ce texte est trop long : 120 caractères au plus."),
]


@pytest.mark.parametrize(("changes", "field_id", "message"), BAD, ids=[b[1] + str(i) for i, b in enumerate(BAD)])
def test_bad_input_is_refused_next_to_its_field(stack, changes, field_id, message):
    before = stack.branches()
    status, headers, html = post(stack.settings, REGION, "/valves/proposer/envoyer", valid_fields(**changes))
    assert status == 422, html[:500]
    assert error_of(html, field_id) == message
    assert headers["Cache-Control"] == "no-store"
    assert stack.branches() == before


def test_an_image_that_is_no_image(stack):
    before = stack.branches()
    status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer",
                           valid_fields(image_alt_fr="Une affiche"), image=b"GIF89a" + b"\0" * 500)
    assert status == 422
    assert error_of(html, "bp-image") == (
        "Ce fichier n'est pas une image lisible : envoyez un JPEG, un PNG ou un WebP.")
    status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer", valid_fields(), image=png())
    assert status == 422  # an image needs its description
    assert error_of(html, "bp-image-alt-fr") == "Décrivez l'image : c'est obligatoire quand vous envoyez une image."
    assert stack.branches() == before


def test_a_dutch_page_answers_in_dutch(stack):
    status, _, html = post(stack.settings, SUD_NL, "/valves/proposer/envoyer",
                           valid_fields(langs="both", title_nl="Titel", summary_nl="", body_nl="Tekst",
                                        website="www.example.org"))
    assert status == 422
    assert error_of(html, "bp-summary-nl") == "Dit veld is verplicht."
    assert error_of(html, "bp-website") == "Schrijf een volledig webadres, bijvoorbeeld https://www.example.org/"
    assert 'value="Titel"' in html  # what the partner wrote is kept


def test_a_body_of_20_mb_is_refused_by_nginx(stack):
    before = stack.branches()
    fields = valid_fields(image_alt_fr="Une affiche")
    status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer", fields, image=b"\0" * (20 * 1024 * 1024))
    assert status == 413
    assert "L'envoi est trop volumineux : l'image doit faire 5 Mo au plus." in html.replace("&#x27;", "'")
    assert stack.branches() == before


def test_the_honeypot(stack):
    before = stack.branches()
    status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer",
                           valid_fields(website2="https://spam.example.org/"))
    assert status == 400
    assert "Votre envoi n'a pas pu être accepté." in html.replace("&#x27;", "'")
    assert stack.branches() == before


def test_the_rate_limit_per_address(stack):
    """A strict limit (as in production: a few a minute): the next ones are refused by nginx."""
    public = stack.tmp / "public"
    sock = next(stack.tmp.glob("service-*.sock"))
    with running_nginx(public, submissions_socket=str(sock), submissions_rate="2r/m",
                       submissions_burst=1) as (settings, _):
        before = stack.branches()
        statuses = []
        for _ in range(4):
            status, _, html = post(settings, REGION, "/valves/proposer/envoyer", valid_fields(website2="x"))
            statuses.append(status)
        assert statuses[:2] == [400, 400] and statuses[2:] == [429, 429]  # the trap: nothing queued
        assert "Trop d'envois sont partis de votre connexion en peu de temps." in html.replace("&#x27;", "'")
        assert stack.branches() == before


def test_the_service_down(stack):
    """nginx answers for a service that does not: the page says so in the language, nothing is kept."""
    with running_nginx(stack.tmp / "public", submissions_socket=str(stack.tmp / "nobody.sock")) as (settings, _):
        status, _, html = post(settings, SUD_NL, "/valves/proposer/envoyer", valid_fields())
    assert status == 502
    assert "De dienst is tijdelijk niet beschikbaar: uw bericht is niet opgeslagen." in html


def test_the_queue_full(stack):
    """When PENDING_MAX submissions wait on the Git host, a polite refusal."""
    before = stack.branches()
    waiting = len([b for b in before if b.startswith("cms/valves-")])
    base = git(stack.host_git, "rev-parse", "main")
    fillers = [f"cms/valves-sud/filler-{i}" for i in range(PENDING_MAX - waiting)]
    for name in fillers:
        git(stack.host_git, "update-ref", f"refs/heads/{name}", base)
    try:
        status, _, html = post(stack.settings, REGION, "/valves/proposer/envoyer", valid_fields())
        assert status == 503
        assert "Beaucoup d'annonces attendent déjà d'être relues." in html.replace("&#x27;", "'")
        assert 'value="Journée portes ouvertes du Service Exemple"' in html  # kept for later
        assert stack.branches() == before | set(fillers)
    finally:
        for name in fillers:
            git(stack.host_git, "update-ref", "-d", f"refs/heads/{name}")


# --- load ------------------------------------------------------------------------------------------

def test_50_concurrent_submissions_lose_and_duplicate_nothing(stack):
    before = stack.branches()
    mails = len(stack.mailbox.messages)

    def submit(i: int):
        return post(stack.settings, REGION, "/valves/proposer/envoyer",
                    valid_fields(title_fr="Atelier du jeudi", partner=f"Partenaire {i:02d}"))

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        results = list(pool.map(submit, range(50)))
    elapsed = time.monotonic() - started
    assert [status for status, _, _ in results] == [303] * 50
    new = stack.branches() - before
    assert len(new) == 50  # none lost, no two on one name
    partners = set()
    for branch in new:
        files = stack.files(branch)
        assert len(files) == 1
        (text,) = files.values()
        partners.add(re.search(rb"partner: (.*)", text).group(1).decode())
    assert partners == {f"Partenaire {i:02d}" for i in range(50)}  # each its own branch
    assert len(stack.mailbox.messages) - mails == 100
    print(f"50 concurrent submissions queued in {elapsed:.1f} s")
    for branch in new:  # leave the queue as it was
        git(stack.host_git, "update-ref", "-d", f"refs/heads/{branch}")


# --- without a Git host, and the unit ---------------------------------------------------------------

def test_without_a_git_host_the_queue_folder_and_the_files_by_email(stack):
    from publishing.commands.server_config import read_settings
    from publishing.service.app import Service
    from publishing.service.submission import Submission

    home = stack.tmp / "folder-home"
    home.mkdir()
    settings_file = home / "server.yml"
    settings_file.write_text(yaml.safe_dump({
        "public": str(stack.tmp / "public"), "submissions_home": str(home), "submissions_push": False,
        "smtp_host": "127.0.0.1", "smtp_port": stack.smtp_port, "mail_from": "valves@example.org",
        "moderators": ["moderation@example.org"]}))
    mails = len(stack.mailbox.messages)
    service = Service(read_settings(settings_file), ROOT)
    outcome = service.process(Submission(valid_fields(image_alt_fr="Une affiche rouge"), png()), "sud", "fr",
                              TODAY, "0123abcd")
    assert outcome.queued is not None
    folder = Path(outcome.queued.where)
    assert folder.parent == home / "queue"
    stem = f"{TODAY.isoformat()}-journee-portes-ouvertes-du-service-exemple"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        "MESSAGE.txt", f"content/sud/valves/{stem}.fr.md", f"content/sud/valves/{stem}.jpg"]
    by_rcpt = {rcpt[0]: message for _, rcpt, message in stack.mailbox.messages[mails:]}
    assert set(by_rcpt) == {"moderation@example.org", "camille@example.org"}
    moderators = by_rcpt["moderation@example.org"]
    attached = {part.get_filename(): part.get_content() for part in moderators.iter_attachments()}
    assert sorted(attached) == [f"{stem}.fr.md", f"{stem}.jpg"]
    assert attached[f"{stem}.jpg"] == (folder / f"content/sud/valves/{stem}.jpg").read_bytes()
    assert f"content/sud/valves/{stem}.fr.md" in moderators.get_body(("plain",)).get_content()


def test_the_unit_runs_the_service_unprivileged_and_hardened(tmp_path):
    text = unit(ServerSettings(submissions_code=str(ROOT)))
    for line in ("User=brusano-submissions", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
                 "PrivateTmp=yes", "CapabilityBoundingSet=", "ReadWritePaths=/srv/brusano/submissions",
                 "RuntimeDirectory=brusano-submissions", "SystemCallFilter=@system-service",
                 "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "MemoryDenyWriteExecute=yes"):
        assert line in text.splitlines()
    assert f"ExecStart={ROOT}/.venv/bin/python {ROOT}/build.py --root {ROOT} submissions" in text
    analyze = shutil.which("systemd-analyze")
    if analyze:
        path = tmp_path / "brusano-submissions.service"
        path.write_text(text)
        done = subprocess.run([analyze, "verify", "--man=no", str(path)], capture_output=True, text=True)
        problems = [line for line in done.stderr.splitlines() if "brusano-submissions.service" in line
                    and "User" not in line and "Group" not in line]
        assert not problems, done.stderr
        # systemd's own measure of what the service could still reach: 0 (nothing) to 10 (everything)
        done = subprocess.run([analyze, "security", "--offline=true", str(path)], capture_output=True, text=True)
        exposure = re.search(r"Overall exposure level for \S+: ([0-9.]+)", done.stdout + done.stderr)
        if exposure:
            assert float(exposure.group(1)) <= 2.0, done.stdout
