"""The command line: check, build, serve (and new, for editors' templates).

Exit codes: 0 success, 1 content errors, 2 usage errors.
"""
from __future__ import annotations

import argparse
import glob
import os
import sys
from datetime import date
from pathlib import Path

from publishing.model import LANGS, TERRITORY_IDS
from publishing.problems import ContentError, UsageError, messages
from publishing.problems.messages import word

ROOT = Path(__file__).resolve().parent.parent


def parser(lang: str = "fr") -> argparse.ArgumentParser:
    """The command line, its help in the language of the messages (fr, en: the catalogue's WORDS)."""
    p = argparse.ArgumentParser(prog="build.py", description=word("help.description", lang))
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    global_options(p, lang, top=True)
    sub = p.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help=word("help.check", lang))
    check.add_argument("--strict", action="store_true", help=word("help.strict", lang))

    build = sub.add_parser("build", help=word("help.build", lang))
    build.add_argument("--site", action="append", choices=TERRITORY_IDS, help=word("help.build_site", lang))
    build.add_argument("--lang", action="append", choices=LANGS, help=word("help.build_lang", lang))
    build.add_argument("--strict", action="store_true", help=word("help.strict", lang))
    build.add_argument("--out", type=Path, help=word("help.build_out", lang))
    build.add_argument("--no-pdf", dest="with_pdfs", action="store_false", help=word("help.no_pdf", lang))
    build.add_argument("--no-cache", dest="cache", action="store_false", help=word("help.no_cache", lang))

    serve = sub.add_parser("serve", help=word("help.serve", lang))
    serve.add_argument("--site", choices=TERRITORY_IDS, default="region")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    admin = sub.add_parser("admin", help=word("help.admin", lang))
    admin.add_argument("--out", type=Path, help=word("help.written_folder", lang))
    edit = sub.add_parser("edit", help=word("help.edit", lang))
    edit.add_argument("--site", choices=TERRITORY_IDS, default="region")
    edit.add_argument("--port", type=int, default=8080, help=word("help.edit_port", lang))
    server = sub.add_parser("server-config", help=word("help.server_config", lang))
    server.add_argument("--settings", type=Path, help=word("help.settings", lang))
    server.add_argument("--out", type=Path, help=word("help.written_file", lang))
    server.add_argument("--logrotate", type=Path, help=word("help.logrotate", lang))
    server.add_argument("--unit", type=Path, help=word("help.unit", lang))
    submissions = sub.add_parser("submissions", help=word("help.submissions", lang))
    submissions.add_argument("--settings", type=Path, help=word("help.settings", lang))
    deploy = sub.add_parser("deploy", help=word("help.deploy", lang))
    deploy.add_argument("--to", type=Path, required=True, help=word("help.server_folder", lang))
    deploy.add_argument("--from", dest="public", type=Path, help=word("help.deploy_from", lang))
    deploy.add_argument("--keep", type=int, default=5, help=word("help.keep", lang))
    letter = sub.add_parser("newsletter", help=word("help.newsletter", lang))
    letter.add_argument("--site", choices=TERRITORY_IDS, default="region")
    letter.add_argument("--month", required=True, metavar=word("help.month_format", lang),
                        help=word("help.month", lang))
    letter.add_argument("--out", type=Path, help=word("help.written_folder", lang))
    audience = sub.add_parser("audience", help=word("help.audience", lang))
    audience.add_argument("--logs", type=Path, nargs="+", default=[], metavar=word("help.file", lang),
                          help=word("help.audience_logs", lang))
    period = audience.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar=word("help.month_format", lang), help=word("help.audience_month", lang))
    period.add_argument("--year", metavar=word("help.year_format", lang), help=word("help.audience_year", lang))
    audience.add_argument("--out", type=Path, help=word("help.written_folder", lang))
    rollback = sub.add_parser("rollback", help=word("help.rollback", lang))
    rollback.add_argument("--to", type=Path, required=True, help=word("help.server_folder", lang))
    new = sub.add_parser("new", help=word("help.new", lang))
    new.add_argument("kind", choices=("focus", "synthese", "actualite", "evenement", "avis"),
                     help=word("help.new_kind", lang))
    new.add_argument("slug", help=word("help.new_slug", lang))
    new.add_argument("--site", choices=TERRITORY_IDS, help=word("help.new_site", lang))
    new.add_argument("--date", help=word("help.new_date", lang))
    wordpress = sub.add_parser("import-wordpress", help=word("help.wordpress", lang))
    wordpress.add_argument("exports", nargs="+", type=Path, metavar="EXPORT.xml",
                           help=word("help.wordpress_exports", lang))
    wordpress.add_argument("--site", required=True, help=word("help.wordpress_site", lang))
    wordpress.add_argument("--uploads", type=Path, help=word("help.wordpress_uploads", lang))
    wordpress.add_argument("--translations", type=Path, help=word("help.wordpress_translations", lang))
    wordpress.add_argument("--dry-run", action="store_true", help=word("help.wordpress_dry_run", lang))
    wordpress.add_argument("--force", action="store_true", help=word("help.wordpress_force", lang))
    wordpress.add_argument("--report", type=Path, help=word("help.wordpress_report", lang))
    for command in sub.choices.values():
        global_options(command, lang, top=False)
    return p


def global_options(command: argparse.ArgumentParser, lang: str, top: bool) -> None:
    """--messages and --today, accepted before the command and after it (`build.py --messages en
    check` and `build.py check --messages en`). After it they are given only when written, so that
    they do not undo what was written before it."""
    command.add_argument("--messages", choices=("fr", "en"),
                         default=os.environ.get("BRUSANO_MESSAGES", "fr") if top else argparse.SUPPRESS,
                         help=word("help.messages", lang))
    command.add_argument("--today", type=date.fromisoformat, metavar=word("help.day_format", lang),
                         default=None if top else argparse.SUPPRESS, help=word("help.today", lang))


def messages_lang(argv: list[str]) -> str:
    """The language of the messages (and of --help) before the command line is parsed:
    --messages, anywhere, else BRUSANO_MESSAGES, else French."""
    for i, arg in enumerate(argv):
        if arg == "--messages" and i + 1 < len(argv) and argv[i + 1] in ("fr", "en"):
            return argv[i + 1]
        if arg in ("--messages=fr", "--messages=en"):
            return arg.split("=", 1)[1]
    return "en" if os.environ.get("BRUSANO_MESSAGES") == "en" else "fr"


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser(messages_lang(sys.argv[1:] if argv is None else argv)).parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return run(args)
    except UsageError as exc:
        print(f"build.py: {exc.render(args.messages)}", file=sys.stderr)
        return 2
    except ContentError as exc:  # a settings file's problems (server.yml), with their lines
        print(exc.report.render(args.messages), file=sys.stderr)
        return 1


def run(args) -> int:
    if args.command == "check":
        from publishing.commands.check import check

        report = check(args.root, today=args.today)
        print(report.render(args.messages, strict=args.strict))
        return 1 if report.failed(args.strict) else 0
    if args.command == "build":
        from publishing.commands.build import build_sites

        report = build_sites(args.root, args.site, args.lang, args.out, strict=args.strict,
                             with_pdfs=args.with_pdfs, cache=args.cache, today=args.today)
        failed = report.failed(args.strict)
        print(report.render(args.messages, strict=args.strict, published=not failed if failed else None))
        return 1 if failed else 0
    if args.command == "serve":
        from publishing.commands.serve import serve

        return serve(args.root, args.site, args.host, args.port, args.messages, today=args.today)
    if args.command == "server-config":
        return server_config(args)
    if args.command == "submissions":
        from publishing.commands.server_config import read_settings
        from publishing.service.app import run as run_service

        return run_service(read_settings(args.settings or args.root / "server.yml"), args.root)
    if args.command == "admin":
        from publishing.commands.admin import write_admin

        out = args.out or args.root / "build" / "admin"
        report = write_admin(args.root, out)
        print(out, flush=True)
        return 1 if report.failed() else 0
    if args.command == "edit":
        from publishing.commands.admin import edit

        return edit(args.root, args.site, port=args.port, messages=args.messages)
    if args.command in ("deploy", "rollback"):
        from publishing.commands import deploy

        if args.command == "deploy":
            shown = _compressing(args.messages) if sys.stderr.isatty() else None
            release = deploy.deploy(args.public or args.root / "public", args.to, keep=args.keep, shown=shown)
        else:
            release = deploy.rollback(args.to)
        print(messages.word("online", args.messages, path=release))
        return 0
    if args.command == "newsletter":
        from publishing.commands.newsletter import newsletter

        written, report = newsletter(args.root, args.site, args.month, args.out, today=args.today)
        if report.problems:
            print(report.render(args.messages), file=sys.stderr if report.failed() else sys.stdout)
        for path in written:
            print(path)
        return 1 if report.failed() else 0
    if args.command == "new":
        return new(args)
    if args.command == "audience":
        return audience(args)
    if args.command == "import-wordpress":
        return import_wordpress(args)
    raise UsageError("unknown_command", input=args.command)


def _compressing(lang: str):
    """deploy's progress on the terminal (standard error), one line rewritten in place, cleared when done."""
    from publishing.commands.terminal import clear_line, show_line

    def shown(done: int, total: int) -> None:
        show_line(messages.word("files_compressed", lang, done=done, total=total))
        if done == total:
            clear_line()
    return shown


def server_config(args) -> int:
    from publishing.commands.server_config import read_settings, server_config

    settings = read_settings(args.settings or args.root / "server.yml")
    text, report = server_config(args.root, settings)
    if report.failed():
        print(report.render(args.messages), file=sys.stderr)
        return 1
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    if args.logrotate:
        from publishing.output.logrotate import logrotate

        args.logrotate.write_text(logrotate(settings), encoding="utf-8")
    if args.unit:
        from publishing.output.systemd import unit

        args.unit.write_text(unit(settings), encoding="utf-8")
    return 0


def audience(args) -> int:
    from publishing.commands.audience import audience, period_of

    period = period_of(args.month, args.year)
    if args.month and not args.logs:  # the server's own log (server.yml) and its rotated files
        from publishing.commands.server_config import read_settings

        log = Path(read_settings(args.root / "server.yml").access_log)
        args.logs = sorted(log.parent.glob(glob.escape(log.name) + "*"))
        if not args.logs:
            raise UsageError("logs_needed", path=log)
    shown = args.messages if sys.stderr.isatty() else None  # a count of lines on a terminal
    written, _figures, report = audience(args.root, args.logs, period, args.out, progress=shown)
    if report.problems:
        print(report.render(args.messages), file=sys.stderr if report.failed() else sys.stdout)
    for path in written:
        print(path)
    return 1 if report.failed() else 0


def new(args) -> int:
    from publishing.commands import new as scaffold

    if args.kind == "focus":
        created = scaffold.new_focus(args.root, args.slug)
    elif args.kind in scaffold.ITEM_KINDS:
        if not args.site or not args.date:
            raise UsageError("item_needs_site_date", kind=args.kind)
        created = scaffold.new_item(args.root, args.kind, args.site, args.date, args.slug)
    else:
        if not args.site or not args.date:
            raise UsageError("synthesis_needs_site_date")
        created = scaffold.new_synthesis(args.root, args.site, args.date, args.slug)
    for path in created:
        print(messages.word("created", args.messages, path=path.relative_to(args.root)))
    return 0


def import_wordpress(args) -> int:
    from publishing.commands.import_wordpress import import_wordpress
    from publishing.commands.wordpress_report import render_report

    outcome = import_wordpress(args.root, args.exports, args.site, uploads=args.uploads,
                               translations=args.translations, dry_run=args.dry_run, force=args.force,
                               today=args.today, progress=args.messages if sys.stderr.isatty() else None)
    if outcome.report.failed():
        print(outcome.report.render(args.messages) + " " + messages.word("wxr_failed", args.messages),
              file=sys.stderr)
        return 1
    if outcome.report.problems:
        print(outcome.report.render(args.messages))
    print(render_report(outcome, args.messages, markdown=False, dry_run=args.dry_run), end="")
    if not args.dry_run:
        path = args.report or args.root / "build" / f"import-wordpress-{args.site}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_report(outcome, args.messages, markdown=True), encoding="utf-8")
        print(messages.word("wxr_written", args.messages, count=len(outcome.written), path=path))
    return 0
