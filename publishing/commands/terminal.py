"""A long command's progress on the terminal: one line on standard error, rewritten in place and
cleared when done. Callers show it only when standard error is a terminal (quiet when piped)."""
from __future__ import annotations

import sys


def show_line(text: str) -> None:
    print("\r" + text, end="", file=sys.stderr, flush=True)


def clear_line() -> None:
    print("\r\033[K", end="", file=sys.stderr, flush=True)
