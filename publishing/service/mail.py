"""The e-mails of a submission: the moderators told what waits for them (with the files when there is
no Git host), the partner acknowledged in the page's language. Sent over SMTP as server.yml says
(smtp_*, mail_from, moderators); the password comes from systemd's credential, or a file."""
from __future__ import annotations

import os
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from publishing.model import Strings
from publishing.output.nginx import ServerSettings
from publishing.problems import messages

CREDENTIAL = "smtp-password"  # LoadCredential= of the unit (publishing.output.systemd)
TEAM_LANG = "fr"  # the moderators' messages (the message catalogue's French)


def moderators_message(settings: ServerSettings, title: str, territory: str, partner: str, submitter: str,
                       where: str, files: dict[str, bytes], attach: bool, submission_id: str) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = messages.word("submission_mail_subject", TEAM_LANG, title=title, territory=territory)
    message["From"] = settings.mail_from
    message["To"] = ", ".join(settings.moderators)
    message["Message-ID"] = make_msgid(domain=settings.mail_from.rsplit("@", 1)[-1] or None)
    key = "submission_mail_queue" if attach else "submission_mail_branch"
    text = messages.word(key, TEAM_LANG, title=title, territory=territory, partner=partner, submitter=submitter,
                         where=where, id=submission_id, files="\n".join(f"  {p}" for p in sorted(files)))
    message.set_content(text)
    if attach:
        for path, content in sorted(files.items()):
            name = path.rsplit("/", 1)[-1]
            if name.endswith(".md"):
                message.add_attachment(content, maintype="text", subtype="markdown", filename=name)
            else:
                subtype = "png" if name.endswith(".png") else "jpeg"
                message.add_attachment(content, maintype="image", subtype=subtype, filename=name)
    return message


def partner_message(settings: ServerSettings, strings: Strings, lang: str, name: str, email: str,
                    title: str) -> EmailMessage:
    t = strings.for_lang(lang)
    message = EmailMessage()
    message["Subject"] = t("submission.mail.ack_subject").format(title=title)
    message["From"] = settings.mail_from
    message["To"] = email
    message["Reply-To"] = ", ".join(settings.moderators) or settings.mail_from
    message["Message-ID"] = make_msgid(domain=settings.mail_from.rsplit("@", 1)[-1] or None)
    message.set_content(t("submission.mail.ack").replace("\\n", "\n").format(name=name, title=title))
    return message


def password(settings: ServerSettings) -> str:
    folder = os.environ.get("CREDENTIALS_DIRECTORY")
    if folder and (Path(folder) / CREDENTIAL).is_file():
        return (Path(folder) / CREDENTIAL).read_text(encoding="utf-8").strip()
    if settings.smtp_password_file:
        return Path(settings.smtp_password_file).read_text(encoding="utf-8").strip()
    return ""


def send(settings: ServerSettings, *emails: EmailMessage) -> None:
    """Over one SMTP connection; nothing is sent without mail_from (a server not set up for e-mail)."""
    if not settings.mail_from:
        return
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_user:
            smtp.login(settings.smtp_user, password(settings))
        for email in emails:
            if email["To"]:
                smtp.send_message(email)
