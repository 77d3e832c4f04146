"""A synthesis as exactly one A4 page: one column if it fits, else two; else an error.

The error says by how much the text runs over, so an editor knows how much to cut.
"""
from __future__ import annotations

from urllib.parse import urljoin

from markupsafe import Markup

from publishing.markdown.html import to_html
from publishing.model import Project, Synthesis, long_date
from publishing.model.paths import PDF_CACHE
from publishing.output import pdf
from publishing.output.focus_pdf import template_env


class TooLong(Exception):
    def __init__(self, overflow_mm: float, pages: int) -> None:
        super().__init__(f"{overflow_mm} mm")
        self.overflow_mm = overflow_mm
        self.pages = pages


def synthesis_html(project: Project, synthesis: Synthesis, lang: str, page_url: str,
                   columns: int) -> str:
    text = synthesis.text(lang)
    t = project.strings.for_lang(text.lang)
    territory = project.territories[synthesis.territory]
    return template_env(project.root).get_template("synthese.html").render(
        lang=text.lang, t=t, columns=columns,
        stylesheet=(project.root / "theme" / "pdf" / "synthese.css").as_uri(),
        title=text.title, summary=text.summary,
        body=Markup(to_html(text.body, folder_url=urljoin(page_url, "..")).body),  # the page's folder
        territory={"name": territory.name[text.lang], "tagline": territory.tagline[text.lang],
                   "colour": territory.colour},
        kind=t(f"synthesis.kind.{synthesis.kind}"),
        theme=t(f"synthesis.theme.{synthesis.theme}") if synthesis.theme else None,
        participants=synthesis.participants,
        date=long_date(synthesis.date, t), date_iso=synthesis.date.isoformat(),
        page_url=page_url, publisher=t("pdf.publisher"),
    )


def render_synthesis(project: Project, synthesis: Synthesis, lang: str,
                     page_url: str) -> pdf.RenderedPdf:
    """One page or TooLong (with the overflow of the two-column layout)."""
    text = synthesis.text(lang)
    cache = project.root / PDF_CACHE
    result = None
    for columns in (1, 2):
        html = synthesis_html(project, synthesis, lang, page_url, columns)
        result = pdf.render(html, text.source.parent, project.root, text.title, text.lang, cache_dir=cache,
                            measure_overflow=True)
        if result.pages == 1:
            return result
    assert result is not None
    raise TooLong(result.overflow_mm, result.pages)
