"""The servers' access logs, read for `build.py audience`: plain or gzip files (rotated logs, in any
order), streamed line by line, each line checked against the format the configuration writes
(publishing/model/access_log.py) and kept only when it falls in the period asked.

A line that does not match is counted, the first three named by file and line, never fatal; a
file whose first lines all fail is a log of another format and is refused whole, with a message.
Nothing here keeps a line: the caller counts what it needs as the lines pass.
"""
from __future__ import annotations

import gzip
import io
import operator
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

import crawleruseragents

from publishing.model import access_log
from publishing.model.audience import Line, Period
from publishing.problems import Report

PROBE = 5  # a file whose first PROBE lines all fail is of another format
LINE_LIMIT = 32_768  # characters read at once: a longer "line" (a binary file) is cut, and malformed
SHOWN = 3  # malformed lines named by file and line
MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1)}
# What the caller gets of each line, by the format's variable names.
ROLES = ("brusano_client", "time_local", "host", "request", "status", "http_referer", "http_user_agent")


@dataclass
class Reading:
    """What reading found besides the lines: malformed lines, lines of other periods, days seen."""

    lines: int = 0  # of the period
    malformed: int = 0
    first_malformed: list[tuple[str, int]] = field(default_factory=list)
    other_period: int = 0
    days: set[int] = field(default_factory=set)  # ordinals of the days that have a line

    def merge(self, other: Reading) -> None:
        """Add another file's reading (read in another process), after this one's."""
        self.lines += other.lines
        self.malformed += other.malformed
        self.first_malformed = (self.first_malformed + other.first_malformed)[:SHOWN]
        self.other_period += other.other_period
        self.days |= other.days


def read_logs(paths: Sequence[Path], period: Period, report: Report, reading: Reading) -> Iterator[Line]:
    """Every line of the period in the files, in each file's order: (day ordinal, second of the
    day, client, host, request, status, referrer, user agent)."""
    matcher = access_log.pattern().match
    roles = operator.itemgetter(*[access_log.variables().index(role) for role in ROLES])
    days: dict[str, int] = {}  # "07/Dec/2026" -> _day()
    minutes: dict[str, int] = {}  # "03:35" -> seconds since midnight
    for path in paths:
        try:
            lines = _open(path)
        except OSError as exc:
            report.add(path, "log_unreadable", detail=exc.strerror or str(exc))
            continue
        probing: list[int] = []  # malformed line numbers while no line has matched yet
        matched = False
        number = 0
        try:
            with lines:
                for number, text in enumerate(iter(partial(lines.readline, LINE_LIMIT), ""), 1):
                    found = matcher(text.rstrip("\r\n"))
                    if found is None:
                        if not text.strip():
                            continue
                        if matched:
                            _malformed(reading, path, number)
                            continue
                        probing.append(number)
                        if len(probing) >= PROBE:
                            report.add(path, "log_other_format", line=probing[0], name=access_log.NAME)
                            break
                        continue
                    if not matched:
                        matched = True
                        for earlier in probing:
                            _malformed(reading, path, earlier)
                    client, stamp, host, request, status, referrer, agent = roles(found.groups())
                    key = stamp[:11]
                    day = days.get(key)
                    if day is None:
                        day = days[key] = _day(key, period)
                    if day <= 0:
                        if day == OTHER_PERIOD:
                            reading.other_period += 1
                        else:
                            _malformed(reading, path, number)
                        continue
                    reading.lines += 1
                    reading.days.add(day)
                    minute = minutes.get(stamp[12:17])
                    if minute is None:
                        minute = minutes[stamp[12:17]] = int(stamp[12:14]) * 3600 + int(stamp[15:17]) * 60
                    yield day, minute + int(stamp[18:20]), client, host, request, int(status), referrer, agent
        except (EOFError, zlib.error, gzip.BadGzipFile):  # a file cut while being rotated or copied
            report.warn(path, "log_truncated", line=number + 1)
        if not matched:
            for earlier in probing:
                if len(probing) < PROBE:
                    _malformed(reading, path, earlier)


def _open(path: Path) -> io.TextIOBase:
    """Plain or gzip (by its first bytes, whatever its name); latin-1 reads any byte: nginx writes
    every byte outside printable ASCII as \\xHH, so a log is ASCII."""
    with open(path, "rb") as probe:
        magic = probe.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="latin-1", newline="\n")
    return open(path, encoding="latin-1", newline="\n")


def _malformed(reading: Reading, path: Path, number: int) -> None:
    reading.malformed += 1
    if len(reading.first_malformed) < SHOWN:
        reading.first_malformed.append((str(path), number))


OTHER_PERIOD, NO_DAY = 0, -1


def _day(key: str, period: Period) -> int:
    """'07/Dec/2026' -> the day's ordinal; OTHER_PERIOD outside the period, NO_DAY for no day."""
    try:
        day = date(int(key[7:11]), MONTHS[key[3:6]], int(key[0:2]))
    except (KeyError, ValueError):
        return NO_DAY
    return day.toordinal() if period.first <= day <= period.last else OTHER_PERIOD


class Robots:
    """Bots, crawlers, uptime checkers, feed fetchers and scripts, known by their user agent from
    crawler-user-agents (monperrus/crawler-user-agents: a list kept up to date by many, MIT), and
    the project's own load test. Each user agent is looked up once."""

    LIMIT = 200_000  # user agents remembered; the memory forgets them all past it

    def __init__(self) -> None:
        self._known: dict[str, bool] = {}

    def __call__(self, agent: str) -> bool:
        known = self._known.get(agent)
        if known is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            known = self._known[agent] = (access_log.LOAD_TEST_AGENT in agent
                                          or crawleruseragents.is_crawler(agent))
        return known
