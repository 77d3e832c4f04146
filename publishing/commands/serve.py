"""`build.py serve --site ID`: preview one territory, both languages, with live reload.

Watches everything a page can come from (content/, sites/, theme/, focus/,
directories/, mkdocs.yml): saving any of them rebuilds the site and reloads the
browser. PDFs are left out of the preview to keep it fast (`build` makes them).
When a change breaks something, the problems are printed and the browser keeps
showing the last good version.
"""
from __future__ import annotations

import shutil
import signal
import sys
import tempfile
from datetime import date
from pathlib import Path

WATCHED = ("content", "sites", "theme", "focus", "directories", "mkdocs.yml")


def serve(root: Path, site: str, host: str, port: int, messages: str = "fr", today: date | None = None) -> int:
    from publishing.commands.build import build_sites
    from publishing.mkdocs_adapter import preview_server
    from publishing.problems.messages import word

    root = Path(root).resolve()
    out = Path(tempfile.mkdtemp(prefix=f"brusano-{site}-"))
    served = out / site

    def rebuild() -> None:
        report = build_sites(root, [site], out=out, with_files=False, today=today)
        text = report.render(messages, published=False if report.failed() else None)
        print(text, file=sys.stderr if report.failed() else sys.stdout, flush=True)

    rebuild()
    if not served.exists():
        print("build.py: " + word("nothing_to_preview", messages), file=sys.stderr)
        shutil.rmtree(out, ignore_errors=True)
        return 1
    server = preview_server(rebuild, host, port, served,
                            [root / name for name in WATCHED if (root / name).exists()])
    print(word("previewing", messages, site=site, address=f"http://{host}:{port}/"), flush=True)
    # Closing the terminal or `kill` stops the preview as Ctrl+C does: its folder is removed.
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(out, ignore_errors=True)
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
