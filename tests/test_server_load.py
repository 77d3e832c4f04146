"""The load bench's client (bench/server_load.py) counts what it must: run briefly against the real
build behind nginx, through a deploy and a rollback; the figures themselves are `make bench`'s."""
from __future__ import annotations

from pathlib import Path

from bench import server_load


def test_a_short_load_through_a_deploy_and_a_rollback_loses_nothing(public):
    phases = server_load.measure(public, seconds=2.0, clients=6)
    assert [p.name for p in phases] == ["steady", "deploy", "rollback"]
    for phase in phases:
        assert phase.latencies and not phase.failed and not phase.torn, phase.figures()
    assert phases[0].served["B"] == 0 and phases[1].served["B"] > 0 and phases[2].served["A"] > 0


def test_the_client_counts_a_wrong_status_and_a_page_of_neither_release(public, real_server):
    from publishing.load.territories import load_communes, load_territories
    from publishing.problems import Report

    root = Path(__file__).resolve().parent.parent
    report = Report()
    asks = server_load.plan(public, load_territories(root / "sites", load_communes(root / "sites", report), report))
    page = next(a for a in asks if a.versions and a.encoding == "gzip")
    old, new = page.versions["gzip"]
    wrong = [server_load.Ask(page.host, page.path, "identity", versions={"": (b"other", b"other too")}),
             server_load.Ask(page.host, page.path, "gzip", versions={"gzip": (old, new[:-1])}),
             server_load.Ask(page.host, page.path, "gzip", versions={"gzip": (old[:-1], old[:-1])}),
             server_load.Ask(page.host, "/nothing-here/", "identity", status=200)]
    phase = server_load.Phase("check")
    server_load.run(server_load.load(real_server[0].https_port, wrong, phase, 0.5, 1))
    assert phase.served["A"] and not phase.served["B"]
    assert {t.split(" ")[-1] for t in phase.torn} == {"(identity)", "(gzip)"}
    assert phase.failed and all(f.endswith("/nothing-here/: 404") for f in phase.failed)
