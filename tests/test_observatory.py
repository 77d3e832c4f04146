"""Security headers, measured (issue 27): the MDN HTTP Observatory grades every one of the eleven
domains at 120 or more, served by the loopback nginx from the generated configuration and the real
build.

The Observatory is npm's @mdn/mdn-http-observatory (package.json), run offline by tests/observatory.mjs:
its own retriever asks each domain over HTTP and HTTPS (every *.brussels name goes to 127.0.0.1, the
test's certificate authority is trusted as a real one would be), its analyzer and grader score the
answers. 120 needs, beyond what every header already gives (HSTS, nosniff, frame-ancestors,
Referrer-Policy), a Content-Security-Policy with default-src 'none' and nothing unsafe: no
'unsafe-inline' for styles either. A policy that lets inline styles back in is graded lower.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from harness.served import running_nginx
from publishing.output import nginx
from tests.support import ROOT

LIBRARY = ROOT / "node_modules" / "@mdn" / "mdn-http-observatory"
RUNNER = Path(__file__).resolve().parent / "observatory.mjs"
TARGET = 120


def hosts() -> list[str]:
    from tests.test_server_config import territories

    return [d.host for d in nginx.domains(territories())]


@pytest.fixture(scope="module")
def authority(tmp_path_factory) -> tuple[Path, Path, Path]:
    """A certificate authority of the test's own and a certificate it signed for the 22 host names:
    (authority's certificate, certificate, key)."""
    if not (LIBRARY / "package.json").is_file() or not shutil.which("node"):
        pytest.skip("the Observatory is not installed: run `make` (npm ci)")
    # its install script downloads Chromium's HSTS preload list, which npm ci --ignore-scripts skips:
    # an empty list grades the domains as not preloaded (no extra credit for it)
    preload = LIBRARY / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")
    folder = tmp_path_factory.mktemp("authority")
    names = sorted({h for host in hosts() for h in (host, host.removeprefix("www.") if host.startswith("www.")
                                                     else "www." + host)})

    def openssl(*args: object) -> None:
        subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True, cwd=folder)

    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Brusano tests CA",
            "-keyout", "ca.key", "-out", "ca.pem")
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=brusano.brussels", "-keyout", "key.pem",
            "-out", "cert.csr")
    (folder / "san.ext").write_text("subjectAltName=" + ",".join(f"DNS:{n}" for n in names) + "\n")
    openssl("x509", "-req", "-in", "cert.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-extfile", "san.ext", "-out", "cert.pem")
    return folder / "ca.pem", folder / "cert.pem", folder / "key.pem"


def observatory(settings, ca: Path, names: list[str]) -> dict[str, dict]:
    """The Observatory's grading of each host, by host."""
    ran = subprocess.run(["node", str(RUNNER), str(settings.http_port), str(settings.https_port), *names],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "NODE_EXTRA_CA_CERTS": str(ca)})
    assert ran.returncode == 0, ran.stderr
    return {found["host"]: found for found in json.loads(ran.stdout)}


@pytest.fixture(scope="module")
def served(public, authority):
    """The real build behind nginx, with the test authority's certificate."""
    tmp = Path(tempfile.mkdtemp(prefix="brusano-observatory-"))
    tmp.chmod(0o755)
    shutil.copytree(public, tmp / "public", copy_function=os.link)
    with running_nginx(tmp / "public", certificate=authority[1:]) as (settings, _folder):
        yield settings
    shutil.rmtree(tmp)


def test_every_domain_is_graded_120_or_more(served, authority):
    graded = observatory(served, authority[0], hosts())
    assert len(graded) == 11
    summary = {host: (g.get("score"), g.get("grade")) for host, g in graded.items()}
    for host, found in graded.items():
        assert found.get("status") == 200, (host, found)
        csp = found["tests"]["content-security-policy"]
        assert csp["result"] == "csp-implemented-with-no-unsafe-default-src-none", (host, csp)
        failed = {name: t["result"] for name, t in found["tests"].items() if not t["pass"]}
        assert not failed, (host, failed)
        assert found["score"] >= TARGET, (host, summary)


@pytest.mark.parametrize("style_src", ["'self' 'unsafe-inline'", "'self' data:"])
def test_a_policy_that_lets_inline_styles_in_is_graded_lower(public, authority, monkeypatch, style_src):
    """The grading does see an unsafe style rule: the same server with it is below 120."""
    planted = nginx.CSP.replace("style-src 'self';", f"style-src {style_src};")
    assert planted != nginx.CSP
    monkeypatch.setattr(nginx, "SECURITY_HEADERS", tuple((name, planted if name == "Content-Security-Policy"
                                                          else value) for name, value in nginx.SECURITY_HEADERS))
    tmp = Path(tempfile.mkdtemp(prefix="brusano-observatory-"))
    tmp.chmod(0o755)
    shutil.copytree(public / "sud", tmp / "public" / "sud", copy_function=os.link)
    try:
        with running_nginx(tmp / "public", certificate=authority[1:]) as (settings, _folder):
            found = observatory(settings, authority[0], ["www.bassin-sud.brussels"])["www.bassin-sud.brussels"]
    finally:
        shutil.rmtree(tmp)
    assert found["tests"]["content-security-policy"]["result"] == "csp-implemented-with-unsafe-inline-in-style-src-only"
    assert found["score"] < TARGET, found["score"]
