"""Read YAML files and Markdown front matter, keeping line numbers.

Every reader reports into a `Report` and returns None on failure, so that the
caller can go on and collect the problems of the other files.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from publishing.markdown.markup import strip_comments
from publishing.problems import Report

MAX_BYTES = 2 * 1024 * 1024


def read_text(path: Path, report: Report) -> str | None:
    """The file's text, or None (and a problem) when it cannot be used."""
    data = path.read_bytes()
    if len(data) > MAX_BYTES:
        report.add(path, "file_too_large", size=round(len(data) / 1e6, 1), limit=MAX_BYTES // 1_000_000)
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        report.add(path, "not_utf8", line=line, byte=f"0x{data[exc.start]:02x}", position=exc.start)
        return None
    text = text.removeprefix("\ufeff")
    if not text.strip():
        report.add(path, "empty_file")
        return None
    return text.replace("\r\n", "\n")


class Locator:
    """Maps a path inside a YAML document, e.g. ("entries", 3, "phone"), to its line."""

    def __init__(self, node: yaml.Node | None, first_line: int = 1) -> None:
        self.node = node
        self.offset = first_line - 1

    def line(self, loc: tuple = ()) -> int | None:
        node = self.node
        if node is None:
            return None
        best = node.start_mark.line + 1
        for key in loc:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == key:
                        child, best = v, k.start_mark.line + 1
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                child = node.value[key]
                best = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return best + self.offset


@dataclass
class Document:
    data: Any
    locator: Locator


def parse_yaml(text: str, path: Path, report: Report, first_line: int = 1) -> Document | None:
    """Parse YAML text; on a syntax error, report it with its line."""
    try:
        return Document(*_parse(text, FAST_LOADER, first_line))
    except (yaml.YAMLError, ValueError):
        pass  # the messages below are PyYAML's own, the same with or without libyaml
    try:
        return Document(*_parse(text, yaml.SafeLoader, first_line))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        problem = (exc.problem or str(exc)).strip()
        if "\t" in text and ("tab" in problem or "found character" in problem):
            report.add(path, "yaml_tab", line=line)
        else:
            report.add(path, "yaml_syntax", line=line, detail=problem)
        return None
    except yaml.YAMLError as exc:
        report.add(path, "yaml_syntax", detail=str(exc).strip())
        return None
    except ValueError:  # a well-formed value YAML cannot build, e.g. the date 2024-02-30
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        for where, bad in impossible_dates(node) if node is not None else ():
            report.add(path, "impossible_date", line=bad.start_mark.line + first_line, where=where, input=bad.value)
        return None


# libyaml (PyYAML's C parser) when PyYAML was built with it, ten times faster than pure Python
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse(text: str, loader_class: type, first_line: int) -> tuple[Any, Locator]:
    """The data and the node tree (for lines) of one YAML document, parsed once."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, Locator(node, first_line)


TIMESTAMP = "tag:yaml.org,2002:timestamp"


def impossible_dates(node: yaml.Node, where: str = ""):
    """(path, node) of each date-looking value that is no date (2024-02-30), for parse_yaml."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from impossible_dates(value, f"{where}.{key.value}" if where else str(key.value))
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from impossible_dates(value, f"{where}[{index}]")
    elif isinstance(node, yaml.ScalarNode) and node.tag == TIMESTAMP:
        try:
            yaml.SafeLoader("").construct_yaml_timestamp(node)
        except ValueError:
            yield where, node


def load_yaml(path: Path, report: Report) -> Document | None:
    text = read_text(path, report)
    if text is None:
        return None
    doc = parse_yaml(text, path, report)
    if doc is not None and not isinstance(doc.data, dict):
        report.add(path, "not_mapping", line=1)
        return None
    return doc


@dataclass
class MarkdownFile:
    meta: dict
    body: str
    body_line: int  # line number, in the file, of the body's first line
    locator: Locator


def load_markdown(path: Path, report: Report) -> MarkdownFile | None:
    """Split a Markdown file into its front matter (YAML between '---' lines) and body."""
    text = read_text(path, report)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        if misplaced_front_matter(lines, path, report):
            return None
        return MarkdownFile({}, strip_comments(text), 1, Locator(None))
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            break
    else:
        report.add(path, "front_matter_unclosed", line=1)
        return None
    head = "\n".join(lines[1:index])
    doc = parse_yaml(head, path, report, first_line=2) if head.strip() else Document({}, Locator(None))
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        report.add(path, "front_matter_not_mapping", line=2)
        return None
    body = "\n".join(lines[index + 1:])
    # an editor's notes (HTML comments) are never published: not in pages, feeds, search or PDFs
    return MarkdownFile(doc.data, strip_comments(body), index + 2, doc.locator)


YAML_KEY = re.compile(r"^[A-Za-z_][\w-]*:(\s|$)")


def misplaced_front_matter(lines: list[str], path: Path, report: Report) -> bool:
    """A front matter that Markdown would show as text: after blank lines, or without its first '---'."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return False
    if first > 0 and lines[first].strip() == "---" and first + 1 < len(lines) and YAML_KEY.match(lines[first + 1]):
        report.add(path, "front_matter_not_first", line=first + 1)
        return True
    if first == 0 and YAML_KEY.match(lines[0]):
        for line in lines[1:]:
            if line.strip() == "---":
                report.add(path, "front_matter_no_opening", line=1, input=lines[0].strip())
                return True
            if not (YAML_KEY.match(line) or line.startswith((" ", "\t", "- "))):
                break
    return False
