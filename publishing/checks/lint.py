"""What a text may not hold, whatever it says: code, file inclusions, images nobody can read.

The texts are the editors' Markdown (content pages, Focus, syntheses). Refused,
as errors: raw HTML that runs code (<script>, <iframe>… , on* event handlers,
javascript: links), snippet lines (`--8<--`: the extension is not enabled, so the
line would be printed, and a path outside the repository is never acceptable),
images without alternative text, and a `---` line that turns a `key: value`
line into a heading. In directories, whose texts are always escaped, HTML is
only a warning: it would show, tags and all.
"""
from __future__ import annotations

import re
from pathlib import Path

from publishing.load.yamlio import YAML_KEY
from publishing.markdown import markup, reading
from publishing.model import Project
from publishing.problems import Report

FORBIDDEN_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta",
                  "link", "style", "form")
CODE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
SNIPPET = re.compile(r"^\s*;?-{1,}8<-{1,}[ \t]*(?P<path>.*?)\s*$")
HTML_IN_TEXT = re.compile(r"<\s*/?\s*[A-Za-z][\w-]*[^<>]*>")


def texts(project: Project) -> list[tuple[Path, str, int]]:
    """(file, body, line of the body's first line) of every text an editor wrote."""
    found = [(page.source, page.body, page.body_line) for page in project.pages]
    for document in project.documents():
        for text in document.texts.values():
            found.append((text.source, text.body, text.body_line))
    return found


def check_texts(project: Project, report: Report) -> None:
    for source, body, first_line in texts(project):
        check_text(project.root, source, body, first_line, report)
    for directory in project.directories.values():
        check_directory(directory, report)


def check_text(root: Path, source: Path, body: str, first_line: int, report: Report) -> None:
    masked = markup.mask_code(body)

    def add(code: str, line: int, **params) -> None:
        report.add(source, code, line=first_line + line - 1, **params)

    for tag in reading.tags(body):  # as the page holds them: raw HTML, md_in_html, {: on…= }
        if tag.name in FORBIDDEN_TAGS:
            add("html_tag_forbidden", tag.line, input=tag.name)
        for name in tag.attributes:
            if name.startswith("on"):
                add("html_event_handler", tag.line, input=name)
    for link in reading.links(body):
        if link.url.lower().replace(" ", "").startswith(CODE_SCHEMES):
            add("javascript_link", link.line, input=short(link.url))
        if link.image and not link.alt and not (link.html and link.alt == ""):
            # ![](x.png), or <img> without alt; <img alt=""> is a deliberate decorative image
            add("image_no_alt", link.line, input=link.url)
    check_snippets(root, source, masked, add)
    check_dashes(masked, add)


def check_snippets(root: Path, source: Path, masked: str, add) -> None:
    """`--8<-- "file"` lines, and the block form (`--8<--`, file names, `--8<--`)."""
    lines = masked.split("\n")
    index = 0
    while index < len(lines):
        match = SNIPPET.match(lines[index])
        if match:
            path = match.group("path").strip("\"'")
            if path:
                snippet(root, source, path, index + 1, add)
            else:  # block form: one file per line until the closing --8<--
                index += 1
                while index < len(lines) and not SNIPPET.match(lines[index]):
                    if lines[index].strip():
                        snippet(root, source, lines[index].strip().strip("\"'"), index + 1, add)
                    index += 1
        index += 1


def snippet(root: Path, source: Path, path: str, line: int, add) -> None:
    if outside(root, source, path):
        add("snippet_outside_repo", line, input=path)
    else:
        add("snippet_unsupported", line, input=path)


def outside(root: Path, source: Path, path: str) -> bool:
    """Would this path, read from the text's folder or the repository, leave the repository?"""
    if "://" in path or path.startswith(("/", "~", "\\")) or re.match(r"^[A-Za-z]:", path):
        return True
    root = root.resolve()
    for base in (source.parent, root):
        target = (base / path).resolve()
        if target != root and root not in target.parents:
            return True
    return False


def check_dashes(masked: str, add) -> None:
    """`key: value` then `---`: Markdown makes the first line a heading (a second or late front matter)."""
    lines = masked.split("\n")
    for index in range(1, len(lines)):
        previous = lines[index - 1]
        if lines[index].strip() == "---" and YAML_KEY.match(previous):
            add("stray_dashes", index + 1, input=previous.strip(), key=previous.split(":", 1)[0])


def check_directory(directory, report: Report) -> None:
    """Directory texts are escaped: HTML in them would be shown as it is."""
    for index, entry in enumerate(directory.entries):
        fields = {"name": entry.name, "description": entry.description, "hours": entry.hours}
        for field, text in fields.items():
            if text is None:
                continue
            for lang in ("fr", "nl"):
                found = HTML_IN_TEXT.search(text[lang])
                if found and (lang == "fr" or text.nl != text.fr):
                    report.warn(directory.source, "html_in_data", line=entry.line,
                                where=f"entries[{index}] ({entry.id}).{field}.{lang}",
                                input=short(found.group(0)))
        if entry.organisation and (found := HTML_IN_TEXT.search(entry.organisation)):
            report.warn(directory.source, "html_in_data", line=entry.line,
                        where=f"entries[{index}] ({entry.id}).organisation", input=short(found.group(0)))


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
