"""The servers' access log: one definition of its format, for the server that writes it and the
report that reads it.

`build.py server-config` writes `FORMAT` as nginx's `log_format` (publishing/output/nginx.py);
`build.py audience` reads the lines with `pattern()`, a regular expression made from the same
text: a variable added to the format without saying here what it may hold stops both
(tests/test_audience.py::test_the_parser_reads_what_nginx_writes reads a line nginx wrote).
"""
from __future__ import annotations

import re

NAME = "brusano"  # the log_format's name in the configuration

# The client's address is already truncated by the configuration's map ($brusano_client): the
# log never holds a full address.
FORMAT = ('$brusano_client [$time_local] "$host" "$request" $status $body_bytes_sent '
          '"$http_referer" "$http_user_agent"')

# What each variable may hold, as nginx writes it. nginx's default escaping writes `"`, `\` and
# every byte outside printable ASCII as \xHH, so a quoted value holds no quote.
VARIABLES: dict[str, str] = {
    "brusano_client": r"[0-9A-Fa-f.:]+|-",
    "time_local": r"\d\d/[A-Z][a-z][a-z]/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}",
    "host": r'[^"\s]*',
    "request": r'[^"]*',
    "status": r"\d{3}",
    "body_bytes_sent": r"\d+",
    "http_referer": r'[^"]*',
    "http_user_agent": r'[^"]*',
}

# The user agent of the project's own load test (bench/server_load.py): never a visitor.
LOAD_TEST_AGENT = "brusano-load-test"


def variables() -> list[str]:
    """The format's variables, in the order of the line."""
    return re.findall(r"\$(\w+)", FORMAT)


def pattern() -> re.Pattern[str]:
    """The whole line: literal text as written, each variable as what it may hold, one group each
    (in the order of `variables()`). A variable with no known shape is an error here, not a
    line silently misread."""
    parts = re.split(r"\$(\w+)", FORMAT)
    regex = []
    for index, part in enumerate(parts):
        if index % 2:
            if part not in VARIABLES:
                raise KeyError(f"log_format variable ${part} has no pattern in VARIABLES")
            regex.append(f"({VARIABLES[part]})")
        else:
            regex.append(re.escape(part))
    return re.compile("".join(regex) + r"\Z")


def nginx_lines() -> list[str]:
    """The `log_format` directive, as the configuration writes it."""
    return [f"log_format {NAME} '{FORMAT}';"]
