"""What the server keeps of a visit (issue 27): no log line nginx writes holds a full address, and
the access log is kept as long as the privacy statement says.

The address rules of the configuration (output/nginx.py CLIENT_RULES) are compared with Python's
ipaddress on every way of writing thousands of addresses; then Debian's nginx runs the generated
configuration on loopback, is asked from 127.0.0.1 and ::1 on every kind of server block (a known
host, its www./apex form, HTTP, an unknown host, a request with no name, a 404, a 403 that writes an
error line, a malformed request), and every log file it wrote is read. logrotate runs the generated
rotation, one forced rotation a day: a line is gone after the number of days the statement names.
"""
from __future__ import annotations

import gzip
import ipaddress
import random
import re
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest

from harness.served import IPV6
from publishing.commands.server_config import read_settings
from publishing.output.logrotate import logrotate
from publishing.output.nginx import CLIENT_RULES, ServerSettings, domains
from tests.support import ROOT
from tests.test_server_config import small_tree_nginx, territories

# --- the rules, against Python's ipaddress --------------------------------------------------------

def kept(address: str) -> str:
    """What the configuration's map writes for $remote_addr = address (nginx's rules, in Python)."""
    for pattern, value in CLIENT_RULES:
        found = re.search(pattern, address, re.I)
        if found:
            groups = found.groupdict()
            return re.sub(r"\$(\w+)", lambda m: groups[m.group(1)], value)  # noqa: B023 - used at once
    return "-"


def compressions(groups: list[str]) -> set[str]:
    """The groups written out, and with `::` in place of each run of zero groups (even one)."""
    forms = {":".join(groups)}
    for start in range(len(groups)):
        for end in range(start + 1, len(groups) + 1):
            if all(g == "0" for g in groups[start:end]):
                forms.add(":".join(groups[:start]) + "::" + ":".join(groups[end:]))
    return forms


def spellings(address: ipaddress.IPv6Address) -> set[str]:
    """Every way of writing an IPv6 address: full, leading zeros dropped or not, `::` anywhere it
    may stand, upper case, the last 32 bits as an IPv4 address."""
    groups = address.exploded.split(":")
    short = [g.lstrip("0") or "0" for g in groups]
    forms = {address.exploded, address.compressed} | compressions(short)
    tail = str(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    forms |= {form + tail if form.endswith("::") else f"{form}:{tail}" for form in compressions(short[:6])}
    return {f for f in forms | {f.upper() for f in forms} if _valid(f, address)}


def _valid(form: str, address: ipaddress.IPv6Address) -> bool:
    try:
        return ipaddress.IPv6Address(form) == address
    except ValueError:
        return False


def addresses() -> list[ipaddress.IPv6Address]:
    """Addresses with zero groups in every place: random ones, and the issue's own example."""
    rng = random.Random(27)
    found = [ipaddress.IPv6Address(a) for a in ("::", "::1", "2a02::5c7e:91ff:fe12:3456", "fe80::1",
                                                  "::ffff:192.0.2.17", "64:ff9b::203.0.113.9", "1::", "1:2::")]
    for _ in range(3000):
        found.append(ipaddress.IPv6Address(bytes(
            0 if rng.random() < 0.45 else rng.randrange(256) for _ in range(16))))
    return found


def test_ipv6_addresses_keep_their_first_48_bits_however_written():
    checked = 0
    for address in addresses():
        expected = ipaddress.IPv6Network(f"{address}/48", strict=False).network_address
        for form in spellings(address):
            logged = kept(form)
            assert ipaddress.IPv6Address(logged) == expected, (form, logged, expected)
            checked += 1
    assert checked > 20000


def test_ipv4_addresses_lose_their_last_byte():
    for address in ("127.0.0.1", "192.0.2.255", "10.1.2.3", "203.0.113.0"):
        logged = kept(address)
        assert logged == str(ipaddress.IPv4Network(f"{address}/24", strict=False).network_address)


# --- the check of a log file --------------------------------------------------------------------------

CANDIDATE = re.compile(r"(?<![\w.:])(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f.]{0,15}){2,})(?![\w.])")


def full_addresses(text: str) -> list[str]:
    """The addresses in a log's text that are not truncated: an IPv4 address whose last byte is
    not 0, an IPv6 address with a bit set in its last 80 (written in any form), and anything with
    a `::` that is no address (a mask that cut the text, not the bits)."""
    found = []
    for token in CANDIDATE.findall(text):
        try:
            address = ipaddress.ip_address(token.strip(":") if token.count(":") < 2 else token)
        except ValueError:
            if "::" in token:
                found.append(token)
            continue
        bits = 8 if address.version == 4 else 80
        if int(address) & ((1 << bits) - 1):
            found.append(token)
    return found


TRUNCATED = '127.0.0.0 [07/Dec/2026:03:35:08 +0000] "www.brusano.brussels" "GET / HTTP/1.1" 200 5 "-" "curl/8"'


@pytest.mark.parametrize("line", [
    TRUNCATED.replace("127.0.0.0", "127.0.0.1"),
    TRUNCATED.replace("127.0.0.0", "::1"),
    TRUNCATED.replace("127.0.0.0", "2a02::5c7e::"),  # the old rule's mask, which kept bits of the last 80
    TRUNCATED.replace("127.0.0.0", "2a02:0:0:0:5c7e:91ff:fe12:3456"),
    TRUNCATED.replace("127.0.0.0", "::ffff:192.0.2.17"),
    '2026/12/07 03:35:08 [error] 7#7: *1 directory index of "/srv/assets/" is forbidden, client: 192.0.2.17, '
    'server: www.brusano.brussels, request: "GET /assets/ HTTP/1.1"',
    "2026/12/07 03:35:08 [info] 7#7: *2 client sent invalid request, client: [2a02::5c7e:91ff:fe12:3456]:5000",
])
def test_the_check_finds_a_planted_full_address(line):
    """The check that the server's logs are read with: it does see a full address."""
    assert full_addresses(f"{TRUNCATED}\n{line}\n{TRUNCATED}\n")


def test_the_check_lets_truncated_addresses_and_times_pass():
    lines = [TRUNCATED, TRUNCATED.replace("127.0.0.0", "::"), TRUNCATED.replace("127.0.0.0", "2a02:0:5c7e::"),
             TRUNCATED.replace("127.0.0.0", "-"), "2026/12/07 03:35:08 [notice] 7#7: start worker processes"]
    assert not full_addresses("\n".join(lines))


# --- nginx on loopback, asked from both addresses --------------------------------------------------------

@pytest.fixture(scope="module")
def server():
    with small_tree_nginx() as running:
        yield running


LOOPBACKS = ["127.0.0.1", "::1"] if IPV6 else ["127.0.0.1"]


def ask(settings: ServerSettings, source: str, host: str | None, path: str = "/", tls: bool = True,
        raw: bytes | None = None) -> str:
    """One request from a loopback address (source, which is the server's address too), by name or
    by address (host None: no SNI, no Host: on loopback the server's address would be the client's).
    The status line, or why there is none."""
    family = socket.AF_INET6 if ":" in source else socket.AF_INET
    port = settings.https_port if tls else settings.http_port
    sock = socket.socket(family)
    sock.settimeout(5)
    try:
        sock.connect((source, port))
        if tls:
            context = ssl.create_default_context()
            context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
            sock = context.wrap_socket(sock, server_hostname=host)
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n" if host
                   else f"GET {path} HTTP/1.0\r\n\r\n")
        sock.sendall(raw or request.encode())
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer.split(b"\r\n", 1)[0].decode("latin-1") or "closed"
    except (OSError, ssl.SSLError) as error:
        return type(error).__name__
    finally:
        sock.close()


def logs(folder: Path) -> dict[str, str]:
    """Every file nginx wrote in its folder that is a log, by name."""
    return {str(p.relative_to(folder)): p.read_text(encoding="utf-8", errors="replace")
            for p in sorted(folder.rglob("*.log"))}


@pytest.mark.slow
def test_no_log_line_holds_a_full_address(server):
    settings, folder = server
    for source in LOOPBACKS:
        for domain in domains(territories()):
            for host in (domain.host, domain.alias):
                for tls in (True, False):
                    ask(settings, source, host, "/", tls)
            assert " 200 " in ask(settings, source, domain.host, "/") + " "
            assert " 404 " in ask(settings, source, domain.host, "/nothing-here/") + " "
            # a folder without index.html: nginx writes "directory index ... is forbidden, client: ..."
            assert " 404 " in ask(settings, source, domain.host, "/assets/") + " "
            assert " 404 " in ask(settings, source, domain.host, "/.env") + " "
        ask(settings, source, domain.host, "/.well-known/acme-challenge/token123", tls=False)
        # refused: an unknown name, the server's address with no name, over HTTPS and HTTP
        assert ask(settings, source, "evil.example.org") in ("SSLError", "SSLZeroReturnError", "ConnectionResetError")
        assert ask(settings, source, "evil.example.org", tls=False) == "closed"
        assert ask(settings, source, None) in ("SSLError", "SSLZeroReturnError", "ConnectionResetError")
        assert ask(settings, source, None, tls=False) == "closed"
        # a malformed request (nginx notes "client sent invalid request" at level info)
        ask(settings, source, "www.brusano.brussels", tls=False, raw=b"GET /\x01 NONSENSE\r\n\r\n")
        ask(settings, source, "www.brusano.brussels", raw=b"BREW / HTTP/9.9\r\n\r\n")
    written = logs(folder)
    access = written["access.log"]
    for source in LOOPBACKS:  # every request is in the access log, truncated
        truncated = "127.0.0.0" if source == "127.0.0.1" else "::"
        assert len(re.findall(rf"^{re.escape(truncated)} \[", access, re.M)) >= 11 * 8 + 3, source
    assert '"evil.example.org" "GET / HTTP/1.1" 444' in access
    assert set(written) >= {"access.log", "logs/error.log", "logs/debian-access.log"}
    for name, text in written.items():
        assert not full_addresses(text), f"{name}: {full_addresses(text)[:5]}"


# --- how long the access log is kept ---------------------------------------------------------------------

def test_the_access_log_is_kept_the_days_the_privacy_statement_names(tmp_path):
    """logrotate, run with the generated file once a day (forced): the line written on the first day
    is still there after log_days - 1 rotations, gone after log_days; the statement names log_days."""
    logrotate_bin = shutil.which("logrotate") or "/usr/sbin/logrotate"
    if not Path(logrotate_bin).exists():
        pytest.skip("logrotate is not installed (scripts/install-system.sh installs it)")
    days = read_settings(ROOT / "server.yml").log_days
    statement = {lang: (ROOT / f"content/region/vie-privee.{lang}.md").read_text(encoding="utf-8")
                 for lang in ("fr", "nl")}
    assert f"{days} jours" in statement["fr"] and f"{days} dagen" in statement["nl"]
    # and, GDPR art. 13, what else it must say: the whole User-Agent is kept, the legal bases, the list
    for lang, law, letter in (("fr", "article 6, paragraphe 1, f, du règlement général", "## La newsletter"),
                              ("nl", "artikel 6, lid 1, f, van de algemene verordening", "## De nieuwsbrief")):
        text = statement[lang]
        assert "User-Agent" in text and law in text and letter in text, lang
    folder = tmp_path / "log"
    folder.mkdir(mode=0o750)
    log = folder / "access.log"
    text = logrotate(ServerSettings(access_log=str(log), log_days=days))
    assert f"{log} {{" in text
    # the signal to nginx is not this test's business: the rest of the file is run as generated
    text = re.sub(r"\n\s*postrotate\n.*?endscript", "", text, flags=re.S)
    (tmp_path / "brusano").write_text(text)

    def rotate_one_day(line: str) -> None:
        with log.open("a") as f:
            f.write(line + "\n")
        subprocess.run([logrotate_bin, "--force", "--state", str(tmp_path / "state"), str(tmp_path / "brusano")],
                       check=True, capture_output=True)

    def kept_lines() -> str:
        return "".join(gzip.decompress(p.read_bytes()).decode() if p.suffix == ".gz" else p.read_text()
                       for p in folder.iterdir())

    rotate_one_day("first day")
    for day in range(2, days):
        rotate_one_day(f"day {day}")
    assert "first day" in kept_lines()  # after log_days - 1 rotations
    rotate_one_day(f"day {days}")
    assert "first day" not in kept_lines() and f"day {days}" in kept_lines()


def test_server_config_writes_the_rotation_the_readme_installs(tmp_path, capsys):
    from publishing.cli import main

    assert main(["--root", str(ROOT), "server-config", "--out", str(tmp_path / "brusano.conf"),
                 "--logrotate", str(tmp_path / "brusano")]) == 0
    settings = read_settings(ROOT / "server.yml")
    assert (tmp_path / "brusano").read_text() == logrotate(settings)
    assert f"access_log {settings.access_log} brusano;" in (tmp_path / "brusano.conf").read_text()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "server-config --out /etc/nginx/conf.d/brusano.conf --logrotate /etc/logrotate.d/brusano" in readme
