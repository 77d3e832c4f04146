#!/usr/bin/env python3
"""How long `build.py import-wordpress` takes on a large export, in how much memory (issue 23).

    python -m bench.wordpress [--items 5000] [--attachments 2000] [--keep DIR]   # also run by make bench

Generates, in a temporary folder, exports of a fictional WordPress site written as WordPress 6,
WPML and The Events Calendar write them: --items published items (news, partners' notices,
events at venues, pages; three in five in French, the rest their Dutch translations, paired by
a WPML table), --attachments images in an uploads folder, each the featured image of a news
item, and Gutenberg texts with links to each other by ?p=ID and by permalink. Imports them into
a copy of the repository (bench/run.py's make_corpus), then times `check` with the old addresses
the import added and without them, and the nginx configuration's generation. Prints each figure
with its target; exit status 1 when one is missed.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from bench.run import make_corpus  # the bench's copy of the repository
from harness.served import NGINX, running_nginx

ROOT = Path(__file__).resolve().parent.parent

HOST = "https://www.brusano.brussels"
TODAY = "2026-12-01"
IMPORT_SECONDS = 60
MEMORY_MB = 400
HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Site fictif</title><link>{host}</link><language>{language}</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{host}</wp:base_site_url>
<wp:author><wp:author_login><![CDATA[redaction]]></wp:author_login>
<wp:author_display_name><![CDATA[Équipe fictive]]></wp:author_display_name></wp:author>
"""
ITEM = """<item>
<title><![CDATA[{title}]]></title><link>{link}</link><dc:creator><![CDATA[redaction]]></dc:creator>
<guid isPermaLink="false">{host}/?p={id}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[{excerpt}]]></excerpt:encoded>
<wp:post_id>{id}</wp:post_id><wp:post_date><![CDATA[{date} 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[{slug}]]></wp:post_name><wp:status><![CDATA[{status}]]></wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[{type}]]></wp:post_type>
<wp:post_password><![CDATA[]]></wp:post_password>{attachment}{categories}{meta}
</item>
"""
TEXT = """<!-- wp:paragraph -->
<p>Texte fictif numéro {n}, écrit pour mesurer l'import. Voir aussi <a href="{other}">un autre article</a>
et <a href="{host}/?p={linked}">celui-ci</a>.</p>
<!-- /wp:paragraph -->
<!-- wp:heading --><h2 class="wp-block-heading">Une partie</h2><!-- /wp:heading -->
<!-- wp:list --><ul><li>un point ;</li><li>un autre point.</li></ul><!-- /wp:list -->
{image}"""
IMAGE = """<!-- wp:image {{"id":{id}}} -->
<figure class="wp-block-image size-large"><img src="{host}/wp-content/uploads/2024/05/photo-{n}-1024x576.jpg"
 alt="Une photo fictive {n}"/><figcaption class="wp-element-caption">Légende {n}</figcaption></figure>
<!-- /wp:image -->"""
CITIES = [("1190", "Forest", "Vorst"), ("1060", "Saint-Gilles", "Sint-Gillis"), ("1030", "Schaerbeek", "Schaarbeek"),
          ("1070", "Anderlecht", "Anderlecht"), ("1020", "Laeken", "Laken")]


def meta(pairs: dict[str, str]) -> str:
    return "".join(f"<wp:postmeta><wp:meta_key><![CDATA[{k}]]></wp:meta_key><wp:meta_value><![CDATA[{v}]]>"
                   f"</wp:meta_value></wp:postmeta>" for k, v in pairs.items())


def generate(folder: Path, items: int, attachments: int) -> tuple[list[Path], Path, Path]:
    """Two exports (French, Dutch), the WPML table and the uploads folder."""
    uploads = folder / "uploads" / "2024" / "05"
    uploads.mkdir(parents=True)
    jpeg = (ROOT / "tests" / "fixtures" / "wordpress" / "uploads" / "2023" / "03" / "salle.jpg").read_bytes()
    for n in range(attachments):
        (uploads / f"photo-{n}.jpg").write_bytes(jpeg)
    french_count = items * 3 // 5
    table = ["element_id,trid,language_code"]
    files = {"fr": folder / "export-fr.xml", "nl": folder / "export-nl.xml"}
    streams = {lang: path.open("w", encoding="utf-8") for lang, path in files.items()}
    for lang, stream in streams.items():
        stream.write(HEAD.format(host=HOST if lang == "fr" else HOST + "/nl", language=f"{lang}-BE"))
    venues = 200
    for v in range(venues):
        postcode, fr_city, _nl = CITIES[v % len(CITIES)]
        streams["fr"].write(ITEM.format(
            title=f"Lieu fictif {v}", link=f"{HOST}/lieu/lieu-fictif-{v}/", host=HOST, content="", excerpt="",
            id=900000 + v, date="2020-01-01", slug=f"lieu-fictif-{v}", status="publish", type="tribe_venue",
            attachment="", categories="", meta=meta({"_VenueAddress": f"Rue Fictive {v}", "_VenueZip": postcode,
                                                    "_VenueCity": fr_city})))
    for n in range(attachments):
        streams["fr"].write(ITEM.format(
            title=f"photo-{n}", link=f"{HOST}/photo-{n}/", host=HOST, content="", excerpt="", id=800000 + n,
            date="2024-05-01", slug=f"photo-{n}", status="inherit", type="attachment",
            attachment=f"<wp:attachment_url><![CDATA[{HOST}/wp-content/uploads/2024/05/photo-{n}.jpg]]></wp:attachment_url>",
            categories="", meta=meta({"_wp_attachment_image_alt": f"Une photo fictive {n}"})))
    for n in range(french_count):
        kind = ("post", "post", "post", "tribe_events", "tribe_events", "page", "notice")[n % 7]
        year, month, day = 2015 + n % 11, 1 + n % 12, 1 + n % 28
        when = f"{year}-{month:02d}-{day:02d}"
        extra: dict[str, str] = {}
        categories = ""
        image = ""
        if kind == "post" and n < attachments * 7 // 3:
            extra["_thumbnail_id"] = str(800000 + n % attachments)
            image = IMAGE.format(id=800000 + n % attachments, n=n % attachments, host=HOST)
        if kind == "notice":
            categories = '<category domain="category" nicename="actualite-du-secteur"><![CDATA[Secteur]]></category>'
            extra["partenaire"] = f"Association fictive {n}"
        if kind == "tribe_events":
            extra.update({"_EventStartDate": f"{when} 09:30:00", "_EventEndDate": f"{when} 12:00:00",
                          "_EventTimezone": "Europe/Brussels", "_EventVenueID": str(900000 + n % venues),
                          "_EventURL": "https://example.org/inscription", "_EventCost": "5"})
        wp_type = "post" if kind == "notice" else kind
        folder_name = "evenement" if kind == "tribe_events" else f"{year}/{month:02d}"
        for lang in ("fr", "nl") if n < items - french_count else ("fr",):
            item_id = n * 2 + (1 if lang == "nl" else 0) + 1
            prefix = "" if lang == "fr" else "/nl"
            slug = f"{'article' if lang == 'fr' else 'artikel'}-fictif-{n}"
            other = (n + 7) // 7 * 7  # a news item: its French permalink
            content = TEXT.format(n=n, host=HOST, linked=((n + 3) % french_count) * 2 + 1, image=image,
                                  other=f"{HOST}/{2015 + other % 11}/{1 + other % 12:02d}/article-fictif-{other}/")
            streams[lang].write(ITEM.format(
                title=escape(f"Article fictif {n} ({lang})"), link=f"{HOST}{prefix}/{folder_name}/{slug}/", host=HOST,
                content=content, excerpt=f"Le résumé fictif de l'élément {n}.", id=item_id, date=when, slug=slug,
                status="publish", type=wp_type, attachment="", categories=categories, meta=meta(extra)))
            table.append(f"{item_id},{n + 1},{lang}")
    for stream in streams.values():
        stream.write("</channel>\n</rss>\n")
        stream.close()
    (folder / "translations.csv").write_text("\n".join(table) + "\n", encoding="utf-8")
    return list(files.values()), folder / "translations.csv", folder / "uploads"


def timed(command: list[str], root: Path, label: str = "") -> tuple[float, subprocess.CompletedProcess]:
    """A command of build.py on the repository copy at root: its wall time (its CPU time in CPU)."""
    start, before = time.perf_counter(), cpu_of_children()
    done = subprocess.run([sys.executable, str(ROOT / "build.py"), "--root", str(root), *command],
                          capture_output=True, text=True)
    CPU[label or command[0]] = cpu_of_children() - before
    return time.perf_counter() - start, done


CPU: dict[str, float] = {}  # the last run of each command: CPU time (user + system)


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def nginx_test(root: Path) -> float | None:
    """How long Debian's nginx takes to read the configuration of the repository at root
    (`nginx -t`, as a reload does first); None without nginx."""
    if not Path(NGINX).exists():
        return None
    public = Path(tempfile.mkdtemp(prefix="brusano-wordpress-nginx-"))
    public.chmod(0o755)
    try:
        with running_nginx(public, root) as (_settings, tmp):
            start = time.perf_counter()
            subprocess.run([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-t"], capture_output=True,
                           check=True)
            return time.perf_counter() - start
    finally:
        shutil.rmtree(public, ignore_errors=True)


def measure(work: Path, items: int = 5000, attachments: int = 2000) -> dict:
    exports, table, uploads = generate(work / "exports", items, attachments)
    root = make_corpus(work / "repo", 1)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    seconds, done = timed(["import-wordpress", *map(str, exports), "--site", "region",
                           "--uploads", str(uploads), "--translations", str(table), "--today", TODAY], root)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    import_cpu = CPU["import-wordpress"]
    if done.returncode != 0:
        raise SystemExit(f"import failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    redirects = root / "sites" / "anciennes-adresses.yml"
    added = redirects.read_text(encoding="utf-8").count("\n  - from: ")
    timed(["check", "--today", TODAY], root, "check first")  # its caches (a synthesis's PDF) made: both timed alike
    check_with, checked = timed(["check", "--today", TODAY], root, "check with")
    config_with, _ = timed(["server-config"], root)
    nginx_with = nginx_test(root)
    shutil.copy(ROOT / "sites" / "anciennes-adresses.yml", redirects)
    check_without, _ = timed(["check", "--today", TODAY], root, "check without")
    config_without, _ = timed(["server-config"], root)
    nginx_without = nginx_test(root)
    again, _ = timed(["import-wordpress", *map(str, exports), "--site", "region", "--uploads",
                      str(uploads), "--translations", str(table), "--today", TODAY, "--dry-run"], root)
    return {"items": items, "attachments": attachments, "seconds": seconds, "cpu": import_cpu,
            "check_cpu": (CPU["check with"], CPU["check without"]),
            "peak_mb": max(peak_kb, before) / 1024,
            "addresses": added, "check_with": check_with, "check_without": check_without,
            "check_errors": checked.returncode != 0, "config_with": config_with, "config_without": config_without,
            "nginx_with": nginx_with, "nginx_without": nginx_without,
            "dry_run": again, "export_mb": sum(p.stat().st_size for p in exports) / 1e6}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--attachments", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="brusano-wordpress-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        found = measure(work, args.items, args.attachments)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    rows = [
        (f"import-wordpress: {found['items']} items, {found['attachments']} attachments "
         f"({found['export_mb']:.1f} MB of XML) (s)", f"{found['seconds']:.1f}", f"< {IMPORT_SECONDS}",
         found["seconds"] < IMPORT_SECONDS),
        ("  its CPU time (s; the wall time above depends on the machine's other jobs)", f"{found['cpu']:.1f}", "",
         None),
        ("  peak memory of the import (MB)", f"{found['peak_mb']:.0f}", f"< {MEMORY_MB}", found["peak_mb"] < MEMORY_MB),
        ("  the same again, --dry-run: nothing to write (s)", f"{found['dry_run']:.1f}", "", None),
        (f"check with the {found['addresses']} old addresses added / without (s)",
         f"{found['check_with']:.1f} / {found['check_without']:.1f}", "", None),
        ("  their CPU time (s)", f"{found['check_cpu'][0]:.1f} / {found['check_cpu'][1]:.1f}", "", None),
        ("  check passes on what the import wrote", "no" if found["check_errors"] else "yes", "yes",
         not found["check_errors"]),
        ("nginx configuration with / without them (s)",
         f"{found['config_with']:.1f} / {found['config_without']:.1f}", "", None),
    ]
    if found["nginx_with"] is not None:
        rows.append(("  nginx -t (a reload's reading) with / without them (s)",
                     f"{found['nginx_with']:.2f} / {found['nginx_without']:.2f}", "< 1", found["nginx_with"] < 1))
    width = max(len(r[0]) for r in rows)
    missed = 0
    print()
    for label, value, target, ok in rows:
        verdict = "" if ok is None else (" ok" if ok else " MISSED")
        missed += ok is False
        print(f"{label:{width}}  {value:>12}  {target:<8}{verdict}")
    return missed


if __name__ == "__main__":
    sys.exit(1 if main() else 0)
