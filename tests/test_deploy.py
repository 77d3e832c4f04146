"""`build.py deploy --to DIR` and `rollback`: a new release, one symlink rename, the last ones kept."""
from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta

import pytest

from publishing.cli import main
from publishing.commands.deploy import current, deploy, releases, rollback
from publishing.model import TERRITORY_IDS
from publishing.problems import UsageError

T0 = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)


def build(public, text):
    for sid in TERRITORY_IDS:
        (public / sid / "nl").mkdir(parents=True, exist_ok=True)
        (public / sid / "index.html").write_text(f"{sid} {text}")
        (public / sid / "nl" / "index.html").write_text(f"{sid} nl {text}")
    (public / "region" / "admin").mkdir(exist_ok=True)
    (public / "region" / "admin" / "config.yml").write_text("backend: {}")
    (public / ".sud.old").mkdir(exist_ok=True)  # the build's leftovers are not published


def served(to, sid="sud"):
    return (to / "current" / sid / "index.html").read_text()


def test_deploy_switches_keeps_and_rolls_back(tmp_path):
    public, to = tmp_path / "public", tmp_path / "srv"
    made = []
    for i in range(4):
        build(public, f"v{i}")
        made.append(deploy(public, to, keep=3, now=T0 + timedelta(minutes=i)))
        assert served(to) == f"sud v{i}"
        assert os.readlink(to / "current") == f"releases/{made[-1].name}"  # relative symlink
    assert releases(to) == made[1:]  # the oldest went
    assert not (to / "current" / ".sud.old").exists()
    assert rollback(to) == made[2] and served(to) == "sud v2"
    assert rollback(to) == made[1] and served(to) == "sud v1"
    with pytest.raises(UsageError):
        rollback(to)  # nothing older is kept
    build(public, "v4")
    deploy(public, to, keep=3, now=T0 + timedelta(minutes=10))
    assert served(to) == "sud v4" and current(to) == releases(to)[-1]


def test_a_half_copied_release_is_never_served(tmp_path):
    public, to = tmp_path / "public", tmp_path / "srv"
    build(public, "v0")
    first = deploy(public, to, now=T0)
    partial = to / "releases" / ".partial-20261205T010100000000Z"
    partial.mkdir()  # a deploy stopped half way
    assert releases(to) == [first] and served(to) == "sud v0"
    build(public, "v1")
    deploy(public, to, now=T0 + timedelta(minutes=2))
    assert not partial.exists() and served(to) == "sud v1"


def test_no_deploy_without_a_whole_build(tmp_path):
    public = tmp_path / "public"
    (public / "sud").mkdir(parents=True)
    with pytest.raises(UsageError):
        deploy(public, tmp_path / "srv")
    assert not (tmp_path / "srv" / "current").exists()


def test_no_deploy_without_the_editor(tmp_path, capsys):
    """A build without /admin/ (a partial one, or made by hand) would publish the sites without their
    editor: refused, with what to do."""
    public, to = tmp_path / "public", tmp_path / "srv"
    build(public, "v0")
    shutil.rmtree(public / "region" / "admin")
    assert main(["--messages", "en", "deploy", "--from", str(public), "--to", str(to)]) == 2
    assert "no web editor" in capsys.readouterr().err
    assert not (to / "current").exists()


def test_the_nightly_command_deploys_the_sites_with_their_editor(fixture_root, tmp_path):
    """README's nightly job, `build.py build --today … && build.py deploy --to …`, twice (two days):
    what it serves has the editor at /admin/ of the region's site."""
    public, to = tmp_path / "public", tmp_path / "srv"
    for day in ("2026-12-07", "2026-12-08"):
        assert main(["--root", str(fixture_root), "build", "--today", day, "--no-pdf", "--out", str(public)]) == 0
        assert main(["--root", str(fixture_root), "deploy", "--from", str(public), "--to", str(to)]) == 0
        editor = to / "current" / "region" / "admin"
        assert "backend:" in (editor / "config.yml").read_text()
        assert "decap-cms.js" in (editor / "index.html").read_text()
        assert (editor / "decap-cms.js").stat().st_size > 100_000


def test_command_line(tmp_path, capsys):
    public, to = tmp_path / "public", tmp_path / "srv"
    build(public, "v0")
    assert main(["deploy", "--from", str(public), "--to", str(to)]) == 0
    build(public, "v1")
    assert main(["deploy", "--from", str(public), "--to", str(to)]) == 0
    assert served(to) == "sud v1"
    assert main(["rollback", "--to", str(to)]) == 0
    assert served(to) == "sud v0"
    assert main(["rollback", "--to", str(to)]) == 2
    assert main(["--messages", "en", "deploy", "--from", str(tmp_path / "nothing"), "--to", str(to)]) == 2
    assert "no whole build" in capsys.readouterr().err
