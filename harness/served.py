"""Servers on this machine's loopback for the tests and the bench, each on a free port: a folder served
as it is (`serve_directory`), and Debian's nginx from the generated configuration (build.py
server-config) as a plain process with its own prefix (`running_nginx`): never the system service."""
from __future__ import annotations

import contextlib
import functools
import http.client
import http.server
import shutil
import socket
import ssl
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from publishing.commands.server_config import server_config
from publishing.output.nginx import ServerSettings

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
BROTLI = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    if IPV6:  # nginx listens on both loopbacks: the port must be free on ::1 too
        with socket.socket(socket.AF_INET6) as s6:
            try:
                s6.bind(("::1", port))
            except OSError:
                return free_port()
    return port


def _has_ipv6() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


IPV6 = _has_ipv6()  # the IPv6 loopback exists here: nginx listens on [::1] too


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@contextlib.contextmanager
def serve_directory(folder: Path):
    """Serve a folder on 127.0.0.1 (a free port) in a thread; yields its URL, ending with '/'."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def running_nginx(public: Path, root: Path = ROOT, connections: int = 64,
                  certificate: tuple[Path, Path] | None = None, **overrides):
    """Debian's nginx from the generated configuration of the repository at `root`, as a plain
    process with its own prefix, on two free loopback ports (IPv4, and IPv6 when there is ::1),
    serving `public` (with a self-signed certificate for every host). connections: nginx's
    worker_connections (a proxied request takes two); overrides: other settings of server.yml (the
    submission service's socket, its rate limit…). Every log nginx writes is in the folder yielded:
    `access.log` (the sites' servers), `logs/error.log` (nginx.conf's own, at level info, so that
    any line about a client would be seen) and `logs/debian-access.log` (Debian's http-level log, in
    the combined format, for the servers that would name none). `certificate`: (certificate, key)
    to use instead of the self-signed one."""
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (scripts/install-system.sh installs it)")
    # nginx's workers run as nobody when started by root: the tree must be readable by all
    tmp = Path(tempfile.mkdtemp(prefix="brusano-nginx-"))
    tmp.chmod(0o755)
    acme = tmp / "acme" / ".well-known" / "acme-challenge"
    acme.mkdir(parents=True)
    (acme / "token123").write_text("token123.key")
    if certificate:
        shutil.copy(certificate[0], tmp / "cert.pem")
        shutil.copy(certificate[1], tmp / "key.pem")
    else:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=test",
                        "-keyout", tmp / "key.pem", "-out", tmp / "cert.pem"], check=True, capture_output=True)
    http_port, https_port = free_port(), free_port()
    settings = ServerSettings(public=str(public), acme=str(tmp / "acme"), certificate=str(tmp / "cert.pem"),
                              certificate_key=str(tmp / "key.pem"), access_log=str(tmp / "access.log"),
                              http_port=http_port, https_port=https_port,
                              listen="127.0.0.1 [::1]" if IPV6 else "127.0.0.1",
                              brotli=BROTLI.exists(), **overrides)
    text, report = server_config(root, settings)
    assert not report.errors
    (tmp / "brusano.conf").write_text(text)
    (tmp / "logs").mkdir()
    (tmp / "nginx.conf").write_text("\n".join([
        f"load_module {BROTLI};" if BROTLI.exists() else "",
        f"pid {tmp}/nginx.pid;", f"error_log {tmp}/logs/error.log info;", "daemon off;", "worker_processes 1;",
        f"events {{ worker_connections {connections}; }}",
        "http {", "    include /etc/nginx/mime.types;", "    default_type application/octet-stream;",
        f"    client_body_temp_path {tmp}/body;", f"    proxy_temp_path {tmp}/proxy;",
        f"    fastcgi_temp_path {tmp}/fastcgi;", f"    uwsgi_temp_path {tmp}/uwsgi;", f"    scgi_temp_path {tmp}/scgi;",
        # Debian's nginx.conf logs every request of a server that names no log of its own, full address and all
        f"    access_log {tmp}/logs/debian-access.log;",
        f"    include {tmp}/brusano.conf;", "}", ""]))
    checked = subprocess.run([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf"), "-t"], capture_output=True,
                             text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen([NGINX, "-p", str(tmp), "-c", str(tmp / "nginx.conf")], stderr=subprocess.PIPE)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", https_port), timeout=0.1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield settings, tmp
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(tmp)


def get(settings: ServerSettings, host: str, path: str = "/", tls: bool = True,
        headers: dict[str, str] | None = None) -> tuple[http.client.HTTPResponse, bytes]:
    """One request to the loopback nginx as `host` (SNI and Host header): the response and its body."""
    port = settings.https_port if tls else settings.http_port
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        sock = context.wrap_socket(sock, server_hostname=host)
        conn: http.client.HTTPConnection = http.client.HTTPSConnection(host, port)
    else:
        conn = http.client.HTTPConnection(host, port)
    conn.sock = sock
    conn.request("GET", path, headers={"Host": host, **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body
