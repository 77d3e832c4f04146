"""The preview's web server: MkDocs' live-reload server over a folder we build ourselves, told
which files changed (so that the preview rebuilds only what they touch), watching them with the
system's file events rather than polling, and rendering a PDF the first time it is asked for."""
from __future__ import annotations

import os
import posixpath
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import watchdog.events
import watchdog.observers
from mkdocs.livereload import LiveReloadServer


class PreviewServer(LiveReloadServer):
    """Serves `served` at http://host:port/; rebuild(changed) runs after files change (changed: the
    paths, or an empty set for a first build), then the browser reloads. missing(path) may make a
    file that is not there yet (a PDF), given its site-relative path; None: not found."""

    def __init__(self, rebuild: Callable[[set[Path]], None], host: str, port: int, served: Path,
                 missing: Callable[[str], bytes | None] | None = None) -> None:
        super().__init__(builder=self._build, host=host, port=port, root=str(served), mount_path="/")
        self.rebuild, self.missing = rebuild, missing
        self.build_delay = 0.02  # editors save once: no need to wait for more changes
        self.observer = watchdog.observers.Observer()  # type: ignore[assignment]  # inotify: no polling delay
        self._changed: set[Path] = set()
        self._changed_lock = threading.Lock()
        self._making = threading.Lock()

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        path = os.path.abspath(path)
        if path in self._watched_paths:
            return
        self._watched_paths[path] = 1
        server = self

        class Handler(watchdog.events.FileSystemEventHandler):
            def on_any_event(self, event) -> None:
                if event.is_directory or event.event_type in ("opened", "closed_no_write"):
                    return
                with server._changed_lock:
                    server._changed.update(Path(p) for p in (event.src_path, getattr(event, "dest_path", ""))
                                           if p)
                with server._rebuild_cond:
                    server._want_rebuild = True
                    server._rebuild_cond.notify_all()

        self._watch_refs[path] = self.observer.schedule(Handler(), path, recursive=recursive)

    def _build(self) -> None:
        with self._changed_lock:
            changed, self._changed = self._changed, set()
        self.rebuild(changed)

    def _serve_request(self, environ, start_response):
        path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore")
        if self.missing is not None and path.endswith(".pdf"):
            relative = posixpath.normpath("/" + path).lstrip("/")
            target = Path(self.root) / relative
            with self._making:  # one PDF made at a time, and once
                if not target.exists():
                    content = self.missing(relative)
                    if content is not None:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(content)
        return super()._serve_request(environ, start_response)


def preview_server(rebuild: Callable[[set[Path]], None], host: str, port: int, served: Path,
                   watched: Iterable[Path], missing: Callable[[str], bytes | None] | None = None) -> PreviewServer:
    """A PreviewServer watching `watched`; .serve() runs it until interrupted, .shutdown() stops it."""
    server = PreviewServer(rebuild, host, port, served, missing)
    for path in watched:
        server.watch(str(path))
    return server
