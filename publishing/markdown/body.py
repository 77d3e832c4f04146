"""Jinja for Markdown bodies: the few variables an editor may write in a page.

A shared page can say {{ territory.name }} and be right on all six sites.
Undefined variables are errors, reported with the file and line.
"""
from __future__ import annotations

import hashlib
import marshal
import re
import sys
from functools import lru_cache
from pathlib import Path

import jinja2

from publishing.model import Lookup, Page, Project, Territory
from publishing.model.paths import BUILD_CACHE
from publishing.problems import Report

# No template can be loaded: {% include %}, {% import %}, {% extends %} name a file, and a page
# never reads another file (an empty loader makes each of them a TemplateNotFound).
ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False,
                         keep_trailing_newline=True, loader=jinja2.DictLoader({}))
INCLUDE = re.compile(r"\{%-?\s*(include|import|extends|from)\b")


def territory_view(project: Project, territory: Territory, lang: str) -> dict:
    """What {{ territory.… }} offers in a page, in one language."""
    communes = []
    for area in territory.areas:
        name = area.name[lang]
        if area.commune != area.id:  # a part of Bruxelles-Ville
            city = project.communes[area.commune].name[lang]
            name = name if city.split("-")[0] in name else f"{city} ({name})"
        communes.append(name)
    return {
        "id": territory.id,
        "name": territory.name[lang],
        "tagline": territory.tagline[lang],
        "url": territory.url[lang],
        "is_region": territory.is_region,
        "communes_list": communes,
        "communes": join(communes, project.strings.for_lang(lang)),
        "helpdesk": {
            "phone": territory.helpdesk.phone,
            "phone_link": territory.helpdesk.phone_link,
            "email": territory.helpdesk.email,
            "hours": territory.helpdesk.hours[lang] if territory.helpdesk.hours else None,
        },
    }


def join(items: list[str], t: Lookup) -> str:
    """'Anderlecht, Forest et Saint-Gilles': the last two joined by the language's word (list.last_two)."""
    if len(items) < 2:
        return "".join(items)
    return t("list.last_two").format(first=", ".join(items[:-1]), last=items[-1])


def render_body(page: Page, context: dict, report: Report) -> str | None:
    if "{{" not in page.body and "{%" not in page.body:
        return page.body
    try:
        return _template(page.body).render(**context)
    except jinja2.TemplateNotFound as exc:
        line, tag = _include_of(page.body)
        report.add(page.source, "include_not_allowed", line=page.body_line + line - 1 if line else None,
                   tag=tag, input=exc.name)
    except jinja2.TemplateSyntaxError as exc:
        report.add(page.source, "template_error", line=page.body_line + exc.lineno - 1, detail=exc.message)
    except jinja2.UndefinedError as exc:
        line = _line_of(page.body, str(exc))
        report.add(page.source, "template_error", line=page.body_line + line - 1 if line else None,
                   detail=str(exc))
    return None


@lru_cache(maxsize=4096)
def _template(body: str) -> jinja2.Template:
    """A body compiled once per process: each is rendered on up to twelve site plans; and kept
    compiled on disk when a command asked for it (keep_compiled), by its text and the versions of
    Jinja and Python, as Jinja's own bytecode cache keeps templates."""
    path = None
    if _COMPILED is not None:
        key = hashlib.sha256(f"{jinja2.__version__}|{sys.version}|{body}".encode("utf-8", "surrogatepass"))
        path = _COMPILED / f"{key.hexdigest()}.code"
        try:
            code = marshal.loads(path.read_bytes())
            return ENV.template_class.from_code(ENV, code, ENV.make_globals(None), None)
        except (OSError, EOFError, ValueError, TypeError):
            pass  # not compiled yet
    code = ENV.compile(body)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(marshal.dumps(code))
        except OSError:
            pass  # a read-only checkout: compiled again next time
    return ENV.template_class.from_code(ENV, code, ENV.make_globals(None), None)


_COMPILED: Path | None = None  # where the compiled bodies are kept (keep_compiled), if anywhere


def keep_compiled(root: Path) -> None:
    """Keep the compiled page bodies of this repository in its build/cache/ from now on."""
    global _COMPILED
    _COMPILED = Path(root) / BUILD_CACHE / "jinja-bodies"


def _line_of(body: str, message: str) -> int | None:
    # "'dict object' has no attribute 'nme'" -> the line that mentions 'nme'
    word = message.rsplit("'", 2)[-2] if message.count("'") >= 2 else ""
    for number, line in enumerate(body.splitlines(), 1):
        if word and word in line and "{{" in line:
            return number
    return None


def _include_of(body: str) -> tuple[int | None, str]:
    for number, line in enumerate(body.splitlines(), 1):
        match = INCLUDE.search(line)
        if match:
            return number, match.group(1)
    return None, "include"
