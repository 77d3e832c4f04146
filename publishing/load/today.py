"""The day the build treats as today: an input of the build, never the clock's.

What is "coming" in an agenda, which notices are still listed and which events are past
depend on it, so it must be the same for two builds of one commit: by default the date of
the last commit (Europe/Brussels), or the day given with `--today` (or BRUSANO_TODAY). A
daily build with `--today` set to the day keeps a site current when nothing is committed.
"""
from __future__ import annotations

import os
import subprocess
from datetime import date, datetime
from pathlib import Path

from publishing.model import BRUSSELS
from publishing.problems import UsageError

ENVIRONMENT = "BRUSANO_TODAY"


def build_today(root: Path) -> date:
    """BRUSANO_TODAY (YYYY-MM-DD) if set, else the last commit's date, else the clock's (a copy of
    the repository without its Git history). `--today` is given to the commands directly."""
    given = os.environ.get(ENVIRONMENT)
    if given:
        try:
            return date.fromisoformat(given)
        except ValueError:
            raise UsageError("today_not_a_date", variable=ENVIRONMENT, input=given) from None
    return last_commit_day(root) or datetime.now(BRUSSELS).date()


def last_commit_day(root: Path) -> date | None:
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True,
                             text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    stamp = out.stdout.strip()
    if out.returncode != 0 or not stamp.isdigit():
        return None
    return datetime.fromtimestamp(int(stamp), BRUSSELS).date()
