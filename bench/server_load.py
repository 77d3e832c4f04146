#!/usr/bin/env python3
"""The production server under load, and during a deploy and a rollback (issue 16).

    python -m bench.server_load --public public/     # or from bench/run.py (make bench)

nginx from the generated configuration (harness/served.py: Debian's nginx as a plain process on
loopback ports, never the system service) serves a deploy folder (`build.py deploy`'s layout:
releases/ and the symlink current). 50 clients (asyncio, HTTPS with keep-alive, each on one of
the eleven domains) ask for a mix of pages (each asked with Accept-Encoding identity, gzip, and
br, gzip), stylesheets and scripts, feeds, calendars, a PDF and a missing page, for 20 s, three times:

1. steady: release A served;
2. deploy: a quarter into it (5 s), `deploy()` copies release B (every page marked), makes its
   pages' .br and .gz again (the rest it links from A) and switches;
3. rollback: a quarter into it, `rollback()` goes back to A.

For each: requests per second, p50 and p99 latency, failed requests (connection errors, a status
other than expected, a body shorter or longer than its Content-Length, an encoding not asked for),
and pages torn: any page whose body, in the encoding served (identity, gzip or br), is not byte
for byte release A's or release B's (a page served from a half-copied tree, or cut short, would be
neither). Only loopback, bounded in time: it stops by itself.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import shutil
import ssl
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from publishing.model.access_log import LOAD_TEST_AGENT  # left out of the audience report
from publishing.output.precompress import compressed

ROOT = Path(__file__).resolve().parent.parent

MARK = b"<!-- release B -->"


@dataclass(frozen=True)
class Ask:
    host: str
    path: str
    encoding: str  # Accept-Encoding: identity, gzip, or br, gzip
    status: int = 200
    # for pages: release A's and release B's bytes by Content-Encoding served ("", "gzip", "br")
    versions: dict[str, tuple[bytes, bytes]] = field(default_factory=dict, hash=False, compare=False)


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    torn: list[str] = field(default_factory=list)  # a page that is neither release's
    served: dict[str, int] = field(default_factory=lambda: {"A": 0, "B": 0})
    seconds: float = 0.0

    def figures(self) -> str:
        done = sorted(self.latencies)
        if not done:
            return f"{self.name}: no request done, {len(self.failed)} failed"
        p50, p99 = done[len(done) // 2], done[min(len(done) - 1, int(len(done) * 0.99))]
        return (f"{self.name:<9} {len(done) / self.seconds:8.0f} req/s  p50 {p50 * 1000:6.1f} ms  "
                f"p99 {p99 * 1000:6.1f} ms  {len(done)} requests, {len(self.failed)} failed, "
                f"{len(self.torn)} torn pages; pages from A {self.served['A']}, from B {self.served['B']}")


def plan(public: Path, territories) -> list[Ask]:
    """What the clients ask for: on each domain, pages, assets, feeds, a calendar and a PDF."""
    asks: list[Ask] = []
    for territory in territories.values():
        for lang in ("fr", "nl"):
            home = urlsplit(territory.url[lang])
            site = public / territory.id / ("" if lang == "fr" else "nl")
            prefix = home.path
            pages = ["", "agenda/", "syntheses/", "actualites/", "focus/", "repertoires/", "helpdesk/"]
            files = ["syntheses/feed.xml", "agenda/agenda.ics", "404.html"]
            files += [str(p.relative_to(site)) for p in sorted((site / "assets").rglob("*.min.*"))
                      if p.suffix in (".css", ".js")][:3]
            files += [str(p.relative_to(site)) for p in sorted((site / "focus").glob("*/*.pdf"))][:1]
            for page in pages:
                if (site / page / "index.html").is_file():
                    versions = releases(site / page / "index.html")
                    for encoding in ENCODINGS:
                        asks.append(Ask(home.netloc, prefix + page, encoding, versions=versions))
            for name in files:
                if (site / name).is_file():
                    text = name.endswith((".css", ".js", ".xml", ".ics"))
                    asks.append(Ask(home.netloc, prefix + name, "br, gzip" if text else "identity"))
            asks.append(Ask(home.netloc, prefix + "nothing-here/", "identity", status=404))
    return asks


ENCODINGS = ("identity", "gzip", "br, gzip")
SERVED = {"": "", ".gz": "gzip", ".br": "br"}  # file suffix -> Content-Encoding


def releases(html: Path) -> dict[str, tuple[bytes, bytes]]:
    """A page's bytes in release A (the build, as deployed: with its .br and .gz) and in release B
    (as release_b writes it, deployed), by Content-Encoding."""
    body = html.read_bytes()
    old, new = {"": body, **compressed(body)}, {"": marked(body), **compressed(marked(body))}
    return {SERVED[suffix]: (old[suffix], new[suffix]) for suffix in SERVED}


def marked(body: bytes) -> bytes:
    return body.replace(b"</body>", MARK + b"</body>", 1)


def release_b(public: Path, dest: Path) -> None:
    """A copy of the build whose pages are marked (the deploy compresses them)."""
    shutil.copytree(public, dest, copy_function=shutil.copy2)
    for html in dest.rglob("index.html"):
        html.write_bytes(marked(html.read_bytes()))


async def client(port: int, host: str, asks: list[Ask], phase: Phase, going: Callable[[], bool],
                 context: ssl.SSLContext) -> None:
    mine = itertools.cycle([a for a in asks if a.host == host])
    reader = writer = None
    while going():
        ask = next(mine)
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=context, server_hostname=host)
            assert reader is not None
            started = time.monotonic()
            writer.write(f"GET {ask.path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: {ask.encoding}\r\n"
                         f"User-Agent: {LOAD_TEST_AGENT}\r\nConnection: keep-alive\r\n\r\n".encode())
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            lines = head.decode("latin-1").split("\r\n")
            status = int(lines[0].split()[1])
            headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
            length = int(headers.get("content-length", "-1"))
            if length < 0:
                raise ValueError("no Content-Length")
            body = await asyncio.wait_for(reader.readexactly(length), 10)
            phase.latencies.append(time.monotonic() - started)
            encoding = headers.get("content-encoding", "")
            if status != ask.status:
                phase.failed.append(f"{host}{ask.path}: {status}")
            elif encoding and encoding not in ask.encoding:
                phase.failed.append(f"{host}{ask.path}: Content-Encoding {encoding} for {ask.encoding}")
            elif ask.versions:
                old, new = ask.versions.get(encoding, (None, None))
                if body == old:
                    phase.served["A"] += 1
                elif body == new:
                    phase.served["B"] += 1
                else:
                    phase.torn.append(f"{host}{ask.path} ({encoding or 'identity'})")
            if headers.get("connection", "").lower() == "close":
                writer.close()
                reader = writer = None
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            phase.failed.append(f"{host}{ask.path}: {type(error).__name__} {error}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


class During:
    """An action run in a thread `delay` seconds into a phase (a deploy, a rollback); the phase
    goes on at least its length, and a second past the action's end."""

    def __init__(self, action: Callable[[], object], delay: float) -> None:
        self.done_at: float | None = None

        def run() -> None:
            time.sleep(delay)
            action()
            self.done_at = time.monotonic()

        self.thread = threading.Thread(target=run)
        self.thread.start()

    def over(self, now: float) -> bool:
        return self.done_at is not None and now > self.done_at + 1.0


async def load(port: int, asks: list[Ask], phase: Phase, seconds: float, clients: int,
               action: During | None = None) -> None:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE  # the tests' self-signed certificate
    hosts = sorted({a.host for a in asks})
    started = time.monotonic()
    stop = started + seconds

    def going() -> bool:
        now = time.monotonic()
        return now < stop or (action is not None and not action.over(now))

    await asyncio.gather(*(client(port, hosts[i % len(hosts)], asks, phase, going, context) for i in range(clients)))
    phase.seconds = time.monotonic() - started
    if action is not None:
        action.thread.join()


def run(coroutine) -> None:
    """asyncio.run in a thread of its own: the caller may already have an event loop (pytest with
    Playwright's sync API)."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(coroutine)
        except BaseException as error:
            failure.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def measure(public: Path, seconds: float = 20.0, clients: int = 50) -> list[Phase]:
    from harness.served import running_nginx
    from publishing.commands.deploy import deploy, rollback
    from publishing.load.territories import load_communes, load_territories
    from publishing.problems import Report

    delay = seconds / 4  # the deploy or rollback starts a quarter into its phase
    report = Report()
    territories = load_territories(ROOT / "sites", load_communes(ROOT / "sites", report), report)
    asks = plan(public, territories)
    work = Path(tempfile.mkdtemp(prefix="brusano-load-"))
    work.chmod(0o755)
    try:
        release_b(public, work / "public-b")
        to = work / "served"
        deploy(public, to)
        phases = [Phase("steady"), Phase("deploy"), Phase("rollback")]
        with running_nginx(to / "current") as (settings, _tmp):
            run(load(settings.https_port, asks, phases[0], seconds, clients))
            run(load(settings.https_port, asks, phases[1], seconds, clients,
                     During(lambda: deploy(work / "public-b", to), delay)))
            run(load(settings.https_port, asks, phases[2], seconds, clients, During(lambda: rollback(to), delay)))
        return phases
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--public", type=Path, default=ROOT / "public", help="a build (make)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=50)
    args = parser.parse_args(argv)
    phases = measure(args.public, args.seconds, args.clients)
    for phase in phases:
        print(phase.figures())
        for problem in (phase.failed + phase.torn)[:5]:
            print(f"    {problem}")
    bad = sum(len(p.failed) + len(p.torn) for p in phases)
    switched = phases[1].served["B"] > 0 and phases[2].served["A"] > 0
    print("0 failed requests, every page whole from one release." if not bad and switched else
          f"{bad} failed or torn requests" + ("" if switched else "; the release did not switch"))
    return 0 if not bad and switched else 1


if __name__ == "__main__":
    sys.exit(main())
