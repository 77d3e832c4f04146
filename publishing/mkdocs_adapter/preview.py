"""The preview's web server: MkDocs' live-reload server over a folder we build ourselves."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.livereload import LiveReloadServer


def preview_server(rebuild: Callable[[], None], host: str, port: int, served: Path,
                   watched: Iterable[Path]) -> LiveReloadServer:
    """A server of `served` at http://host:port/ that calls rebuild() when a watched path changes
    and reloads the browser; .serve() runs it until interrupted, .shutdown() stops it."""
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(served), mount_path="/")
    for path in watched:
        server.watch(str(path))
    return server
