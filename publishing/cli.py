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
from publishing.problems import UsageError, messages

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="build.py", description="Sites et brochures de Brusano et des bassins.")
    p.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    global_options(p, top=True)
    sub = p.add_subparsers(dest="command", required=True)

    check = sub.add_parser("check", help="vérifier tout le dépôt sans rien publier")
    check.add_argument("--strict", action="store_true", help="les avertissements comptent comme des erreurs")

    build = sub.add_parser("build", help="construire les sites dans public/")
    build.add_argument("--site", action="append", choices=TERRITORY_IDS, help="un territoire (répétable)")
    build.add_argument("--lang", action="append", choices=LANGS, help="une langue (fr ou nl)")
    build.add_argument("--strict", action="store_true")
    build.add_argument("--out", type=Path, help="dossier de sortie (public/ par défaut)")
    build.add_argument("--no-pdf", dest="with_pdfs", action="store_false",
                       help="sans les PDF (les flux, calendriers et données ouvertes sont écrits)")
    build.add_argument("--no-cache", dest="cache", action="store_false",
                       help="tout reconstruire, même les sites dont rien n'a changé")

    serve = sub.add_parser("serve", help="prévisualiser un territoire avec rechargement automatique")
    serve.add_argument("--site", choices=TERRITORY_IDS, default="region")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--host", default="127.0.0.1")
    admin = sub.add_parser("admin", help="écrire l'éditeur en ligne (Decap CMS) seul, dans build/admin/ par défaut "
                                         "(build l'écrit déjà dans /admin/ du site de la région)")
    admin.add_argument("--out", type=Path, help="dossier écrit")
    edit = sub.add_parser("edit", help="l'éditeur sur cette machine (fichiers du dépôt) et l'aperçu en direct")
    edit.add_argument("--site", choices=TERRITORY_IDS, default="region")
    edit.add_argument("--port", type=int, default=8080, help="port de l'éditeur (8080 par défaut)")
    server = sub.add_parser("server-config",
                            help="écrire la configuration nginx des onze domaines (sites/, server.yml)")
    server.add_argument("--settings", type=Path, help="fichier des réglages (server.yml par défaut)")
    server.add_argument("--out", type=Path, help="fichier écrit (sinon, la sortie standard)")
    server.add_argument("--logrotate", type=Path,
                        help="écrire aussi la rotation du journal d'accès (/etc/logrotate.d/brusano)")
    server.add_argument("--unit", type=Path, help="écrire aussi l'unité systemd du service des annonces des "
                                                  "partenaires dans ce fichier")
    submissions = sub.add_parser("submissions", help="le service qui reçoit les annonces proposées par les "
                                                     "partenaires (derrière nginx, lancé par systemd)")
    submissions.add_argument("--settings", type=Path, help="fichier des réglages (server.yml par défaut)")
    deploy = sub.add_parser("deploy", help="mettre en ligne la dernière construction : une nouvelle version dans "
                                           "DOSSIER/releases/, DOSSIER/current basculé d'un coup")
    deploy.add_argument("--to", type=Path, required=True, help="dossier du serveur (/srv/brusano)")
    deploy.add_argument("--from", dest="public", type=Path, help="construction à publier (public/ par défaut)")
    deploy.add_argument("--keep", type=int, default=5, help="versions gardées (5 par défaut)")
    letter = sub.add_parser("newsletter", help="écrire la newsletter d'un mois, en e-mail HTML et texte, en "
                                               "français et en néerlandais (build/newsletter/ par défaut)")
    letter.add_argument("--site", choices=TERRITORY_IDS, default="region")
    letter.add_argument("--month", required=True, metavar="AAAA-MM", help="le mois de l'édition, par ex. 2026-12")
    letter.add_argument("--out", type=Path, help="dossier écrit")
    audience = sub.add_parser("audience", help="l'audience des sites d'après les journaux du serveur : une page HTML, "
                                               "des tableaux CSV et un résumé (build/audience/ par défaut)")
    audience.add_argument("--logs", type=Path, nargs="+", default=[], metavar="FICHIER",
                          help="journaux d'accès nginx, simples ou .gz, dans n'importe quel ordre (par défaut "
                               "celui de server.yml et ses rotations) ; sans eux, --year additionne les "
                               "rapports des mois déjà faits dans --out")
    period = audience.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="AAAA-MM", help="le mois compté, par ex. 2026-11")
    period.add_argument("--year", metavar="AAAA", help="l'année comptée (les mois additionnés)")
    audience.add_argument("--out", type=Path, help="dossier écrit")
    rollback = sub.add_parser("rollback", help="remettre en ligne la version précédente")
    rollback.add_argument("--to", type=Path, required=True, help="dossier du serveur (/srv/brusano)")
    new = sub.add_parser("new", help="créer les fichiers d'un nouveau texte (Focus, synthèse, actualité, événement, "
                                     "annonce de partenaire), en brouillon")
    new.add_argument("kind", choices=("focus", "synthese", "actualite", "evenement", "avis"),
                     help="focus, synthese, actualite, evenement ou avis")
    new.add_argument("slug", help="nom court en minuscules et tirets, par ex. sante-mentale")
    new.add_argument("--site", choices=TERRITORY_IDS, help="territoire de la synthèse, de l'actualité, de l'événement…")
    new.add_argument("--date", help="date (AAAA-MM-JJ) : de la réunion (synthèse ; AAAA-MM si seul le mois "
                                    "est connu), de publication (actualité, avis) ou du début (événement)")
    wordpress = sub.add_parser("import-wordpress",
                               help="reprendre les contenus des anciens sites WordPress (exports WXR) dans content/")
    wordpress.add_argument("exports", nargs="+", type=Path, metavar="EXPORT.xml",
                           help="les fichiers d'export (Outils → Exporter), un par langue avec WPML")
    wordpress.add_argument("--site", required=True, help="le territoire où les écrire (region, sud…)")
    wordpress.add_argument("--uploads", type=Path, help="copie du dossier wp-content/uploads du serveur")
    wordpress.add_argument("--translations", type=Path,
                           help="table des traductions de WPML en CSV (element_id, trid, language_code)")
    wordpress.add_argument("--dry-run", action="store_true", help="afficher le rapport sans rien écrire")
    wordpress.add_argument("--force", action="store_true", help="remplacer aussi les fichiers modifiés depuis l'import")
    wordpress.add_argument("--report", type=Path,
                           help="fichier du rapport en Markdown (build/import-wordpress-<site>.md par défaut)")
    for command in sub.choices.values():
        global_options(command, top=False)
    return p


def global_options(command: argparse.ArgumentParser, top: bool) -> None:
    """--messages and --today, accepted before the command and after it (`build.py --messages en
    check` and `build.py check --messages en`). After it they are given only when written, so that
    they do not undo what was written before it."""
    command.add_argument("--messages", choices=("fr", "en"),
                         default=os.environ.get("BRUSANO_MESSAGES", "fr") if top else argparse.SUPPRESS,
                         help="langue des messages d'erreur (fr par défaut, en)")
    command.add_argument("--today", type=date.fromisoformat, metavar="AAAA-MM-JJ",
                         default=None if top else argparse.SUPPRESS,
                         help="le jour pris pour aujourd'hui (agenda, valves) ; par défaut la date du dernier commit")


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    try:
        return run(args)
    except UsageError as exc:
        print(f"build.py: {exc.render(args.messages)}", file=sys.stderr)
        return 2


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
            release = deploy.deploy(args.public or args.root / "public", args.to, keep=args.keep)
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
