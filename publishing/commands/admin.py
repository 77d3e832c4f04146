"""`build.py admin`: the in-browser editor (Decap CMS) as a folder of static files, and
`build.py edit` (`make edit`): the editor on this machine, against the working copy.

The folder holds Decap's bundle copied from node_modules/decap-cms (npm, package-lock.json), the
site's stylesheets for the preview pane, and config.yml generated from the schemas and data
(publishing.output.decap). Nothing is loaded from another host. `build` puts it at /admin/ of
the region's site; its Git host is the `editor_*` settings of server.yml.

`edit` runs three servers, all on 127.0.0.1: Decap's local backend (decap-server, which reads
and writes the files of the working copy), the editor's page and the live preview
(`build.py serve`). Nothing is committed: the editor's changes are files, as by hand.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml

from publishing.commands.server_config import read_settings
from publishing.model.paths import DIRECTORIES_DATA, FOCUS_DATA, SERVER_SETTINGS
from publishing.output import decap
from publishing.output.nginx import ServerSettings
from publishing.output.precompress import link_or_copy
from publishing.problems import Report, UsageError
from publishing.problems.messages import word

DECAP = Path("node_modules") / "decap-cms"
DECAP_DIST = DECAP / "dist"
DECAP_SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"
ADMIN = "admin"  # the folder of the region's site that holds the editor
# What the editor's folder is made from, beside the theme, the code and sites/ (which every site's
# build reads): the Git host's settings, Decap's version, the data its forms offer to choose from.
# The build cache hashes these for the region's site (publishing.commands.cache).
READS = (SERVER_SETTINGS, (DECAP / "package.json").as_posix(), DIRECTORIES_DATA, FOCUS_DATA)


def decap_dist(root: Path) -> Path | None:
    """Decap's bundle: the repository's node_modules (npm ci), else the one beside this code."""
    for base in (Path(root), Path(__file__).resolve().parents[2]):
        if (base / DECAP_DIST / "decap-cms.js").is_file():
            return base / DECAP_DIST
    return None


def backend_of(settings: ServerSettings) -> dict[str, Any]:
    """Decap's backend block from the one setting of the Git host."""
    name = settings.editor_backend
    if name not in ("gitlab", "github", "gitea", "forgejo"):
        raise UsageError("unknown_setting", file=SERVER_SETTINGS, input=f"editor_backend: {name}")
    backend: dict[str, Any] = {"name": name, "repo": settings.editor_repo, "branch": settings.editor_branch}
    host = settings.editor_host.rstrip("/")
    if host and name == "gitlab":
        backend.update(base_url=host, api_root=f"{host}/api/v4", auth_type="pkce")
    elif host:  # gitea, forgejo
        backend.update(base_url=host, api_root=f"{host}/api/v1")
    backend["workflow"] = name in ("github", "gitlab", "gitea", "forgejo")
    return backend


def write_admin(root: Path, out: Path, settings: ServerSettings | None = None, local: str | None = None,
                project: Any = None) -> Report:
    """The editor's folder at out. local: the local backend's URL (make edit), else the Git host's."""
    from publishing.commands.check import load_project
    from publishing.load.today import build_today
    from publishing.mkdocs_adapter.stylesheets import material_stylesheets

    root = Path(root).resolve()
    dist = decap_dist(root)
    if dist is None:
        raise UsageError("editor_missing", path=str(DECAP_DIST))
    report = Report(root)
    if project is None:
        project, _strings, report = load_project(root, checks=False, today=build_today(root))
    settings = settings or read_settings(root / SERVER_SETTINGS)
    out.mkdir(parents=True, exist_ok=True)
    conf = decap.config(project, backend_of(settings), local)
    (out / "config.yml").write_text(config_text(conf), encoding="utf-8")
    (out / "index.html").write_text(decap.admin_page(project), encoding="utf-8")
    styles = [*material_stylesheets(), root / "theme" / "web" / "assets" / "brusano.css"]
    for path in decap.bundle_files(dist):  # 5 MB that no one edits: linked, not written again
        link_or_copy(path, out / path.name)
    for path in [*styles, root / "theme" / "web" / "assets" / "favicon.svg"]:
        shutil.copyfile(path, out / path.name)
    texts = [c["name"] for c in conf["collections"] if c.get("format") == "frontmatter"]
    (out / "preview.js").write_text(decap.preview_script(root, [p.name for p in styles], texts), encoding="utf-8")
    return report


class _Plain(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # each collection written whole, no &anchors
        return True


def config_text(conf: dict[str, Any]) -> str:
    return ("# Generated by `build.py admin` from the schemas (publishing/load/) and the data: do not edit.\n"
            + yaml.dump(conf, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=120))


def start_backend(root: Path, port: int) -> subprocess.Popen:
    """decap-server on 127.0.0.1:port, reading and writing the files under root."""
    node = shutil.which("node") or "node"
    env = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
           "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    script = Path(root) / DECAP_SERVER
    if not script.is_file():
        script = Path(__file__).resolve().parents[2] / DECAP_SERVER
    return subprocess.Popen([node, str(script)], env=env)


class _Quiet(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml", ".js": "text/javascript",
                      ".wasm": "application/wasm"}

    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve_folder(folder: Path, host: str, port: int) -> ThreadingHTTPServer:
    """A static server of folder, in a thread (stop it with .shutdown())."""
    server = ThreadingHTTPServer((host, port), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def edit(root: Path, site: str, port: int = 8080, backend_port: int = 8081, preview_port: int = 8000,
         messages: str = "fr") -> int:
    from publishing.commands.serve import serve

    root = Path(root).resolve()
    folder = Path(tempfile.mkdtemp(prefix="brusano-admin-"))
    backend = None
    page = None
    try:
        report = write_admin(root, folder, local=f"http://127.0.0.1:{backend_port}/api/v1")
        if report.problems:  # the editor starts all the same: its forms are how these get fixed
            print(report.render(messages), flush=True)
        backend = start_backend(root, backend_port)
        page = serve_folder(folder, "127.0.0.1", port)
        print(word("editing", messages, editor=f"http://127.0.0.1:{port}/",
                   preview=f"http://127.0.0.1:{preview_port}/"), flush=True)
        return serve(root, site, "127.0.0.1", preview_port, messages)
    finally:
        if page is not None:
            page.shutdown()
        if backend is not None:
            backend.terminate()
            backend.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
        sys.stdout.flush()
