"""The partners' submission service (`build.py submissions`): the form's posts, checked as `check`
checks a notice, made into the notice's files as a draft on a branch of their own pushed to the Git
host for the moderators (or into a queue folder), the moderators and the partner told by e-mail.

It runs behind nginx on a Unix socket (publishing.output.nginx), under systemd as its own user
(publishing.output.systemd), on Starlette and uvicorn: `app` the requests and pages, `submission`
the checks and the files, `image` the image, `queue` the branches or the folder, `mail` the e-mails.
"""
